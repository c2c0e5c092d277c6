// Seals print as ink: an opaque seal scanned on white paper (RGB PNG without alpha, or a
// JPEG) does not blank out the issuer and the date under it — the page is rasterised by
// poppler with and without the seal, and the text's black pixels under the seal stay black.
#include <gtest/gtest.h>
#include <png.h>

#include <cmath>

#include "common/Errors.h"
#include "common/Json.h"
#include "support/DataUri.h"
#include "support/KeptPdfs.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

struct Raster {
  unsigned width = 0, height = 0;
  std::vector<uint8_t> rgb;
  bool black(size_t i) const {
    return rgb[3 * i] < 110 && rgb[3 * i + 1] < 110 && rgb[3 * i + 2] < 110;
  }
  bool reddish(size_t i) const { return rgb[3 * i] > 150 && rgb[3 * i + 1] < 120; }
};

Raster readPng(const std::string& path) {
  Raster r;
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&png, path.c_str())) return r;
  png.format = PNG_FORMAT_RGB;
  r.rgb.resize(PNG_IMAGE_SIZE(png));
  if (!png_image_finish_read(&png, nullptr, r.rgb.data(), 0, nullptr)) return Raster{};
  r.width = png.width;
  r.height = png.height;
  return r;
}

// A 300×300 opaque RGB seal: a red ring and a red disk on white paper, no alpha channel;
// or (`invisible`) an RGBA image of the same size with every pixel transparent, which keeps
// the page's layout (a document without a seal is laid out otherwise, GB/T 9704 7.3.5).
std::string opaqueSealPng(bool invisible = false) {
  const unsigned n = 300;
  std::vector<uint8_t> rgb(n * n * 3, 255);
  for (unsigned y = 0; y < n; ++y) {
    for (unsigned x = 0; x < n; ++x) {
      const double dx = x - n / 2.0, dy = y - n / 2.0, d = std::sqrt(dx * dx + dy * dy);
      if ((d > 130 && d < 145) || d < 40) {
        rgb[3 * (y * n + x)] = 200;
        rgb[3 * (y * n + x) + 1] = 16;
        rgb[3 * (y * n + x) + 2] = 46;
      }
    }
  }
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = n;
  png.height = n;
  png.format = PNG_FORMAT_RGB;
  if (invisible) {
    std::vector<uint8_t> rgba(n * n * 4, 0);
    rgb.swap(rgba);
    png.format = PNG_FORMAT_RGBA;
  }
  png_alloc_size_t size = 0;
  png_image_write_get_memory_size(png, size, 0, rgb.data(), 0, nullptr);
  std::string out(size, '\0');
  png_image_write_to_memory(&png, out.data(), &size, 0, rgb.data(), 0, nullptr);
  out.resize(size);
  return out;
}

// A sample's pages as rasters, with `seal` (a data: URI).
std::vector<Raster> samplePages(const std::string& sample, const TempDir& dir,
                                const std::string& name, const std::string& seal) {
  auto record = parseJsonObject(
      readText(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/" + sample + ".json"), "sample");
  record->set("seal", seal);
  RenderOptions options;
  auto pdf = engine().renderPdf(record, options);
  const std::string bytes(pdf.begin(), pdf.end());
  keepPdf(bytes);
  writeText(dir.file(name + ".pdf"), bytes);
  runShell("pdftoppm -png -r 72 " + dir.file(name + ".pdf") + " " + dir.file(name));
  std::vector<Raster> pages;
  for (int p = 1; p < 20; ++p) {
    for (const char* digits : {"%d", "%02d"}) {
      char number[8];
      std::snprintf(number, sizeof number, digits, p);
      Raster r = readPng(dir.file(name + "-" + number + ".png"));
      if (r.width) {
        pages.push_back(std::move(r));
        break;
      }
    }
  }
  return pages;
}

// The certificate draws its seal over the issuer and the date; the decision draws the date
// over the seal (both must stay readable).
class SealInk : public ::testing::TestWithParam<const char*> {};

TEST_P(SealInk, TextUnderAnOpaqueWhiteSealStaysBlack) {
  TempDir dir;
  auto plain = samplePages(GetParam(), dir, "plain", pngDataUri(opaqueSealPng(true)));
  auto sealed = samplePages(GetParam(), dir, "sealed", pngDataUri(opaqueSealPng()));
  ASSERT_FALSE(plain.empty());
  ASSERT_EQ(plain.size(), sealed.size());
  size_t underSeal = 0, stillBlack = 0, red = 0;
  for (size_t p = 0; p < plain.size(); ++p) {
    const Raster &a = plain[p], &b = sealed[p];
    ASSERT_EQ(a.rgb.size(), b.rgb.size());
    // The seal's box: where the pages differ.
    unsigned x0 = a.width, y0 = a.height, x1 = 0, y1 = 0;
    for (unsigned y = 0; y < a.height; ++y) {
      for (unsigned x = 0; x < a.width; ++x) {
        const size_t i = y * a.width + x;
        if (std::abs(a.rgb[3 * i] - b.rgb[3 * i]) + std::abs(a.rgb[3 * i + 1] - b.rgb[3 * i + 1]) >
            60) {
          x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
          red += b.reddish(i);
        }
      }
    }
    for (unsigned y = y0; y <= y1 && x0 <= x1; ++y) {
      for (unsigned x = x0; x <= x1; ++x) {
        const size_t i = y * a.width + x;
        if (!a.black(i)) continue;
        ++underSeal;
        stillBlack += b.black(i);
      }
    }
  }
  EXPECT_GT(red, 500u);        // the seal is there
  EXPECT_GT(underSeal, 100u);  // over the issuer and the date
  EXPECT_GE(stillBlack * 100, underSeal * 97) << stillBlack << " of " << underSeal;
}

INSTANTIATE_TEST_SUITE_P(Samples, SealInk,
                         ::testing::Values("certificate-mayor-quality-award",
                                           "decision-quality-awards"));

TEST(SealJpeg, AJpegSealIsCarriedAsItIs) {
  TempDir dir;
  // A JPEG from an independent writer: poppler's pdftoppm (libjpeg) rasterising a page, as
  // a scanner would write it.
  writeText(dir.file("page.pdf"), [] {
    auto pdf = engine().renderPdf(record(R"({"layout": "article", "title": "印", "body": "章"})"),
                                  RenderOptions{});
    return std::string(pdf.begin(), pdf.end());
  }());
  auto jpegWriter =
      runShell("pdftoppm -jpeg -r 20 -singlefile " + dir.file("page.pdf") + " " + dir.file("scan"));
  ASSERT_EQ(jpegWriter.exitCode, 0) << jpegWriter.err;
  const std::string jpeg = readText(dir.file("scan.jpg"));
  ASSERT_GT(jpeg.size(), 100u);
  std::string uri = pngDataUri(jpeg);
  uri.replace(0, uri.find(','), "data:image/jpeg;base64");
  auto record = parseJsonObject(
      readText(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/decision-quality-awards.json"),
      "sample");
  record->set("seal", uri);
  auto pdf = engine().renderPdf(record, RenderOptions{});  // the decision, with the scan
  const std::string bytes(pdf.begin(), pdf.end());
  keepPdf(bytes);
  writeText(dir.file("jpeg.pdf"), bytes);
  auto images = runShell("pdfimages -list " + dir.file("jpeg.pdf"));
  EXPECT_NE(images.out.find("jpeg"), std::string::npos) << images.out;
  // A broken JPEG is refused with the field named.
  record->set("seal", "data:image/jpeg;base64,/9j/AAAA");
  try {
    engine().renderPdf(record, RenderOptions{});
    ADD_FAILURE() << "a broken JPEG was drawn";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.seal");
    EXPECT_NE(e.message().find("JPEG"), std::string::npos) << e.message();
  }
}

}  // namespace
}  // namespace gongwen::test
