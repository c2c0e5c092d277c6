// Composes a "boxes" layout (certificates): one page per record, the layout's fixed art
// placed as a whole (written once per PDF), then each box's text fitted into it and each
// image box's picture (a seal) drawn centred in its box.
#pragma once

#include "layout/BoxTemplate.h"
#include "layout/FlowContext.h"
#include "layout/PrintAdjust.h"

namespace gongwen {

struct FittedText;

// Places a text fitted into a box (TextFitter.h) on `page`, its lines from `originX`.
void placeFitted(Page& page, const FittedText& fitted, double originX);

// `print`: 套打 leaves out the art and the preprinted boxes; its offset and scale move
// everything printed (an error naming a box pushed off the page).
DisplayList composeBoxes(const Layout& layout, const BoxTemplate& tpl, const Record& record,
                         const FontRegistry& fonts, const ComposeOptions& options,
                         const PrintAdjust& print = {});

}  // namespace gongwen
