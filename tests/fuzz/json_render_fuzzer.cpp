// libFuzzer: Any bytes as the JSON input of `gongwen render`.
// The target is targets/JsonRenderTarget.cpp; the test binary replays the corpus through it too.
#include "fuzz/targets/FuzzTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return gongwen::fuzz::jsonRender(data, size);
}
