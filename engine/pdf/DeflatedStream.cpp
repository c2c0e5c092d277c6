#include "pdf/DeflatedStream.h"

#include <hpdf_objects.h>
#include <zlib.h>

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string>

namespace gongwen {
namespace {

// Written by libharu as "/GwDeflate /FlateDeco" — 20 bytes, like "/Filter /FlateDecode".
constexpr const char* kMarkerKey = "GwDeflate";
constexpr const char* kMarkerValue = "FlateDeco";
constexpr std::string_view kMarker = "/GwDeflate /FlateDeco";
constexpr std::string_view kFilter = "/Filter /FlateDecode ";
static_assert(kMarker.size() == kFilter.size());

}  // namespace

std::vector<uint8_t> deflateBytes(std::string_view data, bool raw, int level,
                                  DeflateSearch search) {
  // A window and hash table sized to the data: a page's content is a few KB, and zlib's
  // defaults (32 KB window, 64 KB hash table to clear) would cost more than compressing it.
  int windowBits = 9;
  while (windowBits < 15 && (size_t{1} << windowBits) < data.size()) ++windowBits;
  const int memLevel = std::clamp(windowBits - 6, 1, 8);
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, raw ? -windowBits : windowBits, memLevel,
                   search == DeflateSearch::RunsOnly ? Z_RLE : Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib: cannot start compressing a stream");
  }
  std::vector<uint8_t> out(deflateBound(&z, static_cast<uLong>(data.size())));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) {
    throw std::runtime_error("zlib: cannot compress a stream (" + std::to_string(rc) + ")");
  }
  return out;
}

void writeDeflated(HPDF_Dict dict, const std::vector<uint8_t>& bytes) {
  dict->filter = HPDF_STREAM_FILTER_NONE;
  HPDF_Dict_AddName(dict, kMarkerKey, kMarkerValue);
  if (!bytes.empty()) {
    HPDF_Stream_Write(dict->stream, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
  }
}

void finishDeflatedStreams(std::vector<uint8_t>& pdf, size_t count) {
  size_t found = 0;
  const std::boyer_moore_horspool_searcher searcher(kMarker.begin(), kMarker.end());
  auto it = pdf.begin();
  while ((it = std::search(it, pdf.end(), searcher)) != pdf.end()) {
    std::copy(kFilter.begin(), kFilter.end(), it);
    it += static_cast<std::ptrdiff_t>(kFilter.size());
    ++found;
  }
  if (found != count) {
    throw std::runtime_error("PDF writer: " + std::to_string(found) +
                             " compressed stream markers for " + std::to_string(count) +
                             " streams");
  }
}

}  // namespace gongwen
