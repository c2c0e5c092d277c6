// 发文机关标志 / 纪要标志 (7.2.5, 10.1, 10.2): the red mark, centred, its top edge a set
// distance below the block's top (or the page's, for letters). Wider than the block, it is
// condensed first (its glyphs narrowed, their height kept, down to the layout's
// "min_horizontal_scale"), and only past that bound set smaller. A list of several issuers
// (联合行文) stacks the names, each spread to the longest one, with the suffix (e.g. "文件") to
// their right, centred on them vertically.
#include <algorithm>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Utf8.h"
#include "layout/FlowElements.h"
#include "layout/elements/Text.h"

namespace gongwen {
namespace {

// Spreads a one-line name over `width` by adding equal space between its clusters.
void spreadTo(LineBox& line, double width) {
  const size_t n = line.x.size();
  const double extra = width - (line.extent - line.indent);
  if (n < 2 || extra <= 0) return;
  const double gap = extra / static_cast<double>(n - 1);
  for (size_t k = 0; k < n; ++k) line.x[k] += gap * static_cast<double>(k);
  line.extent += extra;
}

// Places a line like placeLineAbsolute, narrowed by `scale` towards `originX`: glyph
// positions and advances scaled, the runs drawn condensed (GlyphRun::horizontalScale).
void placeCondensed(FlowContext& ctx, const SingleLine& l, double originX, double baseline,
                    double scale) {
  const size_t from = ctx.currentPage().items.size();
  ctx.placeLineAbsolute(*l.text, l.line, originX, baseline);
  if (scale >= 1) return;
  auto& items = ctx.currentPage().items;
  for (size_t i = from; i < items.size(); ++i) {
    auto* run = std::get_if<GlyphRun>(&items[i]);
    if (run == nullptr) continue;
    run->horizontalScale = scale;
    for (auto& g : run->glyphs) {
      g.x = originX + (g.x - originX) * scale;
      g.advance *= scale;
    }
  }
}

// A mark set smaller than `minSize` (pt) to fit `maxWidth` cannot be read: an error naming
// the field, as for a certificate's box, never a mark shrunk out of sight.
// `width` is the mark's width at `size`.
void checkMarkSize(double size, double width, double minSize, double maxWidth,
                   const std::string& where) {
  if (width * minSize / size <= maxWidth + 1e-6) return;
  const double widthAtMin = width * minSize / size;
  throw InputError(where, Message("too long for the issuer mark: at the smallest size, {0}pt, it "
                                  "is {1} mm wide and the mark holds {2} mm; shorten the name",
                                  static_cast<int>(minSize), static_cast<int>(ptToMm(widthAtMin)),
                                  static_cast<int>(ptToMm(maxWidth))));
}

}  // namespace

void placeMark(FlowContext& ctx, const FlowElement& el, const MarkSpec& spec,
               const Record& record) {
  std::vector<std::string> names = record.list(el.field);
  if (names.empty()) return;
  const Grid& grid = ctx.grid();
  TextStyle style = ctx.layout().style(el.style);
  style.onGrid = false;
  const double top = mmToPt(spec.topMm) + (spec.fromPage ? 0 : grid.top);
  const double maxWidth = mmToPt(spec.maxWidthMm ? *spec.maxWidthMm : ptToMm(grid.width));
  const std::string suffix = names.size() > 1 ? spec.jointSuffix : "";
  const double lineGapEm = spec.jointLineGapEm;
  const double suffixGapEm = spec.jointSuffixGapEm;
  const double centre = grid.left + grid.width / 2;
  ctx.currentPage();
  if (spec.omitPageNumber) ctx.omitPageNumber(ctx.pageIndex());

  // Shapes at `size` and tells the total width.
  struct Shaped {
    std::vector<SingleLine> names;
    SingleLine suffix;
    double namesWidth = 0, width = 0;
  };
  auto shapeAll = [&](double size) {
    TextStyle s = style;
    s.sizePt = size;
    Shaped out;
    for (size_t i = 0; i < names.size(); ++i) {
      std::string where =
          names.size() > 1 ? jsonPath(record.path(el.field), i) : record.path(el.field);
      out.names.push_back(
          composeSingleLine(ctx, trimmedText(ctx.prepare(names[i])), s, where, 1e6));
      out.namesWidth = std::max(out.namesWidth, out.names.back().width());
    }
    out.width = out.namesWidth;
    if (!suffix.empty()) {
      out.suffix = composeSingleLine(ctx, ctx.prepare(suffix), s, el.path, 1e6);
      out.width += suffixGapEm * size + out.suffix.width();
    }
    return out;
  };

  // Too wide: narrower glyphs of the same height first, down to the bound; then smaller.
  const double minScale = spec.minHorizontalScale;
  double size = style.sizePt;
  double scale = 1;
  Shaped shaped = shapeAll(size);
  if (shaped.width > maxWidth) {
    scale = std::max(minScale, maxWidth / shaped.width);
    if (shaped.width * scale > maxWidth) {
      // Condensed as far as the layout allows and still too wide: smaller, down to a bound.
      checkMarkSize(size, shaped.width * scale, spec.minSizePt, maxWidth, record.path(el.field));
      size = size * maxWidth / (shaped.width * scale);
      shaped = shapeAll(size);
    }
  }
  const double left = centre - shaped.width * scale / 2;
  const double pitch = size * (1 + lineGapEm);
  for (size_t i = 0; i < shaped.names.size(); ++i) {
    SingleLine& n = shaped.names[i];
    if (names.size() > 1) spreadTo(n.line, shaped.namesWidth);
    placeCondensed(ctx, n, left, top + i * pitch + kEmAscent * size, scale);
  }
  if (!suffix.empty()) {
    const double namesBottom = top + (names.size() - 1) * pitch + size;
    const double suffixTop = (top + namesBottom) / 2 - size / 2;
    placeCondensed(ctx, shaped.suffix, left + (shaped.namesWidth + suffixGapEm * size) * scale,
                   suffixTop + kEmAscent * size, scale);
  }
}

}  // namespace gongwen
