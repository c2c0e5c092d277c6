// Checks that bytes are a JPEG a PDF can carry as it is (DCTDecode): the SOI marker, a
// frame header (baseline, extended or progressive Huffman) with its size and 1 (grey) or 3
// (YCbCr) components, segments that hold together up to the scan, and the EOI marker at
// the end. Scanned seals come as JPEG.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gongwen {

struct JpegInfo {
  unsigned width = 0, height = 0;
  int components = 0;  // 1 grey, 3 colour
};

struct JpegCheck {
  std::optional<JpegInfo> info;
  std::string problem;  // a sentence for an InputError when info is empty
};

bool looksLikeJpeg(const std::vector<uint8_t>& bytes);
JpegCheck checkJpeg(const std::vector<uint8_t>& bytes, unsigned maxPixels);

}  // namespace gongwen
