// The tests read the messages in English (the same sentences as the Chinese, which
// tests/common/Message_test.cpp and the *Chinese* tests check): every gongwen process a test
// starts inherits LC_ALL=en_US.UTF-8 unless its command line says otherwise
// (`LC_ALL=zh_CN.UTF-8 gongwen …`). Servers follow each request's Accept-Language instead
// (tests/support/HttpClient.h sends "en").
#include <gtest/gtest.h>

#include <cstdlib>

namespace {

class EnglishMessages : public ::testing::Environment {
 public:
  void SetUp() override { ::setenv("LC_ALL", "en_US.UTF-8", 1); }
};

// GoogleTest owns the environment it is given.
[[maybe_unused]] ::testing::Environment* const kEnglishMessages =
    ::testing::AddGlobalTestEnvironment(new EnglishMessages);

}  // namespace
