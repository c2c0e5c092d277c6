#include "support/DocumentPages.h"

#include <cmath>

#include "common/Units.h"

namespace gongwen::test {

double emMm(double sizePt) { return ptToMm(sizePt); }

std::vector<RectMm> rectsOf(const Page& page) {
  std::vector<RectMm> out;
  for (const auto& item : page.items) {
    if (const auto* r = std::get_if<FilledRect>(&item)) {
      out.push_back({ptToMm(r->x), ptToMm(r->y), ptToMm(r->width), ptToMm(r->height), r->color});
    }
  }
  return out;
}

std::vector<ImageMm> imagesOf(const Page& page) {
  std::vector<ImageMm> out;
  for (const auto& item : page.items) {
    if (const auto* i = std::get_if<PlacedImage>(&item)) {
      out.push_back({ptToMm(i->x), ptToMm(i->y), ptToMm(i->width), ptToMm(i->height)});
    }
  }
  return out;
}

double slotOf(double baselineMm, double sizePt) {
  const double em = emMm(sizePt);
  return (baselineMm - kBlockTop - (kPitch - em) / 2 - 0.88 * em) / kPitch;
}

double emTop(const LineMm& line) { return line.baseline() - 0.88 * emMm(line.glyphs[0].sizePt); }
double emBottom(const LineMm& line) { return line.baseline() + 0.12 * emMm(line.glyphs[0].sizePt); }
double centreOf(const LineMm& line) { return (line.left() + line.glyphs.back().right) / 2; }
bool isRed(const Color& c) { return c.r > 0.7 && c.g < 0.35 && c.b < 0.35; }

Found findLine(const DisplayList& list, const std::u32string& needle) {
  for (size_t p = 0; p < list.pages.size(); ++p) {
    for (auto& l : linesOf(list.pages[p])) {
      if (!isRed(l.glyphs[0].color) && l.text().find(needle) != std::u32string::npos)
        return {static_cast<int>(p), l};
    }
  }
  return {};
}

std::vector<std::vector<LineMm>> blackBodyLines(const DisplayList& list) {
  std::vector<std::vector<LineMm>> out;
  for (const auto& page : list.pages) {
    std::vector<LineMm> lines;
    for (auto& l : linesOf(page)) {
      bool body = true;
      for (const auto& g : l.glyphs)
        body = body && std::abs(g.sizePt - 16) < 0.01 && !isRed(g.color);
      if (body && l.baseline() < kBlockBottom) lines.push_back(std::move(l));
    }
    out.push_back(std::move(lines));
  }
  return out;
}

}  // namespace gongwen::test
