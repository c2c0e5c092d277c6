#include "layout/DocumentMetadata.h"

namespace gongwen {

void setDocumentInfo(DocumentInfo& info, const Layout& layout, const Record& record) {
  for (const auto& [key, field] : layout.metadata) {
    std::string v = record.text(field);
    if (key == "title") info.title = v;
    if (key == "author") info.author = v;
    if (key == "subject") info.subject = v;
    if (key == "keywords") info.keywords = v;
  }
}

}  // namespace gongwen
