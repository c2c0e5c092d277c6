#include "pdf/PdfTextString.h"

#include "common/Utf8.h"

namespace gongwen {

std::vector<uint8_t> pdfTextString(const std::string& utf8) {
  std::vector<uint8_t> out = {0xFE, 0xFF};
  auto push16 = [&](unsigned v) {
    out.push_back(static_cast<uint8_t>(v >> 8));
    out.push_back(static_cast<uint8_t>(v & 0xFF));
  };
  for (char32_t cp : decodeUtf8(utf8)) {
    if (cp >= 0x10000) {
      push16(0xD800 + ((cp - 0x10000) >> 10));
      push16(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      push16(cp);
    }
  }
  return out;
}

}  // namespace gongwen
