#include "pdf/PdfWriter.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "common/Parallel.h"
#include "common/Utf8.h"
#include "common/WorkBudget.h"
#include "layout/CreationTime.h"
#include "layout/ImageKey.h"
#include "pdf/CidFontEmbedder.h"
#include "pdf/DeflatedStream.h"
#include "pdf/FormXObject.h"
#include "pdf/HpdfDocument.h"
#include "pdf/ImageEmbedder.h"
#include "pdf/PageContent.h"
#include "pdf/PdfCache.h"
#include "pdf/PdfOutline.h"
#include "pdf/PdfTextString.h"

namespace gongwen {
namespace {

// Every font the document draws with, and the glyphs it needs from each.
std::vector<FontUse> collectFonts(const DisplayList& list,
                                  std::unordered_map<const Font*, size_t>& indexOf) {
  std::vector<FontUse> uses;
  for (const auto& page : list.pages) {
    forEachDrawn(page.items, [&](const DisplayItem& item, const Affine&) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run || run->glyphs.empty()) return;
      auto [it, fresh] = indexOf.emplace(run->font.get(), uses.size());
      if (fresh) uses.push_back(FontUse{run->font, {}, {}});
      FontUse& use = uses[it->second];
      for (const auto& g : run->glyphs) {
        auto [t, added] = use.text.emplace(g.glyph, g.text);
        if (added) {
          use.glyphs.push_back(g.glyph);
        } else if (t->second.empty() && !g.text.empty()) {
          t->second = g.text;
        }
      }
    });
  }
  return uses;
}

void setInfoText(HpdfDocument& doc, const char* key, const std::string& utf8) {
  if (utf8.empty()) return;
  std::vector<uint8_t> bytes = pdfTextString(utf8);
  // libharu refuses strings over 64 KB; a title in the document info needs far less.
  constexpr size_t kMaxInfoBytes = 2 + 2 * 1000;
  if (bytes.size() > kMaxInfoBytes) {
    bytes.resize(kMaxInfoBytes);
    const unsigned last = (unsigned{bytes[kMaxInfoBytes - 2]} << 8) | bytes[kMaxInfoBytes - 1];
    if (last >= 0xD800 && last <= 0xDBFF) bytes.resize(kMaxInfoBytes - 2);  // half a pair
  }
  HPDF_Dict_Add(doc.info(), key,
                HPDF_Binary_New(doc.mmgr(), bytes.data(), static_cast<HPDF_UINT>(bytes.size())));
}

void setCreationDate(HpdfDocument& doc, long long when) {
  std::time_t t = static_cast<std::time_t>(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  HPDF_Date date{};
  date.year = tm.tm_year + 1900;
  date.month = tm.tm_mon + 1;
  date.day = tm.tm_mday;
  date.hour = tm.tm_hour;
  date.minutes = tm.tm_min;
  date.seconds = tm.tm_sec;
  date.ind = 'Z';
  HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_CREATION_DATE, date);
}

}  // namespace

std::vector<uint8_t> writePdf(const DisplayList& list, const PdfOptions& options) {
  checkPdfPageCount(list.pages.size(), "$");  // libharu's page array fails past it
  HpdfDocument doc;
  HPDF_SetCompressionMode(doc.get(), options.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);

  std::unordered_map<const Font*, size_t> fontIndex;
  std::vector<FontUse> uses = collectFonts(list, fontIndex);
  const unsigned cores = threadsFor(options.threads);
  // Forms (Fm1, Fm2, …) and images (Im1, …), each written once however many pages use it.
  std::unordered_map<const Artwork*, size_t> formIndex;
  std::vector<const Artwork*> forms;
  std::unordered_map<ImageKey, size_t, ImageKeyHash> imageIndex;
  std::vector<const ImageData*> images;
  for (const auto& page : list.pages) {
    forEachDrawn(page.items, [&](const DisplayItem& item, const Affine&) {
      if (const auto* placed = std::get_if<PlacedArtwork>(&item)) {
        if (formIndex.emplace(placed->art.get(), forms.size()).second)
          forms.push_back(placed->art.get());
      } else if (const auto* img = std::get_if<PlacedImage>(&item)) {
        if (imageIndex.emplace(ImageKey{img->image.get()}, images.size()).second) {
          images.push_back(img->image.get());
        }
      }
    });
  }

  // Subsetting fonts and decoding images are the costliest steps of a short document: each
  // font and each image on its own thread, then their PDF objects.
  std::vector<std::shared_ptr<const PreparedFont>> preparedFonts(uses.size());
  std::vector<std::shared_ptr<const PreparedImage>> preparedImages(images.size());
  forEachParallel(images.size() + uses.size(), cores, [&](size_t i) {
    if (i < images.size()) {
      preparedImages[i] =
          options.cache
              ? options.cache->image(*images[i], options.compress)
              : std::make_shared<const PreparedImage>(prepareImage(*images[i], options.compress));
    } else {
      const FontUse& use = uses[i - images.size()];
      preparedFonts[i - images.size()] =
          options.cache ? options.cache->font(use, options.compress)
                        : std::make_shared<const PreparedFont>(prepareFont(use, options.compress));
    }
  });
  size_t deflatedStreams = 0;
  std::vector<EmbeddedFont> fonts;
  fonts.reserve(uses.size());
  for (size_t i = 0; i < uses.size(); ++i) {
    fonts.push_back(embedFont(doc, uses[i], *preparedFonts[i], options.compress));
    preparedFonts[i].reset();
    deflatedStreams += 2;
  }
  std::vector<HPDF_Dict> imageObjects;
  for (auto& image : preparedImages) {
    imageObjects.push_back(embedImage(doc, *image, options.compress));
    deflatedStreams += streamCount(*image);
    image.reset();
  }

  // Each page's content stream, built and deflated in parallel once every font, form and
  // image has its name.
  std::vector<std::vector<uint8_t>> contents(list.pages.size());
  const unsigned threads = list.pages.size() < 8 ? 1 : cores;
  forEachParallel(list.pages.size(), threads, [&](size_t i) {
    const PageResources resources{fontIndex, fonts, formIndex, imageIndex};
    contents[i] = pageContent(list.pages[i], resources, options.compress);
  });

  std::vector<HPDF_Dict> formObjects;
  for (const Artwork* art : forms) formObjects.push_back(embedArtwork(doc, *art, options.compress));
  // One resource dictionary for all pages (every font, form and image of the document):
  // written once instead of on each of a batch's thousand pages.
  HPDF_Dict resources = HPDF_Dict_New(doc.mmgr());
  if (!resources || HPDF_Xref_Add(doc.xref(), resources) != HPDF_OK) {
    throw std::runtime_error("libharu: cannot create the page resources");
  }
  if (!fonts.empty()) {
    HPDF_Dict fontDict = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict_Add(resources, "Font", fontDict);
    for (size_t i = 0; i < fonts.size(); ++i) {
      HPDF_Dict_Add(fontDict, resourceName("F", i + 1).c_str(), fonts[i].type0);
    }
  }
  if (!formObjects.empty() || !imageObjects.empty()) {
    HPDF_Dict xobjects = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict_Add(resources, "XObject", xobjects);
    for (size_t i = 0; i < formObjects.size(); ++i) {
      HPDF_Dict_Add(xobjects, resourceName("Fm", i + 1).c_str(), formObjects[i]);
    }
    for (size_t i = 0; i < imageObjects.size(); ++i) {
      HPDF_Dict_Add(xobjects, resourceName("Im", i + 1).c_str(), imageObjects[i]);
    }
  }
  if (!imageObjects.empty()) {
    // Seals print as ink: /Ink multiplies the image over what is under it.
    HPDF_Dict states = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict ink = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict_Add(resources, "ExtGState", states);
    HPDF_Dict_Add(states, "Ink", ink);
    HPDF_Dict_AddName(ink, "Type", "ExtGState");
    HPDF_Dict_AddName(ink, "BM", "Multiply");
  }
  doc.check("page resources");

  std::vector<HPDF_Page> pages;
  pages.reserve(list.pages.size());
  for (size_t i = 0; i < list.pages.size(); ++i) {
    const Page& page = list.pages[i];
    HPDF_Page p = HPDF_AddPage(doc.get());
    doc.check("adding a page");
    pages.push_back(p);
    HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(page.widthPt));
    HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(page.heightPt));
    HPDF_Dict_Add(p, "Resources", resources);
    auto* attr = static_cast<HPDF_PageAttr>(p->attr);
    if (options.compress) {
      writeDeflated(attr->contents, contents[i]);
    } else if (!contents[i].empty()) {
      HPDF_Stream_Write(attr->stream, contents[i].data(),
                        static_cast<HPDF_UINT>(contents[i].size()));
    }
    contents[i] = {};
    doc.check("writing a page");
  }

  addPdfOutline(doc, list, pages);

  const DocumentInfo& info = list.info;
  setInfoText(doc, "Title", info.title);
  setInfoText(doc, "Author", info.author);
  setInfoText(doc, "Subject", info.subject);
  setInfoText(doc, "Keywords", info.keywords);
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_CREATOR, options.creator.c_str());
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_PRODUCER, options.creator.c_str());
  setCreationDate(doc, creationTimeOf(info));
  doc.check("document info");
  // /ViewerPreferences << /PrintScaling /None >>: viewers print at 100 %, never "fit to
  // page", so that text lands on a pre-printed card's lines (套打).
  HPDF_SetViewerPreference(doc.get(), HPDF_PRINT_SCALING_NONE);
  doc.check("viewer preferences");
  std::vector<uint8_t> pdf = doc.save();
  // Streams deflated here: every page's content, each font's program and ToUnicode, images.
  if (options.compress) finishDeflatedStreams(pdf, list.pages.size() + deflatedStreams);
  return pdf;
}

}  // namespace gongwen
