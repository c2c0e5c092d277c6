#include "pdf/PdfWriter.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "common/Utf8.h"
#include "pdf/CidFontEmbedder.h"
#include "pdf/ContentStream.h"
#include "pdf/FormXObject.h"
#include "pdf/HpdfDocument.h"

namespace gongwen {
namespace {

// Every font the document draws with, and the glyphs it needs from each.
std::vector<FontUse> collectFonts(const DisplayList& list,
                                  std::unordered_map<const Font*, size_t>& indexOf) {
  std::vector<FontUse> uses;
  for (const auto& page : list.pages) {
    for (const auto& item : page.items) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run || run->glyphs.empty()) continue;
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
    }
  }
  return uses;
}

// UTF-16BE with a byte order mark: how PDF text strings carry Chinese.
std::vector<uint8_t> pdfTextString(const std::string& utf8) {
  std::vector<uint8_t> out = {0xFE, 0xFF};
  auto push16 = [&](unsigned v) {
    out.push_back(static_cast<uint8_t>(v >> 8));
    out.push_back(static_cast<uint8_t>(v & 0xFF));
  };
  for (char32_t cp : decodeUtf8(utf8)) {
    if (cp >= 0x10000) {
      push16(0xD800 + ((cp - 0x10000) >> 10));
      push16(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      push16(cp);
    }
  }
  return out;
}

void setInfoText(HpdfDocument& doc, const char* key, const std::string& utf8) {
  if (utf8.empty()) return;
  std::vector<uint8_t> bytes = pdfTextString(utf8);
  HPDF_Dict_Add(doc.info(), key,
                HPDF_Binary_New(doc.mmgr(), bytes.data(), static_cast<HPDF_UINT>(bytes.size())));
}

void setCreationDate(HpdfDocument& doc, long long when) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    when = std::atoll(epoch);
  }
  if (when == 0) when = static_cast<long long>(std::time(nullptr));
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

HPDF_Dict fontResources(HPDF_Page page, HpdfDocument& doc) {
  HPDF_Dict resources =
      static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
  if (!resources) throw std::runtime_error("libharu: page without resources");
  auto fonts = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(resources, "Font", HPDF_OCLASS_DICT));
  if (!fonts) {
    fonts = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict_Add(resources, "Font", fonts);
  }
  return fonts;
}

// The page's XObject resources, shared with libharu's image drawing (which looks for them
// in the page's attributes and names its images X1, X2, …; our forms are Fm1, Fm2, …).
HPDF_Dict xobjectResources(HPDF_Page page, HpdfDocument& doc) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (!attr->xobjects) {
    HPDF_Dict resources =
        static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    if (!resources) throw std::runtime_error("libharu: page without resources");
    attr->xobjects = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict_Add(resources, "XObject", attr->xobjects);
  }
  return attr->xobjects;
}

// Images by content: the same seal loaded for every record of a batch is embedded once.
struct ImageKey {
  const ImageData* image;
  bool operator==(const ImageKey& o) const {
    return image == o.image || image->png == o.image->png;
  }
};
struct ImageKeyHash {
  size_t operator()(const ImageKey& k) const {
    const auto& png = k.image->png;
    // Size and a sample of the bytes: cheap, and equal images hash equal.
    size_t h = std::hash<size_t>{}(png.size());
    for (size_t i = 0; i < png.size(); i += 1 + png.size() / 64) h = h * 131 + png[i];
    return h;
  }
};

}  // namespace

std::vector<uint8_t> writePdf(const DisplayList& list, const PdfOptions& options) {
  HpdfDocument doc;
  HPDF_SetCompressionMode(doc.get(), options.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);

  std::unordered_map<const Font*, size_t> fontIndex;
  std::vector<FontUse> uses = collectFonts(list, fontIndex);
  std::vector<EmbeddedFont> fonts;
  fonts.reserve(uses.size());
  for (const auto& use : uses) fonts.push_back(embedFont(doc, use, options.compress));

  std::unordered_map<ImageKey, HPDF_Image, ImageKeyHash> images;
  std::unordered_map<const Artwork*, std::pair<std::string, HPDF_Dict>> forms;
  for (const auto& page : list.pages) {
    HPDF_Page p = HPDF_AddPage(doc.get());
    doc.check("adding a page");
    HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(page.widthPt));
    HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(page.heightPt));
    HPDF_Stream stream = static_cast<HPDF_PageAttr>(p->attr)->stream;
    HPDF_Dict pageFonts = nullptr;
    std::map<size_t, bool> onPage;
    std::set<const Artwork*> formsOnPage;

    auto flush = [&](ContentStream& cs) {
      const std::string& s = cs.str();
      if (!s.empty()) {
        HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(s.data()),
                          static_cast<HPDF_UINT>(s.size()));
      }
    };
    ContentStream cs(page.heightPt);
    for (const auto& item : page.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        if (run->glyphs.empty()) continue;
        size_t index = fontIndex.at(run->font.get());
        std::string name = "F" + std::to_string(index + 1);
        if (!onPage[index]) {
          if (!pageFonts) pageFonts = fontResources(p, doc);
          HPDF_Dict_Add(pageFonts, name.c_str(), fonts[index].type0);
          onPage[index] = true;
        }
        cs.text(*run, fonts[index], name);
      } else if (const auto* rect = std::get_if<FilledRect>(&item)) {
        cs.rect(*rect);
      } else if (const auto* path = std::get_if<VectorPath>(&item)) {
        cs.path(*path);
      } else if (const auto* placed = std::get_if<PlacedArtwork>(&item)) {
        auto [it, fresh] = forms.try_emplace(placed->art.get());
        if (fresh) {
          it->second.first = "Fm" + std::to_string(forms.size());
          it->second.second = embedArtwork(doc, *placed->art, options.compress);
        }
        if (formsOnPage.insert(placed->art.get()).second) {
          HPDF_Dict_Add(xobjectResources(p, doc), it->second.first.c_str(), it->second.second);
        }
        cs.form(it->second.first, placed->x, placed->y, placed->art->heightPt);
      } else if (const auto* img = std::get_if<PlacedImage>(&item)) {
        flush(cs);
        cs = ContentStream(page.heightPt);
        HPDF_Image& image = images[ImageKey{img->image.get()}];
        if (!image) {
          image = HPDF_LoadPngImageFromMem(doc.get(), img->image->png.data(),
                                           static_cast<HPDF_UINT>(img->image->png.size()));
          doc.check("loading a PNG image");
          // libharu compresses the colour data but writes the alpha mask raw.
          auto* smask = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(image, "SMask", HPDF_OCLASS_DICT));
          if (smask && options.compress) smask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        }
        HPDF_Page_DrawImage(p, image, static_cast<HPDF_REAL>(img->x),
                            static_cast<HPDF_REAL>(page.heightPt - img->y - img->height),
                            static_cast<HPDF_REAL>(img->width),
                            static_cast<HPDF_REAL>(img->height));
        doc.check("drawing an image");
      }
    }
    flush(cs);
    doc.check("writing a page");
  }

  const DocumentInfo& info = list.info;
  setInfoText(doc, "Title", info.title);
  setInfoText(doc, "Author", info.author);
  setInfoText(doc, "Subject", info.subject);
  setInfoText(doc, "Keywords", info.keywords);
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_CREATOR, options.creator.c_str());
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_PRODUCER, options.creator.c_str());
  setCreationDate(doc, info.creationTime);
  doc.check("document info");
  return doc.save();
}

}  // namespace gongwen
