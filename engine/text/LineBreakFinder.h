// Where a line may break: ICU's line break iterator (UAX #14, strict) filtered by the
// kinsoku rules of GB/T 15834 as the spec states them, so the rules hold whatever the
// ICU version. One per thread/document; reused across paragraphs.
#pragma once

#include <unicode/ubrk.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/CHandle.h"

namespace gongwen {

class LineBreakFinder {
 public:
  LineBreakFinder();
  // allowed[i] for i in 0..text.size(): a line may start at character i. [0] and
  // [size] are true.
  std::vector<bool> opportunities(std::u32string_view text);

  // The kinsoku rule alone: may a line end between text[i-1] and text[i]?
  static bool kinsokuAllows(std::u32string_view text, size_t i);

  // boundary[i] for i in 0..text.size(): a word starts at character i, by ICU's word
  // segmentation (UBRK_WORD, locale zh: dictionary-based for Chinese), except between a
  // number and the Han character after it (2011年度 stays whole). [0] and [size] are true.
  // Titles break only where a line break and a word boundary agree.
  std::vector<bool> wordBoundaries(std::u32string_view text);

 private:
  // Fills utf16_ with `text` and returns, per UTF-16 unit (and one past the end), the
  // index of its character.
  std::vector<uint32_t> toUtf16(std::u32string_view text);
  std::vector<bool> boundaries(UBreakIterator* it, std::u32string_view text, bool kinsoku);

  CHandle<UBreakIterator, ubrk_close> iterator_;
  CHandle<UBreakIterator, ubrk_close> words_;  // opened on first use
  std::u16string utf16_;
};

}  // namespace gongwen
