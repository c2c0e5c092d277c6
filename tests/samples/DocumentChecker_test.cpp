// The GB/T 9704 checker (../shared/tools/gbt9704_check.py) on every sample, rendered with
// the built CLI: each must pass it whole, with the kind the checker has for it (the letter
// as --kind letter, 10.1). Skipped when ../shared is not beside the repo.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "support/Process.h"

namespace gongwen::test {
namespace {

struct CheckRow {
  std::string status, check, rest;
};

std::vector<CheckRow> runChecker(const std::string& pdf, const std::string& kind) {
  std::string checker = std::string(GONGWEN_SHARED_DIR) + "/tools/gbt9704_check.py";
  auto r = runShell("python3 " + shellQuote(checker) + " " + shellQuote(pdf) + " --kind " + kind);
  std::vector<CheckRow> rows;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream cols(line);
    CheckRow row;
    cols >> row.status >> row.check;
    std::getline(cols, row.rest);
    if (row.status == "PASS" || row.status == "FAIL" || row.status == "SKIP") rows.push_back(row);
  }
  return rows;
}

struct Case {
  std::string sample, kind;
  std::set<std::string> mustPass;
  // Checks another piece of work fixes (check → why); none but these may fail.
  std::map<std::string, std::string> elsewhere = {};
};

class DocumentChecker : public ::testing::TestWithParam<Case> {};

TEST_P(DocumentChecker, PassesWhole) {
  const Case& c = GetParam();
  if (!std::filesystem::exists(std::string(GONGWEN_SHARED_DIR) + "/tools/gbt9704_check.py"))
    GTEST_SKIP() << "../shared is not beside the repo";
  TempDir dir;
  const std::string pdf = dir.file(c.sample + ".pdf");
  auto r =
      runShell(cli() + " render " +
               shellQuote(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/" + c.sample + ".json") +
               " -o " + shellQuote(pdf));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto rows = runChecker(pdf, c.kind);
  ASSERT_GT(rows.size(), 5u);
  std::set<std::string> passed;
  for (const auto& row : rows) {
    if (row.status == "PASS") passed.insert(row.check);
    if (row.status == "FAIL" && !c.elsewhere.count(row.check)) {
      ADD_FAILURE() << c.sample << ": " << row.check << row.rest;
    }
  }
  for (const auto& check : c.mustPass) EXPECT_TRUE(passed.count(check)) << check;
}

INSTANTIATE_TEST_SUITE_P(
    Samples, DocumentChecker,
    ::testing::Values(
        // A decision with an attachment (a commendation list).
        Case{"decision-quality-awards",
             "document",
             {"red-mark-35mm", "red-mark-centred", "red-rule-centred", "red-rule-4mm", "title-size",
              "title-centred", "title-no-lone-char", "line-pitch", "chars-per-line",
              "justified-right-edge", "page-filled", "signature-page-has-body", "kinsoku",
              "folio-7mm-below", "folio-odd-right-even-left", "folio-consecutive", "fonts-embedded",
              "fonts-subset", "text-extractable"}},
        Case{"minutes-quality-conference",
             "minutes",
             {"red-mark-35mm", "red-mark-centred", "line-pitch", "chars-per-line",
              "justified-right-edge", "page-filled", "kinsoku", "folio-7mm-below",
              "folio-consecutive", "fonts-subset", "text-extractable"}},
        // A letter (10.1): the mark 30 mm from the page top, the red double lines, no page
        // number on page 1, and (7.3.5.5) body text on the page of its date.
        Case{"letter-quality-inspection",
             "letter",
             {"title-size", "title-centred", "line-pitch", "chars-per-line", "page-filled",
              "signature-page-has-body", "kinsoku", "folio-7mm-below", "fonts-subset",
              "text-extractable"}},
        Case{"article-quality-conference",
             "article",
             {"title-size", "title-centred", "line-pitch", "chars-per-line", "page-filled",
              "kinsoku", "fonts-subset", "text-extractable"}},
        // A notice whose attachment opens with a landscape table (横排表格, 8): the checker
        // reads its quarter-turned text as upright lines of the portrait block; SampleChecks
        // runs it whole with turned text left out. The attachment's label and title are on
        // the table's landscape page, so no short portrait page is left (page-filled).
        Case{"notice-district-honours-landscape",
             "document",
             {"red-mark-35mm", "title-size", "title-centred", "chars-per-line", "page-filled",
              "signature-page-has-body", "folio-7mm-below", "folio-odd-right-even-left",
              "folio-consecutive", "fonts-subset", "text-extractable"},
             {{"right-edge", "turned text measured as upright"},
              {"line-pitch", "turned text measured as upright"},
              {"kinsoku", "turned text measured as upright"}}},
        Case{"commendation-list-people", "list", {"title-size", "title-centred", "kinsoku"}},
        // The certificate's serial on the corner scroll is the 套打 work's to move (issue 13,
        // "text on the art"): drop this exception when it lands.
        Case{"certificate-mayor-quality-award",
             "certificate",
             {"kinsoku"},
             {{"text-clear-of-art", "the serial on the corner scroll: the 套打 work moves it"}}}),
    [](const auto& info) {
      std::string n = info.param.sample;
      for (char& ch : n) ch = std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
      return n;
    });

}  // namespace
}  // namespace gongwen::test
