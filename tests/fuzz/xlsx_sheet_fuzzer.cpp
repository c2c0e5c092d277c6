// libFuzzer: any bytes as the worksheet XML of a workbook (the xlsx part scanner).
// The target is targets/XlsxTarget.cpp; the test binary replays the corpus through it too.
#include "fuzz/targets/FuzzTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return gongwen::fuzz::xlsxSheet(data, size);
}
