#include "batch/OutputNames.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "common/Utf8.h"

namespace gongwen {
namespace {

constexpr size_t kMaxStemBytes = 120;

bool reserved(char32_t c) {
  // Path separators, characters Windows forbids, control characters.
  return c < 0x20 || c == 0x7F || c == U'/' || c == U'\\' || c == U':' || c == U'*' || c == U'?' ||
         c == U'"' || c == U'<' || c == U'>' || c == U'|';
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

std::string safeFileStem(const std::string& text) {
  std::u32string out;
  bool gap = false;
  for (char32_t c : decodeUtf8(text)) {
    const bool space = c == U' ' || c == U'\t' || c == U'\u3000' || reserved(c);
    if (space) {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back(U'-');
    gap = false;
    out.push_back(c);
  }
  // No leading dots ("..", hidden files) and no trailing dots (Windows drops them).
  while (!out.empty() && (out.front() == U'.' || out.front() == U'-')) out.erase(out.begin());
  while (!out.empty() && (out.back() == U'.' || out.back() == U'-')) out.pop_back();
  std::string utf8;
  for (char32_t c : out) {
    std::string one = encodeUtf8(std::u32string(1, c));
    if (utf8.size() + one.size() > kMaxStemBytes) break;
    utf8 += one;
  }
  return utf8;
}

std::vector<std::string> uniqueFileNames(const std::vector<std::string>& stems,
                                         const std::vector<std::string>& fallbacks,
                                         const std::string& extension) {
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (size_t i = 0; i < stems.size(); ++i) {
    std::string stem = safeFileStem(stems[i]);
    if (stem.empty() && i < fallbacks.size()) stem = safeFileStem(fallbacks[i]);
    if (stem.empty()) stem = "record-" + std::to_string(i + 1);
    std::string name = stem + extension;
    for (int n = 2; taken.count(lower(name)); ++n) {
      name = stem + "-" + std::to_string(n) + extension;
    }
    taken.insert(lower(name));
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace gongwen
