#include "layout/elements/BodyBlocks.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <cmath>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Units.h"
#include "common/Utf8.h"
#include "layout/ElementParams.h"
#include "layout/LandscapePages.h"
#include "layout/RuledTable.h"
#include "layout/elements/Text.h"
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

void placeBodyTable(FlowContext& ctx, const BodySpec& spec, const BodyTable& table) {
  const Layout& layout = ctx.layout();
  const Grid& grid = ctx.grid();
  RuledTableStyle style;
  style.cell = &layout.style(spec.tableStyle);
  style.header = &layout.style(spec.tableHeaderStyle);
  style.paddingPt = mmToPt(spec.cellPaddingMm);
  style.ruleWidthPt = mmToPt(spec.ruleWidthMm);
  style.centredHeader = true;
  const size_t n = table.header.size();

  std::vector<RuledColumn> columns(n);
  std::vector<RuledRow> rows;
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
  const double portraitWidth = grid.width, landscapeWidth = grid.height;  // the block turned
  std::vector<double> given(n), nat(n), least(n);
  double sumGiven = 0, sumNat = 0, sumLeast = 0;
  if (!table.widths.empty()) {
    for (size_t c = 0; c < n; ++c) {
      given[c] = table.widthInMm[c] ? mmToPt(table.widths[c])
                                    : table.widths[c] * style.cell->sizePt + 2 * pad;
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
  const bool landscape = !table.widths.empty() ? sumGiven > portraitWidth + 0.01
                                               : sumLeast > portraitWidth ||
                                                     sumNat > portraitWidth * spec.landscapeAbove;
  const std::vector<double> widths = widthsFor(landscape ? landscapeWidth : portraitWidth);
  double total = 0;
  for (double w : widths) total += w;
  if (total > (landscape ? landscapeWidth : portraitWidth) + 0.01) {
    throw InputError(table.where,
                     Message("is too wide even for a landscape page ({0} mm; at most {1} mm): "
                             "give fewer or narrower columns",
                             static_cast<int>(std::lround(ptToMm(total))),
                             static_cast<int>(std::lround(ptToMm(landscapeWidth)))));
  }

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
    if (!table.title.empty()) {
      const TextStyle& ts = layout.style(spec.tableTitleStyle);
      auto shaped = std::make_shared<const ShapedText>(
          c.shape(trimmedText(c.prepare(table.title)), ts, jsonPath(table.where, "title")));
      ParagraphStyle ps = c.paragraphStyle(ts);
      ps.align = Alignment::Center;
      ps.firstIndent = 0;
      auto lines = composeBalanced(*shaped, ps);
      c.currentPage();
      if (!c.onFreshPage() && c.linesLeft() < static_cast<int>(lines.size()) + 2) c.newPage();
      c.placeParagraph(shaped, lines);
    }
    placeRuledTable(c, columns, rows, style, table.where);
  };
  if (landscape) {
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
