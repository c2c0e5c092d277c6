// The OFD package of every sample, read back by Poco's zip and XML parsers: the parts the
// standard asks for, IDs unique and within MaxUnitID, every referenced resource present,
// every font embedded with a cmap that finds its text, text equal to the PDF's and glyph
// positions equal to the display list's (the PDF's) within 0.05 mm.
#include "ofd/OfdWriter.h"

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "batch/BatchRenderer.h"
#include "common/Json.h"
#include "common/Utf8.h"
#include "pdf/PdfWriter.h"
#include "support/OfdReader.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

using Poco::XML::Element;

constexpr double kMmPerPt = 25.4 / 72;

std::string samplesDir() { return std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples"; }

std::vector<std::string> sampleNames() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(samplesDir())) {
    if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

DisplayList layoutSample(const std::string& name) {
  const std::string path = samplesDir() + "/" + name + ".json";
  RenderOptions options;
  options.baseDirectory = samplesDir();
  return engine().layout(parseJsonObject(readFile(path), path), options).list;
}

double number(Element* e, const std::string& attr) { return std::stod(e->getAttribute(attr)); }

std::vector<double> numbers(Element* e, const std::string& attr) {
  return ofdArray(e->getAttribute(attr));
}

struct PlacedChar {
  char32_t c;
  double x, y;  // mm
};

// What the display list draws on a page: each character at its glyph's pen position.
std::vector<PlacedChar> expectedChars(const Page& page) {
  std::vector<PlacedChar> out;
  // A group's glyphs where its map puts them on the page (a landscape table's).
  forEachDrawn(page.items, [&](const DisplayItem& item, const Affine& t) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run) return;
    for (size_t i = 0; i < run->glyphs.size(); ++i) {
      const PlacedGlyph& g = run->glyphs[i];
      const bool lineStart = i == 0 || std::abs(run->glyphs[i - 1].y - g.y) > 1e-6;
      std::u32string text = g.text;
      if (text.empty() && lineStart) text.push_back(U'\uFFFD');
      double x = g.x, y = g.y;
      t.apply(x, y);
      for (char32_t c : text) out.push_back({c, x * kMmPerPt, y * kMmPerPt});
    }
  });
  return out;
}

// What an OFD page places: each TextCode character at Boundary + CTM(X + the DeltaX sums, Y).
std::vector<PlacedChar> ofdChars(const XmlPart& page) {
  std::vector<PlacedChar> out;
  for (Element* text : page.all("TextObject")) {
    const std::vector<double> box = numbers(text, "Boundary");
    std::vector<double> ctm = {1, 0, 0, 1, 0, 0};
    if (text->hasAttribute("CTM")) ctm = numbers(text, "CTM");
    EXPECT_EQ(ctm.size(), 6u);
    for (Element* code : XmlPart::under(text, "TextCode")) {
      const std::u32string chars = decodeUtf8(XmlPart::text(code));
      const std::vector<double> dx = numbers(code, "DeltaX");
      EXPECT_EQ(dx.size() + 1, chars.size()) << encodeUtf8(chars);
      double x = number(code, "X");
      const double y = number(code, "Y");
      for (size_t i = 0; i < chars.size(); ++i) {
        out.push_back({chars[i], box.at(0) + ctm[0] * x + ctm[2] * y + ctm[4],
                       box.at(1) + ctm[1] * x + ctm[3] * y + ctm[5]});
        if (i < dx.size()) x += dx[i];
      }
    }
  }
  return out;
}

std::u32string withoutSpaces(const std::u32string& s) {
  std::u32string out;
  for (char32_t c : s) {
    if (c != U' ' && c != U'\n' && c != U'\r' && c != U'\t' && c != U'\f' && c != U'\u3000' &&
        c != U'\uFFFD')
      out.push_back(c);
  }
  return out;
}

// The whole package checked against the display list it came from.
void checkPackage(const DisplayList& list, const std::vector<uint8_t>& ofd) {
  const auto parts = unzipParts(ofd);
  ASSERT_TRUE(parts.count("OFD.xml"));
  XmlPart entry(parts.at("OFD.xml"));
  EXPECT_EQ(entry.root()->localName(), "OFD");
  EXPECT_EQ(entry.root()->namespaceURI(), "http://www.ofdspec.org/2016");
  EXPECT_EQ(entry.first("DocID").size(), 32u);
  EXPECT_FALSE(entry.first("CreationDate").empty());
  const std::string docRoot = entry.first("DocRoot");
  ASSERT_TRUE(parts.count(docRoot)) << docRoot;
  const std::string base = docRoot.substr(0, docRoot.rfind('/') + 1);
  XmlPart document(parts.at(docRoot));
  const long maxUnitId = std::stol(document.first("MaxUnitID"));

  // Every part parses; every ID is unique and within MaxUnitID.
  std::set<long> ids;
  std::map<std::string, XmlPart> xml;
  for (const auto& [name, bytes] : parts) {
    if (!name.ends_with(".xml")) continue;
    xml.emplace(name, XmlPart(bytes));
    for (const char* element : {"TextObject", "PathObject", "ImageObject", "Layer", "Font",
                                "MultiMedia", "TemplatePage", "Page"}) {
      for (Element* e : xml.at(name).all(element)) {
        if (!e->hasAttribute("ID")) continue;
        const long id = std::stol(e->getAttribute("ID"));
        EXPECT_TRUE(ids.insert(id).second) << "ID " << id << " twice (" << name << ")";
        EXPECT_GE(id, 1);
        EXPECT_LE(id, maxUnitId) << name;
      }
    }
  }

  // Resources: fonts (embedded, with a cmap), images, templates.
  std::map<long, std::vector<uint8_t>> fontFiles;
  std::set<long> imageIds, templateIds, pageIds;
  for (const std::string& res : {document.first("PublicRes"), document.first("DocumentRes")}) {
    ASSERT_TRUE(parts.count(base + res)) << res;
    const XmlPart& r = xml.at(base + res);
    const std::string resBase = base + r.root()->getAttribute("BaseLoc") + "/";
    for (Element* font : r.all("Font")) {
      const std::string file = resBase + XmlPart::under(font, "FontFile").at(0)->innerText();
      ASSERT_TRUE(parts.count(file)) << file;
      fontFiles[std::stol(font->getAttribute("ID"))] =
          std::vector<uint8_t>(parts.at(file).begin(), parts.at(file).end());
    }
    for (Element* media : r.all("MultiMedia")) {
      const std::string file = resBase + XmlPart::under(media, "MediaFile").at(0)->innerText();
      ASSERT_TRUE(parts.count(file)) << file;
      // PNG (seals, with their transparency) or JPEG (figures, embedded as they are).
      const bool png = parts.at(file).substr(1, 3) == "PNG";
      const bool jpeg = parts.at(file).substr(0, 2) == "\xFF\xD8";
      EXPECT_TRUE(png || jpeg) << file;
      EXPECT_EQ(media->getAttribute("Format"), png ? "PNG" : "JPEG") << file;
      imageIds.insert(std::stol(media->getAttribute("ID")));
    }
  }
  for (Element* t : document.all("TemplatePage")) {
    ASSERT_TRUE(parts.count(base + t->getAttribute("BaseLoc")));
    templateIds.insert(std::stol(t->getAttribute("ID")));
  }
  std::vector<std::string> pageFiles;
  for (Element* p : XmlPart::under(document.all("Pages").at(0), "Page")) {
    pageFiles.push_back(base + p->getAttribute("BaseLoc"));
    ASSERT_TRUE(parts.count(pageFiles.back())) << pageFiles.back();
    pageIds.insert(std::stol(p->getAttribute("ID")));
  }
  ASSERT_EQ(pageFiles.size(), list.pages.size());
  for (Element* dest : document.all("Dest")) {
    EXPECT_TRUE(pageIds.count(std::stol(dest->getAttribute("PageID"))));
  }

  // The fonts: real font files whose cmap maps every plain TextCode character to a glyph.
  struct HbFont {
    hb_blob_t* blob;
    hb_face_t* face;
    hb_font_t* font;
  };
  std::map<long, HbFont> faces;
  for (auto& [id, bytes] : fontFiles) {
    hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(bytes.data()),
                                     static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY,
                                     nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    EXPECT_GT(hb_face_get_glyph_count(face), 1u) << "font " << id;
    hb_blob_t* cmap = hb_face_reference_table(face, HB_TAG('c', 'm', 'a', 'p'));
    EXPECT_GT(hb_blob_get_length(cmap), 0u) << "font " << id << " has no cmap";
    hb_blob_destroy(cmap);
    faces[id] = {blob, face, hb_font_create(face)};
  }

  for (size_t i = 0; i < pageFiles.size(); ++i) {
    SCOPED_TRACE("page " + std::to_string(i + 1));
    const XmlPart& page = xml.at(pageFiles[i]);
    for (Element* t : page.all("Template")) {
      EXPECT_TRUE(templateIds.count(std::stol(t->getAttribute("TemplateID"))));
    }
    for (Element* img : page.all("ImageObject")) {
      EXPECT_TRUE(imageIds.count(std::stol(img->getAttribute("ResourceID"))));
    }
    for (Element* text : page.all("TextObject")) {
      const long fontId = std::stol(text->getAttribute("Font"));
      ASSERT_TRUE(faces.count(fontId)) << "font " << fontId << " not embedded";
      hb_font_t* font = faces.at(fontId).font;
      std::set<size_t> transformed;
      for (Element* cg : XmlPart::under(text, "CGTransform")) {
        const size_t from = std::stoul(cg->getAttribute("CodePosition"));
        for (size_t k = 0; k < std::stoul(cg->getAttribute("CodeCount")); ++k)
          transformed.insert(from + k);
        for (double g : ofdArray(XmlPart::under(cg, "Glyphs").at(0)->innerText())) {
          EXPECT_LT(g, hb_face_get_glyph_count(faces.at(fontId).face));
        }
      }
      const std::u32string chars = decodeUtf8(XmlPart::under(text, "TextCode").at(0)->innerText());
      for (size_t k = 0; k < chars.size(); ++k) {
        if (transformed.count(k)) continue;
        hb_codepoint_t glyph = 0;
        EXPECT_TRUE(hb_font_get_nominal_glyph(font, chars[k], &glyph) && glyph != 0)
            << "U+" << std::hex << static_cast<unsigned>(chars[k]) << " not in font " << fontId;
      }
    }
    // Images (seals) in their boxes, in drawing order.
    std::vector<const PlacedImage*> images;
    for (const auto& item : list.pages[i].items) {
      if (const auto* img = std::get_if<PlacedImage>(&item)) images.push_back(img);
    }
    const auto imageObjects = page.all("ImageObject");
    ASSERT_EQ(imageObjects.size(), images.size());
    for (size_t k = 0; k < images.size(); ++k) {
      const std::vector<double> box = numbers(imageObjects[k], "Boundary");
      const PlacedImage& img = *images[k];
      EXPECT_NEAR(box.at(0), img.x * kMmPerPt, 0.05);
      EXPECT_NEAR(box.at(1), img.y * kMmPerPt, 0.05);
      EXPECT_NEAR(box.at(2), img.width * kMmPerPt, 0.05);
      EXPECT_NEAR(box.at(3), img.height * kMmPerPt, 0.05);
    }
    // Glyph positions: the display list's (which the PDF draws) within 0.05 mm.
    const std::vector<PlacedChar> want = expectedChars(list.pages[i]);
    const std::vector<PlacedChar> got = ofdChars(page);
    ASSERT_EQ(got.size(), want.size());
    double worst = 0;
    for (size_t k = 0; k < want.size(); ++k) {
      ASSERT_EQ(got[k].c, want[k].c) << "character " << k;
      worst = std::max({worst, std::abs(got[k].x - want[k].x), std::abs(got[k].y - want[k].y)});
    }
    EXPECT_LE(worst, 0.05) << "mm";
  }
  for (auto& [id, f] : faces) {
    hb_font_destroy(f.font);
    hb_face_destroy(f.face);
    hb_blob_destroy(f.blob);
  }
}

// Each page's characters, sorted (reading order aside), without white space.
std::vector<std::u32string> sortedPageTexts(const std::string& text) {
  std::vector<std::u32string> pages(1);
  for (char32_t c : decodeUtf8(text)) {
    if (c == U'\f') {
      pages.emplace_back();
    } else {
      pages.back().push_back(c);
    }
  }
  if (pages.back().empty()) pages.pop_back();
  for (auto& p : pages) {
    p = withoutSpaces(p);
    std::sort(p.begin(), p.end());
  }
  return pages;
}

class OfdSample : public ::testing::TestWithParam<std::string> {};

TEST_P(OfdSample, PackageMatchesTheDisplayListAndThePdf) {
  const DisplayList list = layoutSample(GetParam());
  ASSERT_FALSE(list.pages.empty());
  const std::vector<uint8_t> ofd = writeOfd(list);
  const std::vector<uint8_t> pdf = writePdf(list);
  checkPackage(list, ofd);
  if (HasFatalFailure()) return;
  // The size holds within 1.5× of the PDF's.
  EXPECT_LE(static_cast<double>(ofd.size()), 1.5 * static_cast<double>(pdf.size()))
      << "OFD " << ofd.size() << " bytes, PDF " << pdf.size();

  // The text, page by page, is the PDF's as pdftotext reads it.
  TempDir dir;
  writeText(dir.file("a.pdf"), std::string(pdf.begin(), pdf.end()));
  auto text = runShell("pdftotext -enc UTF-8 " + shellQuote(dir.file("a.pdf")) + " -");
  ASSERT_EQ(text.exitCode, 0);
  const auto pdfPages = sortedPageTexts(text.out);
  const auto parts = unzipParts(ofd);
  ASSERT_EQ(pdfPages.size(), list.pages.size());
  for (size_t i = 0; i < list.pages.size(); ++i) {
    XmlPart page(parts.at("Doc_0/Pages/Page_" + std::to_string(i) + "/Content.xml"));
    std::u32string chars;
    for (Element* code : page.all("TextCode")) chars += decodeUtf8(XmlPart::text(code));
    chars = withoutSpaces(chars);
    std::sort(chars.begin(), chars.end());
    EXPECT_EQ(encodeUtf8(chars), encodeUtf8(pdfPages[i])) << "page " << i + 1;
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, OfdSample, ::testing::ValuesIn(sampleNames()),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(OfdWriter, FoundTheSamples) { EXPECT_GE(sampleNames().size(), 5u); }

TEST(OfdWriter, OutlineHasTheTitleAndHeadings) {
  const DisplayList list = layoutSample("minutes-quality-conference");
  ASSERT_GE(list.outline.size(), 3u);
  XmlPart document(unzipParts(writeOfd(list)).at("Doc_0/Document.xml"));
  auto top = XmlPart::under(document.all("Outlines").at(0), "OutlineElem");
  ASSERT_EQ(top.size(), list.outline.size());
  EXPECT_EQ(top.front()->getAttribute("Title"), list.outline.front().title);
  // A document's title is the top level (the minutes have none: their 一、 are).
  const DisplayList article = layoutSample("article-quality-conference");
  ASSERT_FALSE(article.outline.empty());
  EXPECT_EQ(article.outline.front().level, 0);
  EXPECT_EQ(article.outline.front().title, article.info.title);
  EXPECT_EQ(article.outline.front().page, 0u);
  // The headings 一、 (level 1) and （一） (level 2), the latter nested in the former.
  auto heading = std::find_if(list.outline.begin(), list.outline.end(),
                              [](const OutlineEntry& e) { return e.title.starts_with("一、"); });
  ASSERT_NE(heading, list.outline.end());
  EXPECT_EQ(heading->level, 1);
  auto sub = std::find_if(list.outline.begin(), list.outline.end(),
                          [](const OutlineEntry& e) { return e.title.starts_with("（一）"); });
  ASSERT_NE(sub, list.outline.end());
  EXPECT_EQ(sub->level, 2);
  bool nested = false;
  for (Element* e : document.all("OutlineElem")) {
    if (e->getAttribute("Title").starts_with("（一）")) {
      auto* parent = static_cast<Element*>(e->parentNode());
      nested = parent->localName() == "OutlineElem";
    }
  }
  EXPECT_TRUE(nested);
}

TEST(OfdWriter, CertificateBatchCarriesItsArtOnceAsATemplate) {
  const std::string path = samplesDir() + "/certificate-mayor-quality-award.json";
  std::vector<BatchDocument> docs;
  for (int i = 0; i < 20; ++i) {
    auto rec = parseJsonObject(readFile(path), path);
    rec->set("recipient", "受表彰人" + std::to_string(i + 1));
    RenderOptions options;
    options.baseDirectory = samplesDir();
    docs.push_back({static_cast<size_t>(i), engine().layout(rec, options).list, {}});
  }
  DisplayList merged = mergeDocuments(docs, false);
  ASSERT_EQ(merged.pages.size(), 20u);
  const std::vector<uint8_t> ofd = writeOfd(merged);
  checkPackage(merged, ofd);
  const auto parts = unzipParts(ofd);
  XmlPart document(parts.at("Doc_0/Document.xml"));
  ASSERT_EQ(document.all("TemplatePage").size(), 1u);
  const std::string templateId = document.all("TemplatePage")[0]->getAttribute("ID");
  for (int i = 0; i < 20; ++i) {
    XmlPart page(parts.at("Doc_0/Pages/Page_" + std::to_string(i) + "/Content.xml"));
    ASSERT_EQ(page.all("Template").size(), 1u);
    EXPECT_EQ(page.all("Template")[0]->getAttribute("TemplateID"), templateId);
    EXPECT_TRUE(page.all("PathObject").empty() || page.all("PathObject").size() < 5u);
  }
  // One outline entry per record, named by the recipient.
  auto entries = XmlPart::under(document.all("Outlines").at(0), "OutlineElem");
  ASSERT_EQ(entries.size(), 20u);
  EXPECT_EQ(entries[4]->getAttribute("Title"), "受表彰人5");
  EXPECT_LE(static_cast<double>(ofd.size()), 1.5 * static_cast<double>(writePdf(merged).size()));
}

TEST(OfdWriter, SourceDateEpochMakesItReproducible) {
  const DisplayList list = layoutSample("letter-quality-inspection");
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  const std::vector<uint8_t> a = writeOfd(list), b = writeOfd(list);
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(a, b);
  XmlPart entry(unzipParts(a).at("OFD.xml"));
  EXPECT_EQ(entry.first("CreationDate"), "2023-11-14");
}

TEST(OfdWriter, EscapesMarkupInTextAndMetadata) {
  auto rec = article("A&B <标题> \"引\"", "正文 a<b & c>d。");
  DisplayList list = engine().layout(rec, {}).list;
  const std::vector<uint8_t> ofd = writeOfd(list);
  checkPackage(list, ofd);
  XmlPart entry(unzipParts(ofd).at("OFD.xml"));
  EXPECT_EQ(entry.first("Title"), list.info.title);
  EXPECT_NE(list.info.title.find("A&B <"), std::string::npos) << list.info.title;
}

}  // namespace
}  // namespace gongwen::test
