#include "text/Normalizer.h"

#include <gtest/gtest.h>

#include "common/Utf8.h"

namespace gongwen {
namespace {

std::string norm(const std::string& s) { return encodeUtf8(normalizePunctuation(decodeUtf8(s))); }

TEST(Normalizer, HalfWidthMarksNextToChineseBecomeFullWidth) {
  EXPECT_EQ(norm("6月13日上午,南京市召开会议;会议指出:质量兴?企业兴!"),
            "6月13日上午，南京市召开会议；会议指出：质量兴？企业兴！");
}

TEST(Normalizer, SpacesTypedAroundFullWidthMarksAreDropped) {
  EXPECT_EQ(norm("质量兴, 企业兴 , 城市兴"), "质量兴，企业兴，城市兴");
}

TEST(Normalizer, ParenthesesAroundChineseBecomeFullWidth) {
  EXPECT_EQ(norm("南京市(江苏省)人民政府"), "南京市（江苏省）人民政府");
  EXPECT_EQ(norm("(一)总体要求"), "（一）总体要求");
  EXPECT_EQ(norm("见附件(1)"), "见附件（1）");
}

TEST(Normalizer, StraightQuotesAroundChineseBecomeCurly) {
  EXPECT_EQ(norm("获得第三届\"市长质量奖\"的企业"), "获得第三届“市长质量奖”的企业");
  EXPECT_EQ(norm("所谓'三名'工程"), "所谓‘三名’工程");
}

TEST(Normalizer, LatinAndNumbersAreLeftAlone) {
  EXPECT_EQ(norm("10:30"), "10:30");
  EXPECT_EQ(norm("3,000 units"), "3,000 units");
  EXPECT_EQ(norm("f(x) = \"quoted\" and don't"), "f(x) = \"quoted\" and don't");
  EXPECT_EQ(norm("ISO 9001:2015"), "ISO 9001:2015");
}

TEST(Normalizer, NumbersBetweenChineseStillGetFullWidthCommas) {
  EXPECT_EQ(norm("共19家,144个产品"), "共19家，144个产品");
}

}  // namespace
}  // namespace gongwen
