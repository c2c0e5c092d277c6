// libFuzzer: Any bytes as a CSV spreadsheet (UTF-8, UTF-16, GB18030 detection, RFC 4180).
// The target is targets/CsvTarget.cpp; the test binary replays the corpus through it too.
#include "fuzz/targets/FuzzTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return gongwen::fuzz::csv(data, size);
}
