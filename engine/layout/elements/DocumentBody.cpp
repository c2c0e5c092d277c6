// The "body" element: paragraphs on the grid, headings in their level's style, a heading
// kept with the line after it, and (with "first_page") the rule that the first page shows
// body text.
#include "layout/elements/DocumentBody.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <limits>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Utf8.h"
#include "layout/FlowElements.h"
#include "layout/PageAdjust.h"
#include "layout/elements/BodyBlocks.h"
#include "layout/elements/Text.h"
#include "model/ElementParams.h"

namespace gongwen {
namespace {

bool isChineseNumeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百零〇两").find(c) != std::u32string_view::npos;
}
bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool isSentenceEnd(char32_t c) {
  return std::u32string_view(U"。；！？：").find(c) != std::u32string_view::npos;
}

// Length of a run of characters of one kind from `i`.
template <typename Pred>
size_t runOf(std::u32string_view s, size_t i, Pred pred) {
  size_t n = 0;
  while (i + n < s.size() && pred(s[i + n])) ++n;
  return n;
}

}  // namespace

int headingLevel(std::u32string_view s) {
  if (size_t n = runOf(s, 0, isChineseNumeral); n > 0 && n < s.size() && s[n] == U'、') return 1;
  if (!s.empty() && (s[0] == U'（' || s[0] == U'(')) {
    size_t n = runOf(s, 1, isChineseNumeral);
    if (n > 0 && 1 + n < s.size() && (s[1 + n] == U'）' || s[1 + n] == U')')) return 2;
    n = runOf(s, 1, isDigit);
    if (n > 0 && 1 + n < s.size() && (s[1 + n] == U'）' || s[1 + n] == U')')) return 4;
  }
  if (size_t n = runOf(s, 0, isDigit);
      n > 0 && n + 1 < s.size() && (s[n] == U'.' || s[n] == U'．') && !isDigit(s[n + 1]))
    return 3;
  return 0;
}

std::shared_ptr<const FieldContent> readBody(const Poco::Dynamic::Var& v, const std::string& where,
                                             const RecordOptions& options) {
  auto content = std::make_shared<BodyContent>();
  std::vector<BodyItem>& items = content->items;
  if (v.isEmpty()) return content;
  if (v.isString()) {
    checkPrintable(v.toString(), where, true);
    items.push_back({decodeUtf8(v.toString()), -1, where, true, {}, {}});
    return content;
  }
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
    throw InputError(
        where,
        Message("must be a string or an array of paragraphs and headings, found {0}", jsonType(v)));
  }
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < arr->size(); ++i) {
    const std::string at = jsonPath(where, i);
    auto item = arr->get(i);
    if (item.isString()) {
      checkPrintable(item.toString(), at, true);
      items.push_back({decodeUtf8(item.toString()), -1, at, true, {}, {}});
      continue;
    }
    if (item.type() != typeid(Poco::JSON::Object::Ptr)) {
      throw InputError(at, Message("must be a paragraph (a string), a heading ({\"heading\": "
                                   "\"…\", \"level\": 1-4}), a table ({\"table\": {…}}) or a "
                                   "figure ({\"image\": \"…\"}), found {0}",
                                   jsonType(item)));
    }
    auto obj = item.extract<Poco::JSON::Object::Ptr>();
    if (obj->has("table")) {
      BodyItem t{{}, 0, at, false, {}, {}};
      t.table = std::make_shared<const BodyTable>(readBodyTable(obj, at));
      items.push_back(std::move(t));
      continue;
    }
    if (obj->has("image")) {
      BodyItem f{{}, 0, at, false, {}, {}};
      f.figure = std::make_shared<const BodyFigure>(readBodyFigure(obj, at, options.images));
      items.push_back(std::move(f));
      continue;
    }
    for (const auto& [key, value] : *obj) {
      if (key != "heading" && key != "level") {
        throw InputError(jsonPath(at, key),
                         Message("unknown key; a heading is {\"heading\": \"…\", \"level\": "
                                 "1-4}, a table {\"table\": {…}}, a figure {\"image\": \"…\"}"));
      }
    }
    if (!obj->has("heading") || !obj->get("heading").isString()) {
      throw InputError(jsonPath(at, "heading"), Message("a heading needs its text as a string"));
    }
    int level = -1;
    if (obj->has("level")) {
      auto l = obj->get("level");
      if (!l.isInteger() || l.convert<int>() < 1 || l.convert<int>() > 4) {
        throw InputError(jsonPath(at, "level"), Message("must be 1, 2, 3 or 4"));
      }
      level = l.convert<int>();
    }
    std::string text = obj->get("heading").toString();
    checkPrintable(text, jsonPath(at, "heading"), false);
    std::u32string t = decodeUtf8(text);
    if (level < 0) level = std::max(1, headingLevel(trimmedText(t)));
    items.push_back({t, level, jsonPath(at, "heading"), false, {}, {}});
  }
  return content;
}

// The paragraphs of the body; more than `most` (each takes a line at least, so they could
// not fit in the pages allowed) is a LimitExceeded before they are all made. A numbered
// string paragraph is a heading of its level: a title (kept with the line after it) when
// it has no final mark, run-in (only the part up to its first "。" in the heading's font)
// when it goes on after that "。", and a numbered statement (all in the heading's font,
// not kept) when it is one sentence — as long as that heading part is short (above).
std::vector<BodyParagraph> paragraphsOf(const std::vector<BodyItem>& items, size_t most,
                                        size_t maxPages, const FlowContext& ctx) {
  std::vector<BodyParagraph> out;
  auto add = [&](BodyParagraph p) {
    if (out.size() % 4096 == 0) ctx.checkTime();
    if (out.size() >= most) {
      throw LimitExceeded(
          "$",
          maxPages == kMaxPdfPages ? LimitExceeded::Kind::PdfPages : LimitExceeded::Kind::Pages,
          maxPages == kMaxPdfPages
              ? Message("the document has more than {0} paragraphs and needs more than the {1} "
                        "pages one PDF file can hold; shorten it or split it into several "
                        "documents",
                        most, maxPages)
              : Message("the document has more than {0} paragraphs and needs more than the "
                        "limit of {1} pages; shorten it or split it into several documents",
                        most, maxPages));
    }
    out.push_back(std::move(p));
  };
  for (const auto& item : items) {
    if (item.table || item.figure) {
      BodyParagraph p;
      p.where = item.where;
      p.table = item.table;
      p.figure = item.figure;
      out.push_back(std::move(p));
      continue;
    }
    if (!item.splitLines) {
      BodyParagraph p{trimmedText(item.text), item.level, 0, true, item.where, {}, {}};
      if (!p.text.empty()) add(std::move(p));
      continue;
    }
    size_t start = 0, index = 0;
    const std::u32string& all = item.text;
    while (start <= all.size()) {
      size_t end = all.find(U'\n', start);
      if (end == std::u32string::npos) end = all.size();
      std::u32string para = trimmedText(std::u32string_view(all).substr(start, end - start));
      start = end + 1;
      ++index;
      if (para.empty()) continue;
      BodyParagraph p;
      p.level = headingLevel(para);
      if (p.level > 0) {
        size_t stop = para.find(U'。');
        if (stop != std::u32string::npos && stop + 1 < para.size()) p.headingEnd = stop + 1;
        p.keepWithNext = p.headingEnd == 0 && !isSentenceEnd(para.back());
        // A heading is short: a numbered paragraph whose run-in part or whole statement is
        // longer than a line (a title without a final mark: two lines) is an item of a
        // numbered list, set in the body's font.
        const size_t headingChars = p.headingEnd > 0 ? p.headingEnd : para.size();
        const size_t lines = p.keepWithNext ? 2 : 1;
        if (headingChars > lines * static_cast<size_t>(ctx.grid().cells)) {
          p.level = 0;
          p.headingEnd = 0;
          p.keepWithNext = false;
        }
      }
      p.text = std::move(para);
      p.where = item.where + " (paragraph " + std::to_string(index) + ")";
      add(std::move(p));
    }
  }
  return out;
}

void placeDocumentBody(FlowContext& ctx, const FlowElement& el, const BodySpec& spec,
                       const Record& record) {
  placeDocumentBodyItems(ctx, el, spec, record, 0, std::numeric_limits<size_t>::max());
}

void placeDocumentBodyItems(FlowContext& ctx, const FlowElement& el, const BodySpec& spec,
                            const Record& record, size_t firstItem, size_t endItem) {
  const Layout& layout = ctx.layout();
  const TextStyle& body = layout.style(el.style);
  const std::vector<std::string>& headingStyles = spec.headingStyles;
  auto headingStyle = [&](int level) -> const TextStyle& {
    size_t i = static_cast<size_t>(level - 1);
    return i < headingStyles.size() ? layout.style(headingStyles[i]) : body;
  };
  const auto* content = record.content<BodyContent>(el.field);
  std::vector<BodyItem> items = content ? content->items : std::vector<BodyItem>{};
  endItem = std::min(endItem, items.size());
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(endItem), items.end());
  items.erase(items.begin(),
              items.begin() + static_cast<std::ptrdiff_t>(std::min(firstItem, endItem)));
  for (auto& item : items) item.text = ctx.prepare(encodeUtf8(item.text));
  const size_t maxPages = ctx.maxPages();
  auto paras = paragraphsOf(items, maxPages * static_cast<size_t>(ctx.grid().lines), maxPages, ctx);
  const bool firstPage = spec.firstPage;
  const std::string& firstPageWhere = spec.firstPageField;
  ctx.currentPage();
  ctx.skipLines(el.blankLinesBefore);
  if (spec.belowAnchorLines) {  // never closer than that to a rule or title above
    ctx.setSlot(std::max(
        ctx.slot(), ctx.nearestSlotBelow(
                        ctx.anchor(), *spec.belowAnchorLines * ctx.grid().linePitch, body.sizePt)));
  }
  // A figure that does not fit the rest of the page waits there while the plain paragraphs
  // after it fill the page (figures float, so that a page is not left part empty), and is
  // placed after the paragraph that reaches the next page, before any heading or table.
  std::vector<std::shared_ptr<const BodyFigure>> waiting;
  size_t waitingPage = 0;
  auto plainText = [&](size_t j) {
    return j < paras.size() && !paras[j].table && !paras[j].figure && paras[j].level == 0;
  };
  auto placeWaiting = [&] {
    for (const auto& f : waiting) placeBodyFigure(ctx, spec, *f);
    waiting.clear();
  };
  const bool floatFigures = spec.floatFigures;
  for (size_t i = 0; i < paras.size(); ++i) {
    const BodyParagraph& para = paras[i];
    ctx.checkTime();
    if (para.table || para.figure) {
      if (i == 0 && firstPage) {
        throw InputError(para.where,
                         Message("the body must open with text: the first page must show body "
                                 "text (GB/T 9704 7.3.3); put a paragraph before the table or "
                                 "figure"));
      }
      if (para.figure) {
        const bool canWait = floatFigures && plainText(i + 1);
        if (waiting.empty() && placeBodyFigure(ctx, spec, *para.figure, canWait)) continue;
        if (canWait) {
          if (waiting.empty()) waitingPage = ctx.pageIndex();
          waiting.push_back(para.figure);
          continue;
        }
        placeWaiting();
        placeBodyFigure(ctx, spec, *para.figure);
        continue;
      }
      placeWaiting();
      placeBodyTable(ctx, spec, *para.table);
      continue;
    }
    if (!waiting.empty() && !plainText(i)) placeWaiting();
    const bool wholeHeading = para.level > 0 && para.headingEnd == 0;
    const TextStyle& style = wholeHeading ? headingStyle(para.level) : body;
    std::vector<FontSpan> spans;
    if (para.headingEnd > 0) {
      spans.push_back({0, para.headingEnd, ctx.fonts().font(headingStyle(para.level).font)});
    }
    auto shaped = std::make_shared<const ShapedText>(
        ctx.shape(para.text, style, para.where, BreakMode::Line, spans));
    const ParagraphStyle ps = ctx.paragraphStyle(style);
    auto lines = composeParagraph(*shaped, ps);
    const bool keepWithNext = para.keepWithNext && wholeHeading && i + 1 < paras.size();
    const int left = ctx.linesLeft();
    const bool onFirstPage = ctx.pageIndex() == 0 && !ctx.list().pages.empty();
    if (i == 0 && firstPage && (!onFirstPage || left <= 0)) {
      throw InputError(record.path(firstPageWhere),
                       Message("the header, title and recipients fill the first page, and the "
                               "first page must show body text (GB/T 9704 7.3.3): shorten them"));
    }
    // A heading never stays alone at the bottom of a page: it goes over with its next line.
    if (keepWithNext && left > 0 && left < static_cast<int>(lines.size()) + 1 &&
        left < ctx.grid().lines) {
      if (i == 0 && firstPage) {
        throw InputError(record.path(firstPageWhere),
                         Message("the first page has room for the first heading only, and a "
                                 "heading cannot stand alone at the bottom of a page: shorten "
                                 "the title or the recipients"));
      }
      // The page it leaves is filled by setting the paragraphs above a little looser, when
      // they allow it (5.2.3: 22 lines a page); otherwise its last lines stay blank.
      fillPageOrBreak(ctx, left, spec.maxFewerCharsPerLine);
    }
    if (para.level > 0) {
      const std::u32string heading =
          para.headingEnd > 0 ? para.text.substr(0, para.headingEnd) : para.text;
      ctx.markOutline(encodeUtf8(trimmedText(heading)), para.level);
    }
    ctx.placeParagraph(shaped, lines, ps, keepWithNext);
    if (!waiting.empty() &&
        (ctx.pageIndex() != waitingPage || ctx.linesLeft() <= 0 || !plainText(i + 1))) {
      placeWaiting();
    }
  }
  placeWaiting();
  ctx.skipLines(el.blankLinesAfter);
}

}  // namespace gongwen
