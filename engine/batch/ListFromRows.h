// A commendation list (表彰名单, layout commendation-list) from a register of one row per
// person or unit, as offices keep it in a spreadsheet: a group column (分组/类别/奖项), a
// name column (姓名/名称), optionally 单位 and 职务 (which make each group a ruled table of
// entries). Groups come in the order they first appear; 序号 columns are ignored (the
// table numbers its rows). One record, for `gongwen list`, POST /v1/batch?list=1 and the
// web page's "生成表彰名单".
#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>
#include <vector>

#include "batch/SheetTable.h"

namespace gongwen {

struct ListOptions {
  std::string title;     // required: the list's title
  std::string sort;      // given (default) | strokes | pinyin
  std::string preamble;  // optional paragraphs before the groups
  SheetOptions sheet;    // which sheet, row and size limits
};

struct ListRecord {
  Poco::JSON::Object::Ptr record;  // {"layout": "commendation-list", "title", "groups", …}
  std::vector<Message> warnings;   // columns that are ignored
  size_t rows = 0, groups = 0;
};

// Throws InputError naming `source` (sheet, row, column) when the rows cannot make a list:
// no header with a group and a name column, a row with a name but no group (or the other
// way round), no rows.
ListRecord listFromRows(std::string_view bytes, const std::string& source,
                        const ListOptions& options);

}  // namespace gongwen
