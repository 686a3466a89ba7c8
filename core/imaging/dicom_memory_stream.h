#pragma once
// A DCMTK input stream over a file already held in memory that, unlike DcmInputBufferStream,
// can hand DCMTK a factory to reopen itself at an offset. With a factory DCMTK parses values
// longer than its maxReadLength by skipping them and loads them only when they are accessed,
// so a declared length larger than the bytes that follow (e.g. 2 GB in a 5 KB file) ends in a
// truncation error instead of an allocation of the declared size. The caller's bytes must
// outlive every dataset read from the stream.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <dcmtk/dcmdata/dcistrma.h>

namespace cxr::imaging::detail {

// Reads a fixed block of memory; never owns it.
class MemoryProducer : public DcmProducer {
public:
    MemoryProducer(const std::uint8_t* data, std::size_t size);
    // Reads `data` from its start from now on (the inflated rest of a deflated file).
    void reset(const std::uint8_t* data, std::size_t size);
    const std::uint8_t* data() const { return m_data; }
    std::size_t size() const { return static_cast<std::size_t>(m_size); }
    std::size_t position() const { return static_cast<std::size_t>(m_position); }
    OFBool good() const override { return OFTrue; }
    OFCondition status() const override { return EC_Normal; }
    OFBool eos() override { return m_position >= m_size; }
    offile_off_t avail() override { return m_size - m_position; }
    offile_off_t read(void* buffer, offile_off_t length) override;
    offile_off_t skip(offile_off_t length) override;
    void putback(offile_off_t length) override;

private:
    const std::uint8_t* m_data;
    offile_off_t m_size;
    offile_off_t m_position = 0;
};

// Deflated data sets (1.2.840.10008.1.2.1.99) are inflated here, whole, when DCMTK asks for its
// zlib filter, so that values in them can be deferred too (a DCMTK filter cannot be reopened
// at an offset, and without a factory DCMTK reserves every declared length: found by fuzzing).
// A data set that inflates past kMaxInflatedBytes is refused.
class MemoryInputStream : public DcmInputStream {
public:
    static constexpr std::size_t kMaxInflatedBytes = std::size_t{512} << 20;
    using Buffer = std::shared_ptr<const std::vector<std::uint8_t>>;

    // Starts at byte `offset` (what a factory reopens at); `keepAlive` owns `data` when it is an
    // inflated data set.
    MemoryInputStream(const std::uint8_t* data, std::size_t size, offile_off_t offset = 0, Buffer keepAlive = {});
    DcmInputStreamFactory* newFactory() const override;
    OFCondition installCompressionFilter(E_StreamCompression type) override;

private:
    MemoryProducer m_producer;
    Buffer m_inflated;
};

// Reopens a MemoryInputStream at the offset where DCMTK skipped a value.
class MemoryInputStreamFactory : public DcmInputStreamFactory {
public:
    MemoryInputStreamFactory(const std::uint8_t* data, std::size_t size, offile_off_t offset,
                             MemoryInputStream::Buffer keepAlive)
        : m_data(data), m_size(size), m_offset(offset), m_keepAlive(std::move(keepAlive)) {}
    DcmInputStream* create() const override { return new MemoryInputStream(m_data, m_size, m_offset, m_keepAlive); }
    DcmInputStreamFactory* clone() const override { return new MemoryInputStreamFactory(*this); }
    // DCMTK knows only its two file factories; this one behaves like the plain file one.
    DcmInputStreamFactoryType ident() const override { return DFT_DcmInputFileStreamFactory; }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    offile_off_t m_offset;
    MemoryInputStream::Buffer m_keepAlive;
};

}  // namespace cxr::imaging::detail
