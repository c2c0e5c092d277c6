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

 private:
  CHandle<UBreakIterator, ubrk_close> iterator_;
  std::u16string utf16_;
};

}  // namespace gongwen
