#pragma once
// What the model said about one film, in the form the DICOM result objects need it: the call,
// the numbers behind it, the model's identity, where the class activation map peaks on the film
// and the overlay picture. Plain data (no DCMTK, no LibTorch): core/workflows fills it from a
// Diagnosis, core/pacs turns it into a Structured Report and a Secondary Capture image.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cxr::pacs {

// The sentence both result objects carry, in the report's text and burned into the picture.
inline constexpr const char* kResearchStatement = "Research use only, not for diagnosis";

// A point on the source film in DICOM image coordinates (the SCOORD convention): column and row
// in pixels of the stored image, (0, 0) the top-left corner of the top-left pixel, so the centre
// of pixel (c, r) is (c + 0.5, r + 0.5).
struct FilmPoint {
    double column = 0, row = 0;
};

// An 8-bit RGB picture, rows top to bottom, pixels interleaved R, G, B.
struct RgbImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;  // width * height * 3 bytes
};

struct AiResult {
    bool findingPresent = false;          // the call at the operating threshold
    std::string positiveClass = "PNEUMONIA";  // the class whose probability is thresholded
    double probability = 0;               // P(positiveClass), 0..1
    double threshold = 0.5;               // the model's operating threshold on that probability
    std::string modelName;
    std::string modelSha256;              // of the weights file: the algorithm's version
    std::optional<FilmPoint> camPeak;     // where the class activation map peaks
    std::optional<RgbImage> overlay;      // film + heat map + burned-in statement, for the SC image
    std::string statement = kResearchStatement;
};

// One DICOM object written from an AiResult, ready to send.
struct DerivedObject {
    std::filesystem::path file;
    std::string sopClassUid, sopInstanceUid, seriesInstanceUid, studyInstanceUid;
    std::string kind;  // "SR" or "SC", for messages
};

}  // namespace cxr::pacs
