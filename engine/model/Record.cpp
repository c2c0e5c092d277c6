#include "model/Record.h"

#include <Poco/JSON/Array.h>

#include <cctype>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Utf8.h"

namespace gongwen {
namespace {

bool isBlank(const std::string& s) {
  for (unsigned char c : s) {
    if (!std::isspace(c)) return false;
  }
  return true;
}

// Control characters other than newline and tab have no place in a document.
void rejectControlCharacters(const std::string& s, const std::string& where, bool multiline) {
  size_t index = 0;
  for (char32_t c : decodeUtf8(s)) {
    ++index;
    bool allowed = c == U'\t' || (multiline && (c == U'\n' || c == U'\r'));
    if ((c < 0x20 && !allowed) || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      throw InputError(where, "control character " + describeCodepoint(c) + " at character " +
                                  std::to_string(index) + " cannot be printed");
    }
    if (!multiline && (c == U'\n' || c == U'\r')) {
      throw InputError(where, "must be a single line (found a line break at character " +
                                  std::to_string(index) + ")");
    }
  }
}

}  // namespace

const std::string& Record::text(const std::string& field) const {
  static const std::string empty;
  auto it = values.find(field);
  return it == values.end() ? empty : it->second;
}

Date parseDate(const std::string& text, const std::string& where) {
  auto bad = [&](const std::string& why) {
    return InputError(where, "\"" + text + "\" is not a date: " + why);
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad("write it as YYYY-MM-DD");
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) throw bad("write it as YYYY-MM-DD");
  }
  Date d{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
  if (d.year < 1000) throw bad("the year must have four digits");
  if (d.month < 1 || d.month > 12) throw bad("there is no month " + std::to_string(d.month));
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int max = days[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day < 1 || d.day > max) {
    throw bad(std::to_string(d.year) + "-" + text.substr(5, 2) + " has " + std::to_string(max) +
              " days");
  }
  return d;
}

std::string chineseDate(const Date& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) +
         "日";
}

Record validateRecord(const Poco::JSON::Object::Ptr& input, const Layout& layout,
                      const std::string& pathPrefix) {
  Record r;
  for (const auto& spec : layout.fields) {
    std::string where = jsonPath(pathPrefix, spec.name);
    if (!input->has(spec.name) || input->get(spec.name).isEmpty()) {
      if (spec.required) {
        throw InputError(where,
                         "required field \"" + spec.name + "\" (" + spec.label + ") is missing");
      }
      continue;
    }
    Poco::Dynamic::Var v = input->get(spec.name);
    if (!v.isString()) {
      throw InputError(where, "must be a string, found " + jsonTypeName(v));
    }
    std::string s = v.toString();
    if (spec.required && isBlank(s)) {
      throw InputError(where, "required field \"" + spec.name + "\" (" + spec.label + ") is empty");
    }
    rejectControlCharacters(s, where, spec.type == "text");
    if (spec.type == "date" && !isBlank(s)) parseDate(s, where);
    r.values[spec.name] = std::move(s);
  }
  for (const auto& [key, value] : *input) {
    if (key == "layout" || layout.field(key)) continue;
    r.warnings.push_back(jsonPath(pathPrefix, key) + ": unknown field \"" + key + "\" for layout " +
                         layout.name + " is ignored");
  }
  return r;
}

}  // namespace gongwen
