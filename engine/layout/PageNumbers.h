// 页码 (7.5): "— N —" in 14pt, its top 7 mm below the text block; odd pages right with a
// one-em right indent, even pages left with a one-em left indent.
#pragma once

#include "layout/FlowContext.h"

namespace gongwen {

// Numbers every page of the context's list 1, 2, 3 …, except the pages the flow marked
// (FlowContext::omitPageNumber), which are still counted.
void addPageNumbers(FlowContext& ctx, const PageNumberSpec& spec);

}  // namespace gongwen
