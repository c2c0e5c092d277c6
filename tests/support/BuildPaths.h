// Where the build put things, for the tests: the CLI binary, the source tree, ../shared.
// Included into every test file by the build (-include), so that only BuildPaths.cpp
// depends on the checkout's location and a compiler cache shares the other objects.
#pragma once

namespace gongwen::test {
const char* cliPath();
const char* sourceDir();
const char* sharedDir();
}  // namespace gongwen::test

#define GONGWEN_CLI_PATH ::gongwen::test::cliPath()
#define GONGWEN_SOURCE_DATA_DIR ::gongwen::test::sourceDir()
#define GONGWEN_SHARED_DIR ::gongwen::test::sharedDir()
