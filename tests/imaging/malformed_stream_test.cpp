// Structurally malformed streams that third-party parsers trust: the JPEG 2000 header walk that
// runs before GDCM, the RLE header check before DCMTK's decoder, and DICOM element lengths
// larger than the file (all found by fuzzing; the fuzzer's reproducers are replayed by
// FuzzRegressions.* in test_hardening).
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>

#include <gtest/gtest.h>
#include <zlib.h>

#include "core/common/error.h"
#include "dicom_bytes.h"
#include "core/imaging/jpeg2000_header.h"
#include "core/imaging/load_film.h"
#include "core/imaging/rle_header.h"
#include "test_dirs.h"

namespace cxr::imaging {
namespace {

using detail::jpeg2000HeaderProblem;

// ASan reserves terabytes of shadow memory, so an address-space cap cannot be used under it.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// Runs `load` in a death-test child whose address space is capped at 512 MB above what it
// already uses (no cap under ASan), exiting 0 when it returns true.
[[noreturn]] void underAddressCap(const std::function<bool()>& load) {
    if (!kAddressSanitizer) {
        long pages = 0;
        std::ifstream("/proc/self/statm") >> pages;
        const rlim_t limit = static_cast<rlim_t>(pages) * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE)) + (rlim_t{512} << 20);
        const rlimit cap{limit, limit};
        ::setrlimit(RLIMIT_AS, &cap);
    }
    bool ok = false;
    try {
        ok = load();
    } catch (...) {
    }
    std::exit(ok ? 0 : 2);
}

bool endsInTruncationError(const std::filesystem::path& path) {
    try {
        loadFilm(path);
    } catch (const Error& e) {
        const std::string message = e.what();
        return e.code() == ErrorCode::Corrupt && message.find("truncated") != std::string::npos &&
               message.find(path.filename().string()) != std::string::npos;
    }
    return false;
}

std::string be16(unsigned v) { return {char((v >> 8) & 0xFF), char(v & 0xFF)}; }
std::string be32(unsigned v) { return be16(v >> 16) + be16(v & 0xFFFF); }
std::string segment(unsigned marker, const std::string& payload) {
    return be16(marker) + be16(static_cast<unsigned>(payload.size() + 2)) + payload;
}

// SIZ for an 8 x 8 image, one 16-bit component, one tile.
std::string siz() {
    return segment(0xFF51, be16(0) + be32(8) + be32(8) + be32(0) + be32(0) + be32(8) + be32(8) + be32(0) +
                               be32(0) + be16(1) + std::string("\x0F\x01\x01", 3));
}
std::string cod() { return segment(0xFF52, std::string("\x00\x00\x00\x01\x00\x05\x04\x04\x00\x01", 10)); }
std::string qcd() { return segment(0xFF5C, std::string("\x40\x48", 2)); }
std::string sot() { return segment(0xFF90, be16(0) + be32(20) + std::string("\x00\x01", 2)); }
std::string tileData() { return be16(0xFF93) + std::string(6, '\x55') + be16(0xFFD9); }

// SOC, SIZ, COD, QCD, a tile-part header, its data, EOC: the shape GDCM's writer produces.
std::string soundStream() { return be16(0xFF4F) + siz() + cod() + qcd() + sot() + tileData(); }

std::string problemOf(const std::string& bytes) {
    return jpeg2000HeaderProblem(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

std::string jp2(const std::string& codeStreamBox) {
    const std::string signature("\x00\x00\x00\x0CjP  \x0D\x0A\x87\x0A", 12);
    const std::string ftyp = be32(20) + "ftypjp2 " + be32(0) + "jp2 ";
    return signature + ftyp + codeStreamBox;
}

TEST(Jpeg2000Header, SoundStreamsPass) {
    EXPECT_EQ(problemOf(soundStream()), "");
    EXPECT_EQ(problemOf(jp2(be32(8 + soundStream().size()) + "jp2c" + soundStream())), "");
    EXPECT_EQ(problemOf(jp2(be32(0) + "jp2c" + soundStream())), "") << "a last box may run to the end";
}

TEST(Jpeg2000Header, SegmentLongerThanTheFragmentIsNamed) {
    // The shape of tests/fuzz/regressions/films/jpeg2000-gdcm-header-overread.dcm: COD's length
    // field says 4660 bytes in a stream of a few dozen.
    std::string stream = soundStream();
    const std::size_t codAt = 2 + siz().size();
    stream[codAt + 2] = '\x12';
    stream[codAt + 3] = '\x34';
    const std::string problem = problemOf(stream);
    EXPECT_NE(problem.find("JPEG 2000 code stream"), std::string::npos) << problem;
    EXPECT_NE(problem.find("0xFF52 segment length 4660 runs past the fragment's " + std::to_string(stream.size()) + " bytes"),
              std::string::npos)
        << problem;
}

TEST(Jpeg2000Header, EveryStructuralFaultIsRefused) {
    const std::string soc = be16(0xFF4F);
    // Found by fuzzing: the SOD marker damaged into a "segment" whose length leads GDCM's
    // parser past the fragment (the over-read reproducer).
    std::string damagedSod = soundStream();
    damagedSod[damagedSod.size() - 10] = '\xF6';
    EXPECT_NE(problemOf(damagedSod).find("0xF693"), std::string::npos) << problemOf(damagedSod);
    EXPECT_NE(problemOf(std::string("\x12\x34", 2) + siz()).find("SOC"), std::string::npos);
    EXPECT_NE(problemOf(soc + cod() + siz()).find("not followed by SIZ"), std::string::npos);
    EXPECT_NE(problemOf(soc + siz() + cod() + be16(0xFFD9)).find("EOC"), std::string::npos);
    EXPECT_NE(problemOf(soc + siz() + cod() + tileData()).find("before any tile-part header"), std::string::npos);
    EXPECT_NE(problemOf(soc + siz() + cod() + qcd()).find("without reaching tile data"), std::string::npos);
    EXPECT_NE(problemOf(soc + siz() + segment(0xFF52, "\x01\x02") + qcd() + sot() + tileData()).find("COD segment length 4"),
              std::string::npos);
    EXPECT_NE(problemOf(soc + segment(0xFF51, std::string(10, '\0')) + cod() + sot() + tileData()).find("SIZ"),
              std::string::npos);
    EXPECT_NE(problemOf(soc + siz() + cod() + be16(0xFF5C) + be16(1) + sot() + tileData()).find("below 2"),
              std::string::npos);
    EXPECT_NE(problemOf(soc + siz() + cod() + segment(0xFF90, std::string(2, '\0')) + tileData()).find("SOT segment length 4"),
              std::string::npos);
    EXPECT_NE(problemOf(soc + siz() + cod() + std::string("\xFF", 1)).find("without reaching"), std::string::npos);
    const std::string jp2Overrun = problemOf(jp2(be32(5000) + "jp2c" + soundStream()));
    EXPECT_NE(jp2Overrun.find("JP2 box 'jp2c' length 5000 runs past"), std::string::npos) << jp2Overrun;
    EXPECT_NE(problemOf(jp2(be32(4) + "free")).find("JP2 box 'free'"), std::string::npos);
    EXPECT_NE(problemOf(jp2(be32(8) + "free")).find("no code stream box"), std::string::npos);
    EXPECT_NE(problemOf(jp2(be32(8 + damagedSod.size()) + "jp2c" + damagedSod)).find("0xF693"), std::string::npos)
        << "the code stream inside a JP2 box is walked too";
}

std::string jpeg2000Dicom(const std::string& fragment) {
    return test::dicomFile(test::greyPixelModule(8, 8, 16, 16, false) + test::encapsulatedPixelData({fragment}),
                           "1.2.840.10008.1.2.4.90");
}

TEST(Jpeg2000Header, MalformedStreamInADicomFileIsACxrErrorNamingFileAndReason) {
    std::string stream = soundStream();
    const std::size_t codAt = 2 + siz().size();
    stream[codAt + 2] = '\x12';
    stream[codAt + 3] = '\x34';
    const auto path = test::scratchDir() / "overlong-cod.dcm";
    test::writeBytes(path, jpeg2000Dicom(stream));
    try {
        loadFilm(path);
        ADD_FAILURE() << "a malformed JPEG 2000 stream loaded";
    } catch (const Error& e) {
        const std::string message = e.what();
        EXPECT_EQ(e.code(), ErrorCode::Corrupt) << message;
        EXPECT_NE(message.find("overlong-cod.dcm"), std::string::npos) << message;
        EXPECT_NE(message.find("marker 0xFF52 segment length 4660 runs past"), std::string::npos) << message;
    }
    // No end-of-code-stream byte anywhere: GDCM's decoder would assert().
    std::string noEnd = soundStream();
    noEnd.replace(noEnd.size() - 2, 2, "\x55\x55");
    test::writeBytes(path, jpeg2000Dicom(noEnd));
    try {
        loadFilm(path);
        ADD_FAILURE() << "a JPEG 2000 stream without EOC loaded";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("EOC"), std::string::npos) << e.what();
    }
}

// Found by fuzzing: a damaged attribute that DCMTK reads as text and GDCM's own parser as a
// 1.2 GB length. GDCM is given a minimal file written from DCMTK's parse, never the user's
// bytes, so the film loads, within an address space too small for that reservation.
TEST(Jpeg2000Header, GdcmNeverParsesTheUsersFile) {
    const auto path = std::filesystem::path(CXR_SOURCE_DIR) / "tests" / "fuzz" / "regressions" / "films" /
                      "jpeg2000-gdcm-parser-disagrees.dcm";
    EXPECT_EXIT(underAddressCap([&] {
                    const Film film = loadFilm(path);
                    return film.width == 38 && film.height == 48 && film.pixels.size() == 38u * 48u;
                }),
                ::testing::ExitedWithCode(0), "");
}

// The fuzzer's reproducers for GDCM's header over-read and for the OpenJPEG leak are refused
// by the header walk, so neither GDCM's header parser nor OpenJPEG ever runs on them.
TEST(Jpeg2000Header, FuzzReproducersAreRefusedBeforeGdcmReadsThem) {
    const std::filesystem::path dir = std::filesystem::path(CXR_SOURCE_DIR) / "tests" / "fuzz" / "regressions" / "films";
    const std::pair<const char*, const char*> cases[] = {
        {"jpeg2000-gdcm-header-overread.dcm", "JPEG 2000 code stream: expected a marker at byte 133, found 0xF693"},
        {"jpeg2000-openjpeg-leak.dcm", "JPEG 2000 code stream: COD segment length 10 is below the minimum 12"}};
    for (const auto& [file, reason] : cases) {
        try {
            loadFilm(dir / file);
            ADD_FAILURE() << file << " loaded";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::Corrupt) << e.what();
            EXPECT_NE(std::string(e.what()).find(file), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
        }
    }
}

// A pixel data element declaring 2 GB in a file of a few hundred bytes: DCMTK used to reserve
// the declared length before finding the data missing. The load runs in a child whose address
// space is capped at 512 MB above what it already uses, so a reservation of the declared
// length fails there and shows as a different message.
TEST(BadInput, AbsurdElementLengthIsRefusedWithoutReservingIt) {
    const auto path = test::scratchDir() / "length-2gb.dcm";
    const std::string pixelData = test::le16(0x7FE0) + test::le16(0x0010) + "OW" + test::le16(0) +
                                  test::le32(0x7FFFFFF0u) + std::string(256, '\1');
    test::writeBytes(path, test::dicomFile(test::greyPixelModule(64, 64, 16, 16, false) + pixelData));
    EXPECT_EXIT(underAddressCap([&] { return endsInTruncationError(path); }), ::testing::ExitedWithCode(0), "");
}

// Raw deflate (RFC 1951), as DICOM's deflated transfer syntax stores the data set.
std::string rawDeflate(const std::string& bytes) {
    z_stream zs{};
    EXPECT_EQ(deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    std::string out(deflateBound(&zs, static_cast<uLong>(bytes.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

// The same inside a deflated data set, where DCMTK's own zlib filter cannot defer values (found
// by fuzzing): the data set is inflated by CXR Studio's stream, which DCMTK can reopen.
TEST(BadInput, AbsurdElementLengthInADeflatedFileIsRefusedWithoutReservingIt) {
    const auto path = test::scratchDir() / "deflated-length-2gb.dcm";
    const std::string pixelData = test::le16(0x7FE0) + test::le16(0x0010) + "OW" + test::le16(0) +
                                  test::le32(0x7FFFFFF0u) + std::string(256, '\1');
    test::writeBytes(path, test::dicomFile(rawDeflate(test::greyPixelModule(64, 64, 16, 16, false) + pixelData),
                                           "1.2.840.10008.1.2.1.99"));
    EXPECT_EXIT(underAddressCap([&] { return endsInTruncationError(path); }), ::testing::ExitedWithCode(0), "");
}

std::string rleHeader(std::initializer_list<std::uint32_t> values) {
    std::string header;
    for (auto v : values) header += test::le32(v);
    return header + std::string(64 - header.size(), '\0');
}

TEST(RleHeader, SegmentOffsetsMustLieInsideTheFragment) {
    const auto problemOf = [](const std::string& fragment, int segments) {
        return detail::rleHeaderProblem(reinterpret_cast<const std::uint8_t*>(fragment.data()), fragment.size(), segments);
    };
    const std::string data(40, '\x05');
    EXPECT_EQ(problemOf(rleHeader({1, 64}) + data, 1), "");
    EXPECT_EQ(problemOf(rleHeader({2, 64, 84}) + data, 2), "");
    // The shape of tests/fuzz/regressions/films/rle-segment-offset-wild.dcm.
    const std::string wild = problemOf(rleHeader({2, 64, 451980090}) + data, 2);
    EXPECT_NE(wild.find("segment 2 offset 451980090 lies outside the fragment's 104 bytes"), std::string::npos) << wild;
    EXPECT_NE(problemOf(rleHeader({2, 84, 64}) + data, 2).find("segment 2 offset 64"), std::string::npos);
    EXPECT_NE(problemOf(rleHeader({1, 12}) + data, 1).find("segment 1 offset 12"), std::string::npos);
    EXPECT_NE(problemOf(rleHeader({16, 64}) + data, 16).find("16 segments"), std::string::npos);
    EXPECT_NE(problemOf(rleHeader({1, 64}) + data, 2).find("the pixel layout needs 2"), std::string::npos);
    EXPECT_NE(problemOf(std::string(20, '\0'), 1).find("64-byte RLE header"), std::string::npos);
}

TEST(RleHeader, WildOffsetInADicomFileIsACxrErrorNamingFileAndReason) {
    const auto path = test::scratchDir() / "rle-wild-offset.dcm";
    test::writeBytes(path, test::dicomFile(test::greyPixelModule(8, 8, 8, 8, false) +
                                               test::encapsulatedPixelData({rleHeader({1, 0x7FFFFFF0u}) + std::string(40, '\0')}),
                                           "1.2.840.10008.1.2.5"));
    try {
        loadFilm(path);
        ADD_FAILURE() << "an RLE frame with a wild segment offset loaded";
    } catch (const Error& e) {
        const std::string message = e.what();
        EXPECT_EQ(e.code(), ErrorCode::Corrupt) << message;
        EXPECT_NE(message.find("rle-wild-offset.dcm"), std::string::npos) << message;
        EXPECT_NE(message.find("RLE frame: segment 1 offset 2147483632 lies outside"), std::string::npos) << message;
    }
}

// Found by fuzzing: Pixel Data with VR OV became another DCMTK element class that the pixel
// paths cast to DcmPixelData (undefined behaviour, UBSan).
TEST(BadInput, PixelDataWithAnotherVrIsNamed) {
    const auto path = test::scratchDir() / "pixel-data-ov.dcm";
    const std::string pixelData = test::le16(0x7FE0) + test::le16(0x0010) + "OV" + test::le16(0) +
                                  test::le32(128) + std::string(128, '\1');
    test::writeBytes(path, test::dicomFile(test::greyPixelModule(8, 8, 16, 16, false) + pixelData));
    try {
        loadFilm(path);
        ADD_FAILURE() << "Pixel Data with VR OV loaded";
    } catch (const Error& e) {
        const std::string message = e.what();
        EXPECT_EQ(e.code(), ErrorCode::Corrupt) << message;
        EXPECT_NE(message.find("pixel-data-ov.dcm"), std::string::npos) << message;
        EXPECT_NE(message.find("PixelData (7FE0,0010) has VR OV, not OB or OW"), std::string::npos) << message;
    }
}

}  // namespace
}  // namespace cxr::imaging
