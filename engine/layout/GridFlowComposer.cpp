#include "layout/GridFlowComposer.h"

#include "layout/FlowElements.h"
#include "layout/PageNumbers.h"

namespace gongwen {

DisplayList composeFlow(const Layout& layout, const Record& record, const FontRegistry& fonts,
                        const ComposeOptions& options) {
  FlowContext ctx(layout, fonts, options);
  for (const auto& el : layout.flow) flowElement(el.element)(ctx, el, record);
  if (ctx.list().pages.empty()) ctx.page();
  if (layout.pageNumbers.enabled) addPageNumbers(ctx, layout.pageNumbers);
  DocumentInfo& info = ctx.list().info;
  for (const auto& [key, field] : layout.metadata) {
    std::string v = record.text(field);
    if (key == "title") info.title = v;
    if (key == "author") info.author = v;
    if (key == "subject") info.subject = v;
    if (key == "keywords") info.keywords = v;
  }
  return std::move(ctx.list());
}

}  // namespace gongwen
