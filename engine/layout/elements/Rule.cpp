// Rules (分隔线): the red separator 4 mm below the document number (7.2.7), a letter's red
// double lines (10.1: thick over thin 4 mm below the mark, thin over thick 20 mm above the
// page's bottom edge). "lines" lists them top down, each with its thickness and the gap
// above it; they are centred on the block and as wide as "width_mm" (default the block).
#include "layout/ElementParams.h"
#include "layout/FlowElements.h"

namespace gongwen {

void placeRule(FlowContext& ctx, const FlowElement& el, const Record& record) {
  ElementParams p(el);
  if (!p.str("if_field").empty() && !record.has(p.str("if_field"))) return;
  const Grid& grid = ctx.grid();
  const Color color = p.color("color", Color::black());
  const double width = mmToPt(p.number("width_mm", ptToMm(grid.width)));
  const double x = grid.left + (grid.width - width) / 2;
  auto lines = p.objects("lines");
  if (lines.empty()) lines.push_back(ElementParams(nullptr, p.at("lines")));
  double total = 0;
  for (const auto& l : lines) {
    total += mmToPt(l.number("gap_mm", 0)) + mmToPt(l.number("thickness_mm", 0.5));
  }
  ctx.currentPage();
  const bool fromBottom = p.has("bottom_above_page_bottom_mm");
  double y = fromBottom
                 ? grid.pageHeight - mmToPt(p.number("bottom_above_page_bottom_mm", 0)) - total
                 : ctx.anchor() + mmToPt(p.number("below_anchor_mm", 4));
  for (const auto& l : lines) {
    y += mmToPt(l.number("gap_mm", 0));
    FilledRect r;
    r.x = x;
    r.y = y;
    r.width = width;
    r.height = mmToPt(l.number("thickness_mm", 0.5));
    r.color = color;
    y += r.height;
    ctx.addItem(r, !fromBottom);
  }
}

}  // namespace gongwen
