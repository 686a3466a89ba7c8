// Damaged, truncated, foreign and malicious files must give cxr::Error, never a crash, an
// out-of-bounds read, a huge allocation or code execution.
#include <gtest/gtest.h>

#include <caffe2/serialize/inline_container.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <tuple>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/common/sha256.h"
#include "core/model/class_map.h"
#include "core/model/state_dict.h"
#include "core/model/torch_file.h"
#include "core/model/unpickler.h"
#include "model_reference.h"
#include "test_dirs.h"

namespace cxr::model {
namespace {

namespace fs = std::filesystem;

std::string bytes(const fs::path& p) {
    const auto v = readFileBytes(p);
    return std::string(v.begin(), v.end());
}

// A torch.save-style zip around a hand-made pickle and raw storages.
void writeZip(const fs::path& path, const std::string& pickle, const std::vector<std::string>& storages = {}) {
    std::string zip;
    caffe2::serialize::PyTorchStreamWriter writer([&zip](const void* d, size_t n) {
        zip.append(static_cast<const char*>(d), n);
        return n;
    });
    writer.writeRecord("data.pkl", pickle.data(), pickle.size());
    for (std::size_t i = 0; i < storages.size(); ++i)
        writer.writeRecord("data/" + std::to_string(i), storages[i].data(), storages[i].size());
    writer.writeEndOfFile();
    writeFileAtomically(path, zip);
}

// {'w': _rebuild_tensor_v2(('storage', FloatStorage, '0', 'cpu', numel), offset, (size,), (stride,), False, OrderedDict())}
std::string tensorPickle(int numel, int offset, int size, int stride) {
    auto k = [](int v) { return std::string("J") + std::string(reinterpret_cast<const char*>(&v), 4); };
    return std::string("\x80\x02}(X\x01\x00\x00\x00w", 10) + "ctorch._utils\n_rebuild_tensor_v2\n((X" +
           std::string("\x07\x00\x00\x00storage", 11) + "ctorch\nFloatStorage\nX" + std::string("\x01\x00\x00\x00" "0", 5) +
           "X" + std::string("\x03\x00\x00\x00" "cpu", 7) + k(numel) + "tQ" + k(offset) + "(" + k(size) + "t(" + k(stride) +
           "t\x89" "ccollections\nOrderedDict\n)RtRu.";
}

// Plain write: these files are throwaway, an fsync per mutation would dominate the run time.
void writeBytes(const fs::path& path, const std::string& data) {
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(data.data(), static_cast<std::streamsize>(data.size()));
}

void expectError(const fs::path& path, ErrorCode code, const std::string& fragment) {
    try {
        readStateDict(path);
        ADD_FAILURE() << path << " was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), code) << e.what();
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(path.filename().string()), std::string::npos) << "message names the file";
    }
}

TEST(HostileFiles, HandMadeTensorPickleLoads) {
    const auto dir = test::scratchDir();
    writeZip(dir / "ok.pth", tensorPickle(4, 1, 3, 1), {std::string(16, '\0')});
    const auto dict = readStateDict(dir / "ok.pth");
    ASSERT_EQ(dict.size(), 1u);
    EXPECT_EQ(dict[0].second.numel(), 3);
}

TEST(HostileFiles, OutOfRangeViewsAndSizesAreRefused) {
    const auto dir = test::scratchDir();
    writeZip(dir / "past_end.pth", tensorPickle(4, 0, 100, 1), {std::string(16, '\0')});
    expectError(dir / "past_end.pth", ErrorCode::Corrupt, "addresses element 99 of a storage of 4");
    writeZip(dir / "offset.pth", tensorPickle(4, 4, 1, 1), {std::string(16, '\0')});
    expectError(dir / "offset.pth", ErrorCode::Corrupt, "addresses element 4");
    writeZip(dir / "negative.pth", tensorPickle(4, 0, 2, -1), {std::string(16, '\0')});
    expectError(dir / "negative.pth", ErrorCode::Corrupt, "negative");
    writeZip(dir / "huge.pth", tensorPickle(2000000000, 0, 1, 1), {std::string(16, '\0')});
    expectError(dir / "huge.pth", ErrorCode::Corrupt, "more than the file holds");
    writeZip(dir / "short_record.pth", tensorPickle(8, 0, 1, 1), {std::string(16, '\0')});
    expectError(dir / "short_record.pth", ErrorCode::Corrupt, "holds 16 bytes, expected 32");
    writeZip(dir / "no_record.pth", tensorPickle(4, 0, 1, 1));
    expectError(dir / "no_record.pth", ErrorCode::Corrupt, "missing entry");
}

TEST(HostileFiles, ForeignGlobalsAreNeverCalled) {
    const auto dir = test::scratchDir();
    const fs::path marker = dir / "pwned";
    const std::string cmd = "touch " + marker.string();
    const std::string osSystem = std::string("\x80\x02" "cos\nsystem\nX", 13) +
                                 std::string(1, char(cmd.size())) + std::string(3, '\0') + cmd + "\x85R.";
    writeFileAtomically(dir / "evil_raw.pth", osSystem);
    writeZip(dir / "evil_zip.pth", osSystem);
    expectError(dir / "evil_raw.pth", ErrorCode::Unsupported, "refusing pickle global 'os.system'");
    expectError(dir / "evil_zip.pth", ErrorCode::Unsupported, "refusing pickle global 'os.system'");
    EXPECT_THROW(readClassToIndex(dir / "evil_zip.pth"), Error);
    EXPECT_FALSE(fs::exists(marker));
    // STACK_GLOBAL (protocol 4) and a whole model pickled (torch.save(model)) are refused too.
    writeZip(dir / "stack_global.pth", std::string("\x80\x04\x8c\x08" "builtins\x8c\x04" "eval\x93)R.", 20));
    expectError(dir / "stack_global.pth", ErrorCode::Unsupported, "builtins.eval");
    writeZip(dir / "module.pth", "\x80\x02" "ctorchvision.models.resnet\nResNet\n)\x81.");
    expectError(dir / "module.pth", ErrorCode::Unsupported, "torchvision.models.resnet.ResNet");
}

TEST(HostileFiles, DeepNestingAndCyclesDoNotCrash) {
    const auto dir = test::scratchDir();
    const auto depth = detail::kMaxPickleObjects - 1;  // as deep as the object cap allows
    std::string nested = "\x80\x02" + std::string(depth, ']') + std::string(depth - 1, 'a') + ".";
    writeFileAtomically(dir / "deep.pth", nested);
    expectError(dir / "deep.pth", ErrorCode::InvalidInput, "not a state dict");
    writeFileAtomically(dir / "cycle.pth", std::string("\x80\x02]q\x00h\x00" "a.", 9));
    expectError(dir / "cycle.pth", ErrorCode::InvalidInput, "not a state dict");
}

TEST(HostileFiles, NonModelFilesAreNamed) {
    const auto dir = test::scratchDir();
    writeFileAtomically(dir / "empty.pth", "");
    expectError(dir / "empty.pth", ErrorCode::InvalidInput, "not a PyTorch file");
    writeFileAtomically(dir / "model.json", "{\"architecture\": \"resnet18\"}");
    expectError(dir / "model.json", ErrorCode::InvalidInput, "not a PyTorch file");
    expectError(test::modelReferenceDir() / "class_to_index.pth", ErrorCode::InvalidInput, "is a int, not a tensor");
    expectError(dir / "missing.pth", ErrorCode::NotFound, "missing.pth");
    writeZip(dir / "empty_pickle.pth", "");
    expectError(dir / "empty_pickle.pth", ErrorCode::Corrupt, "truncated");
    writeZip(dir / "protocol0.pth", "(dp0\n.");
    expectError(dir / "protocol0.pth", ErrorCode::Unsupported, "opcode 0x70");
}

TEST(HostileFiles, TruncatedAndFlippedReferenceFiles) {
    const auto dir = test::scratchDir();
    const auto& ref = test::modelReferenceDir();
    for (const char* name : {"seed_zip.pth", "seed_legacy.pth"}) {
        const auto full = bytes(ref / name);
        writeFileAtomically(dir / "cut.pth", full.substr(0, full.size() * 6 / 10));
        expectError(dir / "cut.pth", ErrorCode::Corrupt, "truncated");
    }
    auto zip = bytes(ref / "seed_zip.pth");
    zip[zip.size() / 2] ^= 0x40;  // inside a weight storage
    writeFileAtomically(dir / "flipped.pth", zip);
    expectError(dir / "flipped.pth", ErrorCode::Corrupt, "checksum mismatch");
}

// Cut anywhere, a file of each container gives one cxr::Error saying which container it is and
// that it is truncated, naming the file: never another exception, a crash or a misleading reason.
void expectTruncatedAt(const std::string& original, std::size_t cut, const fs::path& path, const std::string& fragment) {
    writeBytes(path, original.substr(0, cut));
    try {
        readStateDict(path);
        ADD_FAILURE() << "cut at " << cut << " of " << original.size() << " was accepted";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_EQ(e.code(), ErrorCode::Corrupt) << "cut at " << cut << ": " << what;
        EXPECT_NE(what.find(fragment), std::string::npos) << "cut at " << cut << ": " << what;
        EXPECT_EQ(what.rfind(displayPath(path) + ": ", 0), 0u) << "cut at " << cut << ": " << what;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "cut at " << cut << ": non-cxr exception " << e.what();
    }
}

// Every offset of the first `dense` bytes (headers, pickles), then about `spread` more.
std::vector<std::size_t> cutPoints(std::size_t end, std::size_t dense, std::size_t spread) {
    std::vector<std::size_t> cuts;
    for (std::size_t c = 1; c < end && c <= dense; ++c)
        cuts.push_back(c);
    for (std::size_t c = dense + 1; c < end; c += std::max<std::size_t>(1, (end - dense) / spread))
        cuts.push_back(c);
    cuts.push_back(end - 1);
    return cuts;
}

TEST(HostileFiles, TruncatedFilesOfEveryContainerSaySo) {
    const auto dir = test::scratchDir();
    const auto& ref = test::modelReferenceDir();

    // tar: every cut before the end of the last member's data (its last non-zero byte: the
    // storages member ends with a pickle's STOP); past it only padding and end blocks are
    // missing, which Python's tarfile tolerates too.
    const auto tar = bytes(ref / "tar_py3.pth");
    const auto tarEnd = tar.find_last_not_of('\0') + 1;
    for (std::size_t cut : cutPoints(tarEnd, 2048, 600))  // every header, pickle and member boundary
        expectTruncatedAt(tar, cut, dir / "cut_tar.pth", "truncated tar-container PyTorch file");
    for (std::size_t cut : {tarEnd, tarEnd + 1, (tarEnd + 511) / 512 * 512, tar.size() - 1}) {
        writeBytes(dir / "tail.pth", tar.substr(0, cut));
        EXPECT_EQ(readStateDict(dir / "tail.pth").size(), 5u) << "cut at " << cut;
    }
    const auto bigTar = bytes(ref / "tar_py2.pth");
    for (std::size_t cut : cutPoints(bigTar.find_last_not_of('\0') + 1, 600, 3))
        expectTruncatedAt(bigTar, cut, dir / "cut_big_tar.pth", "truncated tar-container PyTorch file");

    // The 45 MB files are cut at fewer places: each cut writes and reads the file again.
    const std::tuple<const char*, std::size_t, std::size_t, const char*> files[] = {
        {"cuda_saved.pth", 600, 200, "truncated zip-container PyTorch file"},
        {"seed_zip.pth", 100, 3, "truncated zip-container PyTorch file"},
        {"cuda_saved_legacy.pth", 600, 200, "truncated legacy PyTorch file"},
        {"class_to_index_legacy.pth", 600, 200, "truncated legacy PyTorch file"},
        {"seed_legacy.pth", 100, 3, "truncated legacy PyTorch file"}};
    for (const auto& [name, dense, spread, fragment] : files) {
        const auto original = bytes(ref / name);
        for (std::size_t cut : cutPoints(original.size(), dense, spread))
            expectTruncatedAt(original, cut, dir / "cut.pth", fragment);
    }
}

TEST(HostileFiles, DuplicateZipEntriesAreRefused) {
    const auto dir = test::scratchDir();
    const std::string one(16, '\1'), two(16, '\2');
    writeZip(dir / "two.pth", tensorPickle(4, 0, 4, 1), {one, two});
    ASSERT_EQ(readStateDict(dir / "two.pth").size(), 1u);
    // Rename the entry data/1 to data/0 in its local header and in the directory (the CRCs stay
    // valid): two entries under one name, which zip readers resolve differently.
    auto zip = bytes(dir / "two.pth");
    int renamed = 0;
    for (auto at = zip.find("/data/1"); at != std::string::npos; at = zip.find("/data/1", at + 1), ++renamed)
        zip[at + 6] = '0';
    ASSERT_EQ(renamed, 2);
    writeBytes(dir / "duplicate.pth", zip);
    expectError(dir / "duplicate.pth", ErrorCode::Corrupt, "the entry 'archive/data/0' appears twice");
}

TEST(HostileFiles, ObjectCapFitsAResNet18AndRefusesFloodsQuickly) {
    // A real ResNet18 state dict (the legacy stream: one unpickler reads all its pickles).
    const auto path = test::modelReferenceDir() / "seed_legacy.pth";
    const auto data = readFileBytes(path);
    detail::Unpickler unpickler(data.data(), data.size(), path);
    detail::StorageTable table;
    std::size_t afterMagic = 0;
    ASSERT_TRUE(detail::looksLikeLegacy(data.data(), data.size(), &afterMagic));
    detail::readLegacyBody(unpickler, data.data(), data.size(), afterMagic, table, path);
    RecordProperty("resnet18_objects", static_cast<int>(unpickler.objects()));
    EXPECT_GT(unpickler.objects(), 1000u);
    EXPECT_LT(unpickler.objects() * 10, detail::kMaxPickleObjects) << "room for checkpoints wrapping the weights";
    EXPECT_LE(detail::kMaxPickleObjects, 100'000u) << "thousands, not millions";

    // A 1 MB pickle of a million Nones, and one pushing a memoised value a million times.
    const auto dir = test::scratchDir();
    const std::size_t n = 1'000'000;
    writeBytes(dir / "nones.pth", "\x80\x02(" + std::string(n, 'N') + "l.");
    std::string gets = std::string("\x80\x02N\x94(", 5);
    for (std::size_t i = 0; i < n / 2; ++i)
        gets += std::string("h\0", 2);
    writeBytes(dir / "gets.pth", gets + "l.");
    for (const char* name : {"nones.pth", "gets.pth"}) {
        const auto start = std::chrono::steady_clock::now();
        expectError(dir / name, ErrorCode::TooLarge, "pickle makes more than 100000 objects");
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        EXPECT_LT(seconds, 1.0) << name;
    }
}

// A small fuzz pass: every truncation point and a few thousand byte flips of small real files
// either load or throw cxr::Error.
// What our reader made of a file, in the terms describe_torch_files.py uses for Python's.
Json describeOurs(const StateDict& dict) {
    Json tensors = Json::array();
    for (const auto& [name, tensor] : dict) {
        const at::Tensor t = tensor.contiguous().cpu();
        const std::string digest =
            sha256Hex(t.data_ptr(), static_cast<std::size_t>(t.numel()) * t.element_size());
        tensors.push_back({name, t.element_size(), t.sizes().vec(), digest});
    }
    return tensors;
}

TEST(HostileFiles, MutatedSmallFilesThrowOnlyCxrErrors) {
    // Every mutation ends in a cxr::Error or a result; every result must be what Python's
    // torch.load reads from the same bytes (names, element sizes, shapes, the bytes of every
    // tensor; the class map's entries), so a mutation our reader silently misreads fails.
    const auto dir = test::scratchDir();
    std::mt19937 rng(1234);
    int accepted = 0, refused = 0;
    std::ofstream list(dir / "accepted.txt");
    std::vector<Json> ours;
    std::vector<std::string> labels;
    for (const char* name : {"cuda_saved.pth", "cuda_saved_legacy.pth", "class_to_index.pth", "class_to_index_legacy.pth"}) {
        const bool classMap = std::string(name).rfind("class_to_index", 0) == 0;
        const auto original = bytes(test::modelReferenceDir() / name);
        for (int trial = 0; trial < 150; ++trial) {
            std::string mutated = original;
            if (trial % 3 == 0) {
                mutated.resize(rng() % mutated.size());
            } else {
                for (int k = 0; k < 1 + trial % 4; ++k)
                    mutated[rng() % mutated.size()] = static_cast<char>(rng());
            }
            const fs::path file = dir / (std::string(name) + "." + std::to_string(trial));
            writeBytes(file, mutated);
            try {
                Json result;
                if (classMap) {
                    result = Json::object();
                    for (const auto& [cls, index] : readClassToIndex(file))
                        result[cls] = index;
                } else {
                    result = describeOurs(readStateDict(file));
                }
                ++accepted;
                list << (classMap ? "class_map " : "state_dict ") << file.string() << "\n";
                ours.push_back(result);
                labels.push_back(std::string(name) + " trial " + std::to_string(trial));
            } catch (const Error&) {
                ++refused;
                fs::remove(file);
            } catch (const std::exception& e) {
                ADD_FAILURE() << name << " trial " << trial << ": non-cxr exception " << e.what();
            }
        }
    }
    list.close();
    EXPECT_GT(refused, 0);
    // Flipped bytes inside tensor data and unused bytes keep a file loadable: enough of them to
    // make the comparison mean something.
    ASSERT_GE(accepted, 20);
    RecordProperty("accepted", accepted);

    const std::string command = std::string(CXR_TEST_PYTHON) + " " +
                                test::quote(fs::path(CXR_SOURCE_DIR) / "tests/model/describe_torch_files.py") + " " +
                                test::quote(dir / "accepted.txt") + " " + test::quote(dir / "python.json");
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    const Json python = readJsonFile(dir / "python.json");
    ASSERT_EQ(python.size(), ours.size());
    int compared = 0, pythonRefused = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
        SCOPED_TRACE(labels[i]);
        if (!python[i].at("loaded").get<bool>()) {
            // torch.load refused what we read (e.g. a name no longer valid UTF-8, which we keep
            // as bytes): nothing to compare with; counted and printed.
            ++pythonRefused;
            continue;
        }
        const Json& theirs = python[i].contains("classes") ? python[i].at("classes") : python[i].at("tensors");
        EXPECT_EQ(ours[i], theirs) << "ours " << ours[i].dump() << "\npython " << theirs.dump();
        ++compared;
    }
    std::cout << "[ mutated  ] " << accepted << " mutated files loaded, " << compared
              << " compared with torch.load, " << pythonRefused << " that torch.load refused, " << refused
              << " refused\n";
    EXPECT_GE(compared, 10);
}

}  // namespace
}  // namespace cxr::model
