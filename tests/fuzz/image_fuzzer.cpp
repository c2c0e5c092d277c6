// libFuzzer: Any bytes as a seal PNG (a data: URI in a certificate, rendered to PDF).
// The target is targets/ImageTarget.cpp; the test binary replays the corpus through it too.
#include "fuzz/targets/FuzzTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return gongwen::fuzz::image(data, size);
}
