#include "support/PageLines.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "common/Units.h"
#include "text/CharClass.h"

namespace gongwen::test {

std::u32string LineMm::text() const {
  std::u32string out;
  for (const auto& g : glyphs) out += g.text;
  return out;
}

double LineMm::inkRight() const {
  const GlyphMm& g = glyphs.back();
  if (isHalfInkMark(g.ch)) return g.left + ptToMm(g.sizePt) / 2;
  return g.right;
}

size_t LineMm::visibleGlyphs() const {
  return static_cast<size_t>(
      std::count_if(glyphs.begin(), glyphs.end(), [](const GlyphMm& g) { return g.ch != U' '; }));
}

std::vector<LineMm> linesOf(const Page& page) {
  std::map<long, LineMm> rows;  // key: baseline in 1/10 mm
  for (const auto& item : page.items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run) continue;
    for (const auto& g : run->glyphs) {
      GlyphMm m;
      m.text = g.text;
      m.ch = g.text.empty() ? 0 : g.text[0];
      m.left = ptToMm(g.x);
      m.right = ptToMm(g.x + g.advance);
      m.baseline = ptToMm(g.y);
      m.sizePt = run->sizePt;
      m.font = run->font.get();
      m.color = run->color;
      long key = std::lround(m.baseline * 2);  // same line within 0.5 mm
      if (rows.count(key - 1)) key -= 1;
      rows[key].glyphs.push_back(m);
    }
  }
  std::vector<LineMm> out;
  for (auto& [k, line] : rows) {
    std::sort(line.glyphs.begin(), line.glyphs.end(),
              [](const GlyphMm& a, const GlyphMm& b) { return a.left < b.left; });
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<LineMm> bodyLines(const Page& page, double sizePt, double blockBottomMm) {
  std::vector<LineMm> out;
  for (auto& l : linesOf(page)) {
    if (std::abs(l.glyphs.front().sizePt - sizePt) < 0.01 && l.baseline() < blockBottomMm)
      out.push_back(std::move(l));
  }
  return out;
}

}  // namespace gongwen::test
