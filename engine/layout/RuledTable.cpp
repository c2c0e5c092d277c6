#include "layout/RuledTable.h"

#include <algorithm>

#include "common/Errors.h"
#include "text/BalancedLines.h"

namespace gongwen {
namespace {

using CellLines = std::vector<std::pair<std::shared_ptr<const ShapedText>, std::vector<LineBox>>>;

}  // namespace

Alignment cellAlignment(const std::string& s, const std::string& where) {
  if (s == "left") return Alignment::Left;
  if (s == "center") return Alignment::Center;
  if (s == "right") return Alignment::Right;
  throw InputError(where, Message("must be one of left, center, right"));
}

void placeRuledTable(FlowContext& ctx, const std::vector<RuledColumn>& columns,
                     const std::vector<RuledRow>& rows, const RuledTableStyle& style,
                     const std::string& where) {
  const Grid& grid = ctx.grid();
  if (columns.empty()) throw InputError(where, Message("the table has no columns to print"));
  const double pad = style.paddingPt;
  const double ruleWidth = style.ruleWidthPt;
  const double left = columns.front().x0, width = columns.back().x1 - left;

  // One row's cells composed in their columns; its height in grid lines.
  auto compose = [&](const std::vector<std::u32string>& texts, const TextStyle& textStyle,
                     const std::string& rowWhere, bool header, int& height) {
    CellLines out;
    height = 1;
    for (size_t i = 0; i < columns.size(); ++i) {
      ParagraphStyle ps;
      ps.width = columns[i].x1 - columns[i].x0 - 2 * pad;
      ps.align = header && style.centredHeader ? Alignment::Center : columns[i].align;
      auto shaped = std::make_shared<const ShapedText>(ctx.shape(
          texts[i], textStyle, rowWhere + (columns[i].key.empty() ? "" : "." + columns[i].key)));
      // Balanced: a wrapped cell never leaves one character alone on its last line.
      auto lines = texts[i].empty() ? std::vector<LineBox>{} : composeBalanced(*shaped, ps);
      height = std::max(height, static_cast<int>(lines.size()));
      out.emplace_back(std::move(shaped), std::move(lines));
    }
    return out;
  };
  // Lines [from, from + count) of each cell, the first of them on grid line `slot`.
  auto placeCells = [&](const CellLines& row, int slot, size_t from = 0, size_t count = ~size_t{}) {
    for (size_t i = 0; i < row.size(); ++i) {
      const size_t end = std::min(row[i].second.size(), from + std::min(count, ~size_t{} - from));
      for (size_t k = from; k < end; ++k) {
        ctx.placeLineAt(*row[i].first, row[i].second[k], slot + static_cast<int>(k - from),
                        columns[i].x0 + pad);
      }
    }
  };
  auto lineY = [&](int slot) { return grid.top + slot * grid.linePitch; };
  auto hRule = [&](int slot) {
    ctx.addItem(FilledRect{left, lineY(slot) - ruleWidth / 2, width, ruleWidth, style.cell->color},
                false);
  };

  std::vector<std::u32string> headerTexts;
  for (const auto& c : columns) headerTexts.push_back(c.header);
  int headerLines = 1;
  const CellLines header = compose(headerTexts, *style.header, where, true, headerLines);
  if (headerLines + 1 > grid.lines) {
    throw InputError(where, Message("the header row is taller than a page: shorten its texts"));
  }

  int segmentTop = -1;  // the grid line the table starts on, on the current page
  auto closeSegment = [&] {
    if (segmentTop < 0) return;
    const int bottom = ctx.slot();
    hRule(bottom);
    for (size_t i = 0; i <= columns.size(); ++i) {
      const double rx = i < columns.size() ? columns[i].x0 : columns.back().x1;
      ctx.addItem(FilledRect{rx - ruleWidth / 2, lineY(segmentTop) - ruleWidth / 2, ruleWidth,
                             lineY(bottom) - lineY(segmentTop) + ruleWidth, style.cell->color},
                  false);
    }
    segmentTop = -1;
  };

  auto openSegment = [&](int rowLines) {
    if (!ctx.onFreshPage() && ctx.linesLeft() < headerLines + rowLines) ctx.newPage();
    ctx.page();
    segmentTop = ctx.slot();
    hRule(segmentTop);
    placeCells(header, segmentTop);
    ctx.skipLines(headerLines);
  };

  for (const RuledRow& r : rows) {
    int height = 1;
    const CellLines row = compose(r.cells, *style.cell, r.where, false, height);
    if (height + headerLines > grid.lines) {
      // Taller than a page: the one row that is split, its lines filling each page under
      // the repeated header.
      if (segmentTop >= 0 && ctx.linesLeft() < 1) {
        closeSegment();
        ctx.newPage();
      }
      if (segmentTop < 0) openSegment(1);
      hRule(ctx.slot());
      for (int done = 0; done < height;) {
        const int take = std::min(height - done, ctx.linesLeft());
        placeCells(row, ctx.slot(), static_cast<size_t>(done), static_cast<size_t>(take));
        ctx.skipLines(take);
        done += take;
        if (done < height) {
          closeSegment();
          ctx.newPage();
          openSegment(1);
        }
      }
      continue;
    }
    if (segmentTop >= 0 && ctx.linesLeft() < height) {
      closeSegment();
      ctx.newPage();
    }
    if (segmentTop < 0) openSegment(height);
    hRule(ctx.slot());
    placeCells(row, ctx.slot());
    ctx.skipLines(height);
  }
  closeSegment();
}

}  // namespace gongwen
