#include "layout/elements/Text.h"

#include "common/Errors.h"

namespace gongwen {
namespace {

bool isIndentSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\r'; }

}  // namespace

std::u32string trimmedText(std::u32string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && isIndentSpace(s[a])) ++a;
  while (b > a && isIndentSpace(s[b - 1])) --b;
  return std::u32string(s.substr(a, b - a));
}

double emOf(const FlowContext& ctx, const TextStyle& style) {
  return style.onGrid ? ctx.grid().cellPitch(style.sizePt) : style.sizePt;
}

SingleLine composeSingleLine(FlowContext& ctx, std::u32string_view text, const TextStyle& style,
                             const std::string& where, double widthPt) {
  SingleLine out;
  auto shaped = std::make_shared<ShapedText>(ctx.shape(text, style, where));
  ParagraphStyle ps = ctx.paragraphStyle(style);
  ps.align = Alignment::Left;
  ps.firstIndent = 0;
  ps.width = 1e6;  // measured unbroken, then checked against the real width
  auto lines = composeParagraph(*shaped, ps);
  if (lines.empty()) lines.emplace_back();
  out.line = lines.front();
  if (lines.size() > 1 || out.line.extent > widthPt + 0.01) {
    throw InputError(where, Message("is too long to stand on one line ({0} mm; at most {1} mm)",
                                    static_cast<int>(ptToMm(out.line.extent)),
                                    static_cast<int>(ptToMm(widthPt))));
  }
  out.text = std::move(shaped);
  return out;
}

}  // namespace gongwen
