// A document's fonts, forms and images are registered by content (pdf/PdfResources.h): the
// same face loaded twice is one font, the same seal loaded twice one image XObject, two
// equal borders one form — in both writers; and the server's cache finds them by content.
#include "pdf/PdfResources.h"

#include <gtest/gtest.h>
#include <hb.h>

#include <regex>
#include <set>

#include "pdf/PdfCache.h"
#include "pdf/PdfWriter.h"
#include "pdf/StreamingPdfWriter.h"
#include "support/Process.h"
#include "support/TestEngine.h"
#include "support/TestFonts.h"

namespace gongwen {
namespace {

using test::runShell;
using test::shellQuote;
using test::TempDir;

// `text` in `font`, one glyph a character (enough for the resources: glyphs and their text).
GlyphRun run(const FontPtr& font, const std::u32string& text) {
  GlyphRun r;
  r.font = font;
  r.sizePt = 16;
  double x = 80;
  for (char32_t c : text) {
    hb_codepoint_t glyph = 0;
    EXPECT_TRUE(hb_font_get_nominal_glyph(font->hbFont(), c, &glyph)) << "no glyph";
    PlacedGlyph g;
    g.glyph = glyph;
    g.x = x;
    g.y = 100;
    g.advance = 16;
    g.text = std::u32string(1, c);
    x += 16;
    r.glyphs.push_back(g);
  }
  return r;
}

std::shared_ptr<const ImageData> seal() {
  auto image = std::make_shared<ImageData>();
  const std::string bytes =
      test::readText(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/specimen-seal.png");
  image->png.assign(bytes.begin(), bytes.end());
  image->pixelWidth = image->pixelHeight = 1;  // read from the bytes when drawn
  return image;
}

std::shared_ptr<const Artwork> border(double width) {
  auto art = std::make_shared<Artwork>();
  art->widthPt = width;
  art->heightPt = 200;
  VectorPath p;
  p.segments = {{PathSegment::Op::Move, 10, 10}, {PathSegment::Op::Line, width - 10, 10}};
  p.stroke = Color{};
  art->paths.push_back(p);
  return art;
}

Page page(const FontPtr& font, const std::u32string& text, std::shared_ptr<const ImageData> image,
          std::shared_ptr<const Artwork> art) {
  Page p;
  p.items.push_back(PlacedArtwork{std::move(art), 0, 0});
  p.items.push_back(run(font, text));
  p.items.push_back(PlacedImage{std::move(image), 300, 600, 120, 120});
  return p;
}

// The names of a kind ("F", "Fm", "Im") in the file's resource dictionary.
std::set<std::string> resourceNames(const std::vector<uint8_t>& pdf, const std::string& prefix) {
  TempDir dir;
  const std::string path = dir.file("t.pdf");
  test::writeText(path, std::string(pdf.begin(), pdf.end()));
  const std::string qdf =
      runShell("qpdf --qdf --object-streams=disable " + shellQuote(path) + " -").out;
  std::set<std::string> names;
  const std::regex name("/(" + prefix + "[0-9]+) [0-9]+ 0 R");
  for (auto it = std::sregex_iterator(qdf.begin(), qdf.end(), name); it != std::sregex_iterator();
       ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

std::vector<uint8_t> streamed(std::vector<Page> pages, const PdfOptions& options = {}) {
  StreamingPdfWriter writer(options);
  for (Page& p : pages) {
    std::vector<Page> one{std::move(p)};
    writer.addPages(one);  // one at a time: each page freed before the next comes
  }
  return writer.finish({}, {});
}

TEST(PdfResources, TheSameContentIsOneResourceWhateverObjectCarriesIt) {
  const FontPtr a = Font::load(test::kFandolFang), b = Font::load(test::kFandolFang);
  ASSERT_NE(a.get(), b.get());
  DisplayList list;
  list.pages.push_back(page(a, U"质量强市", seal(), border(400)));
  list.pages.push_back(page(b, U"工作会议", seal(), border(400)));

  PdfResources resources;
  for (const Page& p : list.pages) resources.collect(p);
  ASSERT_EQ(resources.fonts().size(), 1u);
  EXPECT_EQ(resources.fonts()[0].glyphs.size(), 8u) << "both pages' glyphs in the one font";
  EXPECT_EQ(resources.fontOf(*b), 0u);
  EXPECT_EQ(resources.images().size(), 1u);
  EXPECT_EQ(resources.forms().size(), 1u);
  const auto& second = list.pages[1].items;
  EXPECT_EQ(resources.imageOf(*std::get<PlacedImage>(second[2]).image), 0u);
  EXPECT_EQ(resources.formOf(*std::get<PlacedArtwork>(second[0]).art), 0u);

  const std::vector<uint8_t> whole = writePdf(list);
  const std::vector<uint8_t> stream = streamed(list.pages);
  for (const auto* pdf : {&whole, &stream}) {
    EXPECT_EQ(resourceNames(*pdf, "F"), std::set<std::string>{"F1"});
    EXPECT_EQ(resourceNames(*pdf, "Fm"), std::set<std::string>{"Fm1"});
    EXPECT_EQ(resourceNames(*pdf, "Im"), std::set<std::string>{"Im1"});
  }
}

TEST(PdfResources, DifferentContentIsAnotherResource) {
  const FontPtr fang = Font::load(test::kFandolFang), kai = Font::load(test::kFandolKai);
  auto other = std::make_shared<ImageData>(*seal());
  other->png.back() ^= 1;  // one byte off (its IEND's checksum): another image
  DisplayList list;
  list.pages.push_back(page(fang, U"质量", seal(), border(400)));
  list.pages.push_back(page(kai, U"质量", other, border(300)));
  PdfResources resources;
  for (const Page& p : list.pages) resources.collect(p);
  EXPECT_EQ(resources.fonts().size(), 2u);
  EXPECT_EQ(resources.images().size(), 2u);
  EXPECT_EQ(resources.forms().size(), 2u);
  EXPECT_EQ(resourceNames(writePdf(list), "Im"), (std::set<std::string>{"Im1", "Im2"}));
}

// A streamed batch lets each page go once written: an image's address, freed, may be taken
// by another image, which must not pass for the first.
TEST(PdfResources, AnAddressFreedAndTakenAgainIsLookedAtAfresh) {
  const FontPtr font = Font::load(test::kFandolFang);
  PdfResources resources;
  const auto first = seal();
  resources.collect(page(font, U"一", first, border(400)));
  // Made apart from their control blocks (not make_shared), so that an image's memory is
  // freed with its last owner while the registry still remembers the address.
  const ImageData* freed = nullptr;
  {
    const std::shared_ptr<const ImageData> copy(std::make_unique<ImageData>(*first));
    freed = copy.get();
    resources.collect(page(font, U"二", copy, border(400)));  // the same seal, loaded again
    EXPECT_EQ(resources.imageOf(*copy), 0u);
  }
  auto different = std::make_unique<ImageData>(*first);
  different->png.back() ^= 1;
  const std::shared_ptr<const ImageData> taken(std::move(different));
  resources.collect(page(font, U"三", taken, border(400)));
  EXPECT_EQ(resources.images().size(), 2u);
  EXPECT_EQ(resources.imageOf(*taken), 1u) << (taken.get() == freed ? "at the freed address" : "");
}

// The server's cache: the same seal read again for the next request is found by its bytes,
// and the streaming writer's subsets (glyph ids kept) are cached too.
TEST(PdfCache, FindsImagesByContentAndServesTheStreamingWriter) {
  const FontPtr font = Font::load(test::kNotoSerifCjk, test::kNotoScFace);
  const FontPtr ming = Font::load(test::kUming);
  PdfCache cache;
  PdfOptions cached;
  cached.cache = &cache;
  auto document = [&] {
    DisplayList list;
    list.pages.push_back(page(font, U"质量强市", seal(), border(400)));
    list.pages.push_back(page(ming, U"工作会议", seal(), border(400)));
    return list;
  };
  const auto plain = writePdf(document());
  EXPECT_EQ(writePdf(document(), cached), plain);
  EXPECT_EQ(writePdf(document(), cached), plain);
  PdfCache::Stats stats = cache.stats();
  EXPECT_EQ(stats.imageMisses, 1u);
  EXPECT_EQ(stats.imageHits, 1u) << "a seal loaded afresh is found by its bytes";
  EXPECT_EQ(stats.fontMisses, 2u);
  EXPECT_EQ(stats.fontHits, 2u);

  const auto streamPlain = streamed(document().pages);
  EXPECT_EQ(streamed(document().pages, cached), streamPlain);
  EXPECT_EQ(streamed(document().pages, cached), streamPlain);
  stats = cache.stats();
  EXPECT_EQ(stats.imageHits, 3u);
  // A TrueType font keeps its glyph ids in a streamed batch: another subset than writePdf's,
  // made once and then found; Noto's CID-keyed subset is writePdf's own.
  EXPECT_EQ(stats.fontMisses, 3u);
  EXPECT_EQ(stats.fontHits, 5u);
}

}  // namespace
}  // namespace gongwen
