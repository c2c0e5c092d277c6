// 发文机关署名, 成文日期, 印章 (7.3.5).
// With a seal (7.3.5.1): the date right-aligned with a four-em right indent, the issuer
// centred on the date above it, the seal upright and centred on them, its centre a little
// above the middle of the two lines, its top within one line below the text above.
// Without (7.3.5.2): one blank line, the issuer right-aligned with a two-em right indent,
// the date on the next line starting two em right of the issuer's start; a date longer
// than that keeps the two-em indent and pushes the issuer left to match.
// 7.3.5.5: the block never opens a page by itself, and the page it is on carries at least
// two lines of 正文: the page before is tightened (PageAdjust), or its last body lines
// (with the 附件说明 after them) come over with the block; when the block fits below too
// little 正文, the last body lines of the page before are pulled over to it.
#include <algorithm>
#include <cmath>

#include "common/Errors.h"
#include "layout/FlowElements.h"
#include "layout/PageAdjust.h"
#include "layout/elements/FieldText.h"
#include "layout/elements/JointSignature.h"
#include "layout/elements/Text.h"

namespace gongwen {
namespace {

struct SignatureGeometry {
  int issuerRow = 1;         // grid lines below the last line above
  double sealTopOffset = 0;  // seal top below the top of the issuer's grid line, pt
  double sealHeight = 0;
};

// 7.3.5.5, first choice when the body ran over onto the block's page by fewer lines than
// it must carry: the page before is tightened so that those lines (and what follows them)
// go back to it with the block. `deficit(extra)` tells the grid lines the block lacks on
// the current page were `extra` more lines above it. Changes nothing and returns false
// when the page before cannot give that much.
template <typename Deficit>
bool tightenBack(FlowContext& ctx, const Deficit& deficit, int maxExtra) {
  const auto& flow = ctx.flowLines();
  // Only when this page opens with the body's continuation (no blank line was lost at the
  // page break).
  if (flow.empty() || !isBodyLine(flow.front()) || flow.front().slot != 0) return false;
  std::vector<FlowLine> taken = ctx.reopenPreviousPage();
  if (taken.empty()) return false;
  const int span = taken.back().slot - taken.front().slot + 1;
  const int lack = deficit(span);
  if (lack <= 0 || tightenPage(ctx, lack, maxExtra)) {
    ctx.replaceFlowLinesKeepingGaps(taken);
    return true;
  }
  ctx.newPage();  // as it was
  ctx.replaceFlowLinesKeepingGaps(taken);
  return false;
}

}  // namespace

void placeSignature(FlowContext& ctx, const FlowElement& el, const SignatureSpec& spec,
                    const Record& record) {
  // Joint issuers, a signer with a 签名章 (7.3.5.1-7.3.5.3): elements/JointSignature.cpp.
  if (needsSignatureVariant(el, spec, record)) return placeSignatureVariant(ctx, el, spec, record);
  const Layout& layout = ctx.layout();
  const auto issuers = record.list(el.field);  // one issuer, maybe as a list of one
  const std::string issuer = issuers.empty() ? "" : issuers.front();
  const std::string& dateField = spec.dateField;
  const std::string date = fieldText(record, layout, dateField);
  const std::string& sealField = spec.sealField;
  const bool hasSeal = !sealField.empty() && record.has(sealField);
  if (issuer.empty() && date.empty() && !hasSeal) return;
  if (hasSeal && (issuer.empty() || date.empty())) {
    throw InputError(record.path(sealField),
                     Message("a seal needs the issuer (\"{0}\") and the date (\"{1}\") it presses "
                             "on (7.3.5.1)",
                             el.field, dateField));
  }
  auto seal = hasSeal ? record.image(sealField) : nullptr;
  const Grid& grid = ctx.grid();
  const TextStyle& style = layout.style(el.style);
  const double em = emOf(ctx, style);
  SingleLine issuerLine, dateLine;
  if (!issuer.empty()) {
    issuerLine = composeSingleLine(ctx, trimmedText(ctx.prepare(issuer)), style,
                                   record.path(el.field), grid.width);
  }
  if (!date.empty()) {
    dateLine = composeSingleLine(ctx, ctx.prepare(date), style, record.path(dateField), grid.width);
  }

  // Where things go across, and the seal's size.
  double issuerX = 0, dateX = 0;
  SignatureGeometry geo;
  double sealWidth = 0, sealX = 0;
  if (seal) {
    const double dateRight = grid.right() - spec.sealDateRightIndentEm * em;
    dateX = dateRight - dateLine.width();
    const double centre = dateX + dateLine.width() / 2;
    issuerX =
        std::clamp(centre - issuerLine.width() / 2, grid.left, grid.right() - issuerLine.width());
    sealWidth = mmToPt(spec.sealDiameterMm);
    geo.sealHeight = sealWidth * seal->pixelHeight / seal->pixelWidth;
    sealX = centre - sealWidth / 2;
    // The seal's centre sits this far above the boundary between the issuer's and the
    // date's grid lines (so both read a little below the centre).
    geo.sealTopOffset = grid.linePitch - mmToPt(spec.sealCentreAboveMm) - geo.sealHeight / 2;
  } else {
    const double right = grid.right() - spec.issuerRightIndentEm * em;
    const double shift = spec.dateShiftEm * em;
    issuerX = right - issuerLine.width();
    dateX = issuerX + shift;
    if (dateX + dateLine.width() > right) {
      dateX = right - dateLine.width();
      issuerX = dateX - shift;
    }
    if (issuer.empty()) dateX = right - dateLine.width();
  }

  // Rows below the last line above (k): the issuer on k + issuerRow, the date after it.
  auto rowsFor = [&](double bottomAbove, int k) {
    if (!seal) return 1 + spec.blankLinesBefore;
    int r = 1;
    while (grid.top + (k + r) * grid.linePitch + geo.sealTopOffset < bottomAbove - 0.01) ++r;
    return r;
  };
  // Grid lines the block lacks on the current page (0: it fits), were `extra` more lines
  // of text above it.
  auto deficit = [&](int extra = 0) {
    const int k = std::min(ctx.slot(), grid.lines) - 1 + extra;
    const int rows = rowsFor(ctx.anchor() + extra * grid.linePitch, k);
    const int issuerSlot = k + rows - (issuer.empty() ? 1 : 0);
    const int lastSlot = issuerSlot + (date.empty() ? 0 : 1);
    int lack = lastSlot - (grid.lines - 1);
    if (seal) {
      double sealBottom =
          grid.top + issuerSlot * grid.linePitch + geo.sealTopOffset + geo.sealHeight;
      lack = std::max(
          lack, static_cast<int>(std::ceil((sealBottom - grid.bottom() - 0.01) / grid.linePitch)));
    }
    return std::max(0, lack);
  };

  // 7.3.5.5: the page of the date carries at least this many lines of 正文 (the 附件说明
  // does not count) whenever the body has that many.
  const int minBody = spec.minLinesWithSignature;
  const int maxExtra = spec.maxExtraCharsPerLine;
  ctx.currentPage();
  if (int lack = deficit(); lack > 0) {
    if (!tightenPage(ctx, lack, maxExtra)) {
      carryWithBody(ctx, minBody);
    }
    if (deficit() > 0) {  // a page too short for the block at all
      ctx.newPage();
      ctx.page();
    }
  } else if (const int have = bodyLinesOnPage(ctx);
             have < minBody && !ctx.onFreshPage() && !tightenBack(ctx, deficit, maxExtra)) {
    // The block fits, but below too little 正文 (the body ran over by a line, or only the
    // 附件说明 did), and the page before cannot take it all back: its last
    // `minBody - have` lines of 正文 come over to this page, with whatever follows them
    // there (the first lines of the 附件说明).
    const auto& before = ctx.previousFlowLines();
    size_t from = before.size();
    for (int body = 0; from > 0 && body < minBody - have;) body += isBodyLine(before[--from]);
    if (from < before.size() && isBodyLine(before[from])) {
      const int span = before.back().slot - before[from].slot + 1;
      if (deficit(span) == 0) ctx.pullFromPreviousPage(before.size() - from);
    }
  }
  const int k = std::min(ctx.slot(), grid.lines) - 1;
  const int issuerSlot = k + rowsFor(ctx.anchor(), k) - (issuer.empty() ? 1 : 0);
  const int dateSlot = issuerSlot + (issuer.empty() ? 0 : 1);
  if (seal) {
    PlacedImage img;
    img.image = seal;
    img.x = sealX;
    img.y = grid.top + issuerSlot * grid.linePitch + geo.sealTopOffset;
    img.width = sealWidth;
    img.height = geo.sealHeight;
    ctx.addItem(img);
  }
  if (!issuer.empty()) ctx.placeLineAt(*issuerLine.text, issuerLine.line, issuerSlot, issuerX);
  if (!date.empty()) ctx.placeLineAt(*dateLine.text, dateLine.line, dateSlot, dateX);
  ctx.setSlot(dateSlot + 1);
}

}  // namespace gongwen
