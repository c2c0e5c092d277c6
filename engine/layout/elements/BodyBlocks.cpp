#include "layout/elements/BodyBlocks.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <cmath>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Units.h"
#include "common/Utf8.h"
#include "layout/LandscapePages.h"
#include "layout/PageAdjust.h"
#include "layout/RuledTable.h"
#include "layout/elements/Text.h"
#include "model/ElementParams.h"
#include "model/Record.h"
#include "text/BalancedLines.h"

namespace gongwen {
namespace {

void onlyKeys(const Poco::JSON::Object::Ptr& obj, const std::string& where,
              std::initializer_list<const char*> allowed, const Message& form) {
  for (const auto& member : *obj) {
    const std::string& key = member.first;  // a named variable: lambdas capture it (clang 14)
    if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) ==
        allowed.end()) {
      throw InputError(jsonPath(where, key), Message("unknown key; {0}", form));
    }
  }
}

std::string stringAt(const Poco::Dynamic::Var& v, const std::string& where) {
  if (v.isString()) {
    checkPrintable(v.toString(), where, false);
    return v.toString();
  }
  if (v.isNumeric() && !v.isBoolean()) return v.toString();  // a number in a cell
  throw InputError(where, Message("must be a string, found {0}", jsonType(v)));
}

Poco::JSON::Array::Ptr arrayAt(const Poco::JSON::Object::Ptr& obj, const std::string& key,
                               const std::string& where, bool required) {
  if (!obj->has(key) || obj->get(key).isEmpty()) {
    if (required) throw InputError(jsonPath(where, key), Message("is missing"));
    return nullptr;
  }
  auto v = obj->get(key);
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
    throw InputError(jsonPath(where, key), Message("must be an array, found {0}", jsonType(v)));
  }
  return v.extract<Poco::JSON::Array::Ptr>();
}

// A cell that reads as a number (1, 12.5, -3, 1,234, 98%, ￥12) is right-aligned by default.
bool isNumber(const std::string& s) {
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != ',' && c != '-' && c != '+' && c != '%' && c != ' ') {
      return false;
    }
  }
  return digit;
}

}  // namespace

BodyTable readBodyTable(const Poco::JSON::Object::Ptr& item, const std::string& where) {
  const Message form(
      "a table is {\"table\": {\"title\": \"…\", \"header\": [\"…\", …], \"rows\": [[…], …], "
      "\"widths\": […], \"align\": […]}}");
  onlyKeys(item, where, {"table"}, form);
  const std::string at = jsonPath(where, "table");
  auto v = item->get("table");
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw InputError(at, Message("must be an object: {0}", form));
  }
  auto obj = v.extract<Poco::JSON::Object::Ptr>();
  onlyKeys(obj, at, {"title", "header", "rows", "widths", "align"}, form);
  BodyTable t;
  t.where = at;
  if (obj->has("title") && !obj->get("title").isEmpty()) {
    t.title = stringAt(obj->get("title"), jsonPath(at, "title"));
  }
  auto header = arrayAt(obj, "header", at, true);
  if (header->size() == 0)
    throw InputError(jsonPath(at, "header"), Message("needs at least one column"));
  for (size_t i = 0; i < header->size(); ++i) {
    t.header.push_back(stringAt(header->get(i), jsonPath(jsonPath(at, "header"), i)));
  }
  const size_t columns = t.header.size();
  auto rows = arrayAt(obj, "rows", at, true);
  if (rows->size() == 0) throw InputError(jsonPath(at, "rows"), Message("needs at least one row"));
  for (size_t r = 0; r < rows->size(); ++r) {
    const std::string rowAt = jsonPath(jsonPath(at, "rows"), r);
    auto row = rows->get(r);
    if (row.type() != typeid(Poco::JSON::Array::Ptr)) {
      throw InputError(rowAt, Message("must be an array of cells, found {0}", jsonType(row)));
    }
    auto cells = row.extract<Poco::JSON::Array::Ptr>();
    if (cells->size() != columns) {
      throw InputError(
          rowAt, Message("has {0} cells; the header has {1} columns", cells->size(), columns));
    }
    std::vector<std::string> texts;
    for (size_t c = 0; c < columns; ++c) {
      auto cell = cells->get(c);
      texts.push_back(cell.isEmpty() ? "" : stringAt(cell, jsonPath(rowAt, c)));
    }
    t.rows.push_back(std::move(texts));
  }
  if (auto widths = arrayAt(obj, "widths", at, false)) {
    const std::string wAt = jsonPath(at, "widths");
    if (widths->size() != columns) {
      throw InputError(wAt, Message("has {0} widths for {1} columns", widths->size(), columns));
    }
    for (size_t c = 0; c < columns; ++c) {
      auto w = widths->get(c);
      const std::string cAt = jsonPath(wAt, c);
      double value = 0;
      bool mm = false;
      if (w.isNumeric() && !w.isBoolean()) {
        value = w.convert<double>();
      } else if (w.isString() && w.toString().size() > 2 &&
                 w.toString().compare(w.toString().size() - 2, 2, "mm") == 0) {
        try {
          value = std::stod(w.toString().substr(0, w.toString().size() - 2));
        } catch (const std::exception&) {
          value = 0;
        }
        mm = true;
      } else {
        throw InputError(cAt,
                         Message("must be a number of characters (4) or millimetres (\"30mm\")"));
      }
      if (!(value > 0) || !std::isfinite(value) || value > 1000) {
        throw InputError(cAt, Message("must be a width above zero"));
      }
      t.widths.push_back(value);
      t.widthInMm.push_back(mm);
    }
  }
  if (auto align = arrayAt(obj, "align", at, false)) {
    const std::string aAt = jsonPath(at, "align");
    if (align->size() != columns) {
      throw InputError(aAt, Message("has {0} alignments for {1} columns", align->size(), columns));
    }
    for (size_t c = 0; c < columns; ++c) {
      const std::string s = stringAt(align->get(c), jsonPath(aAt, c));
      cellAlignment(s, jsonPath(aAt, c));
      t.align.push_back(s);
    }
  }
  return t;
}

BodyFigure readBodyFigure(const Poco::JSON::Object::Ptr& item, const std::string& where,
                          const ImageSource& images) {
  const Message form(
      "a figure is {\"image\": \"file or data: URI\", \"width_mm\": 80, \"caption\": \"图1　…\"}");
  onlyKeys(item, where, {"image", "width_mm", "caption"}, form);
  BodyFigure f;
  f.where = where;
  auto image = item->get("image");
  if (!image.isString() || image.toString().empty()) {
    throw InputError(jsonPath(where, "image"),
                     Message("must be a file path or a data: URI: {0}", form));
  }
  if (item->has("width_mm")) {
    auto w = item->get("width_mm");
    if (!w.isNumeric() || w.isBoolean() || !(w.convert<double>() > 0) ||
        !std::isfinite(w.convert<double>())) {
      throw InputError(jsonPath(where, "width_mm"),
                       Message("must be a width in millimetres above zero"));
    }
    f.widthMm = w.convert<double>();
  }
  if (item->has("caption") && !item->get("caption").isEmpty()) {
    f.caption = stringAt(item->get("caption"), jsonPath(where, "caption"));
  }
  f.image = loadImage(image.toString(), jsonPath(where, "image"), images);
  return f;
}

namespace {

// A table's columns, rows and widths, and whether it goes on landscape pages.
struct TablePlan {
  RuledTableStyle style;
  std::vector<RuledColumn> columns;
  std::vector<RuledRow> rows;
  std::vector<double> widths;
  double total = 0;
  bool landscape = false;
};

// A column that misses one line by less than a character (雨花台区 in a column three wide,
// broken 雨花/台区) takes the width it lacks from another column that can give it without
// any row growing taller: the table is never longer for it, and the short text stays whole.
void widenNearMisses(FlowContext& ctx, TablePlan& plan, const std::vector<double>& nat,
                     const std::vector<double>& least, const std::string& where) {
  const size_t n = plan.columns.size();
  const double pad = plan.style.paddingPt, em = plan.style.cell->sizePt;
  std::vector<double>& w = plan.widths;
  // Every cell shaped once, row 0 the header; its lines at a column width.
  std::vector<std::vector<std::shared_ptr<const ShapedText>>> cells(plan.rows.size() + 1);
  for (size_t r = 0; r < cells.size(); ++r) {
    for (size_t c = 0; c < n; ++c) {
      const std::u32string& text = r == 0 ? plan.columns[c].header : plan.rows[r - 1].cells[c];
      cells[r].push_back(text.empty()
                             ? nullptr
                             : std::make_shared<const ShapedText>(ctx.shape(
                                   text, r == 0 ? *plan.style.header : *plan.style.cell, where)));
    }
  }
  auto linesAt = [&](size_t r, size_t c, double width) {
    if (!cells[r][c]) return 1;
    ParagraphStyle ps;
    ps.width = width - 2 * pad;
    return std::max(1, static_cast<int>(composeBalanced(*cells[r][c], ps).size()));
  };
  std::vector<std::vector<int>> lines(cells.size(), std::vector<int>(n));
  for (size_t r = 0; r < cells.size(); ++r) {
    for (size_t c = 0; c < n; ++c) lines[r][c] = linesAt(r, c, w[c]);
  }
  std::vector<size_t> order(n);
  for (size_t c = 0; c < n; ++c) order[c] = c;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return nat[a] - w[a] < nat[b] - w[b]; });
  for (size_t c : order) {
    const double lack = nat[c] - w[c];
    if (lack <= 0 || lack > em) continue;
    for (size_t k = 0; k < n; ++k) {
      if (k == c || w[k] - lack < least[k] + 0.01) continue;
      std::vector<int> narrower(cells.size());
      bool taller = false;
      for (size_t r = 0; r < cells.size() && !taller; ++r) {
        narrower[r] = linesAt(r, k, w[k] - lack);
        taller = narrower[r] > *std::max_element(lines[r].begin(), lines[r].end());
      }
      if (taller) continue;
      w[k] -= lack;
      w[c] += lack;
      for (size_t r = 0; r < cells.size(); ++r) {
        lines[r][k] = narrower[r];
        lines[r][c] = linesAt(r, c, w[c]);
      }
      break;
    }
  }
}

TablePlan planBodyTable(FlowContext& ctx, const BodySpec& spec, const BodyTable& table) {
  const Layout& layout = ctx.layout();
  const Grid& grid = ctx.grid();
  TablePlan plan;
  RuledTableStyle& style = plan.style;
  style.cell = &layout.style(spec.tableStyle);
  style.header = &layout.style(spec.tableHeaderStyle);
  style.paddingPt = mmToPt(spec.cellPaddingMm);
  style.ruleWidthPt = mmToPt(spec.ruleWidthMm);
  style.centredHeader = true;
  const size_t n = table.header.size();

  std::vector<RuledColumn>& columns = plan.columns;
  columns.resize(n);
  std::vector<RuledRow>& rows = plan.rows;
  for (size_t c = 0; c < n; ++c) {
    columns[c].header = trimmedText(ctx.prepare(table.header[c]));
    bool numeric = true, any = false;
    for (const auto& row : table.rows) {
      if (row[c].empty()) continue;
      any = true;
      numeric = numeric && isNumber(row[c]);
    }
    columns[c].align = !table.align.empty() ? cellAlignment(table.align[c], table.where)
                                            : (any && numeric ? Alignment::Right : Alignment::Left);
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    RuledRow row;
    row.where = jsonPath(jsonPath(table.where, "rows"), r);
    for (const auto& cell : table.rows[r]) row.cells.push_back(trimmedText(ctx.prepare(cell)));
    rows.push_back(std::move(row));
  }

  // Widths: as given (the table centred), or from the text, filling the block. A table too
  // wide for the portrait block is set on landscape pages (横排表格, 8): by its widths, or
  // when its text's natural widths pass the block by more than `landscape_above` (the
  // portrait block then wraps its cells).
  const double pad = style.paddingPt;
  // The portrait block and the block turned (on a landscape page's own grid, the other way).
  const bool turned = isLandscape(layout.page);
  const double portraitWidth = turned ? grid.height : grid.width;
  const double landscapeWidth = turned ? grid.width : grid.height;
  std::vector<double> given(n), nat(n), least(n);
  double sumGiven = 0, sumNat = 0, sumLeast = 0;
  if (!table.widths.empty()) {
    // A width in characters is the column's, its padding included, in characters of the
    // table's size set as the body's grid sets them: as many as fill a line of the portrait
    // block fill it exactly (28 in 三号 are 156 mm), so widths that add up to a line stay
    // upright.
    const double size = style.cell->sizePt;
    const double charPitch = portraitWidth / std::max(1.0, std::round(portraitWidth / size));
    for (size_t c = 0; c < n; ++c) {
      given[c] = table.widthInMm[c] ? mmToPt(table.widths[c]) : table.widths[c] * charPitch;
      sumGiven += given[c];
    }
  } else {
    auto natural = [&](const std::u32string& text, const TextStyle& s) {
      if (text.empty()) return 0.0;
      return composeSingleLine(ctx, text, s, table.where, 1e6).width();
    };
    for (size_t c = 0; c < n; ++c) {
      nat[c] = natural(columns[c].header, *style.header);
      for (const auto& row : rows) nat[c] = std::max(nat[c], natural(row.cells[c], *style.cell));
      nat[c] += 2 * pad + 1;
      least[c] = std::min(nat[c], 2 * style.cell->sizePt + 2 * pad);
      sumNat += nat[c];
      sumLeast += least[c];
    }
  }
  // The widths on a block `width` wide; their sum passes it when the table is too wide.
  auto widthsFor = [&](double width) {
    if (!table.widths.empty()) return given;
    std::vector<double> w(n);
    if (sumNat <= width) {
      for (size_t c = 0; c < n; ++c) w[c] = nat[c] * width / sumNat;
    } else if (sumLeast <= width) {
      const double spare = width - sumLeast, want = sumNat - sumLeast;
      for (size_t c = 0; c < n; ++c) w[c] = least[c] + spare * (nat[c] - least[c]) / want;
    } else {
      w = least;
    }
    return w;
  };
  const bool landscape = plan.landscape =
      !table.widths.empty()
          ? sumGiven > portraitWidth + 0.01
          : sumLeast > portraitWidth || sumNat > portraitWidth * spec.landscapeAbove;
  plan.widths = widthsFor(landscape ? landscapeWidth : portraitWidth);
  if (table.widths.empty() && sumNat > (landscape ? landscapeWidth : portraitWidth)) {
    widenNearMisses(ctx, plan, nat, least, table.where);
  }
  double& total = plan.total;
  for (double w : plan.widths) total += w;
  if (total > (landscape ? landscapeWidth : portraitWidth) + 0.01) {
    throw InputError(table.where,
                     Message("is too wide even for a landscape page ({0} mm; at most {1} mm): "
                             "give fewer or narrower columns",
                             static_cast<int>(std::lround(ptToMm(total))),
                             static_cast<int>(std::lround(ptToMm(landscapeWidth)))));
  }

  return plan;
}

}  // namespace

bool bodyTableGoesLandscape(FlowContext& ctx, const BodySpec& spec, const BodyTable& table) {
  return planBodyTable(ctx, spec, table).landscape && !isLandscape(ctx.layout().page);
}

void placeBodyTable(FlowContext& ctx, const BodySpec& spec, const BodyTable& table) {
  const Layout& layout = ctx.layout();
  TablePlan plan = planBodyTable(ctx, spec, table);
  const size_t n = plan.columns.size();
  std::vector<RuledColumn>& columns = plan.columns;
  const std::vector<double>& widths = plan.widths;
  const double total = plan.total;
  const RuledTableStyle& style = plan.style;
  // The table on `c`'s block: the portrait flow's, or a landscape page's.
  auto place = [&](FlowContext& c) {
    const Grid& g = c.grid();
    double x = g.left + (g.width - total) / 2;
    for (size_t i = 0; i < n; ++i) {
      columns[i].x0 = x;
      x += widths[i];
      columns[i].x1 = x;
    }
    // The title, centred on the grid, kept with the header and the first row.
    std::shared_ptr<const ShapedText> title;
    std::vector<LineBox> titleLines;
    if (!table.title.empty()) {
      const TextStyle& ts = layout.style(spec.tableTitleStyle);
      title = std::make_shared<const ShapedText>(
          c.shape(trimmedText(c.prepare(table.title)), ts, jsonPath(table.where, "title")));
      ParagraphStyle ps = c.paragraphStyle(ts);
      ps.align = Alignment::Center;
      ps.firstIndent = 0;
      titleLines = composeBalanced(*title, ps);
    }
    // When they do not fit under the text above, the page it leaves is filled by setting
    // the paragraphs above a little looser, as for a heading (5.2.3: 22 lines a page);
    // otherwise its last lines stay blank.
    c.currentPage();
    const int left = c.linesLeft();
    if (!c.onFreshPage() && left > 0 && left < static_cast<int>(titleLines.size()) + 2) {
      fillPageOrBreak(c, left, spec.maxFewerCharsPerLine);
    }
    if (title) c.placeParagraph(title, titleLines);
    placeRuledTable(c, columns, plan.rows, style, table.where);
  };
  // On a landscape page's own grid (an attachment opening with the table, 横排表格) the
  // table is set as it is.
  if (plan.landscape && !isLandscape(layout.page)) {
    placeLandscape(ctx, place);
  } else {
    place(ctx);
  }
}

bool placeBodyFigure(FlowContext& ctx, const BodySpec& spec, const BodyFigure& figure,
                     bool onlyIfItFits) {
  const Grid& grid = ctx.grid();
  const ImagePtr& image = figure.image;
  double width = figure.widthMm > 0 ? mmToPt(figure.widthMm) : grid.width;
  if (width > grid.width + 0.01) {
    throw InputError(jsonPath(figure.where, "width_mm"),
                     Message("is wider than the text block (at most {0} mm)",
                             static_cast<int>(std::lround(ptToMm(grid.width)))));
  }
  double height = width * image->pixelHeight / image->pixelWidth;

  std::shared_ptr<const ShapedText> caption;
  std::vector<LineBox> captionLines;
  if (!figure.caption.empty()) {
    const TextStyle& cs = ctx.layout().style(spec.captionStyle);
    caption = std::make_shared<const ShapedText>(
        ctx.shape(trimmedText(ctx.prepare(figure.caption)), cs, jsonPath(figure.where, "caption")));
    ParagraphStyle ps = ctx.paragraphStyle(cs);
    ps.align = Alignment::Center;
    ps.firstIndent = 0;
    captionLines = composeBalanced(*caption, ps);
  }
  const int captionCount = static_cast<int>(captionLines.size());
  // The image on whole grid lines; a figure taller than a page is scaled down to fit one.
  auto linesFor = [&](double h) { return static_cast<int>(std::ceil(h / grid.linePitch - 1e-6)); };
  if (linesFor(height) + captionCount > grid.lines) {
    height = (grid.lines - captionCount) * grid.linePitch;
    width = height * image->pixelWidth / image->pixelHeight;
  }
  ctx.currentPage();
  int left = ctx.onFreshPage() ? grid.lines : ctx.linesLeft();
  // Where the page has room for most of it, the figure is set a little smaller to stay.
  const double minScale = spec.figureMinScale;
  if (linesFor(height) + captionCount > left && left > captionCount) {
    const double fit = (left - captionCount) * grid.linePitch / height;
    if (fit >= minScale) {
      height *= fit;
      width *= fit;
    }
  }
  if (linesFor(height) + captionCount > left) {
    if (onlyIfItFits) return false;
    ctx.newPage();
  }
  ctx.page();
  const int slot = ctx.slot();
  const int imageLines = linesFor(height);
  PlacedImage img;
  img.image = image;
  img.width = width;
  img.height = height;
  img.x = grid.left + (grid.width - width) / 2;
  img.y = grid.top + slot * grid.linePitch + (imageLines * grid.linePitch - height) / 2;
  ctx.addItem(img, false);
  ctx.skipLines(imageLines);
  if (caption) ctx.placeParagraph(caption, captionLines);
  return true;
}

}  // namespace gongwen
