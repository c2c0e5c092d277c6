// The libFuzzer targets (tests/fuzz/*_fuzzer.cpp) as plain functions, so that the test
// binary can replay every file of tests/fuzz/corpus/NAME through the same code in the
// normal build (tests/hardening/FuzzCorpus_test.cpp): a crash the fuzzer found, saved in
// the corpus, stays a regression test. Each returns 0 and must not crash, hang or leak.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gongwen::fuzz {

int jsonRender(const uint8_t* data, size_t size);  // JSON input → layout → PDF
int csv(const uint8_t* data, size_t size);         // bytes as a CSV spreadsheet
int font(const uint8_t* data, size_t size);        // bytes as a font file
int image(const uint8_t* data, size_t size);       // bytes as a seal PNG (data: URI)
int http(const uint8_t* data, size_t size);        // raw bytes to the HTTP server
int httpHead(const uint8_t* data, size_t size);    // bytes as a request head + chunked body
int xlsxSheet(const uint8_t* data, size_t size);   // bytes as an .xlsx's worksheet XML

}  // namespace gongwen::fuzz
