#include "imaging/dicom_memory_stream.h"

#include <algorithm>
#include <cstring>

namespace cxr::imaging::detail {

MemoryProducer::MemoryProducer(const std::uint8_t* data, std::size_t size)
    : m_data(data), m_size(static_cast<offile_off_t>(size)) {}

offile_off_t MemoryProducer::read(void* buffer, offile_off_t length) {
    const offile_off_t n = std::max<offile_off_t>(0, std::min(length, avail()));
    if (n > 0)
        std::memcpy(buffer, m_data + m_position, static_cast<std::size_t>(n));
    m_position += n;
    return n;
}

offile_off_t MemoryProducer::skip(offile_off_t length) {
    const offile_off_t n = std::max<offile_off_t>(0, std::min(length, avail()));
    m_position += n;
    return n;
}

void MemoryProducer::putback(offile_off_t length) {
    m_position -= std::max<offile_off_t>(0, std::min(length, m_position));
}

MemoryInputStream::MemoryInputStream(const std::uint8_t* data, std::size_t size, offile_off_t offset)
    : DcmInputStream(&m_producer), m_producer(data, size), m_data(data), m_size(size) {
    if (offset > 0)
        skip(offset);
}

DcmInputStreamFactory* MemoryInputStream::newFactory() const {
    if (currentProducer() != &m_producer)
        return nullptr;
    return new MemoryInputStreamFactory(m_data, m_size, tell());
}

}  // namespace cxr::imaging::detail
