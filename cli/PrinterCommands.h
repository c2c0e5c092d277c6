// 套打 on the command line: the print flags of render and batch (--overlay, --offset,
// --scale, --printer), `gongwen printer set|list|remove` and `gongwen calibrate`.
#pragma once

#include "cli/CommandLine.h"
#include "common/PrintAdjust.h"

namespace gongwen::cli {

// The flags as a PrintAdjust: a --printer profile first, then --offset and --scale over it.
// Throws InputError (a bad number, an unknown profile listing the known ones, a profile
// file that cannot be read, naming it).
PrintAdjust printAdjustOf(const CommandLine& cl);

int runPrinter(const CommandLine& cl);
int runCalibrate(const CommandLine& cl);

}  // namespace gongwen::cli
