// Checks that bytes are a whole, readable PNG before anything draws them: the signature,
// an IHDR chunk first with valid values, every chunk's CRC, IDAT data that inflates to
// exactly the pixel rows the header promises, and IEND last.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/Message.h"

namespace gongwen {

struct PngInfo {
  unsigned width = 0, height = 0;
  int bitDepth = 0, colorType = 0;
  bool interlaced = false;
  bool hasAlpha = false;  // colour type 4 or 6, or a tRNS chunk
};

// The PNG's header, or a sentence saying what is wrong (for an InputError).
struct PngCheck {
  std::optional<PngInfo> info;
  Message problem;
};
PngCheck checkPng(const std::vector<uint8_t>& bytes, unsigned maxPixels);

}  // namespace gongwen
