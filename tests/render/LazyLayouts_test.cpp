// A one-off render reads only the layout it uses (issue 16: parsing all ten took 10 % of a
// certificate's process); a layout file with an unknown key is still refused — when it is
// used, by `gongwen layouts --check` always, and by a server at start.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/Errors.h"
#include "render/EngineFactory.h"
#include "render/EngineReports.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

const std::string kSource = GONGWEN_SOURCE_DATA_DIR;

std::string replacedOnce(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// A data folder: the shipped fonts/ and layouts/, with the gongwen and certificate layouts
// given a typo each.
class LazyLayouts : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_.path() + "/layouts");
    fs::create_directory_symlink(kSource + "/fonts", dir_.path() + "/fonts");
    size_t copied = 0;
    for (const auto& entry : fs::directory_iterator(kSource + "/layouts")) {
      if (entry.path().extension() != ".json") continue;
      std::string text = test::readText(entry.path().string());
      const std::string name = entry.path().stem().string();
      if (name == "gongwen") text = replacedOnce(text, "\"cc_label\"", "\"cc_lable\"");
      if (name == "certificate") text = replacedOnce(text, "\"min_size_pt\"", "\"min_size_tp\"");
      std::ofstream(dir_.path() + "/layouts/" + name + ".json") << text;
      ++copied;
    }
    ASSERT_GE(copied, 10u);
    settings_.dataDir = dir_.path();
  }

  test::TempDir dir_;
  EngineSettings settings_;
};

TEST_F(LazyLayouts, ARenderReadsOnlyItsLayout) {
  auto engine = makeEngine(settings_);  // the two typos are not read yet
  EXPECT_FALSE(engine->layouts().loadedAtOnce());
  const auto names = engine->layouts().names();
  EXPECT_NE(std::find(names.begin(), names.end(), "gongwen"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "certificate"), names.end());
  const auto pdf = engine->renderPdf(test::article("关于开展质量月活动的通知", "正文。"), {});
  EXPECT_GT(pdf.size(), 1000u);
}

TEST_F(LazyLayouts, AnUnknownKeyIsRefusedWhenItsLayoutIsUsed) {
  auto engine = makeEngine(settings_);
  try {
    engine->layouts().get("gongwen");
    ADD_FAILURE() << "the typo passed";
  } catch (const InputError& e) {
    EXPECT_NE(e.where().find("gongwen.json: $.flow["), std::string::npos) << e.where();
    EXPECT_NE(e.where().find("].cc_lable"), std::string::npos) << e.where();
  }
  // A certificate's boxes are compiled when it is first used: its typo is refused then.
  auto record = test::record(R"({"layout": "certificate", "recipient": "张三",
                                 "citation": "在质量月活动中表现突出。", "issuer": "南京市人民政府",
                                 "date": "2012-06-13"})");
  try {
    engine->renderPdf(record, {});
    ADD_FAILURE() << "the typo passed";
  } catch (const InputError& e) {
    EXPECT_NE(e.where().find("min_size_tp"), std::string::npos) << e.where();
    EXPECT_EQ(e.message(), "unknown key; did you mean \"min_size_pt\"?");
  }
}

TEST_F(LazyLayouts, AnUnknownLayoutListsTheNames) {
  auto engine = makeEngine(settings_);
  try {
    engine->renderPdf(test::record(R"({"layout": "artcle", "title": "x", "body": "y"})"), {});
    ADD_FAILURE() << "an unknown layout passed";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.layout");
    EXPECT_NE(e.message().find("unknown layout \"artcle\""), std::string::npos) << e.message();
    for (const char* name : {"article", "certificate", "gongwen", "minutes", "letter"})
      EXPECT_NE(e.message().find(name), std::string::npos) << e.message();
  }
}

TEST_F(LazyLayouts, AServerAndTheCheckReadEveryLayoutAtStart) {
  EngineSettings all = settings_;
  all.allLayoutsAtStart = true;
  EXPECT_THROW(makeEngine(all), InputError);
  EXPECT_THROW(checkLayouts(settings_, ""), InputError);
  // Without the two typos both load every layout.
  for (const char* name : {"gongwen", "certificate"}) {
    fs::copy_file(kSource + "/layouts/" + name + ".json",
                  dir_.path() + "/layouts/" + name + ".json", fs::copy_options::overwrite_existing);
  }
  auto engine = makeEngine(all);
  EXPECT_TRUE(engine->layouts().loadedAtOnce());
  EXPECT_NE(engine->boxTemplate("certificate"), nullptr);
  EXPECT_EQ(engine->boxTemplate("article"), nullptr);
  EXPECT_NE(checkLayouts(settings_, "").find("no problem"), std::string::npos);
}

TEST_F(LazyLayouts, TheCommandLineRendersAnotherLayoutBesideABrokenOne) {
  test::writeText(
      dir_.file("article.json"),
      R"({"layout": "article", "title": "关于开展质量月活动的通知", "body": "正文。"})");
  test::writeText(dir_.file("gongwen.json"),
                  R"({"layout": "gongwen", "title": "关于开展质量月活动的通知",
                                          "body": "正文。"})");
  const std::string base = test::cli() + " render --data-dir " + test::shellQuote(dir_.path());
  auto ok = test::runShell(base + " " + test::shellQuote(dir_.file("article.json")) + " -o " +
                           test::shellQuote(dir_.file("article.pdf")));
  EXPECT_EQ(ok.exitCode, 0) << ok.err;
  EXPECT_TRUE(test::fileExists(dir_.file("article.pdf")));
  auto bad = test::runShell(base + " " + test::shellQuote(dir_.file("gongwen.json")) + " -o " +
                            test::shellQuote(dir_.file("gongwen.pdf")));
  EXPECT_EQ(bad.exitCode, 2) << bad.err;
  EXPECT_NE(bad.err.find("cc_lable"), std::string::npos) << bad.err;
  EXPECT_FALSE(test::fileExists(dir_.file("gongwen.pdf")));
}

}  // namespace
}  // namespace gongwen
