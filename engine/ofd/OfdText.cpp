#include "ofd/OfdText.h"

#include <hb.h>

namespace gongwen::ofd {

std::vector<TextCluster> clustersOf(const GlyphRun& run, size_t begin, size_t end) {
  std::vector<TextCluster> out;
  for (size_t i = begin; i < end;) {
    TextCluster c;
    c.begin = i;
    c.code = run.glyphs[i].text;
    // The 2nd..nth glyph of a cluster carry no text: they join the one before.
    for (++i; i < end && run.glyphs[i].text.empty(); ++i) {
    }
    c.end = i;
    if (c.code.empty()) c.code.push_back(U'\uFFFD');
    if (c.end - c.begin == 1 && c.code.size() == 1 && run.glyphs[c.begin].text.size() == 1) {
      hb_codepoint_t nominal = 0;
      c.plain = hb_font_get_nominal_glyph(run.font->hbFont(), c.code[0], &nominal) &&
                nominal == run.glyphs[c.begin].glyph;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace gongwen::ofd
