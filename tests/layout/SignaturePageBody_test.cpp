// 7.3.5.5: the page that carries the 成文日期 (and the seal) carries at least two lines of
// 正文 above it — the 附件说明 does not count — wherever the body ends: documents whose
// body ends on each of the last lines of a page, with one issuer or two (joint), with and
// without seals and an attachment list, in the gongwen and letter layouts.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <cmath>

#include "common/Utf8.h"
#include "support/DocumentPages.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

using namespace test;

const std::string kSamples = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples";
const std::string kFiller = "这是用于填充版面的一段正文。";  // one line
// Two lines, the second only "督处。" (the letter sample's last paragraph ends so).
const std::string kTwoShort =
    "请贵局于2012年7月10日前将联系人名单及联系方式报送我局监督处，以便做好联合抽查的各项准备工作，"
    "报市局监督处。";

// Four lines.
const std::string kLong =
    "各区人民政府，市府各委办局，市各直属单位要把质量工作摆上重要议事日程，主要领导亲自抓，"
    "分管领导具体抓，形成一级抓一级、层层抓落实的工作格局，确保各项目标任务落到实处，"
    "并于每季度末将工作进展情况报送市质量强市工作领导小组办公室。";

// 56 characters: three lines (26 after the indent, 28, 2) that, tightened by one character
// a line, fit in two.
const std::string kShortLast = [] {
  std::u32string t =
      U"质量兴企业兴城市兴质量强企业强城市强全面落实科学发展观实现科学发展率先发展"
      U"必须以质量提升企业竞争力城市竞争力以质量促进经济转型升级";
  return encodeUtf8(t.substr(0, 55) + U"。");
}();

struct Doc {
  std::string layout = "gongwen";
  int fillers = 0;
  bool seal = false;
  bool attachments = false;
  std::string tail = kTwoShort;
  bool joint = false;  // two issuers (7.3.5.1 with seals in a row, 7.3.5.2 stacked without)
};

DisplayList layoutOf(const Doc& d) {
  Poco::JSON::Object::Ptr r = new Poco::JSON::Object;
  r->set("layout", d.layout);
  r->set("issuer_mark", d.layout == "letter" ? "南京市质量技术监督局" : "南京市人民政府文件");
  r->set("title", "关于测试的通知");
  Poco::JSON::Array::Ptr body = new Poco::JSON::Array;
  for (int i = 0; i < d.fillers; ++i) body->add(kFiller);
  body->add(d.tail);
  r->set("body", body);
  r->set("date", "2012-06-13");
  if (d.joint) {
    Poco::JSON::Array::Ptr issuers = new Poco::JSON::Array, seals = new Poco::JSON::Array;
    for (const char* name : {"南京市人民政府", "江苏省质量技术监督局"}) {
      issuers->add(name);
      seals->add("specimen-seal.png");
    }
    r->set("issuer", issuers);
    if (d.seal) r->set("seal", seals);
  } else {
    r->set("issuer", "南京市人民政府");
    if (d.seal) r->set("seal", "specimen-seal.png");
  }
  if (d.attachments) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const char* t : {"测试附件一", "测试附件二"}) {
      Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
      o->set("title", t);
      o->set("body", "附件正文。");
      a->add(o);
    }
    r->set("attachments", a);
  }
  RenderOptions o;
  o.baseDirectory = kSamples;
  return engine().layout(r, o).list;
}

struct SignaturePage {
  int page = -1;
  int bodyLines = 0;      // 正文 above the date, counted as the checker counts them
  int lastBodySlot = -1;  // of the unsigned document's body, for the sweep
  std::u32string lastBody;
};

// Lines of 正文 on the date's page: 16pt black lines above the date that start at the
// block's left edge or two em in and are not the 附件说明 (nor the issuer).
SignaturePage signaturePage(const DisplayList& list) {
  SignaturePage out;
  Found date = findLine(list, U"2012年6月13日");
  if (date.page < 0) return out;
  out.page = date.page;
  auto pages = blackBodyLines(list);
  for (const auto& l : pages[date.page]) {
    if (l.baseline() >= date.line.baseline() - 1e-6) continue;
    const std::u32string t = l.text();
    if (t.rfind(U"附件：", 0) == 0 || t.find(U"南京市人民政府") == 0 ||
        t.find(U"江苏省质量技术监督局") == 0)
      continue;
    const bool left = std::abs(l.left() - kBlockLeft) < 0.5;
    const bool indented = std::abs(l.left() - (kBlockLeft + 2 * kCell)) < 0.6;
    if (left || indented) {
      ++out.bodyLines;
      out.lastBody = t;
    }
  }
  return out;
}

// 7.3.4: a blank line between the body and the 附件说明 on its page, however the lines
// were moved to keep the signature with its 正文 (none when it opens a page). Returns
// whether the 附件说明 had a line above it.
bool blankLineBeforeAttachmentNote(const DisplayList& list, const std::string& what) {
  Found note = findLine(list, U"附件：");
  EXPECT_GE(note.page, 0) << what;
  if (note.page < 0) return false;
  double above = -1;
  const auto pages = blackBodyLines(list);
  for (const auto& l : pages[static_cast<size_t>(note.page)]) {
    if (l.baseline() < note.line.baseline() - 1e-6) above = std::max(above, l.baseline());
  }
  if (above < 0) return false;
  EXPECT_GT(note.line.baseline() - above, 2 * kPitch - 0.1) << what;
  return true;
}

void sweep(const std::string& layout) {
  int pagesTwo = 0, notesBelowText = 0;
  for (bool joint : {false, true}) {
    for (bool seal : {false, true}) {
      for (bool attachments : {false, true}) {
        // Bodies ending on every one of the last lines of page 1, then of page 2.
        for (int f = 8; f <= 48; ++f) {
          for (const std::string& tail : {kTwoShort, kFiller, kLong}) {
            Doc d{layout, f, seal, attachments, tail, joint};
            auto list = layoutOf(d);
            SignaturePage s = signaturePage(list);
            ASSERT_GE(s.page, 0);
            pagesTwo += s.page > 0;
            EXPECT_GE(s.bodyLines, 2)
                << layout << " fillers " << f << " tail " << tail.size() << (seal ? " seal" : "")
                << (attachments ? " attachments" : "") << (joint ? " joint" : "") << " page "
                << s.page + 1;
            // Never one character alone on the last body line.
            if (!s.lastBody.empty()) {
              EXPECT_GE(s.lastBody.size(), 2u);
            }
            if (attachments) {
              notesBelowText += blankLineBeforeAttachmentNote(
                  list, layout + " fillers " + std::to_string(f) + " tail " +
                            std::to_string(tail.size()) + (seal ? " seal" : "") +
                            (joint ? " joint" : ""));
            }
          }
        }
      }
    }
  }
  EXPECT_GT(pagesTwo, 200) << "the sweep must reach page 2";
  EXPECT_GT(notesBelowText, 200);
}

TEST(SignaturePageBody, GongwenAtLeastTwoBodyLinesWhereverTheBodyEnds) { sweep("gongwen"); }

TEST(SignaturePageBody, LetterAtLeastTwoBodyLinesWhereverTheBodyEnds) { sweep("letter"); }

// A body that runs over onto page 2 by one line: the first choice is to tighten page 1
// (four paragraphs whose last lines go, within one character a line) so that the line and
// the block go back to it.
TEST(SignaturePageBody, TightensThePageBeforeToTakeTheLastLineBack) {
  int found = 0;
  for (int k = 0; k < 10; ++k) {
    // The body: k fillers, four three-line paragraphs, one filler.
    auto body = [&](bool signed_) {
      Poco::JSON::Object::Ptr r = new Poco::JSON::Object;
      r->set("layout", "gongwen");
      r->set("issuer_mark", "南京市人民政府文件");
      r->set("title", "关于测试的通知");
      Poco::JSON::Array::Ptr b = new Poco::JSON::Array;
      for (int i = 0; i < k; ++i) b->add(kFiller);
      for (int i = 0; i < 4; ++i) b->add(kShortLast);
      b->add(kFiller);
      r->set("body", b);
      if (signed_) {
        r->set("issuer", "南京市人民政府");
        r->set("date", "2012-06-13");
      }
      return engine().layout(r, {}).list;
    };
    auto plain = body(false);
    if (plain.pages.size() != 2 || blackBodyLines(plain)[1].size() != 1) continue;
    ++found;
    auto signed_ = body(true);
    EXPECT_EQ(signed_.pages.size(), 1u) << "fillers " << k;
    SignaturePage s = signaturePage(signed_);
    EXPECT_EQ(s.page, 0);
    EXPECT_GE(s.bodyLines, 2);
  }
  EXPECT_EQ(found, 1) << "one filler count runs the body over by exactly one line";
}

TEST(SignaturePageBody, TheLetterSampleCarriesItsLastLinesOver) {
  auto r = record(readText(kSamples + "/letter-quality-inspection.json"));
  RenderOptions o;
  o.baseDirectory = kSamples;
  auto list = engine().layout(r, o).list;
  auto dateLine = findLine(list, U"2012年6月20日");
  ASSERT_GE(dateLine.page, 0);
  int body = 0;
  auto pages = blackBodyLines(list);
  for (const auto& l : pages[dateLine.page]) {
    if (l.baseline() < dateLine.line.baseline() &&
        (std::abs(l.left() - kBlockLeft) < 0.5 ||
         std::abs(l.left() - (kBlockLeft + 2 * kCell)) < 0.6) &&
        l.text().find(U"南京市质量技术监督局") != 0)
      ++body;
  }
  EXPECT_GE(body, 2);
}

}  // namespace
}  // namespace gongwen
