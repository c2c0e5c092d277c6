// Flow elements' settings compiled when a layout is loaded (issue 10): each element reads the
// keys it declares once (layout/elements/Specs.h); any other key is an error naming the file,
// the JSON path and the key it probably meant, and `gongwen layouts --check` reports it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include "common/Errors.h"
#include "layout/FlowElements.h"
#include "model/ElementParams.h"
#include "model/Layout.h"
#include "render/EngineReports.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

const std::string kLayouts = std::string(GONGWEN_SOURCE_DATA_DIR) + "/layouts";

// `text` with its one occurrence of `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::optional<InputError> loadError(const std::string& text, const std::string& source) {
  try {
    Layout::fromJson(text, source, flowElementKinds());
  } catch (const InputError& e) {
    return e;
  }
  return std::nullopt;
}

// A small flow layout with one element (its JSON object given).
std::string withElement(const std::string& element) {
  return R"({"name": "t", "styles": {"body": {"font": "fangsong", "size_pt": 16}},
    "fields": [{"name": "title", "type": "string"}], "flow": [)" +
         element + "]}";
}

TEST(FlowElementSpecs, EveryShippedElementIsCompiledAtLoad) {
  int layouts = 0, elements = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kLayouts)) {
    if (entry.path().extension() != ".json") continue;
    ++layouts;
    const Layout layout = Layout::fromJson(test::readText(entry.path().string()),
                                           entry.path().string(), flowElementKinds());
    for (const FlowElement& el : layout.flow) {
      ++elements;
      EXPECT_NE(el.spec, nullptr) << el.path;
    }
  }
  EXPECT_GE(layouts, 8);
  EXPECT_GE(elements, 30);
}

TEST(FlowElementSpecs, DefaultsAreTheDeclaredOnes) {
  const Layout layout =
      Layout::fromJson(withElement(R"({"element": "title", "field": "title", "style": "body"})"),
                       "t.json", flowElementKinds());
  const auto* title = dynamic_cast<const TitleSpec*>(layout.flow.at(0).spec.get());
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->maxChars, TitleSpec().maxChars);
  EXPECT_EQ(title->maxChars, 200);
  EXPECT_EQ(title->breakMode, BreakMode::Word);
  EXPECT_FALSE(title->belowAnchorLines.has_value());
}

TEST(FlowElementSpecs, ATypoInAShippedLayoutIsRefusedWithTheKeyItMeant) {
  const std::string text = test::readText(kLayouts + "/gongwen.json");
  const auto e = loadError(replaced(text, "\"seal_diameter_mm\"", "\"seal_diameter_nm\""),
                           "layouts/gongwen.json");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->message(), "unknown key; did you mean \"seal_diameter_mm\"?");
  EXPECT_EQ(e->where().rfind("layouts/gongwen.json: $.flow[", 0), 0u) << e->where();
  EXPECT_NE(e->where().find("].seal_diameter_nm"), std::string::npos) << e->where();
}

TEST(FlowElementSpecs, NestedKeysAreCheckedToo) {
  const auto e =
      loadError(withElement(R"({"element": "rule", "lines": [{"gap_mm": 1, "thickness": 0.5}]})"),
                "layouts/t.json");
  ASSERT_TRUE(e.has_value());
  EXPECT_STREQ(e->what(),
               "layouts/t.json: $.flow[0].lines[0].thickness: unknown key; did you mean "
               "\"thickness_mm\"?");
  EXPECT_EQ(e->text(Language::Chinese),
            "layouts/t.json: $.flow[0].lines[0].thickness：未知的键；是否想写“thickness_mm”？");
}

// The layout file itself is read by the same reader as its elements: a typo in "page" or
// in a style gets the same guess.
TEST(FlowElementSpecs, ATypoOutsideTheFlowGetsTheSameGuess) {
  const std::string text = test::readText(kLayouts + "/gongwen.json");
  auto e =
      loadError(replaced(text, "\"block_width_mm\"", "\"block_width_nm\""), "layouts/gongwen.json");
  ASSERT_TRUE(e.has_value());
  EXPECT_STREQ(e->what(),
               "layouts/gongwen.json: $.page.block_width_nm: unknown key; did you mean "
               "\"block_width_mm\"?");
  e = loadError(replaced(text, "\"size_pt\"", "\"size_px\""), "layouts/gongwen.json");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->message(), "unknown key; did you mean \"size_pt\"?");
  EXPECT_EQ(e->where().rfind("layouts/gongwen.json: $.styles.", 0), 0u) << e->where();
}

TEST(FlowElementSpecs, AnUnrelatedKeyGetsNoGuess) {
  const auto e = loadError(withElement(R"({"element": "recipients", "zzzzzz": 1})"), "t.json");
  ASSERT_TRUE(e.has_value());
  EXPECT_STREQ(e->what(), "t.json: $.flow[0].zzzzzz: unknown key");
}

TEST(FlowElementSpecs, BadValuesAreRefusedAtLoadNotAtRender) {
  auto e = loadError(withElement(R"({"element": "title", "field": "title", "break": "word"})"),
                     "t.json");
  ASSERT_TRUE(e.has_value());
  EXPECT_STREQ(e->what(), "t.json: $.flow[0].break: must be one of words, lines");
  EXPECT_EQ(e->text(Language::Chinese), "t.json: $.flow[0].break：应为words、lines之一");

  e = loadError(withElement(R"({"element": "attendance", "label_style": "nosuch"})"), "t.json");
  ASSERT_TRUE(e.has_value());
  EXPECT_STREQ(e->what(),
               "t.json: $.flow[0].label_style: no style named \"nosuch\" in the layout's "
               "\"styles\"");

  e = loadError(withElement(R"({"element": "colophon", "thick_mm": "0.35"})"), "t.json");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->text(Language::Chinese), "t.json: $.flow[0].thick_mm：应为数字，实际是字符串");
}

TEST(FlowElementSpecs, ClosestKeyGuessesOnlyNearMisses) {
  const std::set<std::string> known = {"seal_diameter_mm", "seal_field", "date_field"};
  EXPECT_EQ(closestKey("seal_diameter_nm", known), "seal_diameter_mm");
  EXPECT_EQ(closestKey("date_feild", known), "date_field");
  EXPECT_EQ(closestKey("colour_scheme", known), "");
}

class LayoutsCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("gongwen-layouts-check-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(LayoutsCheck, TheShippedLayoutsPass) {
  EXPECT_NE(checkLayouts({}, kLayouts).find("no problem"), std::string::npos);
}

TEST_F(LayoutsCheck, ATypoInAnOfficesTemplateIsReported) {
  for (const char* name : {"gongwen", "attachment"}) {
    std::ofstream(dir_ / (std::string(name) + ".json"))
        << test::readText(kLayouts + "/" + name + ".json");
  }
  EXPECT_NE(checkLayouts({}, dir_.string()).find("2 layouts checked"), std::string::npos);
  std::ofstream(dir_ / "gongwen.json")
      << replaced(test::readText(kLayouts + "/gongwen.json"), "\"cc_label\"", "\"cc_lable\"");
  try {
    checkLayouts({}, dir_.string());
    ADD_FAILURE() << "the typo passed";
  } catch (const InputError& e) {
    EXPECT_NE(e.where().find("gongwen.json: $.flow["), std::string::npos) << e.where();
    EXPECT_NE(e.where().find("].cc_lable"), std::string::npos) << e.where();
    EXPECT_EQ(e.message(), "unknown key; did you mean \"cc_label\"?");
  }
}

}  // namespace
}  // namespace gongwen
