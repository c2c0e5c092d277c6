// 套打 over HTTP: ?overlay=1, ?offset=X,Y and ?scale=S on /v1/render and /v1/batch, their
// errors (400 naming the parameter, 422 naming a box pushed off the page), and the page
// size in GET /v1/layouts that the web page scales a card's photo to.
#include <gtest/gtest.h>

#include "common/Json.h"
#include "server/ServerFixture.h"
#include "support/Process.h"

namespace gongwen::test {
namespace {

const std::string kCertificate =
    R"({"layout": "certificate", "recipient": "中电电气集团有限公司",
        "citation": "荣获第三届“市长质量奖”。特发此状，以资鼓励。",
        "issuer": "南京市人民政府", "date": "2012-06-13"})";

std::string textOf(const std::string& pdf) {
  TempDir dir;
  writeText(dir.file("x.pdf"), pdf);
  return runShell("pdftotext -enc UTF-8 " + shellQuote(dir.file("x.pdf")) + " -").out;
}

std::string fieldOf(const std::string& body) {
  return parseJsonObject(body, "response")->optValue<std::string>("field", "");
}

TEST(ServerOverlay, RenderLeavesOutWhatTheCardCarries) {
  RunningServer s;
  auto full = httpPost(s.port(), "/v1/render", "application/json", kCertificate);
  ASSERT_EQ(full.status, 200) << full.body;
  auto over = httpPost(s.port(), "/v1/render?overlay=1&offset=1.5,-0.8&scale=0.99",
                       "application/json", kCertificate);
  ASSERT_EQ(over.status, 200) << over.body;
  EXPECT_NE(textOf(full.body).find("奖\n\n状"), std::string::npos);
  EXPECT_EQ(textOf(over.body).find("奖\n\n状"), std::string::npos);
  EXPECT_NE(textOf(over.body).find("中电电气集团有限公司"), std::string::npos);
  EXPECT_NE(over.body.find("/PrintScaling /None"), std::string::npos);
}

TEST(ServerOverlay, TheFirstPageAsSvgForThePreviewOnTheCard) {
  RunningServer s;
  auto r = httpPost(s.port(), "/v1/render?format=svg&overlay=1", "application/json", kCertificate);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "image/svg+xml; charset=utf-8");
  EXPECT_EQ(
      r.body.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 841.89 595.276\"", 0),
      0u)
      << r.body.substr(0, 120);
  EXPECT_NE(r.body.find(">中</text>"), std::string::npos);
  EXPECT_EQ(r.body.find("font-size=\"62\""), std::string::npos)
      << "套打 leaves the 62 pt title out";
  EXPECT_EQ(r.body.find("<path"), std::string::npos) << "and the art";
  auto check = runShell(
      "python3 -c 'import sys, xml.dom.minidom; "
      "xml.dom.minidom.parseString(sys.stdin.buffer.read())'",
      r.body);
  EXPECT_EQ(check.exitCode, 0) << check.err;
}

TEST(ServerOverlay, BadParametersAreNamed) {
  RunningServer s;
  auto r = httpPost(s.port(), "/v1/render?offset=1.5", "application/json", kCertificate);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(fieldOf(r.body), "offset") << r.body;
  r = httpPost(s.port(), "/v1/render?scale=big", "application/json", kCertificate);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(fieldOf(r.body), "scale") << r.body;
  r = httpPost(s.port(), "/v1/render?overlay=maybe", "application/json", kCertificate);
  EXPECT_EQ(r.status, 400) << r.body;
  r = httpPost(s.port(), "/v1/render?offset=0,40", "application/json", kCertificate);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("box off the page"), std::string::npos) << r.body;
  r = httpPost(s.port(), "/v1/batch?overlay=1&offset=x,1", "application/json",
               R"({"layout": "certificate", "records": [)" + kCertificate + "]}");
  EXPECT_EQ(r.status, 400) << r.body;
}

TEST(ServerOverlay, BatchTakesTheSameParameters) {
  RunningServer s;
  auto r = httpPost(
      s.port(), "/v1/batch?overlay=1&offset=1,1", "application/json",
      R"({"layout": "certificate", "records": [)" + kCertificate + "," + kCertificate + "]}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("x-gongwen-pages"), "2");
  EXPECT_EQ(textOf(r.body).find("奖\n\n状"), std::string::npos);
}

TEST(ServerOverlay, LayoutsGiveThePageSize) {
  RunningServer s;
  auto r = httpGet(s.port(), "/v1/layouts");
  ASSERT_EQ(r.status, 200);
  auto layouts = parseJsonObject(r.body, "response")->getArray("layouts");
  bool found = false;
  for (size_t i = 0; i < layouts->size(); ++i) {
    auto l = layouts->getObject(static_cast<unsigned>(i));
    ASSERT_TRUE(l->has("page_mm")) << l->getValue<std::string>("name");
    if (l->getValue<std::string>("name") == "certificate-8k") {
      found = true;
      EXPECT_EQ(l->getObject("page_mm")->getValue<double>("width"), 370);
      EXPECT_EQ(l->getObject("page_mm")->getValue<double>("height"), 260);
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace gongwen::test
