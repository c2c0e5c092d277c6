// File names for one PDF per record (`gongwen batch --split DIR --name-by FIELD`): the
// field's text made safe — no path separators, no control or reserved characters, no
// leading dot, at most 120 bytes of UTF-8 cut at a character boundary — and unique:
// the second 张三 becomes 张三-2.pdf, the third 张三-3.pdf. Bidi controls and zero-width
// characters are dropped; Windows device names (CON, NUL, COM1 …) get a "_" (CON_.pdf).
// A record whose field is empty (or only dots) is named by its row: "row-12" for CSV line
// 12, "row-6" for the sixth record of a JSON array.
#pragma once

#include <string>
#include <vector>

namespace gongwen {

// The safe stem of `text` ("" when nothing printable is left).
std::string safeFileStem(const std::string& text);

// The stem of a record's fallback name from its label: "row 12" → "row-12", "$[5]" → "row-6".
std::string recordFileStem(const std::string& label);

// One name per record, in order: stems[i] (or fallbacks[i], a record's label, when it is
// empty), made safe and unique (case-insensitively, for file systems that fold case), then
// `extension` (".pdf").
std::vector<std::string> uniqueFileNames(const std::vector<std::string>& stems,
                                         const std::vector<std::string>& fallbacks,
                                         const std::string& extension = ".pdf");

}  // namespace gongwen
