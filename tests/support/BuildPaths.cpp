#include "support/BuildPaths.h"

namespace gongwen::test {
const char* cliPath() { return GONGWEN_BUILD_CLI_PATH; }
const char* sourceDir() { return GONGWEN_BUILD_SOURCE_DIR; }
const char* sharedDir() { return GONGWEN_BUILD_SHARED_DIR; }
}  // namespace gongwen::test
