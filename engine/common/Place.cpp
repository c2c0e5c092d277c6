#include "common/Place.h"

#include <cctype>
#include <optional>

namespace gongwen {
namespace {

// "123" at the start of `s` (moved past it); nothing when `s` does not start with digits.
std::optional<size_t> number(std::string_view& s) {
  size_t n = 0, k = 0;
  while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k])) && k < 12)
    n = n * 10 + static_cast<size_t>(s[k++] - '0');
  if (k == 0) return std::nullopt;
  s.remove_prefix(k);
  return n;
}

bool isColumn(std::string_view s) {
  if (s.empty() || s.size() > 3) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

}  // namespace

Message rowPlace(std::string_view sheet, size_t row) {
  if (sheet.empty()) return Message("row {0}", row);
  return Message("sheet \"{0}\", row {1}", sheet, row);
}

Message cellPlace(std::string_view sheet, size_t row, std::string_view column) {
  if (sheet.empty()) return Message("row {0}, column {1}", row, column);
  return Message("sheet \"{0}\", row {1}, column {2}", sheet, row, column);
}

Message placeMessage(std::string where) {
  // "$.body (paragraph 3)", "row 12, field body (paragraph 3)": the place, then the paragraph.
  if (where.ends_with(")")) {
    const size_t open = where.rfind(" (paragraph ");
    if (open != std::string::npos) {
      std::string_view digits = std::string_view(where).substr(open + 12);
      const auto n = number(digits);
      if (n && digits == ")") {
        return Message("{0} (paragraph {1})", placeMessage(where.substr(0, open)), *n);
      }
    }
  }
  std::string_view s = where;
  std::string_view sheet;
  if (s.starts_with("sheet \"")) {
    const size_t end = s.rfind("\", row ");
    if (end == std::string_view::npos || end < 7) return Message::verbatim(std::move(where));
    sheet = s.substr(7, end - 7);
    s.remove_prefix(end + 3);  // at "row …"
  }
  if (!s.starts_with("row ")) return Message::verbatim(std::move(where));
  s.remove_prefix(4);
  const auto row = number(s);
  if (!row) return Message::verbatim(std::move(where));
  if (s.empty()) return rowPlace(sheet, *row);
  if (s.starts_with(", column ") && isColumn(s.substr(9)))
    return cellPlace(sheet, *row, s.substr(9));
  if (s.starts_with(", field ") && s.size() > 8) {
    const std::string_view field = s.substr(8);
    if (sheet.empty()) return Message("row {0}, field {1}", *row, field);
    return Message("sheet \"{0}\", row {1}, field {2}", sheet, *row, field);
  }
  return Message::verbatim(std::move(where));
}

}  // namespace gongwen
