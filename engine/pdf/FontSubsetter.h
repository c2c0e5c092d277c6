// Subsets a font to the glyphs a document uses (hb-subset) and says which content-stream
// code draws each original glyph: the new glyph id (TrueType, name-keyed CFF) or the
// glyph's CID (CID-keyed CFF, whose subset keeps the original CIDs in its charset).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "fonts/Font.h"

namespace gongwen {

struct SubsetFont {
  std::vector<uint8_t> program;  // FontFile2 (TrueType) or the raw CFF (FontFile3)
  bool cff = false;
  std::unordered_map<uint32_t, uint16_t> codeOf;  // original glyph id → 2-byte code
};

// Throws std::runtime_error naming the font when HarfBuzz cannot subset it.
SubsetFont subsetFont(const Font& font, const std::vector<uint32_t>& glyphs);

}  // namespace gongwen
