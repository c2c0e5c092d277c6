#include "layout/BoxTemplate.h"

#include "common/Errors.h"
#include "common/Units.h"
#include "fonts/FontRegistry.h"
#include "layout/ArtInk.h"
#include "layout/ArtworkBuilder.h"
#include "model/ElementParams.h"

namespace gongwen {
namespace {

// "{recipient}：" → ["recipient"]; unbalanced braces are an error.
std::vector<std::string> placeholders(const std::string& text, const std::string& where) {
  std::vector<std::string> out;
  size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string::npos) {
    size_t end = text.find('}', pos);
    if (end == std::string::npos) throw InputError(where, Message("a \"{\" without its \"}\""));
    out.push_back(text.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return out;
}

Alignment alignOf(const ElementParams& p) {
  const std::string a = p.str("align", "left");
  if (a == "left") return Alignment::Left;
  if (a == "center") return Alignment::Center;
  if (a == "right") return Alignment::Right;
  if (a == "justify") return Alignment::Justify;
  throw InputError(p.at("align"), Message("must be one of left, center, right, justify"));
}

VerticalAlign valignOf(const ElementParams& p) {
  const std::string a = p.str("valign", "top");
  if (a == "top") return VerticalAlign::Top;
  if (a == "middle") return VerticalAlign::Middle;
  if (a == "bottom") return VerticalAlign::Bottom;
  throw InputError(p.at("valign"), Message("must be one of top, middle, bottom"));
}

bool knownRole(const FontRegistry& fonts, const std::string& role) {
  for (const auto& r : fonts.resolutions()) {
    if (r.role == role) return true;
  }
  return false;
}

TextBoxSpec parseBox(const ElementParams& p, const Layout& layout, const FontRegistry& fonts) {
  p.onlyKeys({"role",
              "field",
              "text",
              "image_field",
              "x_mm",
              "y_mm",
              "width_mm",
              "height_mm",
              "font",
              "size_pt",
              "min_size_pt",
              "color",
              "align",
              "valign",
              "max_lines",
              "line_spacing",
              "first_line_indent_em",
              "fit",
              "break",
              "date_format",
              "default",
              "preprinted",
              "description"});
  TextBoxSpec b;
  b.where = p.path();
  b.role = p.str("role");
  for (const char* key : {"x_mm", "y_mm", "width_mm", "height_mm"}) {
    if (!p.has(key)) throw InputError(p.path(), Message("a box needs \"{0}\"", key));
  }
  b.x = mmToPt(p.number("x_mm", 0));
  b.y = mmToPt(p.number("y_mm", 0));
  b.width = mmToPt(p.number("width_mm", 0));
  b.height = mmToPt(p.number("height_mm", 0));
  if (!(b.width > 0 && b.height > 0))
    throw InputError(p.path(), Message("a box needs a size above 0"));
  const double pageW = mmToPt(layout.page.widthMm), pageH = mmToPt(layout.page.heightMm);
  if (b.x < 0 || b.y < 0 || b.x + b.width > pageW + 0.01 || b.y + b.height > pageH + 0.01) {
    throw InputError(p.path(), Message("the box does not lie on the page"));
  }
  b.preprinted = p.boolean("preprinted", false);
  const int kinds = p.has("field") + p.has("text") + p.has("image_field");
  if (kinds != 1) {
    throw InputError(p.path(),
                     Message("a box shows exactly one of \"field\", \"text\" or \"image_field\""));
  }
  if (p.has("image_field")) {
    b.imageField = p.str("image_field");
    const FieldSpec* f = layout.field(b.imageField);
    if (!f || f->type != "image") {
      throw InputError(p.at("image_field"),
                       Message("no image field \"{0}\" in \"fields\"", b.imageField));
    }
    return b;
  }
  if (p.has("field")) {
    // Built by appending: "{" + … trips GCC 12's false -Wrestrict at -O3.
    std::string placeholder(1, '{');
    placeholder.append(p.str("field"));
    placeholder.push_back('}');
    b.text = std::move(placeholder);
  } else {
    b.text = p.str("text");
  }
  b.fields = placeholders(b.text, p.at(p.has("field") ? "field" : "text"));
  for (const std::string& f : b.fields) {
    const FieldSpec* spec = layout.field(f);
    if (!spec)
      throw InputError(p.path(), Message("no field \"{0}\" in the layout's \"fields\"", f));
    if (spec->type != "string" && spec->type != "text" && spec->type != "date") {
      throw InputError(p.path(),
                       Message("field \"{0}\" is a {1}; a text box shows string, text and date "
                               "fields",
                               f, spec->type));
    }
  }
  b.fallbackText = p.str("default");
  b.font = p.str("font", b.font);
  if (!knownRole(fonts, b.font)) {
    throw InputError(p.at("font"),
                     Message("no font role \"{0}\" in the font configuration", b.font));
  }
  b.sizePt = p.number("size_pt", b.sizePt);
  b.minSizePt = p.number("min_size_pt", b.sizePt);
  if (!(b.sizePt > 0 && b.minSizePt > 0 && b.minSizePt <= b.sizePt)) {
    throw InputError(p.path(), Message("needs 0 < min_size_pt <= size_pt"));
  }
  b.color = p.color("color", b.color);
  b.align = alignOf(p);
  b.valign = valignOf(p);
  b.maxLines = p.integer("max_lines", b.maxLines);
  if (b.maxLines < 1) throw InputError(p.at("max_lines"), Message("must be at least 1"));
  b.lineSpacing = p.number("line_spacing", b.lineSpacing);
  if (b.lineSpacing < 1) throw InputError(p.at("line_spacing"), Message("must be at least 1 (em)"));
  b.firstLineIndentEm = p.number("first_line_indent_em", 0);
  const std::string fit = p.str("fit", "shrink-then-wrap");
  if (fit == "wrap-then-shrink") {
    b.fit = BoxFit::WrapThenShrink;
  } else if (fit != "shrink-then-wrap") {
    throw InputError(p.at("fit"), Message("must be shrink-then-wrap or wrap-then-shrink"));
  }
  const std::string breaks = p.str("break", "words");
  if (breaks != "words" && breaks != "chars")
    throw InputError(p.at("break"), Message("must be words or chars"));
  b.wordBreaks = breaks == "words";
  const std::string dates = p.str("date_format", "numerals");
  if (dates != "numerals" && dates != "arabic") {
    throw InputError(p.at("date_format"),
                     Message("must be numerals (二〇一二年六月十三日) or arabic (2012年6月13日)"));
  }
  b.numeralDates = dates == "numerals";
  return b;
}

}  // namespace

std::shared_ptr<const BoxTemplate> parseBoxTemplate(const Layout& layout,
                                                    const FontRegistry& fonts) {
  auto tpl = std::make_shared<BoxTemplate>();
  tpl->art = buildArtwork(layout);
  ElementParams root(layout.root, layout.source + ": $");
  auto boxes = root.objects("boxes");
  if (boxes.empty())
    throw InputError(root.at("boxes"), Message("a boxes layout needs at least one box"));
  for (const ElementParams& box : boxes) tpl->boxes.push_back(parseBox(box, layout, fonts));
  tpl->artPreprinted = root.boolean("art_preprinted", true);
  if (tpl->art) {
    // Text clear of art: no box within the clearance of the art's ink (a serial on a
    // corner scroll is refused here, not printed).
    const double clearanceMm = root.number("art_clearance_mm", 1.5);
    if (clearanceMm < 0)
      throw InputError(root.at("art_clearance_mm"), Message("must be 0 or more"));
    const ArtInk ink = inkOf(*tpl->art);
    for (const TextBoxSpec& b : tpl->boxes) {
      if (ink.touches({b.x, b.y, b.x + b.width, b.y + b.height}, mmToPt(clearanceMm))) {
        throw InputError(b.where, Message("the {0} box overlaps the art (it must keep {1} mm from "
                                          "every line and ornament of \"art\")",
                                          b.role, std::to_string(clearanceMm).substr(0, 4)));
      }
    }
  }
  return tpl;
}

}  // namespace gongwen
