// Writes one font into the PDF as a Type0 font with Identity-H encoding and one
// descendant CIDFont (CIDFontType0 for CFF outlines, CIDFontType2 for TrueType), its
// FontDescriptor, a /W widths array, the subset font program and a ToUnicode CMap.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "fonts/Font.h"
#include "pdf/FontSubsetter.h"
#include "pdf/HpdfDocument.h"

namespace gongwen {

// The glyphs a document draws with one font, and the text each stands for.
struct FontUse {
  FontPtr font;
  std::vector<uint32_t> glyphs;                       // distinct, in first-use order
  std::unordered_map<uint32_t, std::u32string> text;  // glyph → characters (first seen)
};

struct EmbeddedFont {
  HPDF_Dict type0 = nullptr;                      // add to page resources
  std::unordered_map<uint32_t, uint16_t> codeOf;  // original glyph id → content code
  std::unordered_map<uint16_t, double> widthOf;   // content code → /W width (1/1000 em)
};

// The font's bytes, ready to embed: its subset program and its ToUnicode CMap, deflated
// when `compress`. Pure computation, safe to run for several fonts on several threads.
struct PreparedFont {
  SubsetFont subset;
  std::vector<uint8_t> program, toUnicode;  // the stream data as written
};
// `retainGids`: see subsetFont.
PreparedFont prepareFont(const FontUse& use, bool compress, bool retainGids = false);

// The PDF objects of a prepared font. With `compress`, its two streams are written with
// writeDeflated (pdf/DeflatedStream.h): two markers to finish.
EmbeddedFont embedFont(HpdfDocument& doc, const FontUse& use, const PreparedFont& prepared,
                       bool compress);

}  // namespace gongwen
