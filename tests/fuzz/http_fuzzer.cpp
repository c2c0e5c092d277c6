// libFuzzer: Any bytes as a raw HTTP request to the real server on a loopback port.
// The target is targets/HttpTarget.cpp; the test binary replays the corpus through it too.
#include "fuzz/targets/FuzzTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return gongwen::fuzz::http(data, size);
}
