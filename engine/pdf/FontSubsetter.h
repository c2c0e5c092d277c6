// Subsets a font to the glyphs a document uses (hb-subset) and says which content-stream
// code draws each original glyph: the new glyph id (TrueType, name-keyed CFF) or the
// glyph's CID (CID-keyed CFF, whose subset keeps the original CIDs in its charset).
#pragma once

#include <hb.h>

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
// With `retainGids` every glyph keeps its id (the others are left empty), so a glyph's
// code is known before the document's whole glyph set is (a streamed batch).
SubsetFont subsetFont(const Font& font, const std::vector<uint32_t>& glyphs,
                      bool retainGids = false);

// A whole sfnt (TrueType, or OpenType with CFF outlines) for formats whose readers map
// text through the font itself (OFD): it keeps a cmap of `unicodes`, and the metrics,
// name and post tables the PDF subset drops.
struct SfntSubset {
  std::vector<uint8_t> sfnt;
  std::unordered_map<uint32_t, uint32_t> newGlyphOf;  // original glyph id → subset's
};
SfntSubset subsetSfnt(const Font& font, const std::vector<uint32_t>& glyphs,
                      const std::vector<char32_t>& unicodes);

}  // namespace gongwen
