#include "text/LineBreakFinder.h"

#include <stdexcept>

#include "text/CharClass.h"

namespace gongwen {

LineBreakFinder::LineBreakFinder() {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(ubrk_open(UBRK_LINE, "zh@lb=strict", nullptr, 0, &status));
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU line breaker unavailable: ") + u_errorName(status));
  }
}

bool LineBreakFinder::kinsokuAllows(std::u32string_view t, size_t i) {
  if (i == 0 || i >= t.size()) return true;
  char32_t before = t[i - 1], after = t[i];
  if (isNoLineStart(after) || isNoLineEnd(before)) return false;
  if ((before == U'…' && after == U'…') || (before == U'—' && after == U'—')) return false;
  if (isWordChar(before) && isWordChar(after)) return false;
  // Numbers keep their units and signs: 3.5%, 2012年 may break, but ¥100 / 100% not.
  if ((before == U'¥' || before == U'$' || before == U'￥') && isWordChar(after)) return false;
  if (isVariationSelector(after)) return false;
  return true;
}

std::vector<uint32_t> LineBreakFinder::toUtf16(std::u32string_view text) {
  utf16_.clear();
  std::vector<uint32_t> toChar;  // utf16 index → char index
  toChar.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c >= 0x10000) {
      utf16_.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      utf16_.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
      toChar.push_back(static_cast<uint32_t>(i));
      toChar.push_back(static_cast<uint32_t>(i));
    } else {
      utf16_.push_back(static_cast<char16_t>(c));
      toChar.push_back(static_cast<uint32_t>(i));
    }
  }
  toChar.push_back(static_cast<uint32_t>(text.size()));
  return toChar;
}

std::vector<bool> LineBreakFinder::boundaries(UBreakIterator* it, std::u32string_view text,
                                              bool kinsoku) {
  std::vector<bool> allowed(text.size() + 1, false);
  allowed[0] = true;
  allowed[text.size()] = true;
  if (text.empty()) return allowed;
  std::vector<uint32_t> toChar = toUtf16(text);
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(it, reinterpret_cast<const UChar*>(utf16_.data()),
               static_cast<int32_t>(utf16_.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU break iterator failed");
  for (int32_t pos = ubrk_first(it); pos != UBRK_DONE; pos = ubrk_next(it)) {
    size_t i = toChar[static_cast<size_t>(pos)];
    if (i > 0 && i < text.size() && (!kinsoku || kinsokuAllows(text, i))) allowed[i] = true;
  }
  return allowed;
}

std::vector<bool> LineBreakFinder::opportunities(std::u32string_view text) {
  return boundaries(iterator_.get(), text, true);
}

std::vector<bool> LineBreakFinder::wordBoundaries(std::u32string_view text) {
  if (!words_) {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(ubrk_open(UBRK_WORD, "zh", nullptr, 0, &status));
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU word breaker unavailable: ") + u_errorName(status));
    }
  }
  std::vector<bool> out = boundaries(words_.get(), text, false);
  // A number and the character after it read as one word: 2011年度, 19家, 5个.
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i - 1] >= U'0' && text[i - 1] <= U'9' && isHan(text[i])) out[i] = false;
  }
  return out;
}

}  // namespace gongwen
