// `gongwen batch`: many records of one layout (a spreadsheet of names, a JSON array of
// lists) into one merged PDF, or one PDF per record with --split.
#pragma once

#include "cli/CommandLine.h"

namespace gongwen::cli {

// Exit 0: every record printed; 3: some records were bad (listed on stderr), the others
// printed; 2: bad input as a whole, --strict and a bad record, or no record printable —
// nothing written; 1: internal error.
int runBatch(const CommandLine& cl);

}  // namespace gongwen::cli
