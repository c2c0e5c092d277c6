// The "attachments" element: each attachment on a new page, "附件" and its number (when
// there are several) flush left on the first line in the label style, then the attachment
// composed with its layout's own flow (its title on the third line), on the document's
// pages, so page numbers run on. An attachment names its layout ("layout":
// "commendation-list"); without one it uses the element's "layout" (title + body).
#include "layout/elements/Attachments.h"

#include <Poco/JSON/Array.h>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Utf8.h"
#include "layout/FlowElements.h"
#include "layout/elements/AttachmentLandscape.h"
#include "layout/elements/Text.h"
#include "model/ElementParams.h"
#include "model/LayoutCatalog.h"

namespace gongwen {
namespace {

bool sameGeometry(const PageGeometry& a, const PageGeometry& b) {
  return a.widthMm == b.widthMm && a.heightMm == b.heightMm && a.marginTopMm == b.marginTopMm &&
         a.marginLeftMm == b.marginLeftMm && a.blockWidthMm == b.blockWidthMm &&
         a.blockHeightMm == b.blockHeightMm && a.charsPerLine == b.charsPerLine &&
         a.linesPerPage == b.linesPerPage;
}

}  // namespace

std::vector<AttachmentInput> attachmentsOf(const Record& record, const std::string& field) {
  std::vector<AttachmentInput> out;
  Poco::Dynamic::Var v = record.value(field);
  if (v.isEmpty()) return out;
  const std::string where = record.path(field);
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
    throw InputError(where, Message("must be a list of attachments ({\"title\": \"…\", \"body\": "
                                    "…}), found {0}",
                                    jsonType(v)));
  }
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < arr->size(); ++i) {
    AttachmentInput a;
    a.where = jsonPath(where, i);
    auto item = arr->get(i);
    if (item.type() != typeid(Poco::JSON::Object::Ptr)) {
      throw InputError(a.where, Message("must be an attachment object ({\"title\": \"…\", "
                                        "\"body\": …}), found {0}",
                                        jsonType(item)));
    }
    a.object = item.extract<Poco::JSON::Object::Ptr>();
    if (!a.object->has("title") || !a.object->get("title").isString() ||
        trimmedText(decodeUtf8(a.object->get("title").toString())).empty()) {
      throw InputError(jsonPath(a.where, "title"),
                       Message("every attachment needs a title (附件名称), a non-empty string"));
    }
    a.title = a.object->get("title").toString();
    checkPrintable(a.title, jsonPath(a.where, "title"), false);
    if (a.object->has("layout")) {
      auto l = a.object->get("layout");
      if (!l.isString()) {
        throw InputError(jsonPath(a.where, "layout"),
                         Message("must be a string, found {0}", jsonType(l)));
      }
      a.layout = l.toString();
    }
    out.push_back(std::move(a));
  }
  return out;
}

void placeAttachments(FlowContext& ctx, const FlowElement& el, const AttachmentsSpec& spec,
                      const Record& record) {
  auto attachments = attachmentsOf(record, el.field);
  if (attachments.empty()) return;
  const TextStyle& labelStyle = ctx.layout().style(el.style);
  const std::string& label = spec.label;
  const std::string& fallbackLayout = spec.layout;
  for (size_t i = 0; i < attachments.size(); ++i) {
    const AttachmentInput& a = attachments[i];
    const std::string name = a.layout.empty() ? fallbackLayout : a.layout;
    const std::string layoutWhere =
        a.layout.empty() ? spec.layoutWhere : jsonPath(a.where, "layout");
    if (!ctx.options().layouts) {
      throw InputError(layoutWhere, Message("attachments need the layout catalog"));
    }
    const Layout* layout = nullptr;
    try {
      layout = &ctx.options().layouts->get(name);
    } catch (const InputError& e) {
      throw InputError(layoutWhere, e.messageText());
    }
    if (layout->kind != "flow" || !sameGeometry(layout->page, ctx.layout().page)) {
      throw InputError(layoutWhere,
                       Message("layout \"{0}\" cannot be an attachment: attachments are flow "
                               "layouts on the document's own page geometry",
                               name));
    }
    for (const auto& e : layout->flow) {
      if (e.element == "attachments") {
        throw InputError(
            layoutWhere,
            Message("layout \"{0}\" has attachments of its own; an attachment cannot", name));
      }
    }
    Record attachment = validateRecord(a.object, *layout, a.where);
    // Unknown fields are warned about like the document's own; "title" is always known
    // (the 附件说明 uses it), even to a layout that does not print it.
    if (ctx.options().missing.warnings) {
      for (const auto& w : attachment.warnings) {
        if (w.english().find("unknown field \"title\"") == std::string::npos)
          ctx.options().missing.warnings->push_back(w);
      }
    }

    ctx.newPage();
    const std::string text = label + (attachments.size() > 1 ? std::to_string(i + 1) : "");
    auto placeLabel = [&](FlowContext& c) {
      ShapedText shaped = c.shape(c.prepare(text), labelStyle, el.path);
      ParagraphStyle ps = c.paragraphStyle(labelStyle);
      ps.firstIndent = 0;
      ps.align = Alignment::Left;
      c.placeLines(shaped, composeParagraph(shaped, ps), labelStyle);
      c.skipLines(spec.blankLinesAfterLabel);
    };
    // Opening with a landscape table (横排表格): the label and title on its page.
    if (placeAttachmentOpeningLandscape(ctx, *layout, attachment, placeLabel)) continue;
    placeLabel(ctx);
    FlowContext::LayoutScope scope(ctx, *layout);
    for (const auto& e : layout->flow) placeFlowElement(ctx, e, attachment);
  }
}

}  // namespace gongwen
