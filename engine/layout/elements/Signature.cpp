// 发文机关署名, 成文日期, 印章 (7.3.5).
// With a seal (7.3.5.1): the date right-aligned with a four-em right indent, the issuer
// centred on the date above it, the seal upright and centred on them, its centre a little
// above the middle of the two lines, its top within one line below the text above.
// Without (7.3.5.2): one blank line, the issuer right-aligned with a two-em right indent,
// the date on the next line starting two em right of the issuer's start; a date longer
// than that keeps the two-em indent and pushes the issuer left to match.
// 7.3.5.5 (the page of the block carries two lines of 正文): layout/SignaturePageFit.
#include <algorithm>
#include <cmath>

#include "common/Errors.h"
#include "layout/FlowElements.h"
#include "layout/SignaturePageFit.h"
#include "layout/elements/FieldText.h"
#include "layout/elements/JointSignature.h"
#include "layout/elements/Text.h"

namespace gongwen {

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

  // Where things go across, and the block's height: the issuer and the date on consecutive
  // grid lines, after the blank lines (without a seal) or the seal's top below the text
  // above (with one).
  double issuerX = 0, dateX = 0;
  double sealWidth = 0, sealHeight = 0, sealX = 0, sealTop = 0;
  SignatureBlock block;
  block.lines = (issuer.empty() ? 0 : 1) + (date.empty() ? 0 : 1);
  if (seal) {
    const double dateRight = grid.right() - spec.sealDateRightIndentEm * em;
    dateX = dateRight - dateLine.width();
    const double centre = dateX + dateLine.width() / 2;
    issuerX =
        std::clamp(centre - issuerLine.width() / 2, grid.left, grid.right() - issuerLine.width());
    sealWidth = mmToPt(spec.sealDiameterMm);
    sealHeight = sealWidth * seal->pixelHeight / seal->pixelWidth;
    sealX = centre - sealWidth / 2;
    // The seal's centre sits this far above the boundary between the issuer's and the
    // date's grid lines (so both read a little below the centre).
    sealTop = grid.linePitch - mmToPt(spec.sealCentreAboveMm) - sealHeight / 2;
    block.sealTopPt = sealTop;
    block.inkBottomPt = sealTop + sealHeight;
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
    // A date without an issuer takes the line before the issuer's.
    block.minRowsBelow = std::max(1, 1 + spec.blankLinesBefore - (issuer.empty() ? 1 : 0));
  }

  const int issuerSlot = fitSignaturePage(ctx, block, pageRuleOf(spec)).firstSlot;
  const int dateSlot = issuerSlot + (issuer.empty() ? 0 : 1);
  if (seal) {
    PlacedImage img;
    img.image = seal;
    img.x = sealX;
    img.y = grid.top + issuerSlot * grid.linePitch + sealTop;
    img.width = sealWidth;
    img.height = sealHeight;
    ctx.addItem(img);
  }
  if (!issuer.empty()) ctx.placeLineAt(*issuerLine.text, issuerLine.line, issuerSlot, issuerX);
  if (!date.empty()) ctx.placeLineAt(*dateLine.text, dateLine.line, dateSlot, dateX);
  ctx.setSlot(dateSlot + 1);
}

}  // namespace gongwen
