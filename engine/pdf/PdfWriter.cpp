#include "pdf/PdfWriter.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <ctime>
#include <stdexcept>

#include "common/Parallel.h"
#include "common/WorkBudget.h"
#include "layout/CreationTime.h"
#include "pdf/DeflatedStream.h"
#include "pdf/FormXObject.h"
#include "pdf/HpdfDocument.h"
#include "pdf/ImageEmbedder.h"
#include "pdf/PageContent.h"
#include "pdf/PdfCache.h"
#include "pdf/PdfOutline.h"
#include "pdf/PdfResources.h"
#include "pdf/PdfTextString.h"

namespace gongwen {
namespace {

// Every font (with the glyphs drawn in it), form and image of the document.
PdfResources collect(const DisplayList& list) {
  PdfResources resources;
  for (const Page& page : list.pages) resources.collect(page);
  return resources;
}

// Subsets and images' stream data, made now or found in the server's cache, in parallel.
PreparedResources prepare(const PdfResources& resources, const PdfOptions& options) {
  return resources.prepare(options.cache, options.compress, options.threads);
}

// The resources' PDF objects, and the one dictionary that names them for every page.
struct Embedded {
  std::vector<EmbeddedFont> fonts;  // index for index with PdfResources::fonts()
  HPDF_Dict dictionary = nullptr;
  size_t deflatedStreams = 0;  // writeDeflated's, to finish when saving
};

// One resource dictionary for all pages (every font, form and image of the document):
// written once instead of on each of a batch's thousand pages.
HPDF_Dict resourceDictionary(HpdfDocument& doc, const Embedded& embedded,
                             const std::vector<HPDF_Dict>& forms,
                             const std::vector<HPDF_Dict>& images) {
  HPDF_Dict resources = HPDF_Dict_New(doc.mmgr());
  if (!resources || HPDF_Xref_Add(doc.xref(), resources) != HPDF_OK) {
    throw std::runtime_error("libharu: cannot create the page resources");
  }
  if (!embedded.fonts.empty()) {
    HPDF_Dict fontDict = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict_Add(resources, "Font", fontDict);
    for (size_t i = 0; i < embedded.fonts.size(); ++i) {
      HPDF_Dict_Add(fontDict, PdfResources::fontName(i).c_str(), embedded.fonts[i].type0);
    }
  }
  if (!forms.empty() || !images.empty()) {
    HPDF_Dict xobjects = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict_Add(resources, "XObject", xobjects);
    for (size_t i = 0; i < forms.size(); ++i) {
      HPDF_Dict_Add(xobjects, PdfResources::formName(i).c_str(), forms[i]);
    }
    for (size_t i = 0; i < images.size(); ++i) {
      HPDF_Dict_Add(xobjects, PdfResources::imageName(i).c_str(), images[i]);
    }
  }
  if (!images.empty()) {
    // Seals print as ink: /Ink multiplies the image over what is under it.
    HPDF_Dict states = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict ink = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict_Add(resources, "ExtGState", states);
    HPDF_Dict_Add(states, "Ink", ink);
    HPDF_Dict_AddName(ink, "Type", "ExtGState");
    HPDF_Dict_AddName(ink, "BM", "Multiply");
  }
  doc.check("page resources");
  return resources;
}

// Fonts, images and forms in that order (the objects' numbers follow it); the prepared data
// let go as each is written.
Embedded embed(HpdfDocument& doc, const PdfResources& resources, PreparedResources prepared,
               bool compress) {
  Embedded out;
  for (size_t i = 0; i < prepared.fonts.size(); ++i) {
    out.fonts.push_back(embedFont(doc, resources.fonts()[i], *prepared.fonts[i], compress));
    prepared.fonts[i].reset();
    out.deflatedStreams += 2;
  }
  std::vector<HPDF_Dict> images, forms;
  for (auto& image : prepared.images) {
    images.push_back(embedImage(doc, *image, compress));
    out.deflatedStreams += streamCount(*image);
    image.reset();
  }
  for (size_t i = 0; i < prepared.forms.size(); ++i) {
    forms.push_back(embedArtwork(doc, resources.forms()[i], *prepared.forms[i], compress));
    prepared.forms[i].reset();
    out.deflatedStreams += compress ? 1 : 0;
  }
  out.dictionary = resourceDictionary(doc, out, forms, images);
  return out;
}

// Each page's content stream, built and deflated in parallel (documents of 8 pages and more).
std::vector<std::vector<uint8_t>> contents(const DisplayList& list, const PageResources& resources,
                                           const PdfOptions& options) {
  std::vector<std::vector<uint8_t>> out(list.pages.size());
  const unsigned threads = list.pages.size() < 8 ? 1 : threadsFor(options.threads);
  forEachParallel(list.pages.size(), threads, [&](size_t i) {
    out[i] = pageContent(list.pages[i], resources, options.compress);
  });
  return out;
}

// The page objects, each with its contents (let go as written) and the one dictionary.
std::vector<HPDF_Page> addPages(HpdfDocument& doc, const DisplayList& list, HPDF_Dict resources,
                                std::vector<std::vector<uint8_t>> contents, bool compress) {
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
    if (compress) {
      writeDeflated(attr->contents, contents[i]);
    } else if (!contents[i].empty()) {
      HPDF_Stream_Write(attr->stream, contents[i].data(),
                        static_cast<HPDF_UINT>(contents[i].size()));
    }
    contents[i] = {};
    doc.check("writing a page");
  }
  return pages;
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

// Title, author, subject, keywords, creator, date, and how viewers print it.
void setDocumentInfo(HpdfDocument& doc, const DocumentInfo& info, const std::string& creator) {
  setInfoText(doc, "Title", info.title);
  setInfoText(doc, "Author", info.author);
  setInfoText(doc, "Subject", info.subject);
  setInfoText(doc, "Keywords", info.keywords);
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_CREATOR, creator.c_str());
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_PRODUCER, creator.c_str());
  setCreationDate(doc, creationTimeOf(info));
  doc.check("document info");
  // /ViewerPreferences << /PrintScaling /None >>: viewers print at 100 %, never "fit to
  // page", so that text lands on a pre-printed card's lines (套打).
  HPDF_SetViewerPreference(doc.get(), HPDF_PRINT_SCALING_NONE);
  doc.check("viewer preferences");
}

// The finished file; `deflatedStreams`: those written with writeDeflated, now marked.
std::vector<uint8_t> save(HpdfDocument& doc, size_t deflatedStreams, bool compress) {
  std::vector<uint8_t> pdf = doc.save();
  if (compress) finishDeflatedStreams(pdf, deflatedStreams);
  return pdf;
}

}  // namespace

std::vector<uint8_t> writePdf(const DisplayList& list, const PdfOptions& options) {
  checkPdfPageCount(list.pages.size(), "$");  // libharu's page array fails past it
  const PdfResources resources = collect(list);
  PreparedResources prepared = prepare(resources, options);
  HpdfDocument doc;
  HPDF_SetCompressionMode(doc.get(), options.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
  const Embedded embedded = embed(doc, resources, std::move(prepared), options.compress);
  auto pageContents = contents(list, {resources, embedded.fonts}, options);
  const std::vector<HPDF_Page> pages =
      addPages(doc, list, embedded.dictionary, std::move(pageContents), options.compress);
  addPdfOutline(doc, list, pages);
  setDocumentInfo(doc, list.info, options.creator);
  // Streams deflated here: every page's content, each font's program and ToUnicode, images.
  return save(doc, list.pages.size() + embedded.deflatedStreams, options.compress);
}

}  // namespace gongwen
