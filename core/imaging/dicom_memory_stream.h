#pragma once
// A DCMTK input stream over a file already held in memory that, unlike DcmInputBufferStream,
// can hand DCMTK a factory to reopen itself at an offset. With a factory DCMTK parses values
// longer than its maxReadLength by skipping them and loads them only when they are accessed,
// so a declared length larger than the bytes that follow (e.g. 2 GB in a 5 KB file) ends in a
// truncation error instead of an allocation of the declared size. The bytes must outlive
// every dataset read from the stream.
#include <cstddef>
#include <cstdint>

#include <dcmtk/dcmdata/dcistrma.h>

namespace cxr::imaging::detail {

// Reads a fixed block of memory; never owns it.
class MemoryProducer : public DcmProducer {
public:
    MemoryProducer(const std::uint8_t* data, std::size_t size);
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

class MemoryInputStream : public DcmInputStream {
public:
    // Starts at byte `offset` (what a factory reopens at); tell() counts from the block's start.
    MemoryInputStream(const std::uint8_t* data, std::size_t size, offile_off_t offset = 0);
    // None while a compression filter (deflated syntax) is installed: an offset into the
    // inflated stream cannot be reopened from the raw bytes, so DCMTK then loads values at once.
    DcmInputStreamFactory* newFactory() const override;

private:
    MemoryProducer m_producer;
    const std::uint8_t* m_data;
    std::size_t m_size;
};

// Reopens a MemoryInputStream at the offset where DCMTK skipped a value.
class MemoryInputStreamFactory : public DcmInputStreamFactory {
public:
    MemoryInputStreamFactory(const std::uint8_t* data, std::size_t size, offile_off_t offset)
        : m_data(data), m_size(size), m_offset(offset) {}
    DcmInputStream* create() const override { return new MemoryInputStream(m_data, m_size, m_offset); }
    DcmInputStreamFactory* clone() const override { return new MemoryInputStreamFactory(*this); }
    // DCMTK knows only its two file factories; this one behaves like the plain file one.
    DcmInputStreamFactoryType ident() const override { return DFT_DcmInputFileStreamFactory; }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    offile_off_t m_offset;
};

}  // namespace cxr::imaging::detail
