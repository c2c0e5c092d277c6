// The JPEG check before a figure or seal is drawn: the frame header read, what a PDF reader
// cannot show refused with a sentence, and a real file (drawn by Ghostscript) accepted.
#include "common/JpegCheck.h"

#include <gtest/gtest.h>

#include "support/TestEngine.h"

namespace gongwen {
namespace {

// SOI, an APP0 segment, a frame header of `marker`, a scan marker, EOI.
std::vector<uint8_t> jpeg(uint8_t marker, uint8_t bits, unsigned width, unsigned height,
                          uint8_t components) {
  std::vector<uint8_t> b = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 'J', 'F'};
  const unsigned length = 8 + 3u * components;
  b.insert(b.end(),
           {0xFF, marker, uint8_t(length >> 8), uint8_t(length), bits, uint8_t(height >> 8),
            uint8_t(height), uint8_t(width >> 8), uint8_t(width), components});
  for (uint8_t c = 0; c < components; ++c) b.insert(b.end(), {uint8_t(c + 1), 0x11, 0x00});
  b.insert(b.end(), {0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0xD9});
  return b;
}

TEST(JpegCheck, ReadsTheFrameHeader) {
  auto c = checkJpeg(jpeg(0xC0, 8, 640, 480, 3), 4096 * 4096);
  ASSERT_TRUE(c.info) << c.problem.english();
  EXPECT_EQ(c.info->width, 640u);
  EXPECT_EQ(c.info->height, 480u);
  EXPECT_EQ(c.info->components, 3);
  EXPECT_TRUE(checkJpeg(jpeg(0xC2, 8, 10, 10, 1), 4096 * 4096).info);  // progressive, grey
}

TEST(JpegCheck, RefusesWhatAReaderCannotShowWithAReason) {
  auto problem = [](const std::vector<uint8_t>& b) {
    return checkJpeg(b, 4096 * 4096).problem.english();
  };
  EXPECT_NE(problem(jpeg(0xC0, 8, 10, 10, 4)).find("CMYK"), std::string::npos);
  EXPECT_NE(problem(jpeg(0xC0, 12, 10, 10, 3)).find("12-bit"), std::string::npos);
  EXPECT_NE(problem(jpeg(0xC3, 8, 10, 10, 3)).find("lossless"), std::string::npos);
  EXPECT_NE(problem(jpeg(0xC0, 8, 0, 10, 3)).find("without a size"), std::string::npos);
  EXPECT_NE(
      checkJpeg(jpeg(0xC0, 8, 5000, 5000, 3), 4096 * 4096).problem.english().find("too large"),
      std::string::npos);
  auto cut = jpeg(0xC0, 8, 10, 10, 3);
  cut.resize(cut.size() - 2);
  EXPECT_NE(problem(cut).find("truncated"), std::string::npos);
  std::vector<uint8_t> overrun = {0xFF, 0xD8, 0xFF, 0xE0, 0x7F, 0xFF, 0xFF, 0xD9};
  EXPECT_NE(problem(overrun).find("overruns"), std::string::npos);
  EXPECT_NE(problem({'G', 'I', 'F', '8'}).find("not a JPEG"), std::string::npos);
}

TEST(JpegCheck, AcceptsTheSampleFigure) {
  std::string bytes =
      test::readText(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/quality-honours-chart.jpg");
  auto c = checkJpeg(std::vector<uint8_t>(bytes.begin(), bytes.end()), 4096 * 4096);
  ASSERT_TRUE(c.info) << c.problem.english();
  EXPECT_EQ(c.info->width, 667u);
  EXPECT_EQ(c.info->height, 417u);
}

}  // namespace
}  // namespace gongwen
