#include "layout/elements/FieldText.h"

#include <cctype>

#include "common/Errors.h"
#include "common/Utf8.h"
#include "layout/elements/Text.h"

namespace gongwen {
namespace {

bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool isOpening(char32_t c) {
  return c == U'〔' || c == U'[' || c == U'［' || c == U'(' || c == U'（' || c == U'【' ||
         c == U'〈' || c == U'<';
}
bool isClosing(char32_t c) {
  return c == U'〕' || c == U']' || c == U'］' || c == U')' || c == U'）' || c == U'】' ||
         c == U'〉' || c == U'>';
}

std::string copyNumber(const std::string& text, const std::string& where) {
  std::u32string s = trimmedText(decodeUtf8(text));
  bool ok = !s.empty() && s.size() <= 6;
  for (char32_t c : s) ok = ok && isDigit(c);
  if (!ok) {
    throw InputError(where, Message("\"{0}\" is not a copy number (份号): write up to six Arabic "
                                    "digits, e.g. 000001",
                                    text));
  }
  return std::string(6 - s.size(), '0') + encodeUtf8(s);
}

}  // namespace

Message notADocNumber(const std::string& text) {
  return Message(
      "\"{0}\" is not a document number (发文字号); write it as 机关代字〔年份〕序号号, e.g. "
      "宁政发〔2012〕88号",
      text);
}

std::string normalizedDocNumber(const std::string& text, const std::string& where) {
  std::u32string s;
  for (char32_t c : trimmedText(decodeUtf8(text))) {
    if (c != U' ' && c != U'\u3000') s += c;
  }
  // The year: four digits between brackets of any kind.
  size_t open = std::u32string::npos;
  for (size_t i = 0; i + 5 < s.size(); ++i) {
    if (isOpening(s[i]) && isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3]) &&
        isDigit(s[i + 4]) && isClosing(s[i + 5])) {
      open = i;
      break;
    }
  }
  if (open == std::u32string::npos || open == 0) {
    throw InputError(where, notADocNumber(text));
  }
  s[open] = U'〔';
  s[open + 5] = U'〕';
  std::u32string serial = s.substr(open + 6);
  if (!serial.empty() && serial.front() == U'第') {
    throw InputError(where, Message("\"{0}\": the serial number takes no 第 (7.2.4); write it as "
                                    "机关代字〔年份〕序号号, e.g. 宁政发〔2012〕88号",
                                    text));
  }
  if (serial.empty() || serial.back() != U'号') {
    throw InputError(where, notADocNumber(text));
  }
  serial.pop_back();
  bool digits = !serial.empty();
  for (char32_t c : serial) digits = digits && isDigit(c);
  if (!digits) {
    throw InputError(where, notADocNumber(text));
  }
  if (serial.size() > 1 && serial.front() == U'0') {
    throw InputError(where, Message("\"{0}\": the serial number has a leading zero (7.2.4 writes "
                                    "8号, not 08号)",
                                    text));
  }
  return encodeUtf8(s);
}

std::string fieldText(const Record& record, const Layout& /*layout*/, const std::string& field,
                      const std::string& format) {
  if (field.empty() || !record.has(field)) return "";
  const std::string where = record.path(field);
  std::string text = record.text(field);
  if (format == "copy_number") return copyNumber(text, where);
  if (format == "doc_number") return normalizedDocNumber(text, where);
  if (const Date* date = record.date(field)) return chineseDate(*date);
  return text;
}

}  // namespace gongwen
