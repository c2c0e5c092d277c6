#pragma once

#include "cli/CommandLine.h"

namespace gongwen::cli {

int runRender(const CommandLine& cl);
int runFonts(const CommandLine& cl);
int runLayouts(const CommandLine& cl);

}  // namespace gongwen::cli
