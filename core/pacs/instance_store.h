#pragma once
// Where DICOM objects that arrive over the network land: C-GET and C-MOVE retrieves and the
// listener all store through here, one file per SOP Instance UID, written atomically (a reader
// never sees half a file, a failed write leaves nothing), and each is classified: a film CXR
// Studio can diagnose, or an object kept but not diagnosed, with the reason.
#include <filesystem>
#include <string>

class DcmDataset;  // DCMTK; only core/pacs .cpp files call storeInstance

namespace cxr::pacs {

struct ReceivedInstance {
    std::filesystem::path file;
    std::string sopClassUid, sopInstanceUid, studyInstanceUid, seriesInstanceUid;
    std::string transferSyntaxUid;  // as it arrived and is stored
    bool diagnosable = false;       // an image CXR Studio can decode
    std::string note;               // why not, when not ("a structured report, not an image")
};

// Writes `dataset` (received in `transferSyntaxUid`) with a file meta header to
// dir/<SOPInstanceUID>.dcm, atomically. Throws cxr::Error: InvalidInput when the object has no
// usable SOP Instance UID or class, Io naming the file when it cannot be written (a full disk:
// nothing is left behind).
ReceivedInstance storeInstance(DcmDataset& dataset, const std::string& transferSyntaxUid,
                               const std::filesystem::path& dir);

// Classifies a stored object (what storeInstance fills in): images in a transfer syntax CXR
// Studio decodes are diagnosable; SR, presentation states, encapsulated documents, images in
// other syntaxes and CXR Studio's own results (UIDs below kCxrUidRoot: an overlay forwarded
// back must not be diagnosed again) are not, and the note says why.
void classifyInstance(DcmDataset& dataset, const std::string& transferSyntaxUid, ReceivedInstance& instance);

}  // namespace cxr::pacs
