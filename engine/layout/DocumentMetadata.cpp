#include "layout/DocumentMetadata.h"

namespace gongwen {

void setDocumentInfo(DocumentInfo& info, const Layout& layout, const Record& record) {
  for (const auto& [key, field] : layout.metadata) {
    std::string v;
    if (const FieldSpec* spec = layout.field(field); spec && spec->type == "list") {
      for (const auto& item : record.list(field))
        v += (v.empty() ? "" : "、") + item;  // joint issuers
    } else {
      v = record.text(field);
    }
    if (key == "title") info.title = v;
    if (key == "author") info.author = v;
    if (key == "subject") info.subject = v;
    if (key == "keywords") info.keywords = v;
  }
}

}  // namespace gongwen
