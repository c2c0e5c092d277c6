// The ToUnicode CMap of a Type0 font: content code → the characters the glyph stands for,
// so copy, search, pdftotext and screen readers get the real text.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace gongwen {

std::string buildToUnicodeCMap(const std::map<uint16_t, std::u32string>& textOfCode);

}  // namespace gongwen
