// gongwen serve: the HTTP service (engine/server/) from the command line.
#pragma once

#include <string>
#include <vector>

#include "cli/CommandLine.h"

namespace gongwen::cli {

// The options only `serve` takes, each with a value (CommandLine collects them).
extern const std::vector<std::string> kServeOptions;

int runServe(const CommandLine& cl);

}  // namespace gongwen::cli
