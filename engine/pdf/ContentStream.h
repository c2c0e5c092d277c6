// Builds one page's content stream operators from display items (text as TJ arrays that
// land every glyph exactly where layout put it; rectangles as `re f`).
#pragma once

#include <string>
#include <unordered_map>

#include "layout/DisplayList.h"
#include "pdf/CidFontEmbedder.h"

namespace gongwen {

class ContentStream {
 public:
  explicit ContentStream(double pageHeight) : pageHeight_(pageHeight) {}

  // `resourceName` is the font's name in the page resources ("F1").
  void text(const GlyphRun& run, const EmbeddedFont& font, const std::string& resourceName);
  void rect(const FilledRect& r);
  const std::string& str() const { return out_; }

 private:
  void number(double v);
  void colour(const Color& c, bool stroke);

  double pageHeight_;
  std::string out_;
};

}  // namespace gongwen
