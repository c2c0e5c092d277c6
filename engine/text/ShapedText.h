// A paragraph shaped with HarfBuzz: fonts chosen per character (role font, then the
// fallback chain), runs itemized by script and font, glyphs grouped into clusters that
// line breaking and justification work on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/Color.h"
#include "fonts/Font.h"

namespace gongwen {

struct ShapedGlyph {
  uint32_t glyph = 0;
  double advance = 0;               // pt
  double xOffset = 0, yOffset = 0;  // pt, y up (HarfBuzz convention)
};

enum class ClusterKind {
  FullWidth,  // set in grid cells: Han, kana, full-width punctuation
  Word,       // Latin letters, digits and other proportional text
  Space,      // U+0020 and other breaking spaces: stretchable, dropped at a line end
  Newline,    // never shaped; kept out of clusters
};

struct Cluster {
  uint32_t textStart = 0, textEnd = 0;      // characters of ShapedText::text
  uint32_t glyphStart = 0, glyphCount = 0;  // in ShapedText::glyphs
  uint16_t fontIndex = 0;                   // in ShapedText::fonts
  ClusterKind kind = ClusterKind::FullWidth;
  double advance = 0;  // natural advance, pt
  int cells = 0;       // grid cells a full-width cluster takes (—— takes 2)
  // Blank part of a full-width mark that may be squeezed (标点挤压), pt; on the right
  // for closing marks and ，。, on the left for opening marks.
  double squeezeRight = 0, squeezeLeft = 0;
  // Advance counted at a line end: ，。、；：？！ hang their blank half.
  double endAdvance = 0;
};

struct ShapedText {
  std::u32string text;
  double sizePt = 16;
  Color color;
  std::vector<FontPtr> fonts;
  std::vector<ShapedGlyph> glyphs;
  std::vector<Cluster> clusters;
  // breakBefore[i]: a line may start at cluster i (line breaking + kinsoku); [0] is true.
  std::vector<bool> breakBefore;

  double em() const { return sizePt; }
};

}  // namespace gongwen
