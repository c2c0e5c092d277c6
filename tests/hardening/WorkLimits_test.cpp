// Limits that bite while the work is done, not after it (issue 17): JSON limits checked
// while scanning, before any DOM exists; unknown members never built; the deadline and the
// page budget checked per page and paragraph; a box fitter that refuses a text that cannot
// fit before shaping it; the PDF's page limit; the smallest size of the issuer mark.
#include <gtest/gtest.h>

#include <chrono>

#include "batch/BatchRenderer.h"
#include "common/Json.h"
#include "common/WorkBudget.h"
#include "server/JobRequests.h"
#include "server/ServerFixture.h"
#include "support/Sanitizers.h"

namespace gongwen::test {
namespace {

using Clock = std::chrono::steady_clock;

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

double secondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

template <class F>
JsonLimitError::Kind limitKind(F&& f) {
  try {
    f();
  } catch (const JsonLimitError& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no JsonLimitError";
  return JsonLimitError::Kind::Depth;
}

// --- JSON limits while scanning -------------------------------------------------------

TEST(JsonLimits, DepthIsCheckedWhileScanning) {
  JsonLimits limits;
  limits.maxDepth = 8;
  EXPECT_NO_THROW(parseJson(repeat("[", 8) + repeat("]", 8), "t", limits));
  EXPECT_EQ(limitKind([&] { parseJson(repeat("[", 9) + repeat("]", 9), "t", limits); }),
            JsonLimitError::Kind::Depth);
  // The default: 64 levels, far below what would exhaust the stack.
  EXPECT_EQ(limitKind([] { parseJson(repeat("[", 65) + repeat("]", 65), "t"); }),
            JsonLimitError::Kind::Depth);
}

TEST(JsonLimits, ValuesAndContainersAreCountedBeforeAnythingIsBuilt) {
  JsonLimits limits;
  limits.maxValues = 100;
  EXPECT_EQ(limitKind([&] { parseJson("[" + repeat("1,", 100) + "1]", "t", limits); }),
            JsonLimitError::Kind::Values);
  limits.maxValues = 1'000'000;
  limits.maxContainers = 10;
  try {
    parseJson("[" + repeat("{},", 20) + "{}]", "$", limits);
    FAIL();
  } catch (const JsonLimitError& e) {
    EXPECT_EQ(e.where(), "$");
    EXPECT_NE(e.message().find("more than 10 objects and arrays"), std::string::npos)
        << e.message();
    EXPECT_NE(e.message().find("line 1, column 29"), std::string::npos) << e.message();
  }
}

TEST(JsonLimits, StringSizeIsChecked) {
  JsonLimits limits;
  limits.maxStringBytes = 1000;
  EXPECT_NO_THROW(parseJson("[\"" + repeat("a", 990) + "\"]", "t", limits));
  EXPECT_EQ(limitKind([&] { parseJson("[\"" + repeat("a", 1001) + "\"]", "t", limits); }),
            JsonLimitError::Kind::String);
}

TEST(JsonLimits, RecordsAreCountedWhileScanning) {
  JsonLimits limits;
  limits.maxRecords = 3;
  EXPECT_NO_THROW(parseJson(R"({"records": [{}, {}, {}], "other": [1, 2, 3, 4]})", "$", limits));
  try {
    parseJson(R"({"layout": "a", "records": [{}, {}, {}, {}, {}]})", "$", limits);
    FAIL();
  } catch (const JsonLimitError& e) {
    EXPECT_EQ(e.kind(), JsonLimitError::Kind::Records);
    EXPECT_EQ(e.where(), "$.records");
    EXPECT_EQ(e.message().substr(0, 34), "more than 3 records in one batch, ");
  }
  // A top-level array of records (the command line's batch form).
  EXPECT_EQ(limitKind([&] { parseJson("[{}, {}, {}, {}]", "t", limits); }),
            JsonLimitError::Kind::Records);
}

// 3.5 M empty records (10 MB) are refused after the first few thousand, in milliseconds:
// the DOM of all of them took 3 GB.
TEST(JsonLimits, ABatchOfMillionsOfEmptyRecordsIsRefusedEarly) {
  std::string body =
      R"({"layout": "certificate", "records": [)" + repeat("{},", 3'500'000) + "{}]}";
  server::Limits serverLimits;
  auto start = Clock::now();
  EXPECT_EQ(limitKind([&] { parseJson(body, "$", server::requestJsonLimits(serverLimits)); }),
            JsonLimitError::Kind::Records);
  EXPECT_LT(secondsSince(start), 3.0 * kSanitizerSlowdown);
}

TEST(JsonLimits, AUtf8ByteOrderMarkIsAccepted) {
  auto o = parseJsonObject("\xEF\xBB\xBF{\"a\": 1}", "t");
  EXPECT_EQ(o->getValue<int>("a"), 1);
  auto scan = scanJson("\xEF\xBB\xBF{\"layout\": \"article\"}", "t", {});
  EXPECT_EQ(scan.stringMember("layout"), "article");
}

// Unknown members of a record are never built (10 MB of junk costs nothing), but are still
// reported as unknown.
TEST(JsonLimits, UnknownMembersOfARecordAreNotBuilt) {
  auto record = engine().readRecord(
      R"({"layout": "article", "title": "标题", "body": "甲", "junk": [{}, {}, [1, 2]]})", "t", "");
  ASSERT_TRUE(record->has("junk"));
  EXPECT_TRUE(record->get("junk").isEmpty());
  EXPECT_EQ(record->getValue<std::string>("title"), "标题");
  EXPECT_EQ(record->getValue<std::string>("body"), "甲");
  auto laid = engine().layout(record, RenderOptions{});
  ASSERT_EQ(laid.warnings.size(), 1u);
  EXPECT_NE(laid.warnings[0].english().find("unknown field \"junk\""), std::string::npos);
  // An unknown layout: only "layout" is built, and the layout's error names it.
  auto unknown = engine().readRecord(R"({"layout": "nosuch", "title": [{}]})", "t", "");
  EXPECT_TRUE(unknown->get("title").isEmpty());
  EXPECT_THROW(engine().layout(unknown, RenderOptions{}), InputError);
}

// --- the deadline and the page budget during composition -------------------------------

TEST(WorkBudget, PagesAreRefusedWhenThePageOverTheLimitIsBegun) {
  // 3 000 one-character paragraphs: 137 pages of 22 lines.
  std::string body = repeat("一。\n", 3000);
  WorkBudget budget(std::nullopt, std::chrono::milliseconds(0), 10);
  RenderOptions options;
  options.budget = &budget;
  try {
    engine().layout(article("标题", body), options);
    FAIL();
  } catch (const LimitExceeded& e) {
    EXPECT_EQ(e.kind(), LimitExceeded::Kind::Pages);
    EXPECT_NE(e.message().find("more than the limit of 10 pages"), std::string::npos);
  }
}

TEST(WorkBudget, TheDeadlineBitesDuringComposition) {
  // 200 000 paragraphs take far longer than 10 ms to lay out on any machine.
  std::string body = repeat("一。\n", 200000);
  WorkBudget budget(Clock::now() + std::chrono::milliseconds(10), std::chrono::milliseconds(10),
                    100000);
  RenderOptions options;
  options.budget = &budget;
  auto start = Clock::now();
  try {
    engine().layout(article("标题", body), options);
    FAIL();
  } catch (const LimitExceeded& e) {
    EXPECT_EQ(e.kind(), LimitExceeded::Kind::Time);
  }
  EXPECT_LT(secondsSince(start), 3.0 * kSanitizerSlowdown);
}

// More than one PDF can hold (libharu's 32 767): refused, before the pages are laid out.
TEST(WorkBudget, MoreParagraphsThanOnePdfCanHoldAreRefusedBeforeLayout) {
  std::string body = repeat("一\n", 32767 * 22 + 1);
  auto start = Clock::now();
  try {
    engine().layout(article("标题", body), RenderOptions{});
    FAIL();
  } catch (const LimitExceeded& e) {
    EXPECT_EQ(e.kind(), LimitExceeded::Kind::PdfPages);
    EXPECT_NE(e.message().find("32767 pages"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("one PDF file can hold"), std::string::npos) << e.message();
  }
  EXPECT_LT(secondsSince(start), 15.0 * kSanitizerSlowdown);
}

TEST(WorkBudget, AMergedBatchOverThePdfLimitIsRefusedBeforeMerging) {
  std::vector<BatchDocument> docs(2);
  docs[0].list.pages.resize(20000);
  docs[1].list.pages.resize(12767);
  EXPECT_EQ(mergedPageCount(docs, false), 32767u);
  EXPECT_EQ(mergedPageCount(docs, true), 32767u);  // 20 000 is even: no blank page
  docs[0].list.pages.resize(20001);
  EXPECT_EQ(mergedPageCount(docs, true), 32769u);
  try {
    mergeDocuments(docs, false);
    FAIL();
  } catch (const LimitExceeded& e) {
    EXPECT_EQ(e.kind(), LimitExceeded::Kind::PdfPages);
    EXPECT_EQ(e.where(), "the merged PDF");
  }
  EXPECT_EQ(docs[0].list.pages.size(), 20001u);  // nothing merged
}

// A 10 MB cell in a certificate's box: refused in milliseconds (it took 10 s over HTTP and
// 72 s and 4.7 GB for 50 MB), with the same message as a text a little too long.
TEST(WorkBudget, ABoxFitterRefusesATextThatCannotFitBeforeShapingIt) {
  for (const std::string& unit : {std::string("好"), std::string("a")}) {
    auto r = record(R"({"layout": "certificate", "citation": "荣获。", "issuer": "南京市人民政府",
                        "date": "2012-06-13"})");
    r->set("recipient", repeat(unit, 10'000'000 / unit.size()));
    auto start = Clock::now();
    try {
      engine().layout(r, RenderOptions{});
      FAIL();
    } catch (const InputError& e) {
      EXPECT_EQ(e.where(), "$.recipient");
      EXPECT_NE(e.message().find("too long for its box (recipient): at the smallest size, 22pt, "
                                 "it takes at least"),
                std::string::npos)
          << e.message();
    }
    EXPECT_LT(secondsSince(start), 5.0 * kSanitizerSlowdown)
        << unit;  // shaping it all took 10 s and more
  }
}

TEST(WorkBudget, AnIssuerMarkHasASmallestSize) {
  auto r = parseJsonObject(
      readText(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/decision-quality-awards.json"),
      "sample");
  r->set("issuer_mark", repeat("南京市人民政府", 10000 / 7));
  try {
    engine().layout(r, RenderOptions{});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.issuer_mark");
    EXPECT_NE(e.message().find("too long for the issuer mark: at the smallest size, 12pt"),
              std::string::npos)
        << e.message();
  }
}

// --- the same over HTTP ------------------------------------------------------------------

// A bomb of one-character paragraphs with a one-second time limit: answered 422 in about
// a second (it took 14 s and 1 GB), and the next request is answered.
TEST(WorkBudget, AParagraphBombOverHttpIsAnsweredWithinTheTimeLimit) {
  auto settings = testSettings();
  settings.limits.timeLimit = std::chrono::milliseconds(1000);
  settings.limits.maxPages = 100000;  // so that the time limit bites first
  RunningServer s(settings);
  std::string body = articleJson("标题", repeat("一\\n", 600'000));
  auto start = Clock::now();
  auto r = httpPost(s.port(), "/v1/render", "application/json", body);
  const double took = secondsSince(start);
  EXPECT_EQ(r.status, 422) << r.body.substr(0, 300);
  EXPECT_NE(r.body.find("time limit exceeded"), std::string::npos) << r.body.substr(0, 300);
  EXPECT_LT(took, 5.0);  // it took 14 s
  // With the default page limit the same body is refused for its pages, at once.
  RunningServer d;
  start = Clock::now();
  auto pages = httpPost(d.port(), "/v1/render", "application/json", body);
  EXPECT_EQ(pages.status, 422);
  EXPECT_NE(pages.body.find("too many pages"), std::string::npos) << pages.body.substr(0, 300);
  EXPECT_LT(secondsSince(start), 5.0 * kSanitizerSlowdown);
}

// A valid batch whose merged PDF would pass 32 767 pages: the dry run answers what the run
// would (it said 200, and the run failed with 500 after minutes).
TEST(WorkBudget, ABatchOverThePdfPageLimitIsRefusedByItsDryRunToo) {
  auto settings = testSettings();
  settings.limits.maxPages = 20000;
  RunningServer s(settings);
  const std::string record =
      R"({"title": "长文", "body": ")" + repeat("一\\n", 16400 * 22) + R"("})";
  const std::string body = R"({"layout": "article", "records": [)" + record + "," + record + "]}";
  auto r = httpPost(s.port(), "/v1/batch?dry_run=1", "application/json", body);
  EXPECT_EQ(r.status, 422) << r.body.substr(0, 300);
  EXPECT_NE(r.body.find("\"too many pages\""), std::string::npos) << r.body.substr(0, 300);
  EXPECT_NE(r.body.find("more than the 32767 one PDF file can hold"), std::string::npos)
      << r.body.substr(0, 300);
  EXPECT_NE(r.body.find("\"field\":\"$.records\""), std::string::npos) << r.body.substr(0, 300);
}

TEST(WorkBudget, JsonOverTheLimitsIs413OverHttp) {
  RunningServer s;
  std::string junk = R"({"layout": "article", "title": "t", "body": "b", "junk": [)" +
                     repeat("{},", 2'500'000) + "{}]}";
  auto r = httpPost(s.port(), "/v1/render", "application/json", junk);
  EXPECT_EQ(r.status, 413) << r.body.substr(0, 300);
  EXPECT_NE(r.body.find("request too large"), std::string::npos) << r.body.substr(0, 300);
  // A BOM is accepted.
  auto bom = httpPost(s.port(), "/v1/render", "application/json",
                      "\xEF\xBB\xBF" + articleJson("标题", "正文。"));
  EXPECT_EQ(bom.status, 200) << bom.body.substr(0, 300);
}

}  // namespace
}  // namespace gongwen::test
