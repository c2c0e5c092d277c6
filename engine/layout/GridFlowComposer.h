// Composes a "flow" layout: its elements in order on the body grid of GB/T 9704 pages,
// flowing to new pages, then the page numbers and the document info.
#pragma once

#include "layout/FlowContext.h"

namespace gongwen {

DisplayList composeFlow(const Layout& layout, const Record& record, const FontRegistry& fonts,
                        const ComposeOptions& options);

}  // namespace gongwen
