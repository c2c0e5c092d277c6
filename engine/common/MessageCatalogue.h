// The translations of the messages (po/zh_CN.po, compiled into the program at build time:
// nothing to install, nothing to find at run time).
#pragma once

#include <string_view>

namespace gongwen {

// The Chinese text for an English message template; nullptr when it has none.
const char* chineseTranslation(std::string_view english);

// The catalogue's entries, for the tests (English template, Chinese text).
struct CatalogueEntry {
  std::string_view english, chinese;
};
size_t catalogueSize();
CatalogueEntry catalogueEntry(size_t i);

}  // namespace gongwen
