// `gongwen list ROWS.xlsx|ROWS.csv --title TITLE`: one commendation list (表彰名单) from a
// register of one row per person or unit (engine/batch/ListFromRows).
#pragma once

#include "cli/CommandLine.h"

namespace gongwen::cli {

// Exit 0 written; 2 bad input (nothing written); 1 internal error.
int runList(const CommandLine& cl);

}  // namespace gongwen::cli
