// Names on a grid of equal columns, aligned across rows (表彰名单): a column is
// `column_cells` grid cells wide (a three-character name and a gap); a two-character name
// is spread over three cells with a full-width space (张　三); a name that needs more than
// one column takes as many as it needs (four characters take two); an item that needs more
// than `max_item_columns` (a unit's name) takes a row of its own, wrapped when longer.
#include <cmath>

#include "layout/elements/NameGroups.h"
#include "layout/elements/Text.h"
#include "text/CharClass.h"

namespace gongwen {
namespace {

struct PlacedName {
  std::shared_ptr<const ShapedText> text;
  LineBox line;
  int columns = 1;
};

// `name` shaped with every full-width character on its own grid cell.
PlacedName shapeName(FlowContext& ctx, const NameItem& item, const TextStyle& style, double pitch,
                     int columnCells) {
  std::u32string display = item.text;
  if (display.size() == 2 && isFullWidth(display[0]) && isFullWidth(display[1])) {
    display.insert(display.begin() + 1, U'\u3000');  // 张　三
  }
  auto shaped = std::make_shared<ShapedText>(ctx.shape(display, style, item.where));
  PlacedName out;
  LineBox& line = out.line;
  line.first = 0;
  line.end = shaped->clusters.size();
  double x = 0;
  for (const Cluster& c : shaped->clusters) {
    line.x.push_back(x);
    // Full-width characters step one cell; Latin letters and digits their own width.
    x += c.kind == ClusterKind::FullWidth ? pitch * std::max(1, c.cells) : c.advance;
  }
  const double em = style.sizePt;
  line.extent = shaped->clusters.empty()
                    ? 0
                    : line.x.back() + (shaped->clusters.back().kind == ClusterKind::FullWidth
                                           ? em
                                           : shaped->clusters.back().advance);
  const int cells = static_cast<int>(std::ceil((line.extent - em) / pitch - 1e-6)) + 1;
  out.columns = (cells + columnCells) / columnCells;  // its cells and a one-cell gap
  out.text = std::move(shaped);
  return out;
}

}  // namespace

void placeNameGrid(FlowContext& ctx, const NameGroupsSpec& spec, const NameGroup& group) {
  const TextStyle& style = ctx.layout().style(spec.nameStyle);
  const Grid& grid = ctx.grid();
  const double pitch = grid.cellPitch(style.sizePt);
  const int indent = spec.indentCells;
  const int columnCells = spec.columnCells;
  const int columns = std::max(1, (grid.cells - indent + 1) / columnCells);
  const double left = grid.left + indent * pitch;
  const int maxItemColumns = std::min(columns, spec.maxItemColumns);

  int column = 0;  // next free column on the current row
  for (const NameItem& item : group.names) {
    PlacedName name = shapeName(ctx, item, style, pitch, columnCells);
    if (name.columns > maxItemColumns) {
      // A row of its own, wrapped at the row's width.
      if (column > 0) ctx.skipLines(1);
      column = 0;
      ParagraphStyle ps = ctx.paragraphStyle(style);
      ps.firstIndent = 0;
      ps.align = Alignment::Left;
      ps.width = grid.width - indent * pitch;
      auto shaped = std::make_shared<const ShapedText>(ctx.shape(item.text, style, item.where));
      ctx.placeParagraph(shaped, composeParagraph(*shaped, ps), std::nullopt, false, left);
      continue;
    }
    if (column + name.columns > columns) {
      ctx.skipLines(1);
      column = 0;
    }
    ctx.page();  // a fresh page when the last one is full
    ctx.placeLineAt(*name.text, name.line, ctx.slot(), left + column * columnCells * pitch);
    column += name.columns;
  }
  if (column > 0) ctx.skipLines(1);
}

}  // namespace gongwen
