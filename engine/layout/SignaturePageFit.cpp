#include "layout/SignaturePageFit.h"

#include <algorithm>
#include <cmath>

#include "layout/PageAdjust.h"

namespace gongwen {
namespace {

constexpr double kEps = 0.01;  // pt

// The block's first grid line were `extra` more lines of text placed above it.
int firstSlot(const FlowContext& ctx, const SignatureBlock& block, int extra) {
  const Grid& grid = ctx.grid();
  const int k = std::min(ctx.slot(), grid.lines) - 1 + extra;  // the last line above
  int rows = block.minRowsBelow;
  if (block.sealTopPt) {
    const double above = ctx.anchor() + extra * grid.linePitch;
    while (grid.top + (k + rows) * grid.linePitch + *block.sealTopPt < above - kEps) ++rows;
  }
  return k + rows;
}

// Carries the current page's last `bodyLines` lines of 正文 to a new page, with everything
// after them (the 附件说明). Never the whole page. Returns how many lines moved.
int carryWithBody(FlowContext& ctx, int bodyLines) {
  const std::vector<FlowLine>& flow = ctx.flowLines();
  size_t from = flow.size();
  int body = 0;
  while (from > 0 && body < bodyLines) body += countsAsBodyLine(flow[--from]);
  if (from == 0) return 0;  // it would leave the page blank
  return carryToNextPage(ctx, static_cast<int>(flow.size() - from));
}

// When the body ran over onto the block's page by fewer lines than it must carry: the page
// before is tightened so that those lines (and what follows them) go back to it with the
// block. Changes nothing and returns 0 when the page before cannot give that much; else
// the lines that went back.
int tightenBack(FlowContext& ctx, const SignatureBlock& block, int maxExtra) {
  const auto& flow = ctx.flowLines();
  // Only when this page opens with the body's continuation (no blank line was lost at the
  // page break).
  if (flow.empty() || !isBodyLine(flow.front()) || flow.front().slot != 0) return 0;
  std::vector<FlowLine> taken = ctx.reopenPreviousPage();
  if (taken.empty()) return 0;
  const int span = taken.back().slot - taken.front().slot + 1;
  const int lack = signatureDeficit(ctx, block, span);
  if (lack <= 0 || tightenPage(ctx, lack, maxExtra)) {
    ctx.replaceFlowLinesKeepingGaps(taken);
    return static_cast<int>(taken.size());
  }
  ctx.newPage();  // as it was
  ctx.replaceFlowLinesKeepingGaps(taken);
  return 0;
}

// Else: the last lines of 正文 of the page before, `lack` of them, come over to this page
// with whatever follows them there (the first lines of the 附件说明), when the block still
// fits below them. Returns how many lines moved.
int pullBodyLines(FlowContext& ctx, const SignatureBlock& block, int lack) {
  const auto& before = ctx.previousFlowLines();
  size_t from = before.size();
  for (int body = 0; from > 0 && body < lack;) body += countsAsBodyLine(before[--from]);
  if (from == before.size() || !isBodyLine(before[from])) return 0;
  const int span = before.back().slot - before[from].slot + 1 + ctx.blankLinesLostAtPageTop();
  if (signatureDeficit(ctx, block, span) > 0) return 0;
  return static_cast<int>(ctx.pullFromPreviousPage(before.size() - from));
}

}  // namespace

bool countsAsBodyLine(const FlowLine& l) {
  return isBodyLine(l) && (!l.lastOfBlock || visibleClusters(*l.text, l.box) >= 2);
}

int bodyLinesOnPage(const FlowContext& ctx) {
  const auto& flow = ctx.flowLines();
  return static_cast<int>(std::count_if(flow.begin(), flow.end(), countsAsBodyLine));
}

int signatureDeficit(const FlowContext& ctx, const SignatureBlock& block, int extra) {
  const Grid& grid = ctx.grid();
  const int first = firstSlot(ctx, block, extra);
  int lack = first + block.lines - 1 - (grid.lines - 1);
  if (block.inkBottomPt > 0) {
    const double bottom = grid.top + first * grid.linePitch + block.inkBottomPt;
    lack = std::max(lack,
                    static_cast<int>(std::ceil((bottom - grid.bottom() - kEps) / grid.linePitch)));
  }
  return std::max(0, lack);
}

int signatureFirstSlot(const FlowContext& ctx, const SignatureBlock& block) {
  return firstSlot(ctx, block, 0);
}

SignaturePlacement fitSignaturePage(FlowContext& ctx, const SignatureBlock& block,
                                    const SignaturePageRule& rule) {
  SignaturePlacement out;
  ctx.currentPage();
  if (const int lack = signatureDeficit(ctx, block); lack > 0) {
    if (tightenPage(ctx, lack, rule.maxExtraCharsPerLine)) {
      out = {SignatureFit::Tightened, lack};
    } else if (const int moved = carryWithBody(ctx, rule.minBodyLines); moved > 0) {
      out = {SignatureFit::Carried, moved};
    }
    if (signatureDeficit(ctx, block) > 0) {  // a page too short for the block at all
      ctx.newPage();
      ctx.page();
      out = {SignatureFit::NewPage, 0};
    }
  } else if (const int have = bodyLinesOnPage(ctx);
             have < rule.minBodyLines && !ctx.onFreshPage()) {
    // The block fits, but below too little 正文 (the body ran over by a line, or only the
    // 附件说明 did).
    if (const int back = tightenBack(ctx, block, rule.maxExtraCharsPerLine); back > 0) {
      out = {SignatureFit::TightenedBack, back};
    } else if (const int pulled = pullBodyLines(ctx, block, rule.minBodyLines - have); pulled > 0) {
      out = {SignatureFit::Pulled, pulled};
    }
  }
  out.firstSlot = firstSlot(ctx, block, 0);
  return out;
}

}  // namespace gongwen
