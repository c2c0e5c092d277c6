// A layout (layouts/NAME.json): page geometry, text styles by role, the fields a record
// has, and the elements placed in order. Parameters live in the JSON; the mechanisms
// that place each kind of element are code (layout/).
#pragma once

#include <Poco/JSON/Object.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/Color.h"
#include "common/Message.h"
#include "model/FieldValue.h"
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

// Reads a "json" field's value (at `where`) into what its element shows; throws InputError
// naming the path of what is wrong.
using FieldReader = std::function<std::shared_ptr<const FieldContent>(
    const Poco::Dynamic::Var& value, const std::string& where, const RecordOptions& options)>;

struct FieldSpec {
  std::string name;
  // string (one line) | text (paragraphs separated by newlines) | date (YYYY-MM-DD) |
  // list (of strings) | image (a PNG path or data: URI) | json (checked by its element)
  std::string type = "string";
  bool required = false;
  std::string label;  // Chinese label for forms
  std::string description;         // Chinese, for a person (forms, `gongwen layouts`)
  std::string descriptionEnglish;  // "description_en"; the Chinese one when not given
  const std::string& describedIn(Language language) const {
    return language == Language::English && !descriptionEnglish.empty() ? descriptionEnglish
                                                                         : description;
  }
  // A "json" field: the reader of the element that shows it (set when the layout is loaded;
  // empty when no element reads it).
  FieldReader read;
};

// A flow element's settings compiled into typed fields when the layout is loaded. The
// types are the layout floor's (layout/elements/*): the model only keeps them, opaque, so
// that each element's settings are read, checked and defaulted once, not per record.
struct ElementSpec {
  virtual ~ElementSpec() = default;
};

struct FlowElement;
struct Layout;

// The flow elements the engine can place (layout/FlowElements.cpp): their names, how an
// element's settings compile into its spec (throws InputError for an unknown key, a bad value),
// and the reader of a "json" field (empty when none of the layout's elements reads it).
struct FlowElementKinds {
  std::vector<std::string> names;
  std::function<std::shared_ptr<const ElementSpec>(const FlowElement&, const Layout&)> compile;
  std::function<FieldReader(const FieldSpec&, const Layout&)> fieldReader;
};

// One element of a flow layout, placed by the mechanism registered under its name
// (layout/FlowElements.cpp). Element-specific settings: `params` as written, `spec` compiled.
struct FlowElement {
  std::string element;  // title | paragraphs | …
  std::string field;    // the record field it shows ("" for elements that show none)
  std::string style;    // a key of Layout::styles ("" when the element needs none)
  int blankLinesBefore = 0, blankLinesAfter = 0;
  Poco::JSON::Object::Ptr params;           // the element's whole JSON object
  std::string path;                         // where it is in the layout file, for messages
  std::shared_ptr<const ElementSpec> spec;  // compiled at load (FlowElementKinds::compile)
};

struct PageNumberSpec {
  bool enabled = true;
  std::string style = "page_number";
  std::string format = "— {n} —";
  double topBelowBlockMm = 7;  // top of the dash line below the block's bottom edge
  double indentEm = 1;
};

struct Layout {
  std::string name, label, description;  // label and description in Chinese
  std::string labelEnglish, descriptionEnglish;  // "label_en", "description_en" (optional)
  const std::string& labelIn(Language language) const {
    return language == Language::English && !labelEnglish.empty() ? labelEnglish : label;
  }
  const std::string& describedIn(Language language) const {
    return language == Language::English && !descriptionEnglish.empty() ? descriptionEnglish
                                                                         : description;
  }
  std::string source;            // the file it came from, for messages
  std::string kind = "flow";     // flow: elements on the body grid; other kinds: see Engine
  Poco::JSON::Object::Ptr root;  // the whole layout file, for kinds that read more of it
  PageGeometry page;
  std::map<std::string, TextStyle> styles;
  std::vector<FieldSpec> fields;
  std::vector<FlowElement> flow;
  PageNumberSpec pageNumbers;
  std::map<std::string, std::string> metadata;  // PDF info key (title, author, subject) → field

  const TextStyle& style(const std::string& name) const;
  const FieldSpec* field(const std::string& name) const;

  // Parses a layout file's text; throws InputError naming `source` and the JSON path.
  // `elements` are the flow elements the engine can place; each of the flow's is compiled.
  static Layout fromJson(const std::string& text, const std::string& source,
                         const FlowElementKinds& elements);
};

}  // namespace gongwen
