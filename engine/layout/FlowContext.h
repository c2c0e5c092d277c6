// The state of one document being composed on the body grid, and the operations every
// flow element uses: shaping with the document's options, placing lines on grid lines
// with page flow, adding pages.
#pragma once

#include <string>
#include <vector>

#include "fonts/FontRegistry.h"
#include "layout/DisplayList.h"
#include "layout/Grid.h"
#include "model/Layout.h"
#include "model/Record.h"
#include "text/FontFallback.h"
#include "text/ParagraphComposer.h"
#include "text/Shaper.h"

namespace gongwen {

struct ComposeOptions {
  bool normalize = true;  // half-width punctuation in Chinese text → full-width
  MissingGlyphPolicy missing;
  std::string baseDirectory = ".";  // relative image paths are resolved here
  bool allowFilePaths = true;       // false: images only as data: URIs (HTTP server)
};

class FlowContext {
 public:
  FlowContext(const Layout& layout, const FontRegistry& fonts, const ComposeOptions& options);

  const Layout& layout() const { return layout_; }
  const Grid& grid() const { return grid_; }
  const FontRegistry& fonts() const { return fonts_; }
  const ComposeOptions& options() const { return options_; }
  DisplayList& list() { return list_; }

  // UTF-8 field text → characters, normalized when the options say so.
  std::u32string prepare(const std::string& utf8) const;
  ShapedText shape(std::u32string_view text, const TextStyle& style, const std::string& where);
  // The paragraph settings of a style on this grid (cell pitch, first-line indent).
  ParagraphStyle paragraphStyle(const TextStyle& style) const;

  // The page the next grid line is on (a new page when the last one is full).
  Page& page();
  int slot() const { return slot_; }  // next free grid line (0-based) on the last page
  int linesLeft() const { return grid_.lines - slot_; }
  void skipLines(int n) { slot_ += n; }
  void newPage() { slot_ = grid_.lines; }

  // Places `lines` of `text` on consecutive grid lines, flowing onto new pages.
  void placeLines(const ShapedText& text, const std::vector<LineBox>& lines,
                  const TextStyle& style);

 private:
  const Layout& layout_;
  const FontRegistry& fonts_;
  ComposeOptions options_;
  Grid grid_;
  Shaper shaper_;
  DisplayList list_;
  int slot_ = 0;
};

}  // namespace gongwen
