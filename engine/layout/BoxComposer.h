// Composes a "boxes" layout (certificates): one page per record, the layout's fixed art
// placed as a whole (written once per PDF), then each box's text fitted into it and each
// image box's picture (a seal) drawn centred in its box.
#pragma once

#include "layout/BoxTemplate.h"
#include "layout/FlowContext.h"

namespace gongwen {

DisplayList composeBoxes(const Layout& layout, const BoxTemplate& tpl, const Record& record,
                         const FontRegistry& fonts, const ComposeOptions& options);

}  // namespace gongwen
