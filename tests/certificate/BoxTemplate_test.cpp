// The parts a certificate template is made of: path data, safe output names, the progress
// line, and template errors that name the layout file and the JSON path.
#include "layout/BoxTemplate.h"

#include <gtest/gtest.h>

#include "batch/OutputNames.h"
#include "common/Errors.h"
#include "layout/ArtworkBuilder.h"
#include "layout/FlowElements.h"
#include "layout/PathData.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

using Op = PathSegment::Op;

TEST(PathData, AbsoluteRelativeAndShorthandCommands) {
  auto s = parsePathData("M1 2 L3 4 h2 v-1 Q8 8 10 2 z m1,1 l1 0", "x");
  ASSERT_EQ(s.size(), 8u);
  EXPECT_EQ(s[0].op, Op::Move);
  EXPECT_EQ(s[1].op, Op::Line);
  EXPECT_DOUBLE_EQ(s[2].x1, 5);   // h2 from x 3
  EXPECT_DOUBLE_EQ(s[3].y1, 3);   // v-1 from y 4
  EXPECT_EQ(s[4].op, Op::Curve);  // the quadratic curve became a cubic one
  EXPECT_DOUBLE_EQ(s[4].x3, 10);
  EXPECT_NEAR(s[4].x1, 5 + 2.0 / 3 * 3, 1e-9);
  EXPECT_EQ(s[5].op, Op::Close);
  EXPECT_DOUBLE_EQ(s[6].x1, 2);  // m1,1 from the subpath start (1, 2)
  EXPECT_DOUBLE_EQ(s[6].y1, 3);
  EXPECT_DOUBLE_EQ(s[7].x1, 3);
}

TEST(PathData, ErrorsSayWhereInTheText) {
  try {
    parsePathData("M0 0 L5", "layouts/x.json: $.art[2].d");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "layouts/x.json: $.art[2].d");
    EXPECT_EQ(e.message(), "path data: expected a number at character 8 of \"M0 0 L5\"");
  }
  EXPECT_THROW(parsePathData("L0 0", "x"), InputError);
  EXPECT_THROW(parsePathData("M0 0 A1 1 0 0 0 2 2", "x"), InputError);
}

TEST(PathData, AffineMapsCompose) {
  Affine m = Affine::translate(10, 20).then(Affine::scale(2, 3));
  double x = 1, y = 1;
  m.apply(x, y);
  EXPECT_DOUBLE_EQ(x, 12);
  EXPECT_DOUBLE_EQ(y, 23);
}

Layout layoutFrom(const std::string& json) {
  return Layout::fromJson(json, "layouts/test.json", flowElementKinds());
}

std::string templateError(const std::string& boxes, const std::string& art = "[]") {
  Layout l =
      layoutFrom(R"({"name": "t", "kind": "boxes", "page": {"width_mm": 297, "height_mm": 210},
    "fields": [{"name": "recipient", "type": "string"}, {"name": "seal", "type": "image"}],
    "art": )" + art +
                 R"(, "boxes": )" + boxes + "}");
  try {
    parseBoxTemplate(l, test::engine().fonts());
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(BoxTemplate, BadTemplatesNameFileAndPath) {
  const std::string ok = R"("x_mm": 10, "y_mm": 10, "width_mm": 100, "height_mm": 20)";
  EXPECT_EQ(templateError(R"([{"role": "r", "field": "nosuch", )" + ok + "}]"),
            "layouts/test.json: $.boxes[0]: no field \"nosuch\" in the layout's \"fields\"");
  EXPECT_EQ(
      templateError(R"([{"role": "r", "field": "recipient", "colour": "#FF0000", )" + ok + "}]"),
      "layouts/test.json: $.boxes[0].colour: unknown key; did you mean \"color\"?");
  EXPECT_EQ(templateError(R"([{"role": "r", "field": "recipient", "font": "comic", )" + ok + "}]"),
            "layouts/test.json: $.boxes[0].font: no font role \"comic\" in the font configuration");
  EXPECT_EQ(
      templateError(
          R"([{"role": "r", "field": "recipient", "x_mm": 250, "y_mm": 10, "width_mm": 100, "height_mm": 20}])"),
      "layouts/test.json: $.boxes[0]: the box does not lie on the page");
  EXPECT_EQ(templateError(R"([{"role": "r", "text": "{recipient", )" + ok + "}]"),
            "layouts/test.json: $.boxes[0].text: a \"{\" without its \"}\"");
  EXPECT_EQ(
      templateError(R"([{"role": "r", "field": "recipient", "size_pt": 10, "min_size_pt": 12, )" +
                    ok + "}]"),
      "layouts/test.json: $.boxes[0]: needs 0 < min_size_pt <= size_pt");
  EXPECT_EQ(
      templateError(R"([{"role": "r", "field": "recipient", "image_field": "seal", )" + ok + "}]"),
      "layouts/test.json: $.boxes[0]: a box shows exactly one of \"field\", \"text\" or "
      "\"image_field\"");
  EXPECT_EQ(templateError("[]"),
            "layouts/test.json: $.boxes: a boxes layout needs at least one box");
  EXPECT_EQ(templateError(R"([{"role": "r", "field": "recipient", )" + ok + "}]",
                          R"([{"shape": "star", "fill": "#FF0000"}])"),
            "layouts/test.json: $.art[0].shape: must be one of rect, path, band");
  EXPECT_EQ(templateError(R"([{"role": "r", "field": "recipient", )" + ok + "}]",
                          R"([{"shape": "rect", "inset_mm": 5}])"),
            "layouts/test.json: $.art[0]: a shape needs a \"fill\" or a \"stroke\" colour");
}

TEST(Artwork, BandTilesFillEachSideBetweenTheCorners) {
  Layout l =
      layoutFrom(R"({"name": "t", "kind": "boxes", "page": {"width_mm": 100, "height_mm": 50},
    "art": [{"shape": "band", "d": "M0 0 H6", "tile_width_mm": 6, "tile_height_mm": 6,
             "inset_mm": 5, "corner_mm": 5, "stroke": "#000000"}],
    "boxes": []})");
  auto art = buildArtwork(l);
  ASSERT_EQ(art->paths.size(), 4u);  // one path per side
  // Top side: 90 - 2·5 = 80 mm between the corners → 13 tiles (80 / 6 rounded), each
  // stretched to 80/13 mm, from x = 10 mm to x = 90 mm.
  const auto& top = art->paths[0].segments;
  ASSERT_EQ(top.size(), 26u);
  EXPECT_NEAR(top.front().x1 / (72 / 25.4), 10, 1e-9);
  EXPECT_NEAR(top.back().x1 / (72 / 25.4), 90, 1e-9);
  EXPECT_NEAR(top.front().y1 / (72 / 25.4), 5, 1e-9);
  // Left side runs bottom to top at x = 5 mm.
  const auto& left = art->paths[2].segments;
  EXPECT_NEAR(left.front().x1 / (72 / 25.4), 5, 1e-9);
  EXPECT_NEAR(left.front().y1 / (72 / 25.4), 40, 1e-9);
}

TEST(OutputNames, SafeAndUnique) {
  EXPECT_EQ(safeFileStem("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(safeFileStem("南京 长江涂料\t有限公司"), "南京-长江涂料-有限公司");
  EXPECT_EQ(safeFileStem("a:b*c?d\"e<f>g|h\\i"), "a-b-c-d-e-f-g-h-i");
  EXPECT_EQ(safeFileStem(".hidden."), "hidden");
  EXPECT_EQ(safeFileStem("\x01\x02"), "");
  std::string longName;
  for (int i = 0; i < 100; ++i) longName += "长";
  EXPECT_EQ(safeFileStem(longName).size(), 120u);  // 40 characters of 3 bytes, cut whole
  auto names = uniqueFileNames({"张三", "李四", "张三", "", "张三", "ABC", "abc"},
                               {"row 2", "row 3", "row 4", "row 5", "row 6", "row 7", "row 8"});
  EXPECT_EQ(names, (std::vector<std::string>{"张三.pdf", "李四.pdf", "张三-2.pdf", "row-5.pdf",
                                             "张三-3.pdf", "ABC.pdf", "abc-2.pdf"}));
}

}  // namespace
}  // namespace gongwen
