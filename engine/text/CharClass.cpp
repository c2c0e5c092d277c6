#include "text/CharClass.h"

#include <string_view>

namespace gongwen {
namespace {

bool in(std::u32string_view set, char32_t c) { return set.find(c) != std::u32string_view::npos; }

constexpr std::u32string_view kNoLineStart = U"，。、；：？！）》」』】〕〗〉］｝”’%‰℃·.,;:?!)]}";
constexpr std::u32string_view kNoLineEnd = U"（《「『【〔〖〈［｛“‘([{";
constexpr std::u32string_view kHalfInk = U"，。、；：？！";
constexpr std::u32string_view kOpening = U"（《「『【〔〖〈［｛“‘";
constexpr std::u32string_view kClosing = U"，。、；：？！）》」』】〕〗〉］｝”’";

}  // namespace

bool isHan(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x323AF) || c == 0x3007;
}

bool isFullWidth(char32_t c) {
  return isHan(c) || (c >= 0x2E80 && c <= 0x2FDF) ||  // radicals
         (c >= 0x3000 && c <= 0x30FF) ||              // CJK punctuation, kana
         (c >= 0x3100 && c <= 0x31FF) ||              // bopomofo, strokes
         (c >= 0xFF01 && c <= 0xFF60) ||              // full-width forms
         (c >= 0xFFE0 && c <= 0xFFE6) || c == U'“' || c == U'”' || c == U'‘' || c == U'’' ||
         c == U'—' || c == U'…' || c == U'·' || c == U'★' || c == U'☆' || c == U'○' || c == U'●' ||
         c == U'※' || c == U'№' || c == U'℃';
}

bool isNoLineStart(char32_t c) { return in(kNoLineStart, c); }
bool isNoLineEnd(char32_t c) { return in(kNoLineEnd, c); }
bool isHalfInkMark(char32_t c) { return in(kHalfInk, c); }

int compressibleSide(char32_t c) {
  if (in(kClosing, c)) return 1;
  if (in(kOpening, c)) return -1;
  return 0;
}

bool isWordChar(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= 0xC0 && c <= 0x24F);
}

bool isVariationSelector(char32_t c) {
  return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

}  // namespace gongwen
