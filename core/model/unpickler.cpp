#include "core/model/unpickler.h"

#include <cstring>

#include "core/common/error.h"

namespace cxr::model::detail {
namespace {

constexpr std::size_t kMaxDims = 64;

using Kind = PickleValue::Kind;

struct StorageType {
    const char* name;
    c10::ScalarType dtype;
};
const StorageType kStorageTypes[] = {
    {"FloatStorage", c10::ScalarType::Float},   {"DoubleStorage", c10::ScalarType::Double},
    {"HalfStorage", c10::ScalarType::Half},     {"BFloat16Storage", c10::ScalarType::BFloat16},
    {"LongStorage", c10::ScalarType::Long},     {"IntStorage", c10::ScalarType::Int},
    {"ShortStorage", c10::ScalarType::Short},   {"CharStorage", c10::ScalarType::Char},
    {"ByteStorage", c10::ScalarType::Byte},     {"BoolStorage", c10::ScalarType::Bool},
    {"UntypedStorage", c10::ScalarType::Byte},
};

const char* kCallables[] = {"collections.OrderedDict", "torch._utils._rebuild_tensor_v2",
                            "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
                            "torch.device"};

}  // namespace

const char* pickleKindName(Kind kind) {
    switch (kind) {
    case Kind::None: return "None";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::String: return "str";
    case Kind::Bytes: return "bytes";
    case Kind::Tuple: return "tuple";
    case Kind::List: return "list";
    case Kind::Dict: return "dict";
    case Kind::Global: return "global";
    case Kind::Storage: return "storage";
    case Kind::Tensor: return "tensor";
    }
    return "?";
}

namespace {

// "torch[.cuda].<X><suffix>" for a storage type X.
bool typeDtype(const std::string& qualifiedName, const std::string& suffix, c10::ScalarType* dtype) {
    std::string name;
    if (qualifiedName.rfind("torch.cuda.", 0) == 0)
        name = qualifiedName.substr(11);
    else if (qualifiedName.rfind("torch.", 0) == 0)
        name = qualifiedName.substr(6);
    else
        return false;
    for (const auto& type : kStorageTypes) {
        std::string full = type.name;
        full.replace(full.size() - 7, 7, suffix);  // "FloatStorage" -> "Float" + suffix
        if (name == full) {
            *dtype = type.dtype;
            return true;
        }
    }
    return false;
}

}  // namespace

bool storageDtype(const std::string& qualifiedName, c10::ScalarType* dtype) {
    return typeDtype(qualifiedName, "Storage", dtype);
}

bool tensorTypeDtype(const std::string& qualifiedName, c10::ScalarType* dtype) {
    return qualifiedName != "torch.UntypedTensor" && typeDtype(qualifiedName, "Tensor", dtype);
}

Unpickler::Unpickler(const std::uint8_t* data, std::size_t size, std::filesystem::path source, PersistentLoad persistentLoad)
    : m_data(data), m_size(size), m_source(std::move(source)), m_persistentLoad(std::move(persistentLoad)) {}

Unpickler::~Unpickler() {
    // Emptying every container first means no destructor recurses through deep nesting and
    // reference cycles (a list appended to itself) are broken.
    for (auto& value : m_arena) {
        value->items.clear();
        value->entries.clear();
    }
}

void Unpickler::fail(const std::string& reason) const {
    throw Error(ErrorCode::Corrupt, m_source, "bad pickle at byte " + std::to_string(m_pos) + ": " + reason);
}

void Unpickler::failTruncated(const std::string& reason) const {
    throw TruncatedInput(m_source, "a pickle at byte " + std::to_string(m_pos) + " " + reason);
}

void Unpickler::count() {
    if (++m_objects > kMaxPickleObjects)
        throw Error(ErrorCode::TooLarge, m_source,
                    "pickle makes more than " + std::to_string(kMaxPickleObjects) +
                        " objects (a ResNet18 state dict needs a few thousand); refused before it allocates more");
}

const std::uint8_t* Unpickler::take(std::size_t n) {
    if (n > m_size - m_pos)
        failTruncated("is cut short (needs " + std::to_string(n) + " more bytes)");
    const auto* p = m_data + m_pos;
    m_pos += n;
    return p;
}

std::uint64_t Unpickler::readUint(std::size_t n) {
    const auto* p = take(n);
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i)
        v |= std::uint64_t(p[i]) << (8 * i);
    return v;
}

std::string Unpickler::readLine() {
    const auto* start = m_data + m_pos;
    const auto* nl = static_cast<const std::uint8_t*>(std::memchr(start, '\n', std::min<std::size_t>(m_size - m_pos, 256)));
    if (!nl) {
        if (m_size - m_pos < 256)
            failTruncated("is cut short inside a GLOBAL name");
        fail("unterminated GLOBAL name");
    }
    std::string line(reinterpret_cast<const char*>(start), nl - start);
    m_pos += line.size() + 1;
    return line;
}

PickleRef Unpickler::make(Kind kind) {
    count();
    auto v = std::make_shared<PickleValue>();
    v->kind = kind;
    if (kind == Kind::Tuple || kind == Kind::List || kind == Kind::Dict)
        m_arena.push_back(v);
    return v;
}

PickleRef Unpickler::pop() {
    if (m_stack.empty() || (!m_marks.empty() && m_stack.size() <= m_marks.back()))
        fail("stack underflow");
    auto v = std::move(m_stack.back());
    m_stack.pop_back();
    return v;
}

PickleRef& Unpickler::top() {
    if (m_stack.empty() || (!m_marks.empty() && m_stack.size() <= m_marks.back()))
        fail("stack underflow");
    return m_stack.back();
}

std::size_t Unpickler::popMark() {
    if (m_marks.empty())
        fail("no MARK on the stack");
    const auto mark = m_marks.back();
    m_marks.pop_back();
    return mark;
}

PickleRef Unpickler::tupleFrom(std::size_t first) {
    auto t = make(Kind::Tuple);
    t->items.assign(std::make_move_iterator(m_stack.begin() + first), std::make_move_iterator(m_stack.end()));
    m_stack.resize(first);
    return t;
}

PickleRef Unpickler::global(const std::string& module, const std::string& name) {
    const std::string qualified = module + "." + name;
    c10::ScalarType dtype;
    bool allowed = storageDtype(qualified, &dtype);
    allowed = allowed || tensorTypeDtype(qualified, &dtype);  // the tar container's tensor types
    for (const char* callable : kCallables)
        allowed = allowed || qualified == callable;
    if (!allowed)
        throw Error(ErrorCode::Unsupported, m_source,
                    "refusing pickle global '" + qualified + "' (not a plain state dict or class map; only tensors, "
                    "storages and dicts are accepted)");
    auto g = make(Kind::Global);
    g->text = qualified;
    return g;
}

void Unpickler::setItems(PickleRef& dict, std::size_t first) {
    if (dict->kind != Kind::Dict)
        fail("SETITEM on a " + std::string(pickleKindName(dict->kind)));
    if ((m_stack.size() - first) % 2 != 0)
        fail("odd number of dict items");
    for (std::size_t i = first; i < m_stack.size(); i += 2)
        dict->entries.emplace_back(std::move(m_stack[i]), std::move(m_stack[i + 1]));
    m_stack.resize(first);
}

PickleRef Unpickler::rebuildTensor(const PickleRef& args) {
    const auto& a = args->items;
    if (a.size() < 6 || a[0]->kind != Kind::Storage || a[1]->kind != Kind::Int || a[2]->kind != Kind::Tuple ||
        a[3]->kind != Kind::Tuple)
        fail("malformed _rebuild_tensor_v2 arguments");
    auto ref = std::make_shared<TensorRef>();
    ref->storage = a[0]->storage;
    ref->offset = a[1]->integer;
    if (a[2]->items.size() != a[3]->items.size() || a[2]->items.size() > kMaxDims)
        fail("tensor size and stride have different or too many dimensions");
    for (std::size_t i = 0; i < a[2]->items.size(); ++i) {
        if (a[2]->items[i]->kind != Kind::Int || a[3]->items[i]->kind != Kind::Int)
            fail("tensor size or stride is not an integer");
        ref->size.push_back(a[2]->items[i]->integer);
        ref->stride.push_back(a[3]->items[i]->integer);
    }
    m_tensors.push_back(ref);
    auto t = make(Kind::Tensor);
    t->tensor = std::move(ref);
    return t;
}

PickleRef Unpickler::reduce(const PickleRef& callable, const PickleRef& args) {
    if (callable->kind != Kind::Global || args->kind != Kind::Tuple)
        fail("REDUCE needs a global and an argument tuple");
    const auto& name = callable->text;
    const auto& a = args->items;
    if (name == "collections.OrderedDict") {
        auto d = make(Kind::Dict);
        if (a.size() == 1 && a[0]->kind == Kind::List) {
            // Python 3 pickles (key, value) tuples; Python 2's OrderedDict.__reduce__ gave
            // [key, value] lists, as in torchvision's first ImageNet files.
            for (const auto& pair : a[0]->items) {
                if ((pair->kind != Kind::Tuple && pair->kind != Kind::List) || pair->items.size() != 2)
                    fail("OrderedDict items are not pairs");
                d->entries.emplace_back(pair->items[0], pair->items[1]);
            }
        } else if (!a.empty()) {
            fail("unexpected OrderedDict arguments");
        }
        return d;
    }
    if (name == "torch._utils._rebuild_tensor_v2")
        return rebuildTensor(args);
    if (name == "torch._utils._rebuild_parameter" || name == "torch._utils._rebuild_parameter_with_state") {
        if (a.empty() || a[0]->kind != Kind::Tensor)
            fail("malformed _rebuild_parameter arguments");
        return a[0];
    }
    if (name == "torch.device") {
        if (a.empty() || !a[0]->isString())
            fail("malformed torch.device arguments");
        auto s = make(Kind::String);
        s->text = a[0]->text + (a.size() > 1 && a[1]->isInt() ? ":" + std::to_string(a[1]->integer) : "");
        return s;
    }
    throw Error(ErrorCode::Unsupported, m_source, "refusing to call pickle global '" + name + "'");
}

PickleRef Unpickler::load(std::size_t offset) {
    if (offset > m_size)
        fail("offset beyond the end");
    m_pos = offset;
    m_stack.clear();
    m_marks.clear();
    m_memo.clear();
    while (true) {
        const std::uint8_t op = *take(1);
        switch (op) {
        case 0x80: {  // PROTO
            const auto proto = readUint(1);
            if (proto < 2 || proto > 5)
                throw Error(ErrorCode::Unsupported, m_source, "pickle protocol " + std::to_string(proto) + " is not supported");
            break;
        }
        case 0x95: readUint(8); break;  // FRAME: a length hint only
        case '.':                       // STOP
            if (m_stack.size() != 1 || !m_marks.empty())
                fail("STOP with " + std::to_string(m_stack.size()) + " values on the stack");
            return pop();
        case '(': m_marks.push_back(m_stack.size()); break;
        case '0': pop(); break;
        case '1': m_stack.resize(popMark()); break;
        case 'N': m_stack.push_back(make(Kind::None)); break;
        case 0x88:
        case 0x89: {
            auto b = make(Kind::Bool);
            b->integer = op == 0x88;
            m_stack.push_back(b);
            break;
        }
        case 'J':
        case 'K':
        case 'M': {
            auto i = make(Kind::Int);
            i->integer = op == 'J' ? int64_t(int32_t(uint32_t(readUint(4)))) : int64_t(readUint(op == 'K' ? 1 : 2));
            m_stack.push_back(i);
            break;
        }
        case 'I': {  // INT: decimal text; Python 2 wrote ints above 2**31 this way (and I01/I00 for bools)
            const auto line = readLine();
            if (line == "01" || line == "00") {
                auto b = make(Kind::Bool);
                b->integer = line == "01";
                m_stack.push_back(b);
                break;
            }
            std::size_t i = (!line.empty() && line[0] == '-') ? 1 : 0;
            if (i == line.size() || line.size() - i > 18 || line.find_first_not_of("0123456789", i) != std::string::npos)
                fail("malformed INT '" + line.substr(0, 24) + "'");
            auto v = make(Kind::Int);
            v->integer = std::stoll(line);
            m_stack.push_back(v);
            break;
        }
        case 0x8a: {  // LONG1: little-endian two's complement, at most 8 bytes here
            const auto n = readUint(1);
            if (n > 8)
                fail("integer wider than 64 bits");
            auto i = make(Kind::Int);
            std::uint64_t v = n ? readUint(n) : 0;
            if (n > 0 && n < 8 && (v >> (8 * n - 1)) & 1)
                v |= ~std::uint64_t(0) << (8 * n);
            i->integer = int64_t(v);
            m_stack.push_back(i);
            break;
        }
        case 'G': {  // BINFLOAT: big-endian double
            std::uint64_t bits = 0;
            for (const auto* p = take(8), *e = p + 8; p != e; ++p)
                bits = (bits << 8) | *p;
            auto f = make(Kind::Float);
            std::memcpy(&f->real, &bits, 8);
            m_stack.push_back(f);
            break;
        }
        case 'X': case 0x8c: case 0x8d: case 'T': case 'U': case 'B': case 'C': {
            const std::size_t width = (op == 0x8c || op == 'U' || op == 'C') ? 1 : (op == 0x8d ? 8 : 4);
            const auto n = readUint(width);
            if (n > m_size - m_pos)
                failTruncated("is cut short inside a string of " + std::to_string(n) + " bytes");
            auto s = make((op == 'B' || op == 'C') ? Kind::Bytes : Kind::String);
            s->text = readText(n);
            m_stack.push_back(s);
            break;
        }
        case ')': m_stack.push_back(make(Kind::Tuple)); break;
        case 't': m_stack.push_back(tupleFrom(popMark())); break;
        case 0x85: case 0x86: case 0x87: {
            const std::size_t n = op - 0x84;
            if (m_stack.size() < n || (!m_marks.empty() && m_stack.size() - n < m_marks.back()))
                fail("stack underflow");
            m_stack.push_back(tupleFrom(m_stack.size() - n));
            break;
        }
        case ']': m_stack.push_back(make(Kind::List)); break;
        case 'l': {
            auto t = tupleFrom(popMark());
            t->kind = Kind::List;
            m_stack.push_back(t);
            break;
        }
        case 'a': {
            auto v = pop();
            auto& list = top();
            if (list->kind != Kind::List)
                fail("APPEND to a " + std::string(pickleKindName(list->kind)));
            list->items.push_back(std::move(v));
            break;
        }
        case 'e': {
            const auto mark = popMark();
            if (mark == 0 || m_stack[mark - 1]->kind != Kind::List)
                fail("APPENDS without a list");
            auto& list = m_stack[mark - 1];
            list->items.insert(list->items.end(), std::make_move_iterator(m_stack.begin() + mark),
                               std::make_move_iterator(m_stack.end()));
            m_stack.resize(mark);
            break;
        }
        case '}': m_stack.push_back(make(Kind::Dict)); break;
        case 'd': {
            const auto mark = popMark();
            auto d = make(Kind::Dict);
            setItems(d, mark);
            m_stack.push_back(d);
            break;
        }
        case 's': {
            if (m_stack.size() < 3 || (!m_marks.empty() && m_stack.size() - 3 < m_marks.back()))
                fail("stack underflow");
            setItems(m_stack[m_stack.size() - 3], m_stack.size() - 2);
            break;
        }
        case 'u': {
            const auto mark = popMark();
            if (mark == 0)
                fail("SETITEMS without a dict");
            setItems(m_stack[mark - 1], mark);
            break;
        }
        case 'c': {
            const auto module = readLine();
            const auto name = readLine();
            m_stack.push_back(global(module, name));
            break;
        }
        case 0x93: {  // STACK_GLOBAL
            auto name = pop();
            auto module = pop();
            if (!name->isString() || !module->isString())
                fail("STACK_GLOBAL needs two strings");
            m_stack.push_back(global(module->text, name->text));
            break;
        }
        case 'R': {
            auto args = pop();
            auto callable = pop();
            m_stack.push_back(reduce(callable, args));
            break;
        }
        case 'b': {  // BUILD: only the attribute dict of a state dict (its _metadata), dropped
            auto state = pop();
            if (top()->kind != Kind::Dict || state->kind != Kind::Dict)
                fail("BUILD on a " + std::string(pickleKindName(top()->kind)));
            break;
        }
        case 'Q': {
            auto pid = pop();
            if (!m_persistentLoad)
                throw Error(ErrorCode::Unsupported, m_source, "pickle refers to tensor storages outside itself");
            m_stack.push_back(m_persistentLoad(pid));
            break;
        }
        case 'q': case 'r': case 0x94: {
            const std::uint64_t index = op == 'q' ? readUint(1) : op == 'r' ? readUint(4) : m_memo.size();
            if (m_memo.size() >= kMaxPickleObjects && !m_memo.count(index))
                throw Error(ErrorCode::TooLarge, m_source,
                            "pickle memo grows past " + std::to_string(kMaxPickleObjects) + " entries; refused");
            m_memo[index] = top();
            break;
        }
        case 'h': case 'j': {
            const auto it = m_memo.find(readUint(op == 'h' ? 1 : 4));
            if (it == m_memo.end())
                fail("memo reference to nothing");
            count();  // each push costs a stack slot: counted, so repeated gets cannot grow it unbounded
            m_stack.push_back(it->second);
            break;
        }
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", op);
            m_pos -= 1;
            throw Error(ErrorCode::Unsupported, m_source,
                        "pickle opcode " + std::string(hex) + " at byte " + std::to_string(m_pos) + " is not allowed in a state dict");
        }
        }
    }
}

}  // namespace cxr::model::detail
