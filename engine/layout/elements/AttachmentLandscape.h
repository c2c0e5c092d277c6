// 横排表格 in an attachment (GB/T 9704-2012 8): an attachment whose body goes on, after a
// few lines of text, with a table too wide for the portrait block. Its label (附件N), its
// title and that text go on the table's first landscape page, turned with the table and set
// as on a portrait attachment page (the label flush left, the title centred, the blank line
// after it), so that no short portrait page holding only the label and the title is left
// before the table. What follows the table goes on upright on the next portrait page.
#pragma once

#include <functional>

#include "layout/FlowContext.h"

namespace gongwen {

// Places the attachment (`layout`'s flow on `record`, `label` placing 附件N on the given
// flow's next line) so and returns true. Returns false, having placed nothing, when the attachment
// does not open so: its body's first table or figure is not a landscape table, an element before
// the body is neither a title nor paragraphs, or the text before the table leaves the table no room
// on the first landscape page (then the table starts a page of its own, as in a document's body).
bool placeAttachmentOpeningLandscape(FlowContext& ctx, const Layout& layout, const Record& record,
                                     const std::function<void(FlowContext&)>& label);

}  // namespace gongwen
