// Character classes for Chinese composition (GB/T 15834 punctuation, kinsoku rules).
#pragma once

namespace gongwen {

// Han ideographs of every block (incl. Extensions A–H and compatibility ideographs).
bool isHan(char32_t c);
// Characters set in full-width cells: Han, kana, CJK symbols and punctuation, full-width
// forms, and the Chinese uses of “”‘’—…·.
bool isFullWidth(char32_t c);
// Never at the start of a line: ，。、；：？！ closing marks ）》」』】〕〗〉］｝”’ and %‰℃ ·
bool isNoLineStart(char32_t c);
// Never at the end of a line: opening marks （《「『【〔〖〈［｛“‘
bool isNoLineEnd(char32_t c);
// GB-style marks whose ink sits in the left half of the em: ，。、；：？！
bool isHalfInkMark(char32_t c);
// Full-width marks with a blank half that composition may squeeze (标点挤压):
// returns +1 when the blank is on the right (closing marks, ，。…), -1 on the left
// (opening marks), 0 when it has none.
int compressibleSide(char32_t c);
// Latin letters and digits that form words kept whole.
bool isWordChar(char32_t c);
bool isVariationSelector(char32_t c);

}  // namespace gongwen
