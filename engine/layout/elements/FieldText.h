// The text a header, signature or colophon shows for a record field, checked and written
// the way the standard wants it.
#pragma once

#include <string>

#include "model/Layout.h"
#include "model/Record.h"

namespace gongwen {

// `format` (from the element's settings) says how:
//   ""            the field as it is; a date field (type "date") as 2012年6月13日
//   "copy_number" 份号: up to six Arabic digits, written with six (000001)
//   "doc_number"  发文字号 (7.2.4): 机关代字〔年份〕序号号 — brackets around the year become
//                 六角括号 〔〕; a serial with a leading zero or after 第 is an InputError
// Returns "" when the field is absent. Throws InputError naming the field.
std::string fieldText(const Record& record, const Layout& layout, const std::string& field,
                      const std::string& format = "");

// 发文字号 alone (the rule above), for `where`.
std::string normalizedDocNumber(const std::string& text, const std::string& where);

}  // namespace gongwen
