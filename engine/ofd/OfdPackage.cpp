#include "ofd/OfdPackage.h"

#include <zlib.h>

#include <algorithm>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "common/Parallel.h"
#include "pdf/DeflatedStream.h"

namespace gongwen::ofd {
namespace {

void put16(std::vector<uint8_t>& out, unsigned v) {
  out.push_back(static_cast<uint8_t>(v & 0xFF));
  out.push_back(static_cast<uint8_t>((v >> 8) & 0xFF));
}

void put32(std::vector<uint8_t>& out, uint64_t v) {
  put16(out, static_cast<unsigned>(v & 0xFFFF));
  put16(out, static_cast<unsigned>((v >> 16) & 0xFFFF));
}

struct Entry {
  std::vector<uint8_t> data;  // as stored
  uint32_t crc = 0;
  uint64_t size = 0;    // uncompressed
  uint64_t stored = 0;  // compressed
  bool deflated = false;
  uint64_t offset = 0;  // of its local header
};

// The zip's MS-DOS date and time (local = UTC here, for reproducible files).
void dosDateTime(long long when, unsigned& date, unsigned& time) {
  constexpr long long k1980 = 315532800;
  const std::time_t t = static_cast<std::time_t>(std::max(when, k1980));
  std::tm tm{};
  gmtime_r(&t, &tm);
  date = static_cast<unsigned>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
  time = static_cast<unsigned>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
}

}  // namespace

std::vector<uint8_t> zipPackage(const std::vector<PackagePart>& parts, long long when) {
  if (parts.size() > 0xFFFF) {
    throw std::runtime_error("OFD: " + std::to_string(parts.size()) +
                             " parts are more than a zip can hold; split the batch");
  }
  std::vector<Entry> entries(parts.size());
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  forEachParallel(parts.size(), parts.size() < 8 ? 1 : threads, [&](size_t i) {
    const PackagePart& part = parts[i];
    Entry& e = entries[i];
    e.size = part.bytes.size();
    e.crc = static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(part.bytes.data()),
                                        static_cast<uInt>(part.bytes.size())));
    if (part.deflate) {
      e.data = deflateBytes(part.bytes, true);
      e.deflated = e.data.size() < part.bytes.size();
    }
    if (!e.deflated) e.data.assign(part.bytes.begin(), part.bytes.end());
    e.stored = e.data.size();
  });

  unsigned date = 0, time = 0;
  dosDateTime(when, date, time);
  std::vector<uint8_t> out;
  size_t total = 0;
  for (size_t i = 0; i < parts.size(); ++i)
    total += 30 + 46 + 2 * parts[i].name.size() + entries[i].data.size();
  out.reserve(total + 22);
  auto header = [&](size_t i, bool central) {
    const Entry& e = entries[i];
    put32(out, central ? 0x02014b50 : 0x04034b50);
    if (central) put16(out, 20);  // made by: version 2.0
    put16(out, 20);               // needed: 2.0 (deflate)
    put16(out, 0);                // flags
    put16(out, e.deflated ? 8 : 0);
    put16(out, time);
    put16(out, date);
    put32(out, e.crc);
    put32(out, e.stored);
    put32(out, e.size);
    put16(out, static_cast<unsigned>(parts[i].name.size()));
    put16(out, 0);  // extra field
    if (central) {
      put16(out, 0);  // comment
      put16(out, 0);  // disk
      put16(out, 0);  // internal attributes
      put32(out, 0);  // external attributes
      put32(out, e.offset);
    }
    out.insert(out.end(), parts[i].name.begin(), parts[i].name.end());
  };
  for (size_t i = 0; i < parts.size(); ++i) {
    entries[i].offset = out.size();
    header(i, false);
    out.insert(out.end(), entries[i].data.begin(), entries[i].data.end());
    entries[i].data = {};
  }
  const uint64_t directory = out.size();
  for (size_t i = 0; i < parts.size(); ++i) header(i, true);
  const uint64_t directorySize = out.size() - directory;
  if (out.size() > 0xFFFFFFFFull) throw std::runtime_error("OFD: the package is over 4 GB");
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<unsigned>(parts.size()));
  put16(out, static_cast<unsigned>(parts.size()));
  put32(out, directorySize);
  put32(out, directory);
  put16(out, 0);  // comment
  return out;
}

}  // namespace gongwen::ofd
