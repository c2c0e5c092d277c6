#include "layout/FlowContext.h"

#include "common/Utf8.h"
#include "layout/TextPlacement.h"
#include "text/Normalizer.h"

namespace gongwen {

FlowContext::FlowContext(const Layout& layout, const FontRegistry& fonts,
                         const ComposeOptions& options)
    : layout_(layout), fonts_(fonts), options_(options), grid_(layout.page), shaper_(fonts) {}

std::u32string FlowContext::prepare(const std::string& utf8) const {
  std::u32string text = decodeUtf8(utf8);
  return options_.normalize ? normalizePunctuation(text) : text;
}

ShapedText FlowContext::shape(std::u32string_view text, const TextStyle& style,
                              const std::string& where) {
  return shaper_.shape(text, TextStyleRef{fonts_.font(style.font), style.sizePt, style.color},
                       where, options_.missing);
}

ParagraphStyle FlowContext::paragraphStyle(const TextStyle& style) const {
  ParagraphStyle ps;
  ps.width = grid_.width;
  ps.align = style.align;
  ps.gridPitch = style.onGrid ? grid_.cellPitch(style.sizePt) : 0;
  ps.firstIndent = style.firstLineIndentEm * (ps.gridPitch > 0 ? ps.gridPitch : style.sizePt);
  return ps;
}

Page& FlowContext::page() {
  if (list_.pages.empty() || slot_ >= grid_.lines) {
    Page p;
    p.widthPt = grid_.pageWidth;
    p.heightPt = grid_.pageHeight;
    list_.pages.push_back(std::move(p));
    slot_ = 0;
  }
  return list_.pages.back();
}

void FlowContext::placeLines(const ShapedText& text, const std::vector<LineBox>& lines,
                             const TextStyle& style) {
  for (const LineBox& line : lines) {
    Page& p = page();
    placeLine(p, text, line, grid_.left, grid_.baseline(slot_, style.sizePt));
    ++slot_;
  }
}

}  // namespace gongwen
