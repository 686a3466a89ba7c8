#!/usr/bin/env bash
# Starts (or stops) a real Orthanc PACS on loopback for the pacs tests: a generated
# configuration in DIR (free ports, its own storage, called-AE-title checking on, any caller may
# echo, store, find and get; C-MOVE goes to the one modality it knows, CXRSTUDIO at 127.0.0.1 on
# MOVE_PORT, where a test runs our Storage SCP), the ports in DIR/orthanc.env.
# Usage: orthanc_fixture.sh start|stop DIR [PYTHON]
set -euo pipefail
action=$1
dir=$2
python=${3:-python3}
if [ "$action" = stop ]; then
  if [ -f "$dir/pid" ]; then
    kill "$(cat "$dir/pid")" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$(cat "$dir/pid")" 2>/dev/null || exit 0; sleep 0.1; done
    kill -9 "$(cat "$dir/pid")" 2>/dev/null || true
  fi
  exit 0
fi
command -v Orthanc >/dev/null || { echo "Orthanc is not installed (Debian package orthanc; scripts/install-deps)" >&2; exit 1; }
if [ -f "$dir/pid" ]; then kill "$(cat "$dir/pid")" 2>/dev/null || true; fi
rm -rf "$dir"
mkdir -p "$dir/db"
read -r dicom http move < <("$python" -c '
import socket
s = [socket.socket() for _ in range(3)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
cat > "$dir/orthanc.json" <<JSON
{
  "Name": "CXR Studio test PACS",
  "StorageDirectory": "$dir/db",
  "IndexDirectory": "$dir/db",
  "DicomAet": "CXRTESTPACS",
  "DicomPort": $dicom,
  "HttpPort": $http,
  "HttpServerEnabled": true,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "DicomCheckCalledAet": true,
  "DicomAlwaysAllowEcho": true,
  "DicomAlwaysAllowStore": true,
  "DicomAlwaysAllowFind": true,
  "DicomAlwaysAllowGet": true,
  "DicomCheckModalityHost": false,
  "DicomModalities": { "cxrstudio": [ "CXRSTUDIO", "127.0.0.1", $move ] },
  "Plugins": []
}
JSON
Orthanc "$dir/orthanc.json" > "$dir/orthanc.log" 2>&1 &
echo $! > "$dir/pid"
for _ in $(seq 300); do
  if "$python" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$http/system', timeout=1)" 2>/dev/null; then
    printf 'AET=CXRTESTPACS\nDICOM_PORT=%s\nHTTP_PORT=%s\nMOVE_AET=CXRSTUDIO\nMOVE_PORT=%s\n' "$dicom" "$http" "$move" > "$dir/orthanc.env"
    exit 0
  fi
  kill -0 "$(cat "$dir/pid")" 2>/dev/null || { echo "Orthanc stopped:" >&2; tail -20 "$dir/orthanc.log" >&2; exit 1; }
  sleep 0.1
done
echo "Orthanc did not answer on port $http within 30 s" >&2
exit 1
