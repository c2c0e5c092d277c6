// OFD from the front doors: `gongwen render/batch -o X.ofd` (or --format ofd), the server's
// ?format=ofd and Accept: application/ofd; bad input exactly as for PDF; an unwritable
// output leaves nothing. And the PDF's bookmarks, read back by qpdf.
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "common/Json.h"
#include "server/ServerFixture.h"
#include "support/OfdReader.h"
#include "support/Process.h"

namespace gongwen::test {
namespace {

std::string sample(const std::string& name) {
  return std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/" + name;
}

std::vector<uint8_t> bytesOf(const std::string& path) {
  const std::string s = readFile(path);
  return std::vector<uint8_t>(s.begin(), s.end());
}

int entriesIn(const std::string& dir) {
  int n = 0;
  for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

TEST(OfdOutput, RenderPicksTheFormatFromTheExtensionOrTheFlag) {
  TempDir dir;
  auto r = runShell(cli() + " render " + shellQuote(sample("decision-quality-awards.json")) +
                    " -o " + shellQuote(dir.file("a.ofd")));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto parts = unzipParts(bytesOf(dir.file("a.ofd")));
  EXPECT_TRUE(parts.count("OFD.xml"));
  EXPECT_TRUE(parts.count("Doc_0/Pages/Page_0/Content.xml"));

  r = runShell(cli() + " render " + shellQuote(sample("letter-quality-inspection.json")) +
               " --format ofd -o " + shellQuote(dir.file("b.bin")));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(readFile(dir.file("b.bin")).substr(0, 2), "PK");
  r = runShell(cli() + " render " + shellQuote(sample("letter-quality-inspection.json")) +
               " --format pdf -o " + shellQuote(dir.file("c.ofd")));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(readFile(dir.file("c.ofd")).substr(0, 5), "%PDF-");
  r = runShell(cli() + " render x.json --format docx");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--format takes pdf or ofd"), std::string::npos) << r.err;
}

TEST(OfdOutput, BadInputIsTheSameAsForPdfAndLeavesNothing) {
  for (const std::string& json :
       {std::string(R"({"layout": "article", "title": "x"})"),
        std::string("{\"layout\": \"article\",\n \"title\": [1,}"),
        std::string(R"({"layout": "nonesuch", "title": "x", "body": "y"})")}) {
    TempDir dir;
    writeText(dir.file("in.json"), json);
    auto pdf = runShell(cli() + " render " + shellQuote(dir.file("in.json")) + " -o " +
                        shellQuote(dir.file("out.pdf")));
    auto ofd = runShell(cli() + " render " + shellQuote(dir.file("in.json")) + " -o " +
                        shellQuote(dir.file("out.ofd")));
    EXPECT_EQ(ofd.exitCode, 2) << ofd.err;
    EXPECT_EQ(ofd.exitCode, pdf.exitCode);
    EXPECT_EQ(ofd.err, pdf.err);
    EXPECT_EQ(entriesIn(dir.path()), 1);  // in.json only
  }
}

TEST(OfdOutput, UnwritableOutputLeavesNothingBehind) {
  TempDir dir;
  std::filesystem::create_directory(dir.file("ro"));
  std::filesystem::permissions(
      dir.file("ro"), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  auto r = runShell(cli() + " render " + shellQuote(sample("letter-quality-inspection.json")) +
                    " -o " + shellQuote(dir.file("missing/x.ofd")));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing")));
  if (::geteuid() != 0) {  // root writes anywhere
    r = runShell(cli() + " render " + shellQuote(sample("letter-quality-inspection.json")) +
                 " -o " + shellQuote(dir.file("ro/x.ofd")));
    EXPECT_NE(r.exitCode, 0);
    EXPECT_EQ(entriesIn(dir.file("ro")), 0);
  }
  std::filesystem::permissions(dir.file("ro"), std::filesystem::perms::owner_all);
}

TEST(OfdOutput, BatchWritesOneMergedOfdOrOnePerRecord) {
  TempDir dir;
  writeText(dir.file("in.json"), R"([
    {"layout": "article", "title": "第一份通知", "body": "一、总体要求\n正文一。"},
    {"layout": "article", "title": "第二份通知", "body": "正文二。"}])");
  auto r = runShell(cli() + " batch -q " + shellQuote(dir.file("in.json")) + " -o " +
                    shellQuote(dir.file("all.ofd")));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto parts = unzipParts(bytesOf(dir.file("all.ofd")));
  XmlPart document(parts.at("Doc_0/Document.xml"));
  EXPECT_EQ(XmlPart::under(document.all("Pages").at(0), "Page").size(), 2u);
  auto top = XmlPart::under(document.all("Outlines").at(0), "OutlineElem");
  ASSERT_GE(top.size(), 2u);
  EXPECT_EQ(top[0]->getAttribute("Title"), "第一份通知");

  r = runShell(cli() + " batch -q " + shellQuote(dir.file("in.json")) + " --format ofd --split " +
               shellQuote(dir.file("split")));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  int ofds = 0;
  for (auto& e : std::filesystem::directory_iterator(dir.file("split"))) {
    EXPECT_EQ(e.path().extension(), ".ofd");
    ++ofds;
  }
  EXPECT_EQ(ofds, 2);
}

TEST(OfdOutput, PdfBookmarksReadBackByQpdf) {
  TempDir dir;
  auto r = runShell(cli() + " render " + shellQuote(sample("minutes-quality-conference.json")) +
                    " -o " + shellQuote(dir.file("a.pdf")));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto q = runShell("qpdf --json --json-key=outlines " + shellQuote(dir.file("a.pdf")));
  ASSERT_EQ(q.exitCode, 0) << q.err;
  auto outlines = parseJsonObject(q.out, "qpdf")->getArray("outlines");
  ASSERT_TRUE(outlines);
  ASSERT_GE(outlines->size(), 1u);
  auto first = outlines->getObject(0);
  EXPECT_FALSE(first->getValue<std::string>("title").empty());
  // The title's children (or siblings) hold the headings 一、…
  EXPECT_NE(q.out.find("一、"), std::string::npos) << q.out.substr(0, 2000);
  EXPECT_NE(q.out.find("\"dest\""), std::string::npos);
}

class ServerOfd : public ::testing::Test {
 protected:
  RunningServer server_;
};

TEST_F(ServerOfd, RenderAnswersOfdForTheQueryOrTheAcceptHeader) {
  HttpRequest req;
  req.method = "POST";
  req.path = "/v1/render";
  req.contentType = "application/json";
  req.body =
      R"({"layout": "article", "title": "关于开展检查的通知", "body": "一、总体要求\n正文。"})";
  req.headers.push_back({"Accept", "application/ofd"});
  auto r = http(server_.port(), req);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/ofd");
  EXPECT_NE(r.header("content-disposition").find(".ofd"), std::string::npos);
  EXPECT_TRUE(unzipParts(std::vector<uint8_t>(r.body.begin(), r.body.end())).count("OFD.xml"));

  auto q = httpPost(server_.port(), "/v1/render?format=ofd", "application/json", req.body);
  ASSERT_EQ(q.status, 200) << q.body;
  EXPECT_EQ(q.header("content-type"), "application/ofd");
  auto p = httpPost(server_.port(), "/v1/render", "application/json", req.body);
  EXPECT_EQ(p.header("content-type"), "application/pdf");
  auto bad = httpPost(server_.port(), "/v1/render?format=docx", "application/json", req.body);
  EXPECT_EQ(bad.status, 400);
  // Bad input: the same answer as for PDF.
  auto badPdf =
      httpPost(server_.port(), "/v1/render", "application/json", R"({"layout": "article"})");
  auto badOfd = httpPost(server_.port(), "/v1/render?format=ofd", "application/json",
                         R"({"layout": "article"})");
  EXPECT_EQ(badOfd.status, badPdf.status);
  EXPECT_EQ(badOfd.body, badPdf.body);
}

TEST_F(ServerOfd, BatchAnswersOneMergedOfd) {
  auto r = httpPost(server_.port(), "/v1/batch?format=ofd", "application/json",
                    R"({"layout": "article", "records": [
                       {"title": "甲", "body": "正文。"}, {"title": "乙", "body": "正文。"}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/ofd");
  EXPECT_NE(r.header("content-disposition").find("article-batch.ofd"), std::string::npos);
  const auto parts = unzipParts(std::vector<uint8_t>(r.body.begin(), r.body.end()));
  EXPECT_TRUE(parts.count("Doc_0/Pages/Page_1/Content.xml"));
}

}  // namespace
}  // namespace gongwen::test
