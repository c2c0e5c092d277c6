// Images (a seal, a figure) as PDF image XObjects: a JPEG as it is (/DCTDecode); a PNG decoded to
// 8-bit RGB and, when it has any transparency, an 8-bit alpha soft mask; both deflated here so that
// several images and fonts can be prepared on several threads while the document is assembled.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <vector>

#include "layout/DisplayList.h"
#include "pdf/HpdfDocument.h"

namespace gongwen {

struct PreparedImage {
  unsigned width = 0, height = 0;
  bool jpeg = false;           // `rgb` holds the JPEG file as it is (/DCTDecode)
  int components = 3;          // of a JPEG: 1 grey, 3 colour
  std::vector<uint8_t> rgb;    // stream data as written (deflated when compressing)
  std::vector<uint8_t> alpha;  // empty when every pixel is opaque
};

// Throws std::runtime_error when the PNG cannot be decoded (image fields are checked
// before layout, so this means a bug or memory trouble).
PreparedImage prepareImage(const ImageData& image, bool compress);

// The image XObject (and its /SMask). With `compress`, its streams are written with
// writeDeflated: streamCount() markers to finish.
HPDF_Dict embedImage(HpdfDocument& doc, const PreparedImage& image, bool compress);
inline size_t streamCount(const PreparedImage& image) {
  return image.jpeg ? 0 : image.alpha.empty() ? 1 : 2;
}

}  // namespace gongwen
