// Entries with unit, name and position as a ruled table (表彰名单): the columns and their
// headers come from the layout ("table_columns", widths in grid cells) or the group's
// "columns"; a cell's text wraps inside its column; a row takes as many grid lines as its
// tallest cell and is never split across pages; the header row repeats on every page.
#include "common/Errors.h"
#include "common/Units.h"
#include "layout/elements/NameGroups.h"
#include "layout/elements/Text.h"
#include "text/BalancedLines.h"

namespace gongwen {
namespace {

struct Column {
  std::string key;
  std::u32string header;
  double x0 = 0, x1 = 0;  // pt, its rules
  Alignment align = Alignment::Left;
};

using CellLines = std::vector<std::pair<std::shared_ptr<const ShapedText>, std::vector<LineBox>>>;

Alignment alignOf(const std::string& s, const std::string& where) {
  if (s == "left") return Alignment::Left;
  if (s == "center") return Alignment::Center;
  if (s == "right") return Alignment::Right;
  throw InputError(where, "must be one of left, center, right");
}

}  // namespace

void placeEntryTable(FlowContext& ctx, const ElementParams& p, const NameGroup& group) {
  const Grid& grid = ctx.grid();
  const TextStyle& cellStyle = p.style(ctx.layout(), "table_style", "table");
  const TextStyle& headerStyle = p.style(ctx.layout(), "table_header_style", "table_header");
  const double pad = mmToPt(p.number("cell_padding_mm", 1.5));
  const double ruleWidth = mmToPt(p.number("rule_width_mm", 0.25));

  // The columns: the layout's, or those the group names, stretched to the block's width.
  std::vector<Column> columns;
  std::vector<double> cells;
  for (const ElementParams& c : p.objects("table_columns")) {
    const std::string key = c.str("key");
    if (!group.columns.empty() &&
        std::find(group.columns.begin(), group.columns.end(), key) == group.columns.end())
      continue;
    Column col;
    col.key = key;
    col.header = ctx.prepare(c.str("header", key));
    col.align = alignOf(c.str("align", "left"), c.at("align"));
    columns.push_back(col);
    cells.push_back(c.number("cells", 4));
  }
  if (!group.columns.empty()) {  // in the group's order
    std::vector<Column> ordered;
    std::vector<double> orderedCells;
    for (const auto& key : group.columns) {
      for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].key == key) {
          ordered.push_back(columns[i]);
          orderedCells.push_back(cells[i]);
        }
      }
    }
    columns = std::move(ordered);
    cells = std::move(orderedCells);
  }
  if (columns.empty()) throw InputError(group.where, "the table has no columns to print");
  double total = 0;
  for (double c : cells) total += c;
  double x = grid.left;
  for (size_t i = 0; i < columns.size(); ++i) {
    columns[i].x0 = x;
    x += grid.width * cells[i] / total;
    columns[i].x1 = x;
  }

  // One row's cells composed in their columns; its height in grid lines.
  auto compose = [&](const std::vector<std::u32string>& texts, const TextStyle& style,
                     const std::string& where, int& height) {
    CellLines out;
    height = 1;
    for (size_t i = 0; i < columns.size(); ++i) {
      ParagraphStyle ps;
      ps.width = columns[i].x1 - columns[i].x0 - 2 * pad;
      ps.align = columns[i].align;
      auto shaped = std::make_shared<const ShapedText>(
          ctx.shape(texts[i], style, where + (columns[i].key.empty() ? "" : "." + columns[i].key)));
      // Balanced: a wrapped cell never leaves one character alone on its last line.
      auto lines = texts[i].empty() ? std::vector<LineBox>{} : composeBalanced(*shaped, ps);
      height = std::max(height, static_cast<int>(lines.size()));
      out.emplace_back(std::move(shaped), std::move(lines));
    }
    return out;
  };
  auto placeCells = [&](const CellLines& row, int slot) {
    for (size_t i = 0; i < row.size(); ++i) {
      for (size_t k = 0; k < row[i].second.size(); ++k) {
        ctx.placeLineAt(*row[i].first, row[i].second[k], slot + static_cast<int>(k),
                        columns[i].x0 + pad);
      }
    }
  };
  auto lineY = [&](int slot) { return grid.top + slot * grid.linePitch; };
  auto hRule = [&](int slot) {
    ctx.addItem(
        FilledRect{grid.left, lineY(slot) - ruleWidth / 2, grid.width, ruleWidth, cellStyle.color},
        false);
  };

  std::vector<std::u32string> headerTexts;
  for (const auto& c : columns) headerTexts.push_back(c.header);
  int headerLines = 1;
  const CellLines header = compose(headerTexts, headerStyle, group.where, headerLines);

  int segmentTop = -1;  // the grid line the table starts on, on the current page
  auto closeSegment = [&] {
    if (segmentTop < 0) return;
    const int bottom = ctx.slot();
    hRule(bottom);
    for (size_t i = 0; i <= columns.size(); ++i) {
      const double rx = i < columns.size() ? columns[i].x0 : columns.back().x1;
      ctx.addItem(FilledRect{rx - ruleWidth / 2, lineY(segmentTop) - ruleWidth / 2, ruleWidth,
                             lineY(bottom) - lineY(segmentTop) + ruleWidth, cellStyle.color},
                  false);
    }
    segmentTop = -1;
  };

  for (size_t r = 0; r < group.entries.size(); ++r) {
    const EntryRow& entry = group.entries[r];
    std::vector<std::u32string> texts;
    for (const auto& c : columns) {
      auto it = entry.cells.find(c.key);
      if (c.key == "index" && (it == entry.cells.end() || it->second.empty())) {
        const std::string n = std::to_string(r + 1);
        texts.emplace_back(n.begin(), n.end());
      } else {
        texts.push_back(it == entry.cells.end() ? std::u32string() : it->second);
      }
    }
    int height = 1;
    const CellLines row = compose(texts, cellStyle, entry.where, height);
    if (height + headerLines > grid.lines) {
      throw InputError(entry.where, "is too long: its row would not fit on one page; shorten it");
    }
    if (segmentTop >= 0 && ctx.linesLeft() < height) {
      closeSegment();
      ctx.newPage();
    }
    if (segmentTop < 0) {
      if (!ctx.onFreshPage() && ctx.linesLeft() < headerLines + height) ctx.newPage();
      ctx.page();
      segmentTop = ctx.slot();
      hRule(segmentTop);
      placeCells(header, segmentTop);
      ctx.skipLines(headerLines);
    }
    hRule(ctx.slot());
    placeCells(row, ctx.slot());
    ctx.skipLines(height);
  }
  closeSegment();
}

}  // namespace gongwen
