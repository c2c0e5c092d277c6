#include "layout/elements/AttachmentLandscape.h"

#include <limits>
#include <variant>

#include "layout/FlowElements.h"
#include "layout/LandscapePages.h"
#include "layout/elements/BodyBlocks.h"
#include "layout/elements/DocumentBody.h"

namespace gongwen {

bool placeAttachmentOpeningLandscape(FlowContext& ctx, const Layout& layout, const Record& record,
                                     const std::function<void(FlowContext&)>& label) {
  if (isLandscape(layout.page)) return false;
  // The body, after nothing but text elements.
  size_t b = 0;
  while (b < layout.flow.size() && layout.flow[b].element != "body") {
    if (layout.flow[b].element != "title" && layout.flow[b].element != "paragraphs") return false;
    ++b;
  }
  if (b == layout.flow.size()) return false;
  const FlowElement& bodyElement = layout.flow[b];
  const auto* spec = dynamic_cast<const BodySpec*>(bodyElement.spec.get());
  if (spec == nullptr) return false;
  // Its first table or figure: a table that goes landscape.
  const auto* content = record.content<BodyContent>(bodyElement.field);
  if (content == nullptr) return false;
  const std::vector<BodyItem>& items = content->items;
  size_t table = 0;
  while (table < items.size() && !items[table].table && !items[table].figure) ++table;
  if (table == items.size() || !items[table].table) return false;
  {
    FlowContext::LayoutScope scope(ctx, layout);
    if (!bodyTableGoesLandscape(ctx, *spec, *items[table].table)) return false;
  }

  // The label, the elements before the body and the body up to the table, then the table,
  // on landscape pages; kept when the table starts on the first one (its title, header and
  // first row there: the only rules of that page are the table's).
  std::vector<Message> warnings;
  ComposeOptions options = ctx.options();
  if (options.missing.warnings) options.missing.warnings = &warnings;
  const Layout turnedLayout = landscapeLayout(layout);
  FlowElement lead = bodyElement;
  lead.blankLinesAfter = 0;
  std::vector<Page> pages = composeLandscape(ctx, options, [&](FlowContext& turned) {
    label(turned);
    FlowContext::LayoutScope scope(turned, turnedLayout);
    for (size_t i = 0; i < b; ++i) placeFlowElement(turned, layout.flow[i], record);
    placeDocumentBodyItems(turned, lead, *spec, record, 0, table + 1);
  });
  bool tableStarts = false;
  if (!pages.empty()) {
    for (const auto& item : pages.front().items) {
      tableStarts = tableStarts || std::holds_alternative<FilledRect>(item);
    }
  }
  if (!tableStarts) return false;
  if (ctx.options().missing.warnings) {
    for (auto& w : warnings) ctx.options().missing.warnings->push_back(std::move(w));
  }
  appendLandscape(ctx, std::move(pages));

  // The rest upright, from the next portrait page.
  FlowContext::LayoutScope scope(ctx, layout);
  if (table + 1 < items.size()) {
    FlowElement rest = bodyElement;
    rest.blankLinesBefore = 0;
    placeDocumentBodyItems(ctx, rest, *spec, record, table + 1, std::numeric_limits<size_t>::max());
  }
  for (size_t i = b + 1; i < layout.flow.size(); ++i) placeFlowElement(ctx, layout.flow[i], record);
  return true;
}

}  // namespace gongwen
