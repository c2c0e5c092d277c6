#include "common/JpegCheck.h"

namespace gongwen {
namespace {

unsigned be16(const uint8_t* p) { return (unsigned(p[0]) << 8) | unsigned(p[1]); }

JpegCheck fail(Message why) {
  JpegCheck c;
  c.problem = std::move(why);
  return c;
}

}  // namespace

bool looksLikeJpeg(const std::vector<uint8_t>& bytes) {
  return bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
}

JpegCheck checkJpeg(const std::vector<uint8_t>& bytes, unsigned maxPixels) {
  if (!looksLikeJpeg(bytes)) return fail(Message("is not a JPEG file (no SOI marker)"));
  const size_t n = bytes.size();
  if (n < 4 || bytes[n - 2] != 0xFF || bytes[n - 1] != 0xD9) {
    return fail(Message("is a truncated JPEG (it does not end with the EOI marker)"));
  }
  size_t i = 2;
  while (i + 4 <= n) {
    if (bytes[i] != 0xFF) return fail(Message("is a damaged JPEG (a marker is missing)"));
    const uint8_t marker = bytes[i + 1];
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      i += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) break;  // EOI, or scan data before any frame
    const unsigned length = be16(&bytes[i + 2]);
    if (length < 2 || i + 2 + length > n)
      return fail(Message("is a damaged JPEG (a segment overruns it)"));
    const bool frame =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (marker > 0xC2) {
        return fail(
            Message("uses a JPEG coding PDF readers do not all show (lossless, hierarchical or "
                    "arithmetic): save it as a baseline or progressive JPEG, or as PNG"));
      }
      if (length < 8) return fail(Message("is a damaged JPEG (a short frame header)"));
      const uint8_t* f = &bytes[i + 4];
      JpegInfo info;
      if (f[0] != 8)
        return fail(Message("is a JPEG with {0}-bit samples (8 needed)", static_cast<int>(f[0])));
      info.height = be16(f + 1);
      info.width = be16(f + 3);
      info.components = f[5];
      if (info.width == 0 || info.height == 0) return fail(Message("is a JPEG without a size"));
      if (info.components != 1 && info.components != 3) {
        return fail(Message("is a JPEG with {0} colour components (CMYK?): save it in RGB or grey",
                            static_cast<int>(info.components)));
      }
      if (static_cast<unsigned long long>(info.width) * info.height > maxPixels) {
        return fail(Message("is too large ({0}×{1} pixels)", info.width, info.height));
      }
      JpegCheck ok;
      ok.info = info;
      return ok;
    }
    i += 2 + length;
  }
  return fail(Message("is a damaged JPEG (no frame header)"));
}

}  // namespace gongwen
