// File names for one PDF per record (`gongwen batch --split DIR --name-by FIELD`): the
// field's text made safe — no path separators, no control or reserved characters, no
// leading dot, at most 120 bytes of UTF-8 cut at a character boundary — and unique:
// the second 张三 becomes 张三-2.pdf, the third 张三-3.pdf. A record whose field is empty
// is named by its label ("row-12").
#pragma once

#include <string>
#include <vector>

namespace gongwen {

// The safe stem of `text` ("" when nothing printable is left).
std::string safeFileStem(const std::string& text);

// One name per record ending in `extension`, in order: stems[i] (or fallbacks[i] when it
// is empty), made safe and unique (case-insensitively, for file systems that fold case).
std::vector<std::string> uniqueFileNames(const std::vector<std::string>& stems,
                                         const std::vector<std::string>& fallbacks,
                                         const std::string& extension = ".pdf");

}  // namespace gongwen
