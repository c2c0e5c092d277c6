#include "model/Layout.h"

#include <algorithm>
#include <set>

#include "common/Errors.h"
#include "common/Json.h"
#include "model/ElementParams.h"

namespace gongwen {
namespace {

Poco::JSON::Array::Ptr arrayAt(const ElementParams& r, const std::string& key) {
  auto v = r.json()->get(key);
  if (v.type() != typeid(Poco::JSON::Array::Ptr))
    throw InputError(r.at(key), Message("must be an array, found {0}", jsonType(v)));
  return v.extract<Poco::JSON::Array::Ptr>();
}

Alignment parseAlign(const std::string& s, const std::string& where) {
  if (s == "justify") return Alignment::Justify;
  if (s == "left") return Alignment::Left;
  if (s == "center") return Alignment::Center;
  if (s == "right") return Alignment::Right;
  throw InputError(where, Message("must be one of justify, left, center, right"));
}

TextStyle parseStyle(const ElementParams& r) {
  r.onlyKeys({"font", "size_pt", "color", "align", "first_line_indent_em", "grid"});
  TextStyle s;
  s.font = r.str("font", s.font);
  s.sizePt = r.positive("size_pt", s.sizePt);
  s.color = r.color("color", s.color);
  if (r.has("align")) s.align = parseAlign(r.str("align"), r.at("align"));
  s.firstLineIndentEm = r.number("first_line_indent_em", 0);
  s.onGrid = r.boolean("grid", s.onGrid);
  return s;
}

}  // namespace

const TextStyle& Layout::style(const std::string& styleName) const {
  auto it = styles.find(styleName);
  if (it == styles.end())
    throw InputError("layout " + name, Message("no style named \"{0}\"", styleName));
  return it->second;
}

const FieldSpec* Layout::field(const std::string& fieldName) const {
  for (const auto& f : fields) {
    if (f.name == fieldName) return &f;
  }
  return nullptr;
}

Layout Layout::fromJson(const std::string& text, const std::string& source,
                        const FlowElementKinds& elements) {
  const std::vector<std::string>& knownElements = elements.names;
  const ElementParams root(parseJsonObject(text, source), source + ": $");
  root.onlyKeys({"name", "label", "label_en", "description", "description_en", "kind", "page",
                 "styles", "fields", "flow", "page_numbers", "metadata", "boxes", "art",
                 "art_preprinted", "art_clearance_mm", "options"});
  Layout l;
  l.root = root.json();
  l.source = source;
  l.kind = root.str("kind", l.kind);
  l.name = root.str("name");
  if (l.name.empty()) throw InputError(root.at("name"), Message("a layout needs a name"));
  l.label = root.str("label", l.name);
  l.description = root.str("description");
  l.labelEnglish = root.str("label_en");
  l.descriptionEnglish = root.str("description_en");

  if (root.has("page")) {
    const ElementParams p = root.object("page");
    p.onlyKeys({"width_mm", "height_mm", "margin_top_mm", "margin_left_mm", "block_width_mm",
                "block_height_mm", "chars_per_line", "lines_per_page"});
    PageGeometry& g = l.page;
    g.widthMm = p.positive("width_mm", g.widthMm);
    g.heightMm = p.positive("height_mm", g.heightMm);
    g.marginTopMm = p.number("margin_top_mm", g.marginTopMm);
    g.marginLeftMm = p.number("margin_left_mm", g.marginLeftMm);
    g.blockWidthMm = p.positive("block_width_mm", g.blockWidthMm);
    g.blockHeightMm = p.positive("block_height_mm", g.blockHeightMm);
    g.charsPerLine = static_cast<int>(p.positive("chars_per_line", g.charsPerLine));
    g.linesPerPage = static_cast<int>(p.positive("lines_per_page", g.linesPerPage));
    if (g.charsPerLine < 2) throw InputError(p.at("chars_per_line"), Message("must be at least 2"));
  }

  if (root.has("styles")) {
    const ElementParams styles = root.object("styles");
    for (const auto& [key, value] : *styles.json()) {
      l.styles[key] = parseStyle(ElementParams::of(value, styles.at(key)));
    }
  }

  if (root.has("fields")) {
    auto arr = arrayAt(root, "fields");
    for (size_t i = 0; i < arr->size(); ++i) {
      const ElementParams f = ElementParams::of(arr->get(i), jsonPath(root.at("fields"), i));
      f.onlyKeys({"name", "type", "required", "label", "description", "description_en", "aliases"});
      FieldSpec spec;
      spec.name = f.str("name");
      if (spec.name.empty()) throw InputError(f.at("name"), Message("a field needs a name"));
      spec.type = f.str("type", spec.type);
      static const std::set<std::string> types = {"string", "text",  "date",
                                                  "list",   "image", "json"};
      if (!types.count(spec.type))
        throw InputError(f.at("type"),
                         Message("must be one of string, text, date, list, image, json"));
      spec.required = f.boolean("required", false);
      spec.label = f.str("label", spec.name);
      spec.description = f.str("description");
      spec.descriptionEnglish = f.str("description_en");
      if (f.has("aliases")) {
        auto aliases = arrayAt(f, "aliases");
        for (size_t k = 0; k < aliases->size(); ++k) {
          auto v = aliases->get(k);
          if (!v.isString()) {
            throw InputError(jsonPath(f.at("aliases"), k),
                             Message("must be a string (a column header), found {0}", jsonType(v)));
          }
          // read where they are used (batch/SheetTable.cpp), from the layout's JSON
        }
      }
      l.fields.push_back(spec);
    }
  }

  if (root.has("flow")) {
    auto arr = arrayAt(root, "flow");
    for (size_t i = 0; i < arr->size(); ++i) {
      const ElementParams e = ElementParams::of(arr->get(i), jsonPath(root.at("flow"), i));
      FlowElement el;
      el.params = e.json();
      el.path = jsonPath(root.at("flow"), i);
      el.element = e.str("element");
      if (std::find(knownElements.begin(), knownElements.end(), el.element) ==
          knownElements.end()) {
        throw InputError(e.at("element"), Message("unknown element \"{0}\"; the elements are {1}",
                                                  el.element, joinedNames(knownElements)));
      }
      el.field = e.str("field");
      if (!el.field.empty() && !l.field(el.field))
        throw InputError(e.at("field"), Message("no field named \"{0}\" in \"fields\"", el.field));
      el.style = e.str("style");
      if (!el.style.empty() && !l.styles.count(el.style))
        throw InputError(e.at("style"), Message("no style named \"{0}\" in \"styles\"", el.style));
      el.blankLinesBefore = static_cast<int>(e.number("blank_lines_before", 0));
      el.blankLinesAfter = static_cast<int>(e.number("blank_lines_after", 0));
      l.flow.push_back(el);
    }
  }

  if (root.has("page_numbers")) {
    const ElementParams p = root.object("page_numbers");
    p.onlyKeys({"enabled", "style", "format", "top_below_block_mm", "indent_em"});
    PageNumberSpec& pn = l.pageNumbers;
    pn.enabled = p.boolean("enabled", pn.enabled);
    pn.style = p.str("style", pn.style);
    pn.format = p.str("format", pn.format);
    if (pn.format.find("{n}") == std::string::npos)
      throw InputError(p.at("format"), Message("must contain {n} where the number goes"));
    pn.topBelowBlockMm = p.number("top_below_block_mm", pn.topBelowBlockMm);
    pn.indentEm = p.number("indent_em", pn.indentEm);
    if (pn.enabled && !l.styles.count(pn.style))
      throw InputError(p.at("style"), Message("no style named \"{0}\" in \"styles\"", pn.style));
  }

  if (root.has("metadata")) {
    const ElementParams m = root.object("metadata");
    m.onlyKeys({"title", "author", "subject", "keywords"});
    for (const auto& [key, value] : *m.json()) {
      std::string f = m.str(key);
      if (!l.field(f))
        throw InputError(m.at(key), Message("no field named \"{0}\" in \"fields\"", f));
      l.metadata[key] = f;
    }
  }
  // Each flow element's own settings, read and checked once (by the layout floor's code).
  if (elements.compile) {
    for (FlowElement& el : l.flow) el.spec = elements.compile(el, l);
  }
  // A structured field is read into typed values by its element's reader, once per record.
  if (elements.fieldReader) {
    for (FieldSpec& f : l.fields) {
      if (f.type == "json") f.read = elements.fieldReader(f, l);
    }
  }
  return l;
}

}  // namespace gongwen
