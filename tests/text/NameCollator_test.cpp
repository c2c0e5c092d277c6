// 姓氏笔画 by the mainland rule (GF 3003-1999), checked against lists ordered by hand: the
// stroke count of the simplified form first (阝 2, 艹 3, 辶 3, 纟 3, 饣 3), then the strokes in
// writing order (横 1 竖 2 撇 3 点 4 折 5), then the following characters; compound
// surnames as a whole; characters the table does not know after the known ones.
#include "text/NameCollator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "text/StrokeTable.h"

namespace gongwen {
namespace {

const std::vector<std::string> kCompounds = {"欧阳", "司马", "上官", "诸葛", "皇甫"};

std::vector<std::u32string> sorted(const std::vector<std::u32string>& names,
                                   NameOrder order = NameOrder::Strokes) {
  NameCollator c(order, kCompounds);
  std::vector<std::u32string> out;
  for (size_t i : c.order(names)) out.push_back(names[i]);
  return out;
}

// Each name, one character a name, sorted: the same list as given when it was in order.
void expectInOrder(const std::u32string& chars) {
  std::vector<std::u32string> names;
  for (char32_t c : chars) names.push_back(std::u32string(1, c));
  std::vector<std::u32string> reversed(names.rbegin(), names.rend());
  EXPECT_EQ(sorted(reversed), names);
}

TEST(StrokeTable, CountsAndSequencesCheckedByHand) {
  struct Case {
    char32_t c;
    int count;
    const char* strokes;
  };
  // Written out by hand from the characters' standard stroke order.
  const Case cases[] = {
      {U'王', 4, "1121"},  {U'尤', 4, "1354"}, {U'车', 4, "1512"},  {U'中', 4, "2512"},
      {U'牛', 4, "3112"},  {U'毛', 4, "3115"}, {U'仇', 4, "3235"},  {U'卞', 4, "4124"},
      {U'文', 4, "4134"},  {U'方', 4, "4153"}, {U'尹', 4, "5113"},  {U'巴', 4, "5215"},
      {U'邓', 4, "5452"},  {U'孔', 4, "5215"}, {U'石', 5, "13251"}, {U'丁', 2, "12"},
      {U'上', 3, "211"},   {U'小', 3, "234"},  {U'了', 2, "52"},    {U'水', 4, "2534"},
      {U'可', 5, "12512"}, {U'以', 4, "5434"}};
  // 竖钩 (亅: 丁 小 了 水 可 孔) is 竖, 2, as GB13000.1 字符集汉字笔顺规范 classes it; every
  // other folded stroke (横钩 of 了, 竖提 of 以) is 折, 5.
  for (const auto& k : cases) {
    const CharStrokes* s = findStrokes(k.c);
    ASSERT_NE(s, nullptr) << static_cast<uint32_t>(k.c);
    EXPECT_EQ(s->count, k.count) << static_cast<uint32_t>(k.c);
    EXPECT_EQ(s->strokes, k.strokes) << static_cast<uint32_t>(k.c);
  }
  EXPECT_GT(strokeTableSize(), 6000u);
}

TEST(StrokeTable, ComponentsCountTheSimplifiedWay) {
  // 阝 2 (邓 陈 陆), 艹 3 (节 苏 范 莫), 辶 3 (达), 纟 3 (红), 饣 3 (饭).
  const std::pair<char32_t, int> cases[] = {{U'邓', 4}, {U'陈', 7}, {U'陆', 7},  {U'节', 5},
                                            {U'苏', 7}, {U'范', 8}, {U'莫', 10}, {U'达', 6},
                                            {U'红', 6}, {U'饭', 7}, {U'邹', 7},  {U'邱', 7}};
  for (auto [c, n] : cases) {
    ASSERT_NE(findStrokes(c), nullptr);
    EXPECT_EQ(findStrokes(c)->count, n) << static_cast<uint32_t>(c);
  }
}

TEST(NameCollator, FourStrokeSurnamesByTheirStrokes) {
  // 横: 王 尤 车 · 竖: 中 · 撇: 牛 毛 仇 · 点: 卞 文 方 · 折: 尹 孔 巴 邓 — the first stroke
  // decides the groups, the second and third the order inside them (孔 5 2 1 5: its 竖钩 is
  // 竖, so it comes before 邓 5 4 5 2; 孔 and 巴 have the same strokes, 孔 the lower code
  // point).
  expectInOrder(U"王尤车中牛毛仇卞文方尹孔巴邓");
}

TEST(NameCollator, TraditionalCountsNoLongerWin) {
  // ICU's stroke collation put each of these the other way round.
  expectInOrder(U"邓石");        // 4 < 5
  expectInOrder(U"苏武");        // 7 < 8
  expectInOrder(U"范段");        // 8 < 9
  expectInOrder(U"莫梁");        // 10 < 11
  expectInOrder(U"邱邹陆武林");  // 7 (邱 3…, 邹 35…, 陆 5…) < 8 (武 1121…, 林 1234…)
}

TEST(NameCollator, GivenNamesBreakTiesTheSameWay) {
  EXPECT_EQ(sorted({U"王五", U"王丁", U"王大", U"王"}),
            (std::vector<std::u32string>{U"王", U"王丁", U"王大", U"王五"}));
  // Two surnames with the same strokes (田 由: 丨𠃍一丨一) keep their names together.
  auto out = sorted({U"田甲", U"由乙", U"田丙", U"由丁"});
  EXPECT_EQ(out[0].front(), out[1].front());
  EXPECT_EQ(out[2].front(), out[3].front());
}

TEST(NameCollator, CompoundSurnamesSortAsAWhole) {
  EXPECT_EQ(sorted({U"欧阳明", U"欧六", U"司马光", U"石一", U"上官云", U"丁一", U"李四"}),
            (std::vector<std::u32string>{U"丁一", U"上官云", U"石一", U"司马光", U"李四", U"欧六",
                                         U"欧阳明"}));
  // Every 皇X before every 皇甫Y, whatever the given names.
  EXPECT_EQ(sorted({U"皇甫一", U"皇龙"}), (std::vector<std::u32string>{U"皇龙", U"皇甫一"}));
}

TEST(NameCollator, UnknownCharactersComeAfterKnownOnesAndNeverCrash) {
  ASSERT_EQ(findStrokes(U'𠮷'), nullptr);
  auto out = sorted({U"𠮷一", U"龘", U"A B", U"", U"王", U"·", U"𠮷"});
  ASSERT_EQ(out.size(), 7u);
  // The known surname (王) first; the empty name has no surname at all.
  EXPECT_EQ(out[0], U"");
  EXPECT_EQ(out[1], U"王");
  EXPECT_LT(std::find(out.begin(), out.end(), U"𠮷"), std::find(out.begin(), out.end(), U"𠮷一"));
  // Known characters in a given name still sort before unknown ones.
  EXPECT_EQ(sorted({U"王𠮷", U"王龙"}), (std::vector<std::u32string>{U"王龙", U"王𠮷"}));
}

TEST(NameCollator, PinyinStaysWithIcu) {
  EXPECT_EQ(sorted({U"张三", U"欧阳明", U"李四", U"王五", U"安然"}, NameOrder::Pinyin),
            (std::vector<std::u32string>{U"安然", U"李四", U"欧阳明", U"王五", U"张三"}));
}

// A character's place by the rule, written as a tuple.
std::tuple<int, std::string_view, char32_t> rank(char32_t c) {
  const CharStrokes* s = findStrokes(c);
  return {s->count, s->strokes, c};
}

TEST(NameCollator, TwoHundredFortyNamesSortedStably) {
  const std::u32string surnames =
      U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾";
  const std::u32string given = U"一丁大小文明华国强平";
  std::vector<std::u32string> names;
  for (size_t i = 0; i < 240; ++i) {
    // Duplicates on purpose: name i + 30 is name i again.
    names.push_back(
        std::u32string{surnames[(i * 7) % surnames.size()], given[(i * 3) % given.size()]});
  }
  NameCollator c(NameOrder::Strokes, kCompounds);
  auto idx = c.order(names);
  ASSERT_EQ(idx.size(), names.size());
  size_t ties = 0;
  for (size_t k = 1; k < idx.size(); ++k) {
    const auto& a = names[idx[k - 1]];
    const auto& b = names[idx[k]];
    const auto ka = std::make_pair(rank(a[0]), rank(a[1]));
    const auto kb = std::make_pair(rank(b[0]), rank(b[1]));
    ASSERT_LE(ka, kb) << k;
    if (ka == kb) {
      ++ties;
      EXPECT_LT(idx[k - 1], idx[k]) << "equal names keep their input order";
    }
  }
  EXPECT_GT(ties, 0u);
}

}  // namespace
}  // namespace gongwen
