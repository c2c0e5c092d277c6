// A record is validated into typed values once: dates parsed, images loaded and checked,
// structured fields read by their elements; the layout reads those and parses nothing again.
#include <gtest/gtest.h>

#include "common/Errors.h"
#include "layout/elements/Attachments.h"
#include "layout/elements/BodyBlocks.h"
#include "layout/elements/DocumentBody.h"
#include "layout/elements/NameGroups.h"
#include "model/ValidateRecord.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

const Layout& layoutNamed(const std::string& name) { return engine().layouts().get(name); }

RecordOptions fromSamples(ImageCache* cache = nullptr) {
  RecordOptions o;
  o.images.baseDirectory = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples";
  o.images.cache = cache;
  o.layouts = &engine().layouts();
  return o;
}

Poco::JSON::Object::Ptr certificateRecord(const std::string& date) {
  return record(R"({"recipient": "张三同志", "citation": "荣获质量奖。", "issuer": "南京市人民政府",
                    "date": ")" +
                date + R"(", "seal": "specimen-seal.png"})");
}

TEST(TypedRecord, ADateIsParsedOnceAndKeepsItsText) {
  const Record r = validateRecord(certificateRecord("二〇一二年六月十三日"),
                                  layoutNamed("certificate"), "$", fromSamples());
  const Date* d = r.date("date");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->year, 2012);
  EXPECT_EQ(d->month, 6);
  EXPECT_EQ(d->day, 13);
  EXPECT_EQ(r.text("date"), "二〇一二年六月十三日");  // as written
  EXPECT_EQ(r.date("issuer"), nullptr);               // text is no date
  EXPECT_EQ(r.text("issuer"), "南京市人民政府");
}

TEST(TypedRecord, ABlankOptionalDateIsAbsent) {
  Poco::JSON::Object::Ptr in = record(
      R"({"issuer_mark": "南京市人民政府文件", "title": "通知", "body": "正文。", "date": "  "})");
  const Record r = validateRecord(in, layoutNamed("gongwen"), "$", fromSamples());
  EXPECT_FALSE(r.has("date"));
  EXPECT_EQ(r.date("date"), nullptr);
}

TEST(TypedRecord, ImagesAreLoadedWhenValidatedAndOncePerBatch) {
  ImageCache cache;
  const Record a = validateRecord(certificateRecord("2012-06-13"), layoutNamed("certificate"),
                                  "$[0]", fromSamples(&cache));
  const Record b = validateRecord(certificateRecord("2012-06-14"), layoutNamed("certificate"),
                                  "$[1]", fromSamples(&cache));
  ASSERT_NE(a.image("seal"), nullptr);
  EXPECT_GT(a.image("seal")->pixelWidth, 0u);
  EXPECT_FALSE(a.image("seal")->png.empty());
  EXPECT_TRUE(a.single("seal"));
  // The same file in every record of a batch: read and checked once, shared.
  EXPECT_EQ(a.image("seal").get(), b.image("seal").get());
}

TEST(TypedRecord, ABadImageIsReportedWhereItIsUsedNamingItsField) {
  Poco::JSON::Object::Ptr in = certificateRecord("2012-06-13");
  in->set("seal", "no-such-seal.png");
  // Loaded (and failed) when validated; the error waits for the layout that draws the seal,
  // so that the record's other problems are reported in the order they always were.
  const Record r = validateRecord(in, layoutNamed("certificate"), "$[4]", fromSamples());
  EXPECT_TRUE(r.has("seal"));
  EXPECT_EQ(r.count("seal"), 1u);
  try {
    r.image("seal");
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$[4].seal");
  }
}

TEST(TypedRecord, JointSealsAreAListOfImagesInOrder) {
  Poco::JSON::Object::Ptr in =
      record(R"({"issuer_mark": ["甲局", "乙局"], "title": "通知", "body": "正文。",
                 "issuer": ["甲局", "乙局"], "date": "2012-06-13",
                 "seal": ["specimen-seal.png", "specimen-seal.png"]})");
  const Record r = validateRecord(in, layoutNamed("gongwen"), "$", fromSamples());
  ASSERT_EQ(r.images("seal").size(), 2u);
  EXPECT_EQ(r.count("seal"), 2u);
  EXPECT_FALSE(r.single("seal"));
  EXPECT_FALSE(r.single("issuer"));
  EXPECT_EQ(r.list("issuer"), (std::vector<std::string>{"甲局", "乙局"}));
}

TEST(TypedRecord, ABodyIsReadIntoItsItemsWithItsFiguresLoaded) {
  Poco::JSON::Object::Ptr in =
      record(R"({"issuer_mark": "南京市人民政府文件", "title": "通知", "body": [
      "一、总体要求", {"heading": "（一）目标", "level": 2},
      {"table": {"header": ["序号", "单位"], "rows": [["1", "甲"]]}},
      {"image": "specimen-seal.png", "width_mm": 40, "caption": "图1　印章"}]})");
  const Record r = validateRecord(in, layoutNamed("gongwen"), "$", fromSamples());
  const auto* body = r.content<BodyContent>("body");
  ASSERT_NE(body, nullptr);
  ASSERT_EQ(body->items.size(), 4u);
  EXPECT_EQ(body->items[1].level, 2);
  EXPECT_NE(body->items[2].table, nullptr);
  ASSERT_NE(body->items[3].figure, nullptr);
  ASSERT_NE(body->items[3].figure->image, nullptr);
  EXPECT_GT(body->items[3].figure->image->pixelHeight, 0u);
  EXPECT_EQ(r.content<NameGroupsContent>("body"), nullptr);  // another element's content
}

TEST(TypedRecord, AttachmentsAreValidatedWithTheirOwnLayouts) {
  Poco::JSON::Object::Ptr in = record(
      R"({"issuer_mark": "南京市人民政府文件", "title": "通知", "body": "正文。", "attachments": [
      {"title": "名单", "body": "附件正文。", "junk": 1}]})");
  const Record r = validateRecord(in, layoutNamed("gongwen"), "$", fromSamples());
  const auto* attachments = r.content<AttachmentsContent>("attachments");
  ASSERT_NE(attachments, nullptr);
  ASSERT_EQ(attachments->attachments.size(), 1u);
  const AttachmentInput& a = attachments->attachments[0];
  ASSERT_NE(a.layout, nullptr);
  EXPECT_EQ(a.layout->name, "attachment");
  EXPECT_NE(a.record.content<BodyContent>("body"), nullptr);
  // Its unknown field is the document's warning, named by its path.
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].english().find("$.attachments[0].junk"), std::string::npos);
}

TEST(TypedRecord, AMisspeltFieldIsNamedBesideWhatItWasMeantToBe) {
  // A misspelt optional field: still a warning, now with the field it resembles.
  Poco::JSON::Object::Ptr in = record(
      R"({"issuer_mark": "南京市人民政府文件", "title": "通知", "body": "正文。", "recipent": "各区"})");
  const Record r = validateRecord(in, layoutNamed("gongwen"), "$", fromSamples());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].english().find("did you mean \"recipients\""), std::string::npos)
      << r.warnings[0].english();
  EXPECT_NE(r.warnings[0].text(Language::Chinese).find("是否要写“recipients”"), std::string::npos);
  // A misspelt required field: the error says which key of the record was meant.
  in = record(R"({"issuer_mark": "南京市人民政府文件", "titel": "通知", "body": "正文。"})");
  try {
    validateRecord(in, layoutNamed("gongwen"), "$", fromSamples());
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.title");
    EXPECT_NE(e.message().find("\"titel\""), std::string::npos) << e.message();
  }
  // An unrelated unknown key gets no guess.
  in = record(
      R"({"issuer_mark": "南京市人民政府文件", "title": "通知", "body": "正文。", "internal_ref": 1})");
  const Record plain = validateRecord(in, layoutNamed("gongwen"), "$", fromSamples());
  ASSERT_EQ(plain.warnings.size(), 1u);
  EXPECT_EQ(plain.warnings[0].english().find("did you mean"), std::string::npos);
}

TEST(TypedRecord, AnAttachmentsBadFieldFailsValidationWithItsPath) {
  Poco::JSON::Object::Ptr in = record(
      R"({"issuer_mark": "南京市人民政府文件", "title": "通知", "body": "正文。", "attachments": [
      {"title": "名单", "body": 5}]})");
  try {
    validateRecord(in, layoutNamed("gongwen"), "$", fromSamples());
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.attachments[0].body");
  }
}

TEST(TypedRecord, GroupsAreReadAndCheckedWhenValidated) {
  Poco::JSON::Object::Ptr in = record(R"({"title": "名单", "groups": [
      {"heading": "一、先进单位", "names": ["甲公司", "乙公司"]}]})");
  const Record r = validateRecord(in, layoutNamed("commendation-list"), "$", fromSamples());
  const auto* groups = r.content<NameGroupsContent>("groups");
  ASSERT_NE(groups, nullptr);
  ASSERT_EQ(groups->groups.size(), 1u);
  EXPECT_EQ(groups->groups[0].names.size(), 2u);

  in->set("groups", record(R"({"x": [{"heading": "一", "names": ["  "]}]})")->get("x"));
  try {
    validateRecord(in, layoutNamed("commendation-list"), "$", fromSamples());
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.groups[0].names[0]");
  }
}

}  // namespace
}  // namespace gongwen::test
