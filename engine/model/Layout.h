// A layout (layouts/NAME.json): page geometry, text styles by role, the fields a record
// has, and the elements placed in order. Parameters live in the JSON; the mechanisms
// that place each kind of element are code (layout/).
#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <string>
#include <vector>

#include "common/Color.h"
#include "text/ParagraphComposer.h"

namespace gongwen {

struct PageGeometry {
  double widthMm = 210, heightMm = 297;
  double marginTopMm = 37, marginLeftMm = 28;
  double blockWidthMm = 156, blockHeightMm = 225;
  int charsPerLine = 28, linesPerPage = 22;  // the body grid (5.2.3)
};

struct TextStyle {
  std::string font = "fangsong";  // a font role
  double sizePt = 16;
  Color color;
  Alignment align = Alignment::Justify;
  double firstLineIndentEm = 0;
  bool onGrid = true;  // full-width cells at the grid pitch (the body grid's 28 per line)
};

struct FieldSpec {
  std::string name;
  std::string type = "string";  // string | text | date
  bool required = false;
  std::string label;  // Chinese label for forms
  std::string description;
};

struct FlowElement {
  std::string element;  // title | paragraphs
  std::string field;
  std::string style;
  int blankLinesAfter = 0;
};

struct PageNumberSpec {
  bool enabled = true;
  std::string style = "page_number";
  std::string format = "— {n} —";
  double topBelowBlockMm = 7;  // top of the dash line below the block's bottom edge
  double indentEm = 1;
};

struct Layout {
  std::string name, label, description;
  PageGeometry page;
  std::map<std::string, TextStyle> styles;
  std::vector<FieldSpec> fields;
  std::vector<FlowElement> flow;
  PageNumberSpec pageNumbers;
  std::map<std::string, std::string> metadata;  // PDF info key (title, author, subject) → field

  const TextStyle& style(const std::string& name) const;
  const FieldSpec* field(const std::string& name) const;

  // Parses a layout file's text; throws InputError naming `source` and the JSON path.
  static Layout fromJson(const std::string& text, const std::string& source);
};

}  // namespace gongwen
