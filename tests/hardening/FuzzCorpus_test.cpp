// Every file of every fuzz corpus (tests/fuzz/corpus/NAME/: the seeds, and each crash a
// fuzzer found, saved there once fixed) goes through its fuzz target in the normal build,
// so a fixed crash stays fixed. Under the AddressSanitizer build this is the sanitized
// replay too. A crash or a failed check ends the test binary: that is the failure.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

#include "fuzz/targets/FuzzTargets.h"

namespace gongwen::test {
namespace {

namespace fs = std::filesystem;

using Target = int (*)(const uint8_t*, size_t);

const std::map<std::string, Target>& targets() {
  static const std::map<std::string, Target> all = {
      {"json_render", fuzz::jsonRender},
      {"csv", fuzz::csv},
      {"font", fuzz::font},
      {"image", fuzz::image},
      {"http", fuzz::http},
      {"http_head", fuzz::httpHead},
      {"xlsx_sheet", fuzz::xlsxSheet},
  };
  return all;
}

std::vector<std::string> corpusFiles(const std::string& target) {
  std::vector<std::string> files;
  const fs::path dir = fs::path(GONGWEN_SOURCE_DATA_DIR) / "tests/fuzz/corpus" / target;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename().string()[0] != '.')
      files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class FuzzCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzCorpus, EveryFileRunsThroughItsTarget) {
  const Target target = targets().at(GetParam());
  const auto files = corpusFiles(GetParam());
  if (GetParam() != "font") {
    EXPECT_GE(files.size(), 3u) << "the seed corpus of " << GetParam() << " is missing";
  }
  for (const auto& file : files) {
    SCOPED_TRACE(file);
    std::ifstream in(file, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
    EXPECT_EQ(target(bytes.data(), bytes.size()), 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzCorpus,
                         ::testing::Values("json_render", "csv", "font", "image", "http",
                                           "http_head", "xlsx_sheet"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace gongwen::test
