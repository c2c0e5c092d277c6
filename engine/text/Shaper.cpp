#include "text/Shaper.h"

#include <algorithm>
#include <cmath>

#include "fonts/FontRegistry.h"
#include "text/CharClass.h"

namespace gongwen {
namespace {

bool isBreakingSpace(char32_t c) { return c == U' ' || c == U'\t' || (c >= 0x2000 && c <= 0x200A); }

}  // namespace

Shaper::Shaper(const FontRegistry& registry)
    : registry_(registry),
      buffer_(hb_buffer_create()),
      language_(hb_language_from_string("zh-Hans", -1)) {}

ShapedText Shaper::shape(std::u32string_view text, const TextStyleRef& style,
                         const std::string& where, const MissingGlyphPolicy& policy, BreakMode mode,
                         const std::vector<FontSpan>& spans) {
  ShapedText out;
  out.text.assign(text);
  out.sizePt = style.sizePt;
  out.color = style.color;
  out.glyphs.reserve(text.size() + 4);
  out.clusters.reserve(text.size());
  // Each character in its span's font, the others in the style's (spans are in order).
  std::vector<uint16_t> fontOf(text.size(), 0);
  out.fonts.push_back(style.font);
  size_t done = 0;
  for (const FontSpan& span : spans) {
    size_t start = std::clamp(span.start, done, text.size());
    size_t end = std::clamp(span.end, start, text.size());
    chooseFontsInRange(text, done, start, style.font, registry_, out.fonts, where, policy, fontOf);
    chooseFontsInRange(text, start, end, span.font, registry_, out.fonts, where, policy, fontOf);
    done = end;
  }
  chooseFontsInRange(text, done, text.size(), style.font, registry_, out.fonts, where, policy,
                     fontOf);

  // Runs: same font and same kind (full-width text is shaped as Han, the rest as Latin).
  size_t start = 0;
  while (start < text.size()) {
    bool fullWidth = isFullWidth(text[start]);
    size_t end = start + 1;
    while (end < text.size() && fontOf[end] == fontOf[start]) {
      char32_t c = text[end];
      bool neutral = isVariationSelector(c) || (c >= 0x0300 && c <= 0x036F) || c == 0x200D;
      if (!neutral && isFullWidth(c) != fullWidth) break;
      ++end;
    }
    shapeRun(out, start, end, fontOf[start], fullWidth);
    start = end;
  }

  auto allowed = breaks_.opportunities(out.text);
  out.breakBefore.resize(out.clusters.size());
  for (size_t i = 0; i < out.clusters.size(); ++i) {
    out.breakBefore[i] = i == 0 || allowed[out.clusters[i].textStart];
  }
  if (mode == BreakMode::Word) keepWordsWhole(out);
  return out;
}

void Shaper::keepWordsWhole(ShapedText& text) {
  if (std::find(text.breakBefore.begin() + (text.breakBefore.empty() ? 0 : 1),
                text.breakBefore.end(), true) == text.breakBefore.end()) {
    return;  // no break to remove: words need not be known
  }
  const auto words = breaks_.wordBoundaries(text.text);
  for (size_t i = 1; i < text.clusters.size(); ++i) {
    text.breakBefore[i] = text.breakBefore[i] && words[text.clusters[i].textStart];
  }
}

void Shaper::shapeRun(ShapedText& out, size_t start, size_t end, uint16_t fontIndex,
                      bool fullWidth) {
  const Font& font = *out.fonts[fontIndex];
  hb_buffer_t* buf = buffer_.get();
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(out.text.data()),
                      static_cast<int>(out.text.size()), static_cast<unsigned>(start),
                      static_cast<int>(end - start));
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, fullWidth ? HB_SCRIPT_HAN : HB_SCRIPT_LATIN);
  hb_buffer_set_language(buf, language_);
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(font.hbFont(), buf, nullptr, 0);

  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, nullptr);
  const double scale = out.sizePt / font.unitsPerEm();
  const double em = out.sizePt;

  for (unsigned g = 0; g < n;) {
    unsigned clusterStart = info[g].cluster;
    Cluster c;
    c.textStart = clusterStart;
    c.glyphStart = static_cast<uint32_t>(out.glyphs.size());
    c.fontIndex = fontIndex;
    while (g < n && info[g].cluster == clusterStart) {
      ShapedGlyph sg;
      sg.glyph = info[g].codepoint;
      sg.advance = pos[g].x_advance * scale;
      sg.xOffset = pos[g].x_offset * scale;
      sg.yOffset = pos[g].y_offset * scale;
      c.advance += sg.advance;
      out.glyphs.push_back(sg);
      ++g;
    }
    c.glyphCount = static_cast<uint32_t>(out.glyphs.size()) - c.glyphStart;
    c.textEnd = g < n ? info[g].cluster : static_cast<uint32_t>(end);
    char32_t first = out.text[c.textStart];
    if (isBreakingSpace(first)) {
      c.kind = ClusterKind::Space;
    } else if (isFullWidth(first) && c.advance > 0.75 * em) {
      c.kind = ClusterKind::FullWidth;
      c.cells = std::max(1, static_cast<int>(std::lround(c.advance / em)));
      int side = compressibleSide(first);
      if (side > 0) c.squeezeRight = em / 2;
      if (side < 0) c.squeezeLeft = em / 2;
    } else {
      c.kind = ClusterKind::Word;
    }
    c.endAdvance =
        isHalfInkMark(first) && c.kind == ClusterKind::FullWidth ? c.advance - em / 2 : c.advance;
    out.clusters.push_back(c);
  }
}

}  // namespace gongwen
