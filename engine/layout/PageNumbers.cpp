#include "layout/PageNumbers.h"

#include "common/Utf8.h"
#include "layout/TextPlacement.h"

namespace gongwen {

void addPageNumbers(FlowContext& ctx, const PageNumberSpec& spec) {
  const TextStyle& style = ctx.layout().style(spec.style);
  const Grid& grid = ctx.grid();
  const double em = style.sizePt;
  const double baseline = grid.bottom() + mmToPt(spec.topBelowBlockMm) + kEmAscent * em;
  auto& pages = ctx.list().pages;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (ctx.pageNumberOmitted(i)) continue;  // still counted
    std::string label = spec.format;
    label.replace(label.find("{n}"), 3, std::to_string(i + 1));
    ShapedText shaped = ctx.shape(decodeUtf8(label), style, "page number");
    ParagraphStyle ps;
    ps.width = grid.width;
    ps.align = Alignment::Left;
    auto lines = composeParagraph(shaped, ps);
    if (lines.empty()) continue;
    const bool odd = (i + 1) % 2 == 1;
    double originX = odd ? grid.right() - em - lines[0].extent : grid.left + em;
    placeLine(pages[i], shaped, lines[0], originX, baseline);
  }
}

}  // namespace gongwen
