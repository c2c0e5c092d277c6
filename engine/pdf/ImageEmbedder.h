// Images (a seal) as PDF image XObjects: the PNG decoded to 8-bit RGB and, when it has any
// transparency, an 8-bit alpha soft mask; both deflated here so that several images and
// fonts can be prepared on several threads while the document is assembled. A JPEG (a
// scanned seal) is carried as it is (DCTDecode). The page draws them with the Multiply
// blend mode (ContentStream::image), so white paper in the image leaves the page as it
// was and red over black text prints black: ink, not a sticker.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <vector>

#include "layout/DisplayList.h"
#include "pdf/HpdfDocument.h"

namespace gongwen {

struct PreparedImage {
  unsigned width = 0, height = 0;
  std::vector<uint8_t> rgb;    // stream data as written (deflated when compressing)
  std::vector<uint8_t> alpha;  // empty when every pixel is opaque
  int jpegComponents = 0;      // a JPEG carried as it is (rgb holds its bytes): 1 or 3
};

// Throws std::runtime_error when the PNG cannot be decoded (image fields are checked
// before layout, so this means a bug or memory trouble).
PreparedImage prepareImage(const ImageData& image, bool compress);

// The image XObject (and its /SMask). With `compress`, its streams are written with
// writeDeflated: streamCount() markers to finish.
HPDF_Dict embedImage(HpdfDocument& doc, const PreparedImage& image, bool compress);
inline size_t streamCount(const PreparedImage& image) {
  if (image.jpegComponents) return 0;  // not deflated by us
  return image.alpha.empty() ? 1 : 2;
}

}  // namespace gongwen
