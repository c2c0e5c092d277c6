// Shapes paragraphs with HarfBuzz (language zh-Hans; runs itemized by font and script).
// Holds per-thread scratch state (HarfBuzz buffer, ICU iterator): one per document or
// worker, never shared between threads.
#pragma once

#include <hb.h>

#include <string>
#include <string_view>

#include "common/CHandle.h"
#include "text/FontFallback.h"
#include "text/LineBreakFinder.h"
#include "text/ShapedText.h"

namespace gongwen {

class FontRegistry;

struct TextStyleRef {
  FontPtr font;  // the role's font
  double sizePt = 16;
  Color color;
};

// Where lines may break: Line — ICU line breaking + kinsoku (body text); Word — only where
// that and ICU's word segmentation agree, so words stay whole (titles).
enum class BreakMode { Line, Word };

// Characters [start, end) of a paragraph drawn in another font at the same size and colour
// (a run-in heading: "（一）加强领导。" in 楷体, the rest in 仿宋).
struct FontSpan {
  size_t start = 0, end = 0;
  FontPtr font;
};

class Shaper {
 public:
  explicit Shaper(const FontRegistry& registry);

  // `text` is one paragraph (no newlines). `where` names the field for error messages.
  ShapedText shape(std::u32string_view text, const TextStyleRef& style, const std::string& where,
                   const MissingGlyphPolicy& policy, BreakMode mode = BreakMode::Line,
                   const std::vector<FontSpan>& spans = {});
  // Turns a text shaped with BreakMode::Line into what BreakMode::Word would have given:
  // breaks only where a word ends too. A caller that shapes with Line first and asks for
  // this only when the text takes more than one line gets the same lines and spares ICU's
  // dictionary for Chinese words (~8 M instructions the first time in a process) for every
  // title that fits on one line: where a text takes one line, the greedy composer never
  // looked at a break its lines did not use.
  void keepWordsWhole(ShapedText& text);

 private:
  void shapeRun(ShapedText& out, size_t start, size_t end, uint16_t fontIndex, bool fullWidth);

  const FontRegistry& registry_;
  CHandle<hb_buffer_t, hb_buffer_destroy> buffer_;
  LineBreakFinder breaks_;
  hb_language_t language_;
};

}  // namespace gongwen
