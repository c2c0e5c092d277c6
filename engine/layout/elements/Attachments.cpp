// The "attachments" element: each attachment on a new page, "附件" and its number (when
// there are several) flush left on the first line in the label style, then the attachment
// composed with its layout's own flow (its title on the third line), on the document's
// pages, so page numbers run on. An attachment names its layout ("layout":
// "commendation-list"); without one it uses the element's "layout" (title + body).
#include "layout/elements/Attachments.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <stdexcept>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Utf8.h"
#include "layout/FlowElements.h"
#include "layout/elements/AttachmentLandscape.h"
#include "layout/elements/Text.h"
#include "model/ElementParams.h"
#include "model/LayoutCatalog.h"
#include "model/ValidateRecord.h"

namespace gongwen {
namespace {

bool sameGeometry(const PageGeometry& a, const PageGeometry& b) {
  return a.widthMm == b.widthMm && a.heightMm == b.heightMm && a.marginTopMm == b.marginTopMm &&
         a.marginLeftMm == b.marginLeftMm && a.blockWidthMm == b.blockWidthMm &&
         a.blockHeightMm == b.blockHeightMm && a.charsPerLine == b.charsPerLine &&
         a.linesPerPage == b.linesPerPage;
}

}  // namespace

std::shared_ptr<const FieldContent> readAttachments(const Poco::Dynamic::Var& v,
                                                    const std::string& where,
                                                    const RecordOptions& options,
                                                    const AttachmentsSpec* spec,
                                                    const PageGeometry& page) {
  auto content = std::make_shared<AttachmentsContent>();
  std::vector<AttachmentInput>& out = content->attachments;
  if (v.isEmpty()) return content;
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
    throw InputError(where, Message("must be a list of attachments ({\"title\": \"…\", \"body\": "
                                    "…}), found {0}",
                                    jsonType(v)));
  }
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  std::vector<Poco::JSON::Object::Ptr> objects;
  std::vector<std::string> layoutNames;
  for (size_t i = 0; i < arr->size(); ++i) {
    AttachmentInput a;
    a.where = jsonPath(where, i);
    auto item = arr->get(i);
    if (item.type() != typeid(Poco::JSON::Object::Ptr)) {
      throw InputError(a.where, Message("must be an attachment object ({\"title\": \"…\", "
                                        "\"body\": …}), found {0}",
                                        jsonType(item)));
    }
    auto object = item.extract<Poco::JSON::Object::Ptr>();
    if (!object->has("title") || !object->get("title").isString() ||
        trimmedText(decodeUtf8(object->get("title").toString())).empty()) {
      throw InputError(jsonPath(a.where, "title"),
                       Message("every attachment needs a title (附件名称), a non-empty string"));
    }
    a.title = object->get("title").toString();
    checkPrintable(a.title, jsonPath(a.where, "title"), false);
    std::string layoutName;
    if (object->has("layout")) {
      auto l = object->get("layout");
      if (!l.isString()) {
        throw InputError(jsonPath(a.where, "layout"),
                         Message("must be a string, found {0}", jsonType(l)));
      }
      layoutName = l.toString();
    }
    objects.push_back(object);
    layoutNames.push_back(layoutName);
    out.push_back(std::move(a));
  }
  if (!spec) return content;
  for (size_t i = 0; i < out.size(); ++i) {
    AttachmentInput& a = out[i];
    const std::string name = layoutNames[i].empty() ? spec->layout : layoutNames[i];
    const std::string layoutWhere =
        layoutNames[i].empty() ? spec->layoutWhere : jsonPath(a.where, "layout");
    if (!options.layouts) {
      throw InputError(layoutWhere, Message("attachments need the layout catalog"));
    }
    try {
      a.layout = &options.layouts->get(name);
    } catch (const InputError& e) {
      throw InputError(layoutWhere, e.messageText());
    }
    if (a.layout->kind != "flow" || !sameGeometry(a.layout->page, page)) {
      throw InputError(layoutWhere,
                       Message("layout \"{0}\" cannot be an attachment: attachments are flow "
                               "layouts on the document's own page geometry",
                               name));
    }
    for (const auto& e : a.layout->flow) {
      if (e.element == "attachments") {
        throw InputError(
            layoutWhere,
            Message("layout \"{0}\" has attachments of its own; an attachment cannot", name));
      }
    }
    a.record = validateRecord(objects[i], *a.layout, a.where, options);
    // Unknown fields are warned about like the document's own; "title" is always known
    // (the 附件说明 uses it), even to a layout that does not print it.
    for (const auto& w : a.record.warnings) {
      if (w.english().find("unknown field \"title\"") == std::string::npos)
        content->warnings.push_back(w);
    }
  }
  return content;
}

void placeAttachments(FlowContext& ctx, const FlowElement& el, const AttachmentsSpec& spec,
                      const Record& record) {
  const auto* content = record.content<AttachmentsContent>(el.field);
  if (!content || content->attachments.empty()) return;
  const auto& attachments = content->attachments;
  const TextStyle& labelStyle = ctx.layout().style(el.style);
  const std::string& label = spec.label;
  for (size_t i = 0; i < attachments.size(); ++i) {
    const AttachmentInput& a = attachments[i];
    const Layout* layout = a.layout;
    if (!layout) throw std::logic_error(a.where + ": the attachment was not validated");
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
    if (placeAttachmentOpeningLandscape(ctx, *layout, a.record, placeLabel)) continue;
    placeLabel(ctx);
    FlowContext::LayoutScope scope(ctx, *layout);
    for (const auto& e : layout->flow) placeFlowElement(ctx, e, a.record);
  }
}

}  // namespace gongwen
