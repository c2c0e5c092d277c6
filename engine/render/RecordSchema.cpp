#include "render/RecordSchema.h"

#include <algorithm>

#include "common/JsonBuild.h"
#include "layout/elements/Specs.h"
#include "text/NameCollator.h"

namespace gongwen {
namespace {

using namespace json;

// What checkPrintable (model/Record.cpp) lets through: no control characters but tab, and
// line breaks only in text. As ECMAScript patterns (JSON Schema's dialect).
const char* const kSingleLine = R"(^[^\u0000-\u0008\u000A-\u001F\u007F-\u009F]*$)";
const char* const kMultiLine = R"(^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$)";
// Not blank: a character other than ASCII white space, U+3000 and U+00A0 (isBlank there).
const char* const kNotBlank = R"([^ \t\n\u000B\f\r\u3000\u00A0])";
// parseDate: YYYY-MM-DD with a four-digit year from 1000; "format": "date" adds a real day.
const char* const kDate = R"(^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}$)";
// The other forms parseDate takes, year first (a day-first date is ambiguous, refused).
const char* const kOfficeDate =
    R"(^(?![0-9]{4}-[0-9]{2}-[0-9]{2}$)([1-9][0-9]{3}[-/.][0-9]{1,2}[-/.][0-9]{1,2})"
    R"(|[1-9][0-9]{3}年[0-9]{1,2}月[0-9]{1,2}日)"
    R"(|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$)";
// An image over HTTP (model/ImageLoader.cpp): a PNG or JPEG as a data: URI; file paths
// are for the command line only.
const char* const kImageDataUri = R"(^data:image/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$)";

Obj text(bool multiline, bool required) {
  Obj s = obj({{"type", "string"}});
  if (required) {
    s->set("allOf", arr({obj({{"pattern", multiline ? kMultiLine : kSingleLine}}),
                         obj({{"pattern", kNotBlank}})}));
  } else {
    s->set("pattern", multiline ? kMultiLine : kSingleLine);
  }
  return s;
}

// A document body (layout/elements/DocumentBody.cpp): a string, or paragraphs and headings.
Obj bodySchema() {
  Obj heading = obj(
      {{"type", "object"},
       {"required", arr({"heading"})},
       {"properties", obj({{"heading", text(false, false)},
                           {"level", obj({{"type", "integer"}, {"minimum", 1}, {"maximum", 4}})}})},
       {"additionalProperties", false}});
  // A ruled table (layout/elements/BodyBlocks.cpp): header cells, rows of cells, widths in
  // characters (numbers) or "30mm", alignments.
  Obj cell = obj({{"type", arr({"string", "number"})}});
  Obj table =
      obj({{"type", "object"},
           {"required", arr({"table"})},
           {"properties",
            obj({{"table",
                  obj({{"type", "object"},
                       {"required", arr({"header", "rows"})},
                       {"properties",
                        obj({{"title", text(false, false)},
                             {"header", obj({{"type", "array"}, {"items", cell}, {"minItems", 1}})},
                             {"rows", obj({{"type", "array"},
                                           {"items", obj({{"type", "array"}, {"items", cell}})}})},
                             {"widths", obj({{"type", "array"}, {"items", cell}})},
                             {"align", obj({{"type", "array"},
                                            {"items", obj({{"enum", arr({"left", "center",
                                                                         "right"})}})}})}})}})}})},
           {"additionalProperties", false}});
  // A figure: a PNG or JPEG (a data: URI over HTTP), its width and caption.
  Obj figure =
      obj({{"type", "object"},
           {"required", arr({"image"})},
           {"properties", obj({{"image", obj({{"type", "string"}, {"pattern", kImageDataUri}})},
                               {"width_mm", obj({{"type", "number"}, {"minimum", 1}})},
                               {"caption", text(false, false)}})},
           {"additionalProperties", false}});
  return obj({{"description",
               "A string (paragraphs separated by newlines) or an array of paragraphs (strings), "
               "headings ({\"heading\": \"…\", \"level\": 1-4}), tables ({\"table\": {…}}) and "
               "figures ({\"image\": …, \"width_mm\": …, \"caption\": …})."},
              {"anyOf", arr({text(true, false),
                             obj({{"type", "array"},
                                  {"items", obj({{"anyOf", arr({text(true, false), heading, table,
                                                                figure})}})}})})}});
}

// Attachments (layout/elements/Attachments.cpp): {"title", "body"} or {"title", "layout",
// …that layout's fields}.
Obj attachmentsSchema(const LayoutCatalog& catalog) {
  Obj item = obj({{"type", "object"},
                  {"required", arr({"title"})},
                  {"properties",
                   obj({{"title", text(false, true)},
                        {"layout", obj({{"type", "string"}, {"enum", strings(catalog.names())}})},
                        {"body", bodySchema()}})}});
  return obj({{"type", "array"}, {"items", item}});
}

// Groups of names or entries (layout/elements/NameGroups.cpp). `entryKeys`: the table's
// column keys.
Obj groupsSchema(const std::vector<std::string>& entryKeys) {
  Obj cells = obj();
  for (const auto& key : entryKeys) cells->set(key, text(false, false));
  Obj entry = obj({{"type", "object"},
                   {"properties", cells},
                   {"additionalProperties", false},
                   {"minProperties", 1}});
  Obj group =
      obj({{"type", "object"},
           {"properties",
            obj({{"heading", text(false, false)},
                 {"names", obj({{"type", "array"}, {"items", text(false, true)}})},
                 {"entries", obj({{"type", "array"}, {"items", entry}, {"minItems", 1}})},
                 {"columns",
                  obj({{"type", "array"},
                       {"items", obj({{"type", "string"}, {"enum", strings(entryKeys)}})}})}})},
           {"additionalProperties", false},
           {"oneOf",
            arr({obj({{"required", arr({"names"})}}), obj({{"required", arr({"entries"})}})})}});
  return obj({{"type", "array"}, {"items", group}});
}

Obj fieldSchema(const FieldSpec& f) {
  Obj s;
  if (f.type == "text") {
    s = text(true, f.required);
  } else if (f.type == "date") {
    // YYYY-MM-DD (a real day), or as offices type them (model/Record.cpp parseDate):
    // 2012-6-13, 2012/6/13, 2012.6.13, 2012年6月13日, 二〇一二年六月十三日.
    s = obj({{"anyOf", arr({obj({{"type", "string"}, {"format", "date"}, {"pattern", kDate}}),
                            obj({{"type", "string"}, {"pattern", kOfficeDate}})})}});
  } else if (f.type == "list") {
    Obj list = obj({{"type", "array"}, {"items", text(false, false)}});
    if (f.required) list->set("minItems", 1);
    s = obj({{"anyOf", arr({text(false, false), list})}});
  } else if (f.type == "image") {
    // One image, or one per issuer of a joint document (7.3.5.1).
    Obj one = obj({{"type", "string"}, {"pattern", kImageDataUri}, {"contentEncoding", "base64"}});
    s = obj({{"anyOf", arr({one, obj({{"type", "array"}, {"items", one}, {"minItems", 1}})})}});
  } else if (f.type == "json") {
    s = obj();  // its element's schema is merged in by recordSchema
  } else {
    s = text(false, f.required);
  }
  if (!f.label.empty()) s->set("title", f.label);
  if (!f.description.empty()) s->set("description", f.describedIn(Language::English));
  // An absent optional field may also be null.
  if (!f.required && s->has("type")) s->set("type", arr({s->get("type"), "null"}));
  return s;
}

std::vector<std::string> tableKeys(const NameGroupsSpec& spec) {
  std::vector<std::string> keys = {"index"};  // as NameGroups.cpp
  for (const NameGroupsSpec::Column& column : spec.tableColumns) {
    const std::string& key = column.key;
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  return keys;
}

// What the layout's elements check beyond the field's type.
void addElementChecks(const Layout& layout, const LayoutCatalog& catalog, Obj properties) {
  auto property = [&](const std::string& field) -> Obj {
    if (field.empty() || !properties->has(field)) return Obj();
    return properties->getObject(field);
  };
  for (const FlowElement& el : layout.flow) {
    Obj s = property(el.field);
    if (const auto* title = dynamic_cast<const TitleSpec*>(el.spec.get()); title && !s.isNull()) {
      s->set("maxLength", title->maxChars);  // layout/elements/Title.cpp
    } else if (el.element == "body" && !s.isNull()) {
      merge(s, bodySchema());
    } else if ((el.element == "attachments" || el.element == "attachment_notes") && !s.isNull()) {
      merge(s, attachmentsSchema(catalog));
    } else if (const auto* groups = dynamic_cast<const NameGroupsSpec*>(el.spec.get())) {
      if (!s.isNull()) merge(s, groupsSchema(tableKeys(*groups)));
      Obj sort = property(groups->sortField);
      if (!sort.isNull()) {
        Arr words = strings(nameOrderWords());
        words->add("");
        sort->set("enum", words);
        sort->set("type", arr({"string", "null"}));
        sort->remove("pattern");
        sort->remove("allOf");
      }
    }
  }
}

// The HTTP API's answers and their statuses.
}  // namespace

Poco::JSON::Object::Ptr recordSchema(const Layout& layout, const LayoutCatalog& catalog) {
  Obj properties = obj({{"layout", obj({{"const", layout.name},
                                        {"description",
                                         "The layout (may be left out when "
                                         "?layout= names it)."}})}});
  Arr required = arr();
  for (const FieldSpec& f : layout.fields) {
    properties->set(f.name, fieldSchema(f));
    if (f.required) required->add(f.name);
  }
  addElementChecks(layout, catalog, properties);
  return obj({{"title", layout.label.empty() ? layout.name : layout.label},
              {"description", layout.describedIn(Language::English)},
              {"type", "object"},
              {"properties", properties},
              {"required", required},
              {"additionalProperties", true}});
}

}  // namespace gongwen
