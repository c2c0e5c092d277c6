// One input record (a JSON object) checked against its layout's fields.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <string>
#include <vector>

#include "common/Message.h"
#include "model/Layout.h"

namespace gongwen {

class Record {
 public:
  Record() = default;
  Record(Poco::JSON::Object::Ptr values, std::string pathPrefix)
      : values_(std::move(values)), prefix_(std::move(pathPrefix)) {}

  bool has(const std::string& field) const;
  // The field's text ("" when absent). Only for string, text and date fields.
  std::string text(const std::string& field) const;
  // The field's list of strings (empty when absent). Only for list fields.
  std::vector<std::string> list(const std::string& field) const;
  // The raw JSON value, for fields of type "json" that their element checks itself.
  Poco::Dynamic::Var value(const std::string& field) const;
  // "$.body", "$[3].body": where a field is, for messages.
  std::string path(const std::string& field) const;

  std::vector<Message> warnings;  // unknown fields and the like

 private:
  Poco::JSON::Object::Ptr values_;
  std::string prefix_ = "$";
};

// Checks `input` against `layout`: required fields present and non-empty, types right,
// dates real (YYYY-MM-DD), no control characters. Throws InputError with the field's
// JSON path. Unknown fields become warnings. `pathPrefix` is "$" for a single
// document, "$[3]" in a batch, …
Record validateRecord(const Poco::JSON::Object::Ptr& input, const Layout& layout,
                      const std::string& pathPrefix = "$");

// Rejects control characters other than tab (and newlines when `multiline`).
void checkPrintable(const std::string& s, const std::string& where, bool multiline);

// "2012-06-13" → {2012, 6, 13}; throws InputError(where) unless it is a real date.
struct Date {
  int year, month, day;
};
Date parseDate(const std::string& text, const std::string& where);
// 2012年6月13日
std::string chineseDate(const Date& d);
// 二〇一二年六月十三日 (how 奖状 and 证书 print dates)
std::string chineseNumeralDate(const Date& d);

}  // namespace gongwen
