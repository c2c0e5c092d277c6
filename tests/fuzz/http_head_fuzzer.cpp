// libFuzzer: any bytes as an HTTP request head and chunked body (server/HttpHead,
// server/RequestBody), without a server. The target is targets/HttpHeadTarget.cpp; the
// test binary replays the corpus through it too.
#include "fuzz/targets/FuzzTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return gongwen::fuzz::httpHead(data, size);
}
