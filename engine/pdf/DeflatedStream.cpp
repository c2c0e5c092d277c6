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

std::vector<uint8_t> deflateBytes(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::vector<uint8_t> out(size);
  int rc = compress2(out.data(), &size, reinterpret_cast<const Bytef*>(data.data()),
                     static_cast<uLong>(data.size()), Z_DEFAULT_COMPRESSION);
  if (rc != Z_OK)
    throw std::runtime_error("zlib: cannot compress a stream (" + std::to_string(rc) + ")");
  out.resize(size);
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
