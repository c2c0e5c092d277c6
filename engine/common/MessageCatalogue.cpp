#include "common/MessageCatalogue.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace gongwen {

extern const char kZhCnPo[];  // po/zh_CN.po, generated into the build (engine/CMakeLists.txt)

namespace {

// A PO file's quoted string: "…" with C escapes.
std::string unquote(std::string_view s) {
  std::string out;
  const auto open = s.find('"');
  const auto close = s.rfind('"');
  if (open == std::string_view::npos || close <= open) return out;
  for (size_t i = open + 1; i < close; ++i) {
    if (s[i] == '\\' && i + 1 < close) {
      const char c = s[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The catalogue as read from the PO text once: entries without a translation (empty msgstr)
// or marked fuzzy are left out, as gettext does.
struct Catalogue {
  std::vector<std::pair<std::string, std::string>> entries;
  std::unordered_map<std::string_view, size_t> byEnglish;

  Catalogue() {
    std::string_view text(kZhCnPo);
    std::string id, str;
    std::string* current = nullptr;
    bool fuzzy = false;
    auto finish = [&] {
      if (!id.empty() && !str.empty() && !fuzzy) entries.emplace_back(id, str);
      id.clear();
      str.clear();
      current = nullptr;
      fuzzy = false;
    };
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(start, end - start);
      start = end + 1;
      if (line.rfind("msgid ", 0) == 0) {
        if (current == &str) finish();
        id = unquote(line);
        current = &id;
      } else if (line.rfind("msgstr ", 0) == 0) {
        str = unquote(line);
        current = &str;
      } else if (line.rfind("\"", 0) == 0 && current) {
        *current += unquote(line);
      } else if (line.rfind("#,", 0) == 0) {
        if (current == &str) finish();
        if (line.find("fuzzy") != std::string_view::npos) fuzzy = true;
      } else if (line.empty() || line[0] == '#') {
        if (current == &str) finish();
      }
    }
    finish();
    for (size_t i = 0; i < entries.size(); ++i) byEnglish.emplace(entries[i].first, i);
  }
};

const Catalogue& catalogue() {
  static const Catalogue c;  // read once, then only read (thread-safe initialisation)
  return c;
}

}  // namespace

const char* chineseTranslation(std::string_view english) {
  const auto& c = catalogue();
  const auto it = c.byEnglish.find(english);
  return it == c.byEnglish.end() ? nullptr : c.entries[it->second].second.c_str();
}

size_t catalogueSize() { return catalogue().entries.size(); }

CatalogueEntry catalogueEntry(size_t i) {
  const auto& e = catalogue().entries.at(i);
  return {e.first, e.second};
}

}  // namespace gongwen
