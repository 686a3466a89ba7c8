#include "core/imaging/dicom_memory_stream.h"

#include <algorithm>
#include <cstring>

#include <dcmtk/dcmdata/dcerror.h>
#include <dcmtk/dcmdata/dcistrmz.h>
#include <dcmtk/ofstd/ofcond.h>
#include <zlib.h>

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

void MemoryProducer::reset(const std::uint8_t* data, std::size_t size) {
    m_data = data;
    m_size = static_cast<offile_off_t>(size);
    m_position = 0;
}

MemoryInputStream::MemoryInputStream(const std::uint8_t* data, std::size_t size, offile_off_t offset, Buffer keepAlive)
    : DcmInputStream(&m_producer), m_producer(data, size), m_inflated(std::move(keepAlive)) {
    if (offset > 0)
        skip(offset);
}

DcmInputStreamFactory* MemoryInputStream::newFactory() const {
    if (currentProducer() != &m_producer)
        return nullptr;
    return new MemoryInputStreamFactory(m_producer.data(), m_producer.size(),
                                        static_cast<offile_off_t>(m_producer.position()), m_inflated);
}

OFCondition MemoryInputStream::installCompressionFilter(E_StreamCompression type) {
    if (type != ESC_zlib)
        return DcmInputStream::installCompressionFilter(type);
    // DCMTK's own filter expects raw deflate (RFC 1951) unless told otherwise; so does this.
    const bool rfc1950 = dcmZlibExpectRFC1950Encoding.get();
    z_stream zs{};
    if (inflateInit2(&zs, rfc1950 ? MAX_WBITS : -MAX_WBITS) != Z_OK)
        return makeOFCondition(OFM_dcmdata, 1101, OF_error, "zlib could not be initialised");
    auto inflated = std::make_shared<std::vector<std::uint8_t>>();
    zs.next_in = const_cast<Bytef*>(m_producer.data() + m_producer.position());
    zs.avail_in = static_cast<uInt>(m_producer.size() - m_producer.position());
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (inflated->size() >= kMaxInflatedBytes) {
            inflateEnd(&zs);
            return makeOFCondition(OFM_dcmdata, 1102, OF_error,
                                   "the deflated data set inflates to more than 512 MB");
        }
        const std::size_t at = inflated->size();
        inflated->resize(at + (std::size_t{1} << 16));
        zs.next_out = inflated->data() + at;
        zs.avail_out = 1u << 16;
        rc = inflate(&zs, Z_NO_FLUSH);
        inflated->resize(inflated->size() - zs.avail_out);
        if (rc == Z_BUF_ERROR && zs.avail_in == 0)
            break;  // the compressed data ends early: parse what inflated, DCMTK finds the cut
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END && rc != Z_BUF_ERROR)
        return makeOFCondition(OFM_dcmdata, 1103, OF_error, "the deflated data set is damaged");
    inflated->shrink_to_fit();
    m_inflated = inflated;
    m_producer.reset(inflated->data(), inflated->size());
    return EC_Normal;
}

}  // namespace cxr::imaging::detail
