#include "layout/elements/Text.h"

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

}  // namespace gongwen
