// Rules (分隔线): the red separator 4 mm below the document number (7.2.7), a letter's red
// double lines (10.1: thick over thin 4 mm below the mark, thin over thick 20 mm above the
// page's bottom edge). "lines" lists them top down, each with its thickness and the gap
// above it; they are centred on the block and as wide as "width_mm" (default the block).
#include "layout/FlowElements.h"

namespace gongwen {

void placeRule(FlowContext& ctx, const FlowElement&, const RuleSpec& spec, const Record& record) {
  if (!spec.ifField.empty() && !record.has(spec.ifField)) return;
  const Grid& grid = ctx.grid();
  const Color color = spec.color;
  const double width = mmToPt(spec.widthMm ? *spec.widthMm : ptToMm(grid.width));
  const double x = grid.left + (grid.width - width) / 2;
  double total = 0;
  for (const auto& l : spec.lines) total += mmToPt(l.gapMm) + mmToPt(l.thicknessMm);
  ctx.currentPage();
  const bool fromBottom = spec.bottomAbovePageBottomMm.has_value();
  double y = fromBottom ? grid.pageHeight - mmToPt(*spec.bottomAbovePageBottomMm) - total
                        : ctx.anchor() + mmToPt(spec.belowAnchorMm);
  for (const auto& l : spec.lines) {
    y += mmToPt(l.gapMm);
    FilledRect r;
    r.x = x;
    r.y = y;
    r.width = width;
    r.height = mmToPt(l.thicknessMm);
    r.color = color;
    y += r.height;
    ctx.addItem(r, !fromBottom);
  }
}

}  // namespace gongwen
