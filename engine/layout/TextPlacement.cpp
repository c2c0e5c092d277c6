#include "layout/TextPlacement.h"

namespace gongwen {

void placeLine(Page& page, const ShapedText& text, const LineBox& line, double originX,
               double baseline) {
  GlyphRun* run = nullptr;
  int runFont = -1;
  for (size_t i = line.first; i < line.end; ++i) {
    const Cluster& c = text.clusters[i];
    if (c.fontIndex != runFont || run == nullptr) {
      GlyphRun fresh;
      fresh.font = text.fonts[c.fontIndex];
      fresh.sizePt = text.sizePt;
      fresh.color = text.color;
      page.items.emplace_back(std::move(fresh));
      run = &std::get<GlyphRun>(page.items.back());
      runFont = c.fontIndex;
    }
    double x = originX + line.x[i - line.first];
    for (uint32_t g = 0; g < c.glyphCount; ++g) {
      const ShapedGlyph& sg = text.glyphs[c.glyphStart + g];
      PlacedGlyph pg;
      pg.glyph = sg.glyph;
      pg.x = x + sg.xOffset;
      pg.y = baseline - sg.yOffset;
      pg.advance = sg.advance;
      if (g == 0) pg.text = text.text.substr(c.textStart, c.textEnd - c.textStart);
      run->glyphs.push_back(std::move(pg));
      x += sg.advance;
    }
  }
}

}  // namespace gongwen
