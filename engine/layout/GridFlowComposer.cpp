#include "layout/GridFlowComposer.h"

#include "layout/DocumentMetadata.h"
#include "layout/FlowElements.h"
#include "layout/Outline.h"
#include "layout/PageNumbers.h"

namespace gongwen {

DisplayList composeFlow(const Layout& layout, const Record& record, const FontRegistry& fonts,
                        const ComposeOptions& options) {
  FlowContext ctx(layout, fonts, options);
  for (const auto& el : layout.flow) placeFlowElement(ctx, el, record);
  if (ctx.list().pages.empty()) ctx.page();
  if (layout.pageNumbers.enabled) addPageNumbers(ctx, layout.pageNumbers);
  setDocumentInfo(ctx.list().info, layout, record);
  collectOutline(ctx.list());
  return std::move(ctx.list());
}

}  // namespace gongwen
