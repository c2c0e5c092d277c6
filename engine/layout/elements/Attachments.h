// 附件 (7.3.4, 8): the attachments field, read once for the 附件说明 under the body and for
// the attachment pages themselves.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <string>
#include <vector>

#include "model/Layout.h"
#include "model/Record.h"

namespace gongwen {

struct AttachmentsSpec;

struct AttachmentInput {
  std::string title;               // as given (the 附件说明 drops a final mark)
  std::string where;               // "$.attachments[1]"
  const Layout* layout = nullptr;  // the flow layout it is composed with
  Record record;                   // its fields, validated against that layout
};

// An attachments field as read when the record is validated.
struct AttachmentsContent : FieldContent {
  std::vector<AttachmentInput> attachments;
};

// A list of objects, each with a non-empty "title". With `spec` (the "attachments" element's:
// the layout of an attachment that names none) each is validated against its layout, which
// must be a flow layout on `page`, from `options.layouts`; without (a layout that only lists
// them, 附件说明), only the titles are read. Throws InputError naming the item.
std::shared_ptr<const FieldContent> readAttachments(const Poco::Dynamic::Var& value,
                                                    const std::string& where,
                                                    const RecordOptions& options,
                                                    const AttachmentsSpec* spec,
                                                    const PageGeometry& page);

}  // namespace gongwen
