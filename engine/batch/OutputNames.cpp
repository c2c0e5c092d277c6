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

// Invisible characters that change how a name reads or sorts: bidi controls (a name that
// shows "fdp.exe" as "exe.pdf") and zero-width characters (two names that look the same).
bool invisible(char32_t c) {
  return c == 0x061C || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
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
    if (invisible(c)) continue;
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
  // Windows' device names (CON, NUL, COM1 …) are no files, with any extension: "CON.pdf"
  // opens the console. Such a stem gets a trailing underscore.
  std::string device = lower(utf8.substr(0, utf8.find('.')));
  while (!device.empty() && device.back() == ' ') device.pop_back();
  static const char* const kDevices[] = {"con", "prn", "aux", "nul"};
  bool isDevice = std::find(std::begin(kDevices), std::end(kDevices), device) != std::end(kDevices);
  if (device.size() == 4 && (device.starts_with("com") || device.starts_with("lpt")) &&
      device[3] >= '0' && device[3] <= '9')
    isDevice = true;
  // COM¹ … LPT³: Windows reserves the superscript digits too.
  if ((device.starts_with("com") || device.starts_with("lpt")) &&
      (device.substr(3) == "\u00b9" || device.substr(3) == "\u00b2" ||
       device.substr(3) == "\u00b3"))
    isDevice = true;
  if (isDevice) {
    std::string named = utf8.substr(0, device.size());
    named.push_back('_');
    named.append(utf8, device.size(), std::string::npos);
    utf8 = std::move(named);
  }
  return utf8;
}

std::string recordFileStem(const std::string& label) {
  // "row 12" (a CSV line) → "row-12"; "$[5]" or "$.records[5]" (a JSON record) → "row-6".
  if (label.starts_with("row ")) return safeFileStem(label);
  auto open = label.rfind('[');
  if (open != std::string::npos && label.back() == ']') {
    const std::string digits = label.substr(open + 1, label.size() - open - 2);
    if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos &&
        digits.size() < 10)
      return "row-" + std::to_string(std::stoul(digits) + 1);
  }
  return safeFileStem(label);
}

std::vector<std::string> uniqueFileNames(const std::vector<std::string>& stems,
                                         const std::vector<std::string>& fallbacks,
                                         const std::string& extension) {
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (size_t i = 0; i < stems.size(); ++i) {
    std::string stem = safeFileStem(stems[i]);
    if (stem.empty() && i < fallbacks.size()) stem = recordFileStem(fallbacks[i]);
    if (stem.empty()) stem = "row-" + std::to_string(i + 1);
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
