// libFuzzer: Any bytes as a font file, shaped and subset into a PDF.
// The target is targets/FontTarget.cpp; the test binary replays the corpus through it too.
#include "fuzz/targets/FuzzTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return gongwen::fuzz::font(data, size);
}
