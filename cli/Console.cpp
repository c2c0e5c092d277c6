#include "cli/Console.h"

#include <cstdlib>
#include <iostream>

namespace gongwen::cli {

Language languageOfEnvironment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return languageOfLocale(value);
  }
  return languageOfLocale("");
}

void tell(Language language, const Message& message) {
  std::cerr << "gongwen: " << message.text(language) << "\n";
}

void warn(Language language, const Message& message) {
  std::cerr << "gongwen: " << Message("warning: {0}", message).text(language) << "\n";
}

}  // namespace gongwen::cli
