#include "layout/GridFlowComposer.h"

#include "common/Utf8.h"
#include "layout/TextPlacement.h"
#include "text/BalancedLines.h"
#include "text/Normalizer.h"

namespace gongwen {
namespace {

bool isIndentSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\r'; }

std::u32string trimmed(std::u32string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && isIndentSpace(s[a])) ++a;
  while (b > a && isIndentSpace(s[b - 1])) --b;
  return std::u32string(s.substr(a, b - a));
}

}  // namespace

GridFlowComposer::GridFlowComposer(const Layout& layout, const FontRegistry& fonts,
                                   const ComposeOptions& options)
    : layout_(layout), fonts_(fonts), options_(options), grid_(layout.page), shaper_(fonts) {}

Page& GridFlowComposer::page() {
  if (list_.pages.empty() || slot_ >= grid_.lines) {
    Page p;
    p.widthPt = grid_.pageWidth;
    p.heightPt = grid_.pageHeight;
    list_.pages.push_back(std::move(p));
    slot_ = 0;
  }
  return list_.pages.back();
}

void GridFlowComposer::advanceLines(int n) {
  slot_ += n;  // blank lines at the bottom of a page do not carry over to the next
}

TextStyleRef GridFlowComposer::styleRef(const TextStyle& style) const {
  return TextStyleRef{fonts_.font(style.font), style.sizePt, style.color};
}

std::u32string GridFlowComposer::prepare(const std::string& utf8) const {
  std::u32string text = decodeUtf8(utf8);
  return options_.normalize ? normalizePunctuation(text) : text;
}

DisplayList GridFlowComposer::compose(const Record& record) {
  for (const auto& el : layout_.flow) {
    const std::string& value = record.text(el.field);
    if (value.empty()) continue;
    if (el.element == "title") {
      title(el, value);
    } else {
      paragraphs(el, value);
    }
  }
  if (list_.pages.empty()) page();
  if (layout_.pageNumbers.enabled) addPageNumbers();
  for (const auto& [key, field] : layout_.metadata) {
    const std::string& v = record.text(field);
    if (key == "title") list_.info.title = v;
    if (key == "author") list_.info.author = v;
    if (key == "subject") list_.info.subject = v;
    if (key == "keywords") list_.info.keywords = v;
  }
  return std::move(list_);
}

void GridFlowComposer::title(const FlowElement& el, const std::string& value) {
  const TextStyle& style = layout_.style(el.style);
  std::u32string text = trimmed(prepare(value));
  for (char32_t& c : text) {
    if (c == U'\n') c = U' ';
  }
  ShapedText shaped = shaper_.shape(text, styleRef(style), "$." + el.field, options_.missing);
  ParagraphStyle ps;
  ps.width = grid_.width;
  ps.align = Alignment::Center;
  for (const LineBox& line : composeBalanced(shaped, ps)) {
    Page& p = page();
    placeLine(p, shaped, line, grid_.left, grid_.baseline(slot_, style.sizePt));
    ++slot_;
  }
  advanceLines(el.blankLinesAfter);
}

void GridFlowComposer::paragraphs(const FlowElement& el, const std::string& value) {
  const TextStyle& style = layout_.style(el.style);
  std::u32string all = prepare(value);
  ParagraphStyle ps;
  ps.width = grid_.width;
  ps.align = style.align;
  ps.gridPitch = style.onGrid ? grid_.cellPitch(style.sizePt) : 0;
  ps.firstIndent = style.firstLineIndentEm * (ps.gridPitch > 0 ? ps.gridPitch : style.sizePt);
  size_t start = 0, index = 0;
  while (start <= all.size()) {
    size_t end = all.find(U'\n', start);
    if (end == std::u32string::npos) end = all.size();
    std::u32string para = trimmed(std::u32string_view(all).substr(start, end - start));
    start = end + 1;
    ++index;
    if (para.empty()) continue;
    std::string where = "$." + el.field + " (paragraph " + std::to_string(index) + ")";
    ShapedText shaped = shaper_.shape(para, styleRef(style), where, options_.missing);
    for (const LineBox& line : composeParagraph(shaped, ps)) {
      Page& p = page();
      placeLine(p, shaped, line, grid_.left, grid_.baseline(slot_, style.sizePt));
      ++slot_;
    }
  }
  advanceLines(el.blankLinesAfter);
}

void GridFlowComposer::addPageNumbers() {
  const PageNumberSpec& spec = layout_.pageNumbers;
  const TextStyle& style = layout_.style(spec.style);
  const double em = style.sizePt;
  const double baseline = grid_.bottom() + mmToPt(spec.topBelowBlockMm) + kEmAscent * em;
  for (size_t i = 0; i < list_.pages.size(); ++i) {
    std::string label = spec.format;
    label.replace(label.find("{n}"), 3, std::to_string(i + 1));
    ShapedText shaped =
        shaper_.shape(decodeUtf8(label), styleRef(style), "page number", options_.missing);
    ParagraphStyle ps;
    ps.width = grid_.width;
    ps.align = Alignment::Left;
    auto lines = composeParagraph(shaped, ps);
    if (lines.empty()) continue;
    const bool odd = (i + 1) % 2 == 1;
    // 7.5: odd pages right with one em right indent, even pages left with one em indent.
    double originX = odd ? grid_.right() - em - lines[0].extent : grid_.left + em;
    placeLine(list_.pages[i], shaped, lines[0], originX, baseline);
  }
}

}  // namespace gongwen
