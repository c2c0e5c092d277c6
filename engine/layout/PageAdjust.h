// Adjusting the current page after the fact. 7.3.5.5: when the signature block (seal,
// issuer, date) would open a page by itself, the page before it is tightened so that it
// does not; when a heading goes over to the next page, the page it leaves is filled.
#pragma once

#include "layout/FlowContext.h"

namespace gongwen {

// Frees `lines` grid lines at the bottom of the current page by tightening the character
// spacing of the body paragraphs on it, last paragraph first: the tail of a paragraph is
// re-set with a cell pitch that fits `extraChars` more characters on a line, just enough
// of its lines to save one line. Each paragraph saves at most one line. Changes nothing
// and returns false when the page cannot give that many lines.
bool tightenPage(FlowContext& ctx, int lines, int extraChars);

// The reverse, for a heading that goes over to the next page with its paragraph: fills
// `lines` free grid lines at the bottom of the current page by re-setting paragraph tails
// with `fewerChars` fewer characters a line (never leaving one character alone on a
// paragraph's last line). Changes nothing and returns false when it cannot.
bool loosenPage(FlowContext& ctx, int lines, int fewerChars);

// Moves the last `count` flow lines of the current page (and a heading right before them)
// to the top of a new page, blank lines between them kept. Returns how many lines moved.
int carryToNextPage(FlowContext& ctx, int count);

// 正文: a line of the body's paragraphs or headings (those 7.3.5.5 may re-space), not the
// 附件说明, the recipients or the title.
inline bool isBodyLine(const FlowLine& l) { return l.respace.has_value(); }

// How many lines of 正文 the current page holds.
int bodyLinesOnPage(const FlowContext& ctx);

// 7.3.5.5: carries the current page's last `bodyLines` lines of 正文 to a new page, with
// everything after them (the 附件说明). Returns how many lines moved.
int carryWithBody(FlowContext& ctx, int bodyLines);

}  // namespace gongwen
