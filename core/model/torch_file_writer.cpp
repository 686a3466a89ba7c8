#include "core/model/torch_file_writer.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <caffe2/serialize/inline_container.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"

namespace cxr::model::detail {
namespace {

const char* storageName(c10::ScalarType dtype) {
    switch (dtype) {
    case c10::ScalarType::Float: return "FloatStorage";
    case c10::ScalarType::Double: return "DoubleStorage";
    case c10::ScalarType::Half: return "HalfStorage";
    case c10::ScalarType::BFloat16: return "BFloat16Storage";
    case c10::ScalarType::Long: return "LongStorage";
    case c10::ScalarType::Int: return "IntStorage";
    case c10::ScalarType::Short: return "ShortStorage";
    case c10::ScalarType::Char: return "CharStorage";
    case c10::ScalarType::Byte: return "ByteStorage";
    case c10::ScalarType::Bool: return "BoolStorage";
    default:
        throw Error(ErrorCode::Unsupported, std::string("cannot save tensors of type ") + c10::toString(dtype));
    }
}

}  // namespace

TorchFileWriter::TorchFileWriter() {
    op(0x80);  // PROTO 2, as torch.save writes
    op(2);
}

void TorchFileWriter::uint(std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i)
        m_pickle.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

void TorchFileWriter::global(const char* module, const char* name) {
    op('c');
    m_pickle += module;
    m_pickle += '\n';
    m_pickle += name;
    m_pickle += '\n';
}

void TorchFileWriter::beginDict(bool ordered) {
    if (ordered) {
        global("collections", "OrderedDict");
        op(')');
        op('R');
    } else {
        op('}');
    }
    op('(');
}

void TorchFileWriter::endDict() { op('u'); }

void TorchFileWriter::string(const std::string& text) {
    op('X');
    uint(text.size(), 4);
    m_pickle += text;
}

void TorchFileWriter::integer(int64_t value) {
    if (value >= 0 && value < 256) {
        op('K');
        uint(static_cast<std::uint64_t>(value), 1);
    } else if (value >= INT32_MIN && value <= INT32_MAX) {
        op('J');
        uint(static_cast<std::uint32_t>(static_cast<int32_t>(value)), 4);
    } else {
        op(0x8a);  // LONG1, 8 bytes two's complement
        op(8);
        uint(static_cast<std::uint64_t>(value), 8);
    }
}

void TorchFileWriter::tensor(const at::Tensor& tensor) {
    const auto cpu = tensor.detach().to(at::kCPU).contiguous().clone();
    const auto key = std::to_string(m_storages.size());
    m_storages.push_back(cpu);
    global("torch._utils", "_rebuild_tensor_v2");
    op('(');
    op('(');  // persistent id: ('storage', torch.XStorage, key, 'cpu', numel)
    string("storage");
    global("torch", storageName(cpu.scalar_type()));
    string(key);
    string("cpu");
    integer(cpu.numel());
    op('t');
    op('Q');
    integer(0);  // storage offset
    op('(');
    for (auto s : cpu.sizes())
        integer(s);
    op('t');
    op('(');
    for (auto s : cpu.strides())
        integer(s);
    op('t');
    op(0x89);  // requires_grad False
    global("collections", "OrderedDict");  // backward hooks
    op(')');
    op('R');
    op('t');
    op('R');
}

void TorchFileWriter::save(const std::filesystem::path& path) {
    op('.');
    std::string zip;
    try {
        caffe2::serialize::PyTorchStreamWriter writer([&zip](const void* data, size_t size) {
            zip.append(static_cast<const char*>(data), size);
            return size;
        });
        writer.writeRecord("data.pkl", m_pickle.data(), m_pickle.size());
        for (std::size_t i = 0; i < m_storages.size(); ++i) {
            const auto& s = m_storages[i];
            writer.writeRecord("data/" + std::to_string(i), s.data_ptr(), s.numel() * s.element_size());
        }
        writer.writeEndOfFile();
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Io, path, std::string("could not build the PyTorch zip: ") + e.what_without_backtrace());
    }
    writeFileAtomically(path, zip);
}

}  // namespace cxr::model::detail
