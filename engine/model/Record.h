// One input record (a JSON object) checked against its layout's fields.
#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <string>
#include <vector>

#include "model/Layout.h"

namespace gongwen {

struct Record {
  std::map<std::string, std::string> values;  // field → UTF-8 text (dates as given)
  std::vector<std::string> warnings;          // unknown fields and the like

  const std::string& text(const std::string& field) const;  // "" when absent
};

// Checks `input` against `layout`: required fields present and non-empty, types right,
// dates real (YYYY-MM-DD). Throws InputError with the field's JSON path. Unknown fields
// become warnings. `pathPrefix` is "$" for a single document, "$[3]" in a batch, …
Record validateRecord(const Poco::JSON::Object::Ptr& input, const Layout& layout,
                      const std::string& pathPrefix = "$");

// "2012-06-13" → {2012, 6, 13}; throws InputError(where) unless it is a real date.
struct Date {
  int year, month, day;
};
Date parseDate(const std::string& text, const std::string& where);
// 2012年6月13日
std::string chineseDate(const Date& d);

}  // namespace gongwen
