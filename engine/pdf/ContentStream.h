// Builds one page's content stream operators from display items (text as TJ arrays that
// land every glyph exactly where layout put it; rectangles as `re f`; paths; form XObjects).
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
  void path(const VectorPath& p);
  // Draws the form XObject named `resourceName` ("Fm1") of height `heightPt` with its
  // top-left corner at (x, y).
  void form(const std::string& resourceName, double x, double y, double heightPt);
  // Draws the image XObject `resourceName` ("Im1") into the box (x, y, width, height).
  void image(const std::string& resourceName, double x, double y, double width, double height);
  // What follows, up to endTransform(), is drawn through `t` (display-list coordinates,
  // y downwards): q and the same map in PDF space as cm.
  void beginTransform(const Affine& t);
  void endTransform() { out_ += "Q\n"; }
  const std::string& str() const { return out_; }

 private:
  void number(double v);
  void point(double x, double y);
  void colour(const Color& c, bool stroke);

  double pageHeight_;
  std::string out_;
};

}  // namespace gongwen
