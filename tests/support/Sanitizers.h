// Whether the tests run under AddressSanitizer, and how much longer wall-clock bounds may
// take there (instrumented code runs two to three times slower).
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define GONGWEN_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GONGWEN_TEST_ASAN 1
#endif
#endif

namespace gongwen::test {

#ifdef GONGWEN_TEST_ASAN
inline constexpr double kSanitizerSlowdown = 3.0;
#else
inline constexpr double kSanitizerSlowdown = 1.0;
#endif

}  // namespace gongwen::test
