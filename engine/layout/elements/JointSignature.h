// The signature variants beyond one issuer with one seal (7.3.5): joint issuers with their
// seals in rows (7.3.5.1), joint issuers without seals stacked (7.3.5.2), and the signer's
// title with a 签名章 or the signer's name (7.3.5.3, the 命令 format of 10.3).
#pragma once

#include "layout/FlowContext.h"
#include "layout/SignaturePageFit.h"
#include "layout/elements/Specs.h"

namespace gongwen {

// Whether the "signature" element's record needs one of these variants: more than one
// issuer, or a signer (the element's "signer_field") given.
bool needsSignatureVariant(const FlowElement& el, const SignatureSpec& spec, const Record& record);

// Places it; the element's settings as for the single signature, plus
//   "joint_seal_gap_mm"            the least room between two seals (default 4)
//   "signer_title_field", "signer_field", "signature_seal_field"   (7.3.5.3)
//   "signature_seal_height_mm"     a 签名章's height (default 10), its width by its aspect
//   "signer_gap_em"                between the title and the name or 签名章 (default 1)
void placeSignatureVariant(FlowContext& ctx, const FlowElement& el, const SignatureSpec& spec,
                           const Record& record);

// The element's bounds for 7.3.5.5 (the page of the block carries lines of 正文).
inline SignaturePageRule pageRuleOf(const SignatureSpec& spec) {
  return {spec.minLinesWithSignature, spec.maxExtraCharsPerLine};
}

}  // namespace gongwen
