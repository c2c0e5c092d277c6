#include "common/JpegCheck.h"

namespace gongwen {

bool looksLikeJpeg(const std::vector<uint8_t>& bytes) {
  return bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
}

JpegCheck checkJpeg(const std::vector<uint8_t>& b, unsigned maxPixels) {
  JpegCheck out;
  if (!looksLikeJpeg(b)) {
    out.problem = "is not a JPEG (it does not start with FF D8)";
    return out;
  }
  if (b.size() < 4 || b[b.size() - 2] != 0xFF || b[b.size() - 1] != 0xD9) {
    out.problem = "is a JPEG cut short (it does not end with the EOI marker)";
    return out;
  }
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (b[i] != 0xFF) {
      out.problem = "is a damaged JPEG (no marker at byte " + std::to_string(i) + ")";
      return out;
    }
    const uint8_t marker = b[i + 1];
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    const size_t length = (static_cast<size_t>(b[i + 2]) << 8) | b[i + 3];
    if (length < 2 || i + 2 + length > b.size()) {
      out.problem = "is a damaged JPEG (a segment runs past the end)";
      return out;
    }
    if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
      if (length < 8) {
        out.problem = "is a damaged JPEG (a short frame header)";
        return out;
      }
      JpegInfo info;
      info.height = (static_cast<unsigned>(b[i + 5]) << 8) | b[i + 6];
      info.width = (static_cast<unsigned>(b[i + 7]) << 8) | b[i + 8];
      info.components = b[i + 9];
      if (b[i + 4] != 8) {
        out.problem = "is a JPEG of " + std::to_string(b[i + 4]) + "-bit samples; save it with 8";
        return out;
      }
      if (info.width == 0 || info.height == 0) {
        out.problem = "is a JPEG without a size";
        return out;
      }
      if (static_cast<uint64_t>(info.width) * info.height > maxPixels) {
        out.problem = "is too large: " + std::to_string(info.width) + "×" +
                      std::to_string(info.height) + " pixels (at most " +
                      std::to_string(maxPixels) + ")";
        return out;
      }
      if (info.components != 1 && info.components != 3) {
        out.problem = "is a JPEG with " + std::to_string(info.components) +
                      " components (CMYK?); save it as RGB";
        return out;
      }
      out.info = info;
      return out;
    }
    if ((marker >= 0xC3 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) ||
        marker == 0xDA) {
      out.problem = marker == 0xDA ? "is a damaged JPEG (the scan comes before the frame header)"
                                   : "is a JPEG of a kind PDF viewers do not all read (lossless "
                                     "or arithmetic coding); save it as a baseline JPEG or PNG";
      return out;
    }
    i += 2 + length;
  }
  out.problem = "is a damaged JPEG (no frame header)";
  return out;
}

}  // namespace gongwen
