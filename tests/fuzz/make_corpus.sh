#!/usr/bin/env bash
# Seed corpora for the fuzz targets: synthetic films in every DICOM transfer syntax and both
# photometric interpretations plus JPEG and PNG, and small PyTorch files in both containers.
#   make_corpus.sh CXR_BINARY OUT_DIR [PYTHON]    (PYTHON: Debian's python3 with torch)
set -euo pipefail
cxr=$1 out=$2 python=${3:-/usr/bin/python3}
rm -rf "$out" && mkdir -p "$out/films" "$out/weights" "$out/tmp"
"$cxr" synth "$out/tmp/dicom" --dicom --train 18 --val 0 --test 0 --size 48 --seed 1 >/dev/null
"$cxr" synth "$out/tmp/jpeg" --train 4 --val 0 --test 0 --size 40 --seed 2 >/dev/null
find "$out/tmp" -type f \( -name '*.dcm' -o -name '*.jpeg' \) | sort | while read -r f; do
  cp "$f" "$out/films/$(sha256sum "$f" | cut -c1-16)-$(basename "$f")"
done
"$python" - "$out/films" "$out/weights" <<'PY'
import collections, sys, zlib, struct, torch
films, weights = sys.argv[1], sys.argv[2]
# A small grey PNG (8-bit) and a 16-bit one, written by hand to stay tiny.
def png(path, depth, rows):
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
    raw = b''.join(b'\x00' + r for r in rows)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 8, len(rows), depth, 0, 0, 0, 0))
    open(path, 'wb').write(data + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
png(f'{films}/grey8.png', 8, [bytes(range(i, i + 8)) for i in range(4)])
png(f'{films}/grey16.png', 16, [bytes(range(i, i + 16)) for i in range(4)])
torch.manual_seed(0)
sd = collections.OrderedDict()
sd['conv.weight'] = torch.randn(2, 1, 3, 3)
sd['bn.running_mean'] = torch.zeros(2)
sd['bn.num_batches_tracked'] = torch.tensor(3)
sd['fc.weight'] = torch.randn(4, 6)[:, ::2]  # a strided view
sd['fc.bias'] = torch.randn(2).half()
torch.save(sd, f'{weights}/zip.pth')
torch.save(sd, f'{weights}/legacy.pth', _use_new_zipfile_serialization=False)
torch.save({'state_dict': sd, 'epoch': 3}, f'{weights}/checkpoint.pth')
torch.save({'NORMAL': 0, 'PNEUMONIA': 1}, f'{weights}/class_to_index.pth')
PY
rm -rf "$out/tmp"
echo "corpus: $(ls "$out/films" | wc -l) films, $(ls "$out/weights" | wc -l) weight files in $out"
