// What a body may hold besides paragraphs and headings: a ruled table (表格)
//   {"table": {"title": "…", "header": ["序号", …], "rows": [[…], …],
//              "widths": [4, "30mm", …], "align": ["center", "left", "right", …]}}
// and a figure (图)
//   {"image": "path or data: URI", "width_mm": 80, "caption": "图1　…"}.
// Both are read and checked with the body (every problem names its JSON path) and placed
// in the body's flow by the "body" element.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "layout/FlowContext.h"
#include "layout/elements/Specs.h"
#include "model/ImageLoader.h"
#include "model/Record.h"

namespace gongwen {

struct BodyTable {
  std::string title;                           // may be empty
  std::vector<std::string> header;             // the column count
  std::vector<std::vector<std::string>> rows;  // each as many cells as the header
  std::vector<double> widths;                  // per column; empty: from the text
  std::vector<bool> widthInMm;                 // else in characters of the table's size
  std::vector<std::string> align;              // per column; empty: numbers right, text left
  std::string where;                           // "$.body[3].table"
};

struct BodyFigure {
  ImagePtr image;      // given as a path or a data: URI; loaded and checked when read
  double widthMm = 0;  // 0: as wide as it fits, at most the block
  std::string caption;
  std::string where;  // "$.body[4]"
};

// From a body item's object, when the record is validated; throws InputError naming the path
// of what is wrong. A figure's image is loaded from `images` then.
BodyTable readBodyTable(const Poco::JSON::Object::Ptr& item, const std::string& where);
BodyFigure readBodyFigure(const Poco::JSON::Object::Ptr& item, const std::string& where,
                          const ImageSource& images);

// Placed from the flow's next line. The body element's settings say the styles:
// "table_style" (default "table"), "table_header_style" ("table_header"),
// "table_title_style" ("table_title"), "caption_style" ("caption"), "cell_padding_mm"
// (1.5), "rule_width_mm" (0.25).
void placeBodyTable(FlowContext& ctx, const BodySpec& spec, const BodyTable& table);
// Whether placeBodyTable would set the table on landscape pages of its own (横排表格): too
// wide for the portrait block of `ctx`'s grid.
bool bodyTableGoesLandscape(FlowContext& ctx, const BodySpec& spec, const BodyTable& table);
// A figure is centred, its caption on the line below it; where the page has room for at
// least "figure_min_scale" (0.8) of it, it is set that much smaller to stay, otherwise it
// starts a new page — or, with `onlyIfItFits`, nothing is placed and false returned (the
// body then lets the text after it fill the page first).
bool placeBodyFigure(FlowContext& ctx, const BodySpec& spec, const BodyFigure& figure,
                     bool onlyIfItFits = false);

}  // namespace gongwen
