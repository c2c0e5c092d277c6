// POST /v1/render, GET /v1/layouts, GET /healthz and the web page, on the real server.
#include <gtest/gtest.h>

#include <fstream>

#include "common/Json.h"
#include "server/ServerFixture.h"
#include "support/DataUri.h"
#include "support/Process.h"

namespace gongwen::test {
namespace {

TEST(ServerRender, SampleGivesAPdfNamedAfterItsTitle) {
  RunningServer s;
  auto r = httpPost(s.port(), "/v1/render", "application/json", sampleJson());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/pdf");
  EXPECT_EQ(r.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(r.header("content-length"), std::to_string(r.body.size()));
  // 南京市召开质量强市工作会议.pdf, with an ASCII name for old clients.
  EXPECT_EQ(r.header("content-disposition"),
            "inline; filename=\"article.pdf\"; filename*=UTF-8''"
            "%E5%8D%97%E4%BA%AC%E5%B8%82%E5%8F%AC%E5%BC%80%E8%B4%A8%E9%87%8F%E5%BC%BA%E5%B8%82"
            "%E5%B7%A5%E4%BD%9C%E4%BC%9A%E8%AE%AE.pdf");
  auto laid = engine().layout(parseJsonObject(sampleJson(), "sample"), RenderOptions{});
  EXPECT_EQ(r.header("x-gongwen-pages"), std::to_string(laid.list.pages.size()));
  EXPECT_EQ(r.header("x-gongwen-instance"), "test");
  EXPECT_EQ(r.header("x-gongwen-warnings"), "");
}

TEST(ServerRender, LayoutFromTheQueryAndCharsetInTheContentType) {
  RunningServer s;
  auto r = httpPost(s.port(), "/v1/render?layout=article", "application/json; charset=UTF-8",
                    R"({"title": "关于召开会议的通知", "body": "定于六月十三日召开会议。"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("x-gongwen-pages"), "1");
}

TEST(ServerRender, UnknownFieldsAreWarnedAboutInAHeader) {
  RunningServer s;
  auto r = httpPost(s.port(), "/v1/render", "application/json",
                    R"({"layout": "article", "title": "标题", "body": "正文", "colour": "红"})");
  ASSERT_EQ(r.status, 200) << r.body;
  std::string warnings = r.header("x-gongwen-warnings");
  ASSERT_FALSE(warnings.empty());
  // ASCII JSON (non-ASCII as \uXXXX) that parses back to the engine's warning.
  for (unsigned char c : warnings) EXPECT_LT(c, 0x80);
  auto parsed = parseJson(warnings, "header").extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_NE(parsed->getElement<std::string>(0).find("colour"), std::string::npos);
}

// The server keeps the checked seal and the fitted texts from one request to the next
// (the server's RenderCaches): each certificate must still show its own recipient.
TEST(ServerRender, CertificatesInARowShareTheSealButShowTheirOwnRecipient) {
  RunningServer s;
  const std::string seal = specimenSealDataUri();
  TempDir dir;
  const std::vector<std::string> names = {"中电电气集团有限公司", "南京长江涂料有限公司",
                                          "中电电气集团有限公司"};
  for (size_t i = 0; i < names.size(); ++i) {
    auto r = httpPost(s.port(), "/v1/render", "application/json",
                      R"({"layout": "certificate", "recipient": ")" + names[i] +
                          R"(", "citation": "荣获第三届“市长质量奖”。", "issuer": "南京市人民政府",
                          "date": "2012-06-13", "seal": ")" +
                          seal + R"("})");
    ASSERT_EQ(r.status, 200) << r.body;
    const std::string pdf = dir.file("c" + std::to_string(i) + ".pdf");
    std::ofstream(pdf, std::ios::binary) << r.body;
    const std::string text = runShell("pdftotext -enc UTF-8 " + shellQuote(pdf) + " -").out;
    EXPECT_NE(text.find(names[i]), std::string::npos) << i << ": " << text;
    EXPECT_EQ(text.find(names[1 - i % 2]), std::string::npos) << i << ": " << text;
    EXPECT_NE(text.find("南京市人民政府"), std::string::npos) << i;
  }
}

TEST(ServerLayouts, ListsEveryLayoutWithItsFields) {
  RunningServer s;
  auto r = httpGet(s.port(), "/v1/layouts");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  auto layouts = parseJsonObject(r.body, "response")->getArray("layouts");
  ASSERT_EQ(layouts->size(), engine().layouts().names().size());
  Poco::JSON::Object::Ptr article;
  for (size_t i = 0; i < layouts->size(); ++i) {
    auto l = layouts->getObject(static_cast<unsigned>(i));
    if (l->getValue<std::string>("name") == "article") article = l;
  }
  ASSERT_TRUE(article);
  EXPECT_EQ(article->getValue<std::string>("label"), "文章");
  auto fields = article->getArray("fields");
  ASSERT_EQ(fields->size(), 4u);
  auto title = fields->getObject(0);
  EXPECT_EQ(title->getValue<std::string>("name"), "title");
  EXPECT_EQ(title->getValue<std::string>("type"), "string");
  EXPECT_TRUE(title->getValue<bool>("required"));
  EXPECT_EQ(title->getValue<std::string>("label"), "标题");
  EXPECT_FALSE(title->getValue<std::string>("description").empty());
  auto body = fields->getObject(1);
  EXPECT_EQ(body->getValue<std::string>("type"), "text");
  EXPECT_EQ(body->getValue<std::string>("label"), "正文");
  EXPECT_FALSE(fields->getObject(2)->getValue<bool>("required"));
}

TEST(ServerHealth, ReadyWhenEveryFontRoleIsResolved) {
  RunningServer s;
  auto r = httpGet(s.port(), "/healthz");
  ASSERT_EQ(r.status, 200) << r.body;
  auto health = parseJsonObject(r.body, "response");
  EXPECT_EQ(health->getValue<std::string>("status"), "ok");
  auto fonts = health->getObject("fonts");
  for (const char* role : {"xiaobiaosong", "fangsong", "heiti", "kaiti", "songti"}) {
    EXPECT_TRUE(fonts->has(role)) << role;
  }
  EXPECT_EQ(health->getArray("missing")->size(), 0u);
}

TEST(ServerWeb, ServesThePageFromMemoryAndNothingElse) {
  RunningServer s;
  auto page = httpGet(s.port(), "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<title>公文排版"), std::string::npos);
  EXPECT_NE(page.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(httpGet(s.port(), "/index.html").body, page.body);
  auto script = httpGet(s.port(), "/app.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(httpGet(s.port(), "/style.css").status, 200);
  // Paths are keys of the loaded files, never file names.
  for (const char* path : {"/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt", "/web/app.js",
                           "/layouts/article.json", "//etc/passwd"}) {
    auto r = httpGet(s.port(), path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(parseJsonObject(r.body, "response")->getValue<std::string>("error"), "not found");
  }
}

}  // namespace
}  // namespace gongwen::test
