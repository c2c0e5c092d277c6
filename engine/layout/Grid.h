// The page's text block and its line grid, in pt from the page's top-left corner.
#pragma once

#include "common/Units.h"
#include "model/Layout.h"

namespace gongwen {

// The ideographic em box sits 0.88 em above and 0.12 em below the baseline.
constexpr double kEmAscent = 0.88;

struct Grid {
  explicit Grid(const PageGeometry& g)
      : pageWidth(mmToPt(g.widthMm)),
        pageHeight(mmToPt(g.heightMm)),
        left(mmToPt(g.marginLeftMm)),
        top(mmToPt(g.marginTopMm)),
        width(mmToPt(g.blockWidthMm)),
        height(mmToPt(g.blockHeightMm)),
        lines(g.linesPerPage),
        cells(g.charsPerLine),
        linePitch(height / g.linesPerPage) {}

  double pageWidth, pageHeight;
  double left, top, width, height;  // the text block (版心)
  int lines, cells;
  double linePitch;

  double right() const { return left + width; }
  double bottom() const { return top + height; }
  // Distance between full-width cell origins for text of `sizePt`, so that `cells`
  // characters fill the block edge to edge.
  double cellPitch(double sizePt) const { return (width - sizePt) / (cells - 1); }
  // Baseline of text of `sizePt` centred in grid line `slot` (0-based).
  double baseline(int slot, double sizePt) const {
    return top + slot * linePitch + (linePitch - sizePt) / 2 + kEmAscent * sizePt;
  }
};

}  // namespace gongwen
