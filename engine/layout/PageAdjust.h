// Adjusting the current page after the fact: tightened or carried over for the signature
// block (7.3.5.5, SignaturePageFit), filled when a heading goes over to the next page.
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

// Before something that must start on the next page (a heading with its next line, a table
// with its header and first row): fills the `lines` grid lines left on this page by
// loosening the text above (loosenPage), else leaves them blank and starts a new page.
void fillPageOrBreak(FlowContext& ctx, int lines, int fewerChars);

// Moves the last `count` flow lines of the current page (and a heading right before them)
// to the top of a new page, blank lines between them kept. Returns how many lines moved.
int carryToNextPage(FlowContext& ctx, int count);

// The characters of a line that are not spaces (a lone last character: one).
size_t visibleClusters(const ShapedText& text, const LineBox& line);

}  // namespace gongwen
