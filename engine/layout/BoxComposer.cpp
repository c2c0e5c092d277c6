#include "layout/BoxComposer.h"

#include <algorithm>

#include "common/Errors.h"
#include "common/Units.h"
#include "common/Utf8.h"
#include "layout/BatchCache.h"
#include "layout/DocumentMetadata.h"
#include "layout/Grid.h"
#include "layout/TextFitter.h"
#include "layout/TextPlacement.h"
#include "layout/elements/Text.h"
#include "text/Normalizer.h"

namespace gongwen {
namespace {

// The box's text with its placeholders filled; nullopt when a field is absent (an optional
// box, such as the serial number, is then left out).
std::optional<std::string> fillText(const TextBoxSpec& box, const Record& record) {
  std::string out;
  size_t pos = 0, next = 0;
  for (const std::string& field : box.fields) {
    if (!record.has(field)) {
      if (box.fallbackText.empty()) return std::nullopt;
      return box.fallbackText;
    }
    next = box.text.find('{', pos);
    out += box.text.substr(pos, next - pos);
    std::string value = record.text(field);
    if (const Date* d = record.date(field)) {
      value = box.numeralDates ? chineseNumeralDate(*d) : chineseDate(*d);
    }
    out += value;
    pos = box.text.find('}', next) + 1;
  }
  out += box.text.substr(pos);
  return out;
}

std::vector<std::u32string> paragraphsOf(const std::string& utf8, bool normalize) {
  std::u32string text = decodeUtf8(utf8);
  if (normalize) text = normalizePunctuation(text);
  std::vector<std::u32string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(U'\n', start);
    if (end == std::u32string::npos) end = text.size();
    std::u32string p = trimmedText(std::u32string_view(text).substr(start, end - start));
    if (!p.empty()) out.push_back(std::move(p));
    start = end + 1;
  }
  return out;
}

void placeImage(Page& page, const TextBoxSpec& box, std::shared_ptr<const ImageData> image) {
  // Centred in the box, its aspect kept.
  const double aspect =
      static_cast<double>(image->pixelWidth) / static_cast<double>(image->pixelHeight);
  double w = box.width, h = box.width / aspect;
  if (h > box.height) {
    h = box.height;
    w = h * aspect;
  }
  PlacedImage placed;
  placed.image = std::move(image);
  placed.x = box.x + (box.width - w) / 2;
  placed.y = box.y + (box.height - h) / 2;
  placed.width = w;
  placed.height = h;
  page.items.emplace_back(std::move(placed));
}

// A printer's offset or scale must not push a box that is printed off the page: an error
// naming the box, before anything is drawn.
void checkBoxesOnPage(const BoxTemplate& tpl, const Page& page, const PrintAdjust& print) {
  if (!print.moves()) return;
  for (const TextBoxSpec& box : tpl.boxes) {
    if (print.overlay && box.preprinted) continue;
    const double x0 = print.x(box.x), y0 = print.y(box.y);
    const double x1 = print.x(box.x + box.width), y1 = print.y(box.y + box.height);
    const double off = std::max({-x0, -y0, x1 - page.widthPt, y1 - page.heightPt});
    if (off > 0.01) {
      throw InputError(box.where,
                       Message("the {0} puts the {1} box off the page by {2} mm", describe(print),
                               box.role, std::to_string(ptToMm(off)).substr(0, 4)));
    }
  }
}

}  // namespace

void placeFitted(Page& page, const FittedText& fitted, double originX) {
  size_t line = 0;
  for (const FittedParagraph& p : fitted.paragraphs) {
    for (const LineBox& l : p.lines) {
      const double baseline =
          fitted.firstTop + static_cast<double>(line) * fitted.pitch + kEmAscent * fitted.sizePt;
      placeLine(page, *p.text, l, originX, baseline);
      ++line;
    }
  }
}

DisplayList composeBoxes(const Layout& layout, const BoxTemplate& tpl, const Record& record,
                         const FontRegistry& fonts, const ComposeOptions& options,
                         const PrintAdjust& print) {
  DisplayList list;
  Page& page = list.pages.emplace_back();
  page.widthPt = mmToPt(layout.page.widthMm);
  page.heightPt = mmToPt(layout.page.heightMm);
  checkBoxesOnPage(tpl, page, print);
  // 套打: the card carries the art and the preprinted boxes; they are left out, and
  // everything else stays exactly where the full page has it.
  if (tpl.art && !(print.overlay && tpl.artPreprinted)) {
    page.items.emplace_back(PlacedArtwork{tpl.art, 0, 0});
  }

  std::optional<Shaper> own;
  Shaper& shaper = options.shaper ? *options.shaper : own.emplace(fonts);
  for (const TextBoxSpec& box : tpl.boxes) {
    if (print.overlay && box.preprinted) continue;
    if (!box.imageField.empty()) {
      if (auto image = record.image(box.imageField)) {
        placeImage(page, box, std::move(image));
      }
      continue;
    }
    std::optional<std::string> text = fillText(box, record);
    if (!text) continue;
    FitRequest request;
    request.box = &box;
    request.paragraphs = paragraphsOf(*text, options.normalize);
    if (request.paragraphs.empty()) continue;
    request.font = fonts.font(box.font);
    request.where = box.fields.empty() ? box.where : record.path(box.fields.front());
    request.missing = options.missing;
    request.budget = options.budget;
    std::shared_ptr<const FittedText> known;
    std::string key;
    if (options.cache) {
      key = fitCacheKey(request);
      known = options.cache->fits.find(key);
    }
    if (!known) {
      auto* warnings = options.missing.warnings;
      const size_t warned = warnings ? warnings->size() : 0;
      known = std::make_shared<const FittedText>(fitText(shaper, request));
      // A fit that warned (a missing glyph allowed) is not shared: each record warns.
      const bool quiet = !warnings || warnings->size() == warned;
      if (options.cache && quiet) options.cache->fits.add(key, known);
    }
    placeFitted(page, *known, box.x);
  }
  applyPrintAdjust(list, print);
  setDocumentInfo(list.info, layout, record);
  return list;
}

}  // namespace gongwen
