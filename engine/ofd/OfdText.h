// How a line of shaped glyphs becomes an OFD TextCode: one code unit per cluster (the
// characters a glyph or glyphs stand for). A cluster the reader can find through the
// font's cmap (one character, its nominal glyph) is written as that character alone;
// any other (a ligature, a vertical or contextual form, a glyph without a character) is
// written with a CGTransform (文字字形变换) naming its glyphs in the embedded subset.
#pragma once

#include <string>
#include <vector>

#include "layout/DisplayList.h"

namespace gongwen::ofd {

struct TextCluster {
  size_t begin = 0, end = 0;  // glyph indices in the run, [begin, end)
  std::u32string code;        // the characters written in TextCode (never empty)
  bool plain = false;         // true: the cmap maps `code` to the cluster's one glyph
};

// The clusters of run.glyphs[begin, end) (glyphs on one baseline).
std::vector<TextCluster> clustersOf(const GlyphRun& run, size_t begin, size_t end);

}  // namespace gongwen::ofd
