// Where something is, for a person (issue 11). A JSON path stays as written ("$.body[2]"): it
// is the same in every language. A spreadsheet's place — "row 12", "row 12, column C",
// "row 12, field title", each optionally after `sheet "名单", ` — becomes a Message, so that
// it reads 第12行C列 in Chinese while its English text stays what the code always wrote.
#pragma once

#include <string>
#include <string_view>

#include "common/Message.h"

namespace gongwen {

// A place as the code writes it (a JSON path, a file name, a spreadsheet's place), for a
// person: a spreadsheet's place translated, anything else verbatim.
Message placeMessage(std::string where);

// "row 12" or `sheet "名单", row 12` (the sheet named when it is not the only one read).
Message rowPlace(std::string_view sheet, size_t row);
// "row 12, column C" or `sheet "名单", row 12, column C`.
Message cellPlace(std::string_view sheet, size_t row, std::string_view column);

}  // namespace gongwen
