// 附件 (7.3.4, 8): the attachments field, read once for the 附件说明 under the body and for
// the attachment pages themselves.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "model/Record.h"

namespace gongwen {

struct AttachmentInput {
  std::string title;               // as given (the 附件说明 drops a final mark)
  Poco::JSON::Object::Ptr object;  // its fields, for its layout
  std::string where;               // "$.attachments[1]"
  std::string layout;              // the flow layout it names, or "" for the default
};

// A list of objects, each with a non-empty "title". Throws InputError naming the item.
std::vector<AttachmentInput> attachmentsOf(const Record& record, const std::string& field);

}  // namespace gongwen
