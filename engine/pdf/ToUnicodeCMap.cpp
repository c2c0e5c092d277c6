#include "pdf/ToUnicodeCMap.h"

#include <cstdio>
#include <vector>

namespace gongwen {
namespace {

void appendHex16(std::string& out, unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFF);
  out += buf;
}

std::string utf16Hex(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    if (c >= 0x10000) {
      appendHex16(out, 0xD800 + ((c - 0x10000) >> 10));
      appendHex16(out, 0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      appendHex16(out, c);
    }
  }
  return out;
}

}  // namespace

std::string buildToUnicodeCMap(const std::map<uint16_t, std::u32string>& textOfCode) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<uint16_t, const std::u32string*>> entries;
  for (const auto& [code, text] : textOfCode) {
    if (!text.empty()) entries.emplace_back(code, &text);
  }
  for (size_t i = 0; i < entries.size(); i += 100) {
    size_t n = std::min<size_t>(100, entries.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      out += "<";
      appendHex16(out, entries[k].first);
      out += "> <" + utf16Hex(*entries[k].second) + ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace gongwen
