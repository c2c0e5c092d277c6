// 套打 on the command line: printer profiles saved, listed and removed in the user's config
// folder ($XDG_CONFIG_HOME/gongwen/printers.json); --printer, --offset, --scale and
// --overlay on render and batch; `gongwen calibrate`; and the errors: an unknown profile
// lists the known ones, a profile file that cannot be read names the file, an offset that
// pushes a box off the page names the box.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

const std::string kSample =
    std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/certificate-mayor-quality-award.json";

class PrinterCommands : public ::testing::Test {
 protected:
  // gongwen with a config folder of its own.
  ProcessResult gongwen(const std::string& args) {
    return runShell("SOURCE_DATE_EPOCH=1339545600 XDG_CONFIG_HOME=" +
                    shellQuote(dir_.file("config")) + " " + cli() + " " + args);
  }
  std::string profiles() const { return dir_.file("config") + "/gongwen/printers.json"; }
  TempDir dir_;
};

TEST_F(PrinterCommands, SetListRemove) {
  auto r = gongwen("printer list");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("no printer profiles in " + profiles()), std::string::npos) << r.out;
  EXPECT_FALSE(fileExists(profiles()));

  r = gongwen("printer set office-hp --offset 1.5,-0.8 --scale 0.99");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  r = gongwen("printer set office-hp/tray2 --offset=-1,2");
  EXPECT_EQ(r.exitCode, 2) << "--offset=… is not an option form gongwen takes";
  r = gongwen("printer set office-hp/tray2 --offset -1,2");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  ASSERT_TRUE(fileExists(profiles()));
  const std::string json = readText(profiles());
  EXPECT_NE(json.find("\"office-hp\""), std::string::npos) << json;
  EXPECT_NE(json.find("0.99"), std::string::npos) << json;

  r = gongwen("printer list");
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out, "office-hp  offset 1.5,-0.8 mm  scale 0.99\noffice-hp/tray2  offset -1,2 mm\n");

  r = gongwen("printer remove office-hp");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  r = gongwen("printer list");
  EXPECT_EQ(r.out, "office-hp/tray2  offset -1,2 mm\n");
  r = gongwen("printer remove nobody");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("known: office-hp/tray2"), std::string::npos) << r.err;
}

TEST_F(PrinterCommands, RenderWithAProfileMovesThePage) {
  ASSERT_EQ(gongwen("printer set hp --offset 1.5,-0.8").exitCode, 0);
  auto plain =
      gongwen("render " + shellQuote(kSample) + " --overlay -o " + shellQuote(dir_.file("a.pdf")));
  ASSERT_EQ(plain.exitCode, 0) << plain.err;
  auto moved = gongwen("render " + shellQuote(kSample) + " --overlay --printer hp -o " +
                       shellQuote(dir_.file("b.pdf")));
  ASSERT_EQ(moved.exitCode, 0) << moved.err;
  auto flag = gongwen("render " + shellQuote(kSample) + " --overlay --offset 1.5,-0.8 -o " +
                      shellQuote(dir_.file("c.pdf")));
  ASSERT_EQ(flag.exitCode, 0) << flag.err;
  EXPECT_EQ(readText(dir_.file("b.pdf")), readText(dir_.file("c.pdf")))
      << "the profile and the same flags give the same PDF";
  EXPECT_NE(readText(dir_.file("a.pdf")), readText(dir_.file("b.pdf")));
  // pdftotext's word boxes: every word 1.5 mm right and 0.8 mm up.
  auto words = [&](const std::string& pdf) {
    const std::string xml = runShell("pdftotext -bbox " + shellQuote(pdf) + " -").out;
    std::vector<std::pair<double, double>> out;
    const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)")re");
    for (std::sregex_iterator it(xml.begin(), xml.end(), word), end; it != end; ++it) {
      out.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
    }
    return out;
  };
  const auto a = words(dir_.file("a.pdf")), b = words(dir_.file("b.pdf"));
  ASSERT_GT(a.size(), 5u);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_NEAR(b[i].first - a[i].first, 1.5 * 72 / 25.4, 0.01) << "word " << i;
    EXPECT_NEAR(b[i].second - a[i].second, -0.8 * 72 / 25.4, 0.01) << "word " << i;
  }
}

TEST_F(PrinterCommands, AnUnknownProfileListsTheKnownOnes) {
  ASSERT_EQ(gongwen("printer set hp --offset 1,1").exitCode, 0);
  ASSERT_EQ(gongwen("printer set canon --offset 0,1").exitCode, 0);
  auto r = gongwen("render " + shellQuote(kSample) + " --printer epson -o " +
                   shellQuote(dir_.file("x.pdf")));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("no printer profile \"epson\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("known: canon, hp"), std::string::npos) << r.err;
  EXPECT_FALSE(fileExists(dir_.file("x.pdf")));
}

TEST_F(PrinterCommands, AProfileFileThatCannotBeReadIsNamed) {
  std::filesystem::create_directories(dir_.file("config") + "/gongwen");
  writeText(profiles(), "{\"printers\": {\"hp\": {\"offset_mm\": [1, }}");
  auto r = gongwen("render " + shellQuote(kSample) + " --printer hp -o " +
                   shellQuote(dir_.file("x.pdf")));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find(profiles()), std::string::npos) << r.err;
  EXPECT_FALSE(fileExists(dir_.file("x.pdf")));
  r = gongwen("printer list");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find(profiles()), std::string::npos) << r.err;

  writeText(profiles(), "{\"printers\": {\"hp\": {\"offset_mm\": [1, \"two\"]}}}");
  r = gongwen("printer list");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find(profiles() + ": $.printers.hp.offset_mm[1]"), std::string::npos) << r.err;

  std::filesystem::remove(profiles());
  std::filesystem::create_directories(profiles());  // a folder where the file should be
  r = gongwen("printer list");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find(profiles()), std::string::npos) << r.err;
}

TEST_F(PrinterCommands, AnOffsetThatPushesABoxOffThePageNamesIt) {
  auto r = gongwen("render " + shellQuote(kSample) + " --offset 0,30 -o " +
                   shellQuote(dir_.file("x.pdf")));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("$.boxes["), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("box off the page"), std::string::npos) << r.err;
  EXPECT_FALSE(fileExists(dir_.file("x.pdf")));
  r = gongwen("render " + shellQuote(kSample) + " --offset 1.5 -o " +
              shellQuote(dir_.file("x.pdf")));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--offset"), std::string::npos) << r.err;
}

TEST_F(PrinterCommands, BatchTakesTheSameFlags) {
  const std::string csv = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/quality-award-2011.csv";
  auto r = gongwen("batch -q --layout certificate --overlay --offset 1,1 " + shellQuote(csv) +
                   " -o " + shellQuote(dir_.file("b.pdf")));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto text = runShell("pdftotext -enc UTF-8 " + shellQuote(dir_.file("b.pdf")) + " -").out;
  ASSERT_EQ(gongwen("batch -q --layout certificate " + shellQuote(csv) + " -o " +
                    shellQuote(dir_.file("full.pdf")))
                .exitCode,
            0);
  auto full = runShell("pdftotext -enc UTF-8 " + shellQuote(dir_.file("full.pdf")) + " -").out;
  EXPECT_NE(full.find("奖\n\n状"), std::string::npos) << full.substr(0, 40);
  EXPECT_EQ(text.find("奖\n\n状"), std::string::npos) << "套打 leaves the title out";
  EXPECT_NE(text.find("特发此状"), std::string::npos);
}

TEST_F(PrinterCommands, CalibrateWritesASheetAtTheLayoutsPageSize) {
  for (const std::string layout : {"certificate", "certificate-8k", "honor-certificate"}) {
    const std::string out = dir_.file(layout + ".pdf");
    auto r = gongwen("calibrate --layout " + layout + " -o " + shellQuote(out));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto info = runShell("pdfinfo " + shellQuote(out)).out;
    const std::string size = layout == "certificate"      ? "841.89 x 595.276"
                             : layout == "certificate-8k" ? "1048.82 x 737.008"
                                                          : "807.874 x 595.276";
    EXPECT_NE(info.find("Page size:       " + size), std::string::npos) << layout << "\n" << info;
    auto text = runShell("pdftotext -enc UTF-8 " + shellQuote(out) + " -").out;
    EXPECT_NE(text.find("套打校准页"), std::string::npos) << text;
    EXPECT_NE(text.find("gongwen printer set"), std::string::npos) << text;
    EXPECT_NE(text.find("recipient"), std::string::npos) << "each box is labelled";
  }
  auto r = gongwen("calibrate --layout gongwen -o " + shellQuote(dir_.file("g.pdf")));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("not a certificate"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace gongwen::test
