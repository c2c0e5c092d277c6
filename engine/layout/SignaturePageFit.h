// 7.3.5.5: the page that carries the 成文日期 (and the seal) carries at least two lines of
// 正文 — the 附件说明 does not count. One page fitter for every kind of signature block (one
// issuer with or without a seal, joint issuers with seals in rows or stacked, the 签名章):
// the element says how its block stands below the text (SignatureBlock), the fitter decides
// whether it fits, the page is tightened, or lines of 正文 go over with it, and does it.
#pragma once

#include <optional>

#include "layout/FlowContext.h"

namespace gongwen {

// How a signature block stands below the text above it, in the body's grid lines.
struct SignatureBlock {
  // Its first grid line (the issuer's, the first row of names under seals, the first
  // line of a stack) at least this many grid lines below the last line above.
  int minRowsBelow = 1;
  // With a seal: the seal's top, pt below the first line's grid top. The first line goes
  // down until that top is not above anything already on the page (within one line of
  // the body, 7.3.5.1).
  std::optional<double> sealTopPt;
  // Grid lines from its first line to its last (the date), both counted.
  int lines = 1;
  // Its lowest ink (the bottom of the lowest seal), pt below the first line's grid top;
  // 0: nothing below its lines.
  double inkBottomPt = 0;
};

// The bounds of 7.3.5.5 (the signature element's "min_lines_with_signature" and
// "max_extra_chars_per_line").
struct SignaturePageRule {
  int minBodyLines = 2;          // lines of 正文 on the block's page
  int maxExtraCharsPerLine = 1;  // tightening: at most this many more characters a line
};

// What the fitter did to make the block's page.
enum class SignatureFit {
  Fits,           // the block fits below enough 正文: nothing moved
  Tightened,      // the current page tightened so that the block fits on it
  Carried,        // the page's last lines of 正文, and what follows them, carried to a new
                  // page with the block
  TightenedBack,  // the page before tightened so that the lines that ran over come back to
                  // it, with the block
  Pulled,         // the last lines of 正文 of the page before pulled over to the block's page
  NewPage,        // the block on a new page: the page is too short for it (nothing to carry)
};

struct SignaturePlacement {
  SignatureFit fit = SignatureFit::Fits;
  // Tightened: grid lines saved; Carried, TightenedBack, Pulled: flow lines moved.
  int lines = 0;
  int firstSlot = 0;  // the block's first grid line on the (now) current page
};

// 正文: a line of the body's paragraphs or headings (those 7.3.5.5 may re-space), not the
// 附件说明, the recipients or the title.
inline bool isBodyLine(const FlowLine& l) { return l.respace.has_value(); }

// Whether a line counts toward the block page's lines of 正文: a body line, but not one
// character alone on its paragraph's last line.
bool countsAsBodyLine(const FlowLine& l);

// How many lines of 正文 (countsAsBodyLine) the current page holds.
int bodyLinesOnPage(const FlowContext& ctx);

// The grid lines `block` lacks on the current page (0: it fits), were `extra` more lines of
// text placed above it.
int signatureDeficit(const FlowContext& ctx, const SignatureBlock& block, int extra = 0);

// The block's first grid line on the current page, below what is placed there.
int signatureFirstSlot(const FlowContext& ctx, const SignatureBlock& block);

// Makes the page that will carry `block` as 7.3.5.5 says and tells what it did and where the
// block's first line goes:
// - the block does not fit below the text: the page is tightened (at most
//   `maxExtraCharsPerLine` more characters a line on its last paragraphs, never one
//   character alone on a last line); else its last `minBodyLines` lines of 正文 go to a new
//   page with whatever follows them (a lone last character not counted); else (a page too
//   short for the block) the block goes to a new page;
// - it fits but below fewer than `minBodyLines` lines of 正文, on a page after the first:
//   the page before is tightened to take back the lines that ran over with the block, else
//   its last lines of 正文 (with what follows them) come over to this page.
SignaturePlacement fitSignaturePage(FlowContext& ctx, const SignatureBlock& block,
                                    const SignaturePageRule& rule);

}  // namespace gongwen
