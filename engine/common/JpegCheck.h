// Checks that bytes are a baseline or progressive JPEG a PDF can carry as it is
// (/DCTDecode): the SOI marker, a frame header (SOF0/1/2) with 8-bit samples, one or three
// components, a size within limits, and the EOI marker at the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/Message.h"

namespace gongwen {

struct JpegInfo {
  unsigned width = 0, height = 0;
  int components = 0;  // 1 grey, 3 colour (YCbCr)
};

struct JpegCheck {
  std::optional<JpegInfo> info;
  Message problem;  // a sentence for an InputError ("is a damaged JPEG …")
};

bool looksLikeJpeg(const std::vector<uint8_t>& bytes);
JpegCheck checkJpeg(const std::vector<uint8_t>& bytes, unsigned maxPixels);

}  // namespace gongwen
