#include "ofd/OfdWriter.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "common/Parallel.h"
#include "layout/CreationTime.h"
#include "layout/ImageKey.h"
#include "ofd/OfdObjects.h"
#include "ofd/OfdPackage.h"
#include "ofd/OfdText.h"
#include "ofd/OfdXml.h"
#include "pdf/FontSubsetter.h"

namespace gongwen {
namespace {

using ofd::IdCounter;
using ofd::toMicrons;
using ofd::XmlOut;

constexpr const char* kNamespace = "http://www.ofdspec.org/2016";

// A font the document draws with: the glyphs it needs, and the characters the reader
// will look up in the subset's cmap.
struct FontUse {
  FontPtr font;
  std::vector<uint32_t> glyphs;
  std::vector<char32_t> unicodes;
  uint32_t id = 0;
  SfntSubset subset;
};

std::vector<FontUse> collectFonts(const DisplayList& list,
                                  std::unordered_map<const Font*, size_t>& indexOf) {
  std::vector<FontUse> uses;
  std::vector<std::unordered_map<uint32_t, bool>> seenGlyphs;
  std::vector<std::unordered_map<char32_t, bool>> seenChars;
  for (const auto& page : list.pages) {
    forEachDrawn(page.items, [&](const DisplayItem& item, const Affine&) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run || run->glyphs.empty()) return;
      auto [it, fresh] = indexOf.emplace(run->font.get(), uses.size());
      if (fresh) {
        uses.push_back(FontUse{run->font, {}, {}, 0, {}});
        seenGlyphs.emplace_back();
        seenChars.emplace_back();
      }
      FontUse& use = uses[it->second];
      for (const auto& g : run->glyphs) {
        if (seenGlyphs[it->second].emplace(g.glyph, true).second) use.glyphs.push_back(g.glyph);
      }
      for (const auto& c : ofd::clustersOf(*run, 0, run->glyphs.size())) {
        if (c.plain && seenChars[it->second].emplace(c.code[0], true).second) {
          use.unicodes.push_back(c.code[0]);
        }
      }
    });
  }
  return uses;
}

std::string fontFileName(const FontUse& use) {
  return "font_" + std::to_string(use.id) +
         (use.font->outlineFormat() == OutlineFormat::Cff ? ".otf" : ".ttf");
}

// "0 0 w h" in millimetres.
std::string physicalBox(const Page& page) {
  std::string s = "0 0 ";
  XmlOut::appendMicrons(s, toMicrons(page.widthPt));
  s += ' ';
  XmlOut::appendMicrons(s, toMicrons(page.heightPt));
  return s;
}

void writeArea(XmlOut& xml, const Page& page) {
  xml.open("PageArea").close().element("PhysicalBox", physicalBox(page)).end("PageArea");
}

// A certificate's art at one place: a template page written once, however many pages
// show it.
struct TemplateUse {
  const Artwork* art;
  double x, y;
  uint32_t id = 0;
};

std::string templateContent(const TemplateUse& t, IdCounter& ids) {
  XmlOut xml;
  xml.open("Page").attr("xmlns:ofd", kNamespace).close();
  xml.open("Content").close().open("Layer").attr("ID", ids.next()).close();
  for (const VectorPath& path : t.art->paths) ofd::writePath(xml, path, t.x, t.y, ids);
  xml.end("Layer").end("Content").end("Page");
  return xml.take();
}

std::string dateOf(long long when) {
  std::time_t t = static_cast<std::time_t>(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// A stable 32-hex-digit DocID from the package's content (FNV-1a, two seeds).
std::string documentId(const std::vector<ofd::PackagePart>& parts) {
  uint64_t a = 14695981039346656037ull, b = 0x84222325cbf29ce4ull;
  for (const auto& part : parts) {
    for (unsigned char c : part.name + part.bytes) {
      a = (a ^ c) * 1099511628211ull;
      b = (b ^ c) * 0x100000001b3ull + 7;
    }
  }
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return buf;
}

void writeOutlines(XmlOut& xml, const DisplayList& list, const std::vector<uint32_t>& pageIds) {
  if (list.outline.empty()) return;
  xml.open("Outlines").close();
  std::vector<int> open;  // levels of the OutlineElem elements still open
  for (const OutlineEntry& e : list.outline) {
    if (e.page >= pageIds.size()) continue;
    const int level = std::max(0, std::min(e.level, static_cast<int>(open.size())));
    while (static_cast<int>(open.size()) > level) {
      xml.end("OutlineElem");
      open.pop_back();
    }
    xml.open("OutlineElem").attr("Title", e.title).close();
    xml.open("Actions").close().open("Action").attr("Event", "CLICK").close();
    xml.open("Goto").close();
    xml.open("Dest")
        .attr("Type", "XYZ")
        .attr("PageID", pageIds[e.page])
        .attr("Left", "0")
        .attrMicrons("Top", toMicrons(e.y))
        .end("Dest");
    xml.end("Goto").end("Action").end("Actions");
    open.push_back(level);
  }
  while (!open.empty()) {
    xml.end("OutlineElem");
    open.pop_back();
  }
  xml.end("Outlines");
}

}  // namespace

std::vector<uint8_t> writeOfd(const DisplayList& list, const OfdOptions& options) {
  IdCounter ids;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());

  // Fonts, subset (keeping a cmap) each on its own thread.
  std::unordered_map<const Font*, size_t> fontIndex;
  std::vector<FontUse> fonts = collectFonts(list, fontIndex);
  for (auto& f : fonts) f.id = ids.next();
  forEachParallel(fonts.size(), cores, [&](size_t i) {
    fonts[i].subset = subsetSfnt(*fonts[i].font, fonts[i].glyphs, fonts[i].unicodes);
  });

  // Images by content, templates by art and place.
  std::unordered_map<ImageKey, uint32_t, ImageKeyHash> imageIds;
  std::vector<std::pair<const ImageData*, uint32_t>> images;
  std::map<std::tuple<const Artwork*, double, double>, size_t> templateIndex;
  std::vector<TemplateUse> templates;
  for (const auto& page : list.pages) {
    forEachDrawn(page.items, [&](const DisplayItem& item, const Affine&) {
      if (const auto* img = std::get_if<PlacedImage>(&item)) {
        auto [it, fresh] = imageIds.emplace(ImageKey{img->image.get()}, 0);
        if (fresh) {
          it->second = ids.next();
          images.emplace_back(img->image.get(), it->second);
        }
      }
    });
    for (const auto& item : page.items) {
      if (const auto* placed = std::get_if<PlacedArtwork>(&item)) {
        auto key = std::make_tuple(placed->art.get(), placed->x, placed->y);
        if (templateIndex.emplace(key, templates.size()).second) {
          templates.push_back({placed->art.get(), placed->x, placed->y, ids.next()});
        }
      }
    }
  }
  std::vector<uint32_t> pageIds;
  for (size_t i = 0; i < list.pages.size(); ++i) pageIds.push_back(ids.next());

  std::vector<ofd::PackagePart> parts;
  const std::string doc = "Doc_0/";
  for (size_t t = 0; t < templates.size(); ++t) {
    parts.push_back({doc + "Tpls/Tpl_" + std::to_string(t) + "/Content.xml",
                     templateContent(templates[t], ids)});
  }

  // Each page: its templates, then one layer of text, path and image objects; written in
  // parallel, each page from its own first ID.
  std::vector<uint32_t> firstId(list.pages.size() + 1, ids.last());
  for (size_t i = 0; i < list.pages.size(); ++i) {
    uint32_t count = 1;  // the layer
    for (const auto& item : list.pages[i].items) count += ofd::objectCount(item);
    firstId[i + 1] = firstId[i] + count;
  }
  std::vector<std::string> pageXml(list.pages.size());
  forEachParallel(list.pages.size(), list.pages.size() < 8 ? 1 : cores, [&](size_t i) {
    const Page& page = list.pages[i];
    IdCounter pageIds(firstId[i]);
    XmlOut xml;
    xml.open("Page").attr("xmlns:ofd", kNamespace).close();
    bool drawnBefore = false;
    for (const auto& item : page.items) {
      if (const auto* placed = std::get_if<PlacedArtwork>(&item)) {
        const TemplateUse& t =
            templates[templateIndex.at(std::make_tuple(placed->art.get(), placed->x, placed->y))];
        xml.open("Template")
            .attr("TemplateID", t.id)
            .attr("ZOrder", drawnBefore ? "Foreground" : "Background")
            .end("Template");
      } else {
        drawnBefore = true;
      }
    }
    if (page.widthPt != list.pages.front().widthPt ||
        page.heightPt != list.pages.front().heightPt) {
      xml.open("Area").close().element("PhysicalBox", physicalBox(page)).end("Area");
    }
    xml.open("Content").close().open("Layer").attr("ID", pageIds.next()).close();
    // Items in order; those of a group through its map (art there as its paths).
    auto draw = [&](const std::vector<DisplayItem>& items, const Affine* t, auto& self) -> void {
      for (const auto& item : items) {
        if (const auto* run = std::get_if<GlyphRun>(&item)) {
          if (run->glyphs.empty()) continue;
          const FontUse& f = fonts[fontIndex.at(run->font.get())];
          ofd::writeText(xml, *run, {f.id, &f.subset.newGlyphOf}, pageIds, t);
        } else if (const auto* rect = std::get_if<FilledRect>(&item)) {
          ofd::writeRect(xml, *rect, pageIds, t);
        } else if (const auto* path = std::get_if<VectorPath>(&item)) {
          ofd::writePath(xml, *path, 0, 0, pageIds, t);
        } else if (const auto* img = std::get_if<PlacedImage>(&item)) {
          ofd::writeImage(xml, *img, imageIds.at(ImageKey{img->image.get()}), pageIds, t);
        } else if (const auto* art = std::get_if<PlacedArtwork>(&item); art && t) {
          for (const auto& p : art->art->paths) ofd::writePath(xml, p, art->x, art->y, pageIds, t);
        } else if (const auto* group = std::get_if<TransformedGroup>(&item)) {
          const Affine inner = t ? t->then(group->transform) : group->transform;
          self(group->items, &inner, self);
        }
      }
    };
    draw(page.items, nullptr, draw);
    xml.end("Layer").end("Content").end("Page");
    if (pageIds.last() != firstId[i + 1]) {
      throw std::logic_error("OFD: page " + std::to_string(i + 1) + " used IDs it did not count");
    }
    pageXml[i] = xml.take();
  });
  ids = IdCounter(firstId.back());
  for (size_t i = 0; i < list.pages.size(); ++i) {
    parts.push_back(
        {doc + "Pages/Page_" + std::to_string(i) + "/Content.xml", std::move(pageXml[i])});
  }

  // Resources: fonts in PublicRes, images in DocumentRes, their files under Res/.
  {
    XmlOut xml;
    xml.open("Res").attr("xmlns:ofd", kNamespace).attr("BaseLoc", "Res").close();
    if (!fonts.empty()) {
      xml.open("Fonts").close();
      for (const FontUse& f : fonts) {
        xml.open("Font")
            .attr("ID", f.id)
            .attr("FontName", f.font->postscriptName())
            .attr("FamilyName", f.font->familyName())
            .close()
            .element("FontFile", fontFileName(f))
            .end("Font");
      }
      xml.end("Fonts");
    }
    xml.end("Res");
    parts.push_back({doc + "PublicRes.xml", xml.take()});
  }
  {
    XmlOut xml;
    xml.open("Res").attr("xmlns:ofd", kNamespace).attr("BaseLoc", "Res").close();
    if (!images.empty()) {
      xml.open("MultiMedias").close();
      for (const auto& [image, id] : images) {
        xml.open("MultiMedia")
            .attr("ID", id)
            .attr("Type", "Image")
            .attr("Format", image->jpeg ? "JPEG" : "PNG")
            .close()
            .element("MediaFile", "image_" + std::to_string(id) + (image->jpeg ? ".jpg" : ".png"))
            .end("MultiMedia");
      }
      xml.end("MultiMedias");
    }
    xml.end("Res");
    parts.push_back({doc + "DocumentRes.xml", xml.take()});
  }
  for (const FontUse& f : fonts) {
    parts.push_back(
        {doc + "Res/" + fontFileName(f), std::string(f.subset.sfnt.begin(), f.subset.sfnt.end())});
  }
  for (const auto& [image, id] : images) {
    parts.push_back({doc + "Res/image_" + std::to_string(id) + (image->jpeg ? ".jpg" : ".png"),
                     std::string(image->png.begin(), image->png.end()), false});
  }

  // Document.xml: common data (MaxUnitID last, once every ID is handed out), pages, outline.
  {
    XmlOut xml;
    xml.open("Document").attr("xmlns:ofd", kNamespace).close();
    xml.open("CommonData").close();
    const uint32_t maxUnitId = ids.last();
    xml.element("MaxUnitID", std::to_string(maxUnitId));
    if (!list.pages.empty()) writeArea(xml, list.pages.front());
    xml.element("PublicRes", "PublicRes.xml").element("DocumentRes", "DocumentRes.xml");
    for (size_t t = 0; t < templates.size(); ++t) {
      xml.open("TemplatePage")
          .attr("ID", templates[t].id)
          .attr("BaseLoc", "Tpls/Tpl_" + std::to_string(t) + "/Content.xml")
          .end("TemplatePage");
    }
    xml.end("CommonData");
    xml.open("Pages").close();
    for (size_t i = 0; i < list.pages.size(); ++i) {
      xml.open("Page")
          .attr("ID", pageIds[i])
          .attr("BaseLoc", "Pages/Page_" + std::to_string(i) + "/Content.xml")
          .end("Page");
    }
    xml.end("Pages");
    writeOutlines(xml, list, pageIds);
    xml.end("Document");
    parts.push_back({doc + "Document.xml", xml.take()});
  }

  // OFD.xml, the entry point: document info and where the document's root lies.
  const long long when = creationTimeOf(list.info);
  {
    const DocumentInfo& info = list.info;
    XmlOut xml;
    xml.open("OFD").attr("xmlns:ofd", kNamespace).attr("Version", "1.0").attr("DocType", "OFD");
    xml.close().open("DocBody").close().open("DocInfo").close();
    xml.element("DocID", documentId(parts));
    if (!info.title.empty()) xml.element("Title", info.title);
    if (!info.author.empty()) xml.element("Author", info.author);
    if (!info.subject.empty()) xml.element("Subject", info.subject);
    xml.element("CreationDate", dateOf(when));
    if (!info.keywords.empty()) {
      xml.open("Keywords").close().element("Keyword", info.keywords).end("Keywords");
    }
    xml.element("Creator", options.creator).element("CreatorVersion", options.creatorVersion);
    xml.end("DocInfo").element("DocRoot", doc + "Document.xml").end("DocBody").end("OFD");
    parts.insert(parts.begin(), {"OFD.xml", xml.take()});
  }
  return ofd::zipPackage(parts, when);
}

}  // namespace gongwen
