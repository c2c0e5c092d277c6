// Places a record's elements in order on the body grid of GB/T 9704 pages: each text
// line on a grid line (22 a page), flowing to new pages, then the page numbers.
#pragma once

#include <string>
#include <vector>

#include "fonts/FontRegistry.h"
#include "layout/DisplayList.h"
#include "layout/Grid.h"
#include "model/Layout.h"
#include "model/Record.h"
#include "text/FontFallback.h"
#include "text/Shaper.h"

namespace gongwen {

struct ComposeOptions {
  bool normalize = true;  // half-width punctuation in Chinese text → full-width
  MissingGlyphPolicy missing;
};

class GridFlowComposer {
 public:
  GridFlowComposer(const Layout& layout, const FontRegistry& fonts, const ComposeOptions& options);

  DisplayList compose(const Record& record);

 private:
  void title(const FlowElement& el, const std::string& text);
  void paragraphs(const FlowElement& el, const std::string& text);
  void addPageNumbers();
  Page& page();
  void advanceLines(int n);
  TextStyleRef styleRef(const TextStyle& style) const;
  std::u32string prepare(const std::string& utf8) const;

  const Layout& layout_;
  const FontRegistry& fonts_;
  ComposeOptions options_;
  Grid grid_;
  Shaper shaper_;
  DisplayList list_;
  int slot_ = 0;  // next free grid line on the last page
};

}  // namespace gongwen
