#pragma once
// Loading films by content (never by extension): DICOM by the "DICM" magic at byte 128,
// raster formats by their signatures. Every failure is a cxr::Error naming the file.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/imaging/film.h"

namespace cxr::imaging {

struct LoadOptions {
    // Refused from the header, before any pixel buffer is allocated.
    std::int64_t maxPixels = 20000LL * 20000LL;
    int maxSide = 30000;
    // When > 0, raster decoders may decode at a reduced scale (1/2, 1/4, 1/8) as long as the
    // short side stays >= this; the Film then reports the reduced geometry. 0 = full size.
    int minDecodeSide = 0;
    bool readTags = true;  // fill Film::tags (DICOM) for the tag panel
};

// Throws cxr::Error naming the file: NotFound, InvalidInput (a folder, an empty file, not an
// image, a DICOM object without pixel data), Corrupt (truncated or damaged), Unsupported
// (e.g. a transfer syntax, named), TooLarge (declared geometry over the limits).
Film loadFilm(const std::filesystem::path& path, const LoadOptions& options = {});

// The same from bytes in memory (fuzzing, tests, drag-and-drop of data); `nameForMessages`
// stands in for the file name in errors.
Film loadFilmFromMemory(const std::uint8_t* data, std::size_t size, const std::string& nameForMessages,
                        const LoadOptions& options = {});

// What a file's first bytes say it is: "DICOM", "JPEG", "PNG", "BMP", "TIFF", or "" (unknown).
std::string sniffFormat(const std::filesystem::path& path);

}  // namespace cxr::imaging
