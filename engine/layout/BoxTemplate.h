// A "boxes" layout (certificates 奖状, 荣誉证书): fixed art drawn once per document, and
// boxes, each with a role, a font, a size, a colour, an alignment and the text it shows —
// a field, or fixed text with {field} placeholders ("{recipient}：", "证书编号：{serial}").
// Text never leaves its box: it shrinks, wraps, or is an error naming the field.
// A new design is a JSON file; this is the mechanism. Keys of a box (lengths in mm):
//   role, field | text, image_field, default (the text when the field is absent), x_mm, y_mm,
//   width_mm, height_mm, font (a role of fonts/fonts.json), size_pt, min_size_pt, color, align
//   (left | center | right | justify), valign (top | middle | bottom), max_lines,
//   line_spacing (baseline to baseline, in ems), first_line_indent_em,
//   fit ("shrink-then-wrap": one line shrunk down to min_size_pt, then balanced lines;
//   "wrap-then-shrink": wrapped and justified, shrunk when there are too many lines),
//   break ("words" keeps words whole, "chars"), date_format ("numerals" 二〇一二年六月十三日
//   | "arabic" 2012年6月13日), preprinted (true: the card already carries it, 套打 leaves
//   it out: a fixed title, the seal).
// Keys of the layout: "art" (ArtworkBuilder.h), "art_preprinted" (default true: 套打 leaves
// the art out), "art_clearance_mm" (default 1.5: no box comes closer to the art's ink).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/Color.h"
#include "layout/DisplayList.h"
#include "model/Layout.h"
#include "text/ParagraphComposer.h"

namespace gongwen {

class FontRegistry;

enum class BoxFit { ShrinkThenWrap, WrapThenShrink };
enum class VerticalAlign { Top, Middle, Bottom };

struct TextBoxSpec {
  std::string role;
  std::string text;                 // with {field} placeholders; empty for image boxes
  std::string fallbackText;         // shown when a placeholder's field is absent ("default")
  std::vector<std::string> fields;  // the placeholders' fields, in order
  std::string imageField;           // an image box (a seal) shows this field
  double x = 0, y = 0, width = 0, height = 0;  // pt from the page's top-left
  std::string font = "fangsong";
  double sizePt = 16, minSizePt = 16;
  Color color;
  Alignment align = Alignment::Left;
  VerticalAlign valign = VerticalAlign::Top;
  int maxLines = 1;
  double lineSpacing = 1.5;  // ems, baseline to baseline
  double firstLineIndentEm = 0;
  BoxFit fit = BoxFit::ShrinkThenWrap;
  bool wordBreaks = true;
  bool numeralDates = true;
  bool preprinted = false;  // on the card already: not drawn in overlay mode (套打)
  std::string where;        // the box in the layout file, for messages
};

struct BoxTemplate {
  std::shared_ptr<const Artwork> art;  // null: no fixed art
  bool artPreprinted = true;           // the card carries the art: overlay mode leaves it out
  std::vector<TextBoxSpec> boxes;
};

// Reads `layout`'s "boxes" and "art". Checks every font role against `fonts` and every
// placeholder against the layout's fields, and that every box keeps art_clearance_mm from
// the art's ink; throws InputError naming file and JSON path.
std::shared_ptr<const BoxTemplate> parseBoxTemplate(const Layout& layout,
                                                    const FontRegistry& fonts);

}  // namespace gongwen
