#include "layout/FlowContext.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "common/Utf8.h"
#include "layout/TextPlacement.h"
#include "text/Normalizer.h"

namespace gongwen {
namespace {

constexpr double kEmDescent = 1 - kEmAscent;
constexpr double kEps = 0.01;  // pt

double bottomOf(const DisplayItem& item) {
  if (const auto* r = std::get_if<FilledRect>(&item)) return r->y + r->height;
  if (const auto* i = std::get_if<PlacedImage>(&item)) return i->y + i->height;
  return 0;
}

}  // namespace

FlowContext::FlowContext(const Layout& layout, const FontRegistry& fonts,
                         const ComposeOptions& options)
    : layout_(&layout), fonts_(fonts), options_(options), grid_(layout.page), shaper_(fonts) {
  anchor_ = fixedAnchor_ = grid_.top;
}

std::u32string FlowContext::prepare(const std::string& utf8) const {
  std::u32string text = decodeUtf8(utf8);
  return options_.normalize ? normalizePunctuation(text) : text;
}

ShapedText FlowContext::shape(std::u32string_view text, const TextStyle& style,
                              const std::string& where, BreakMode mode,
                              const std::vector<FontSpan>& spans) {
  checkTime();
  return shaper_.shape(text, TextStyleRef{fonts_.font(style.font), style.sizePt, style.color},
                       where, options_.missing, mode, spans);
}

ParagraphStyle FlowContext::paragraphStyle(const TextStyle& style) const {
  ParagraphStyle ps;
  ps.width = grid_.width;
  ps.align = style.align;
  ps.gridPitch = style.onGrid ? grid_.cellPitch(style.sizePt) : 0;
  ps.firstIndent = style.firstLineIndentEm * (ps.gridPitch > 0 ? ps.gridPitch : style.sizePt);
  return ps;
}

void FlowContext::checkNewPage() const {
  if (options_.budget) {
    options_.budget->checkPages(list_.pages.size() + 1);
    options_.budget->checkTime();
  } else {
    WorkBudget().checkPages(list_.pages.size() + 1);
  }
}

Page& FlowContext::page() {
  if (list_.pages.empty() || slot_ >= grid_.lines) {
    checkNewPage();
    Page p;
    p.widthPt = grid_.pageWidth;
    p.heightPt = grid_.pageHeight;
    list_.pages.push_back(std::move(p));
    slot_ = 0;
    anchor_ = fixedAnchor_ = grid_.top;
    previousFlowLines_ = std::move(flowLines_);
    flowLines_.clear();
  }
  return list_.pages.back();
}

void FlowContext::appendPage(Page page) {
  checkNewPage();
  list_.pages.push_back(std::move(page));
  slot_ = grid_.lines;
  anchor_ = fixedAnchor_ = grid_.top;
  flowLines_.clear();
  previousFlowLines_.clear();
}

Page& FlowContext::currentPage() {
  if (list_.pages.empty()) return page();
  return list_.pages.back();
}

void FlowContext::placeLines(const ShapedText& text, const std::vector<LineBox>& lines,
                             const TextStyle& style) {
  (void)style;  // the shaped text carries its size and colour
  placeParagraph(std::make_shared<const ShapedText>(text), lines);
}

void FlowContext::placeParagraph(std::shared_ptr<const ShapedText> text,
                                 const std::vector<LineBox>& lines,
                                 const std::optional<ParagraphStyle>& respace, bool keepWithNext,
                                 std::optional<double> originX) {
  const int block = nextBlock_++;
  std::shared_ptr<const OutlineMark> outline = std::move(pendingOutline_);
  pendingOutline_.reset();
  for (size_t i = 0; i < lines.size(); ++i) {
    record(text, lines[i], originX.value_or(grid_.left), block, i, i + 1 == lines.size(),
           keepWithNext, respace, i == 0 ? outline : nullptr);
  }
}

void FlowContext::markOutline(std::string title, int level) {
  pendingOutline_ = std::make_shared<const OutlineMark>(OutlineMark{std::move(title), level});
}

void FlowContext::record(std::shared_ptr<const ShapedText> text, const LineBox& box, double originX,
                         int block, size_t lineIndex, bool last, bool keepWithNext,
                         const std::optional<ParagraphStyle>& respace,
                         std::shared_ptr<const OutlineMark> outline) {
  Page& p = page();
  FlowLine fl;
  fl.sizePt = text->sizePt;
  fl.originX = originX;
  fl.slot = slot_;
  fl.itemBegin = p.items.size();
  const double baseline = grid_.baseline(slot_, fl.sizePt);
  placeLine(p, *text, box, originX, baseline);
  fl.itemEnd = p.items.size();
  // Only a paragraph's first line carries its mark (a re-broken paragraph copies its lines).
  if (outline && lineIndex == 0) {
    for (size_t i = fl.itemBegin; i < fl.itemEnd; ++i) {
      if (auto* run = std::get_if<GlyphRun>(&p.items[i]); run && !run->glyphs.empty()) {
        run->outline = outline;
        fl.outline = outline;
        break;
      }
    }
  }
  fl.text = std::move(text);
  fl.box = box;
  fl.block = block;
  fl.lineIndex = lineIndex;
  fl.lastOfBlock = last;
  fl.keepWithNext = keepWithNext;
  fl.respace = respace;
  fl.blankBefore = std::exchange(pendingBlank_, 0);
  flowLines_.push_back(std::move(fl));
  anchor_ = std::max(anchor_, baseline + kEmDescent * flowLines_.back().sizePt);
  ++slot_;
}

void FlowContext::placeLineAt(const ShapedText& text, const LineBox& line, int slot,
                              double originX) {
  Page& p = currentPage();
  const double baseline = grid_.baseline(slot, text.sizePt);
  placeLine(p, text, line, originX, baseline);
  fixedAnchor_ = std::max(fixedAnchor_, baseline + kEmDescent * text.sizePt);
  anchor_ = std::max(anchor_, fixedAnchor_);
}

void FlowContext::placeLineAbsolute(const ShapedText& text, const LineBox& line, double originX,
                                    double baseline) {
  placeLine(currentPage(), text, line, originX, baseline);
  fixedAnchor_ = std::max(fixedAnchor_, baseline + kEmDescent * text.sizePt);
  anchor_ = std::max(anchor_, fixedAnchor_);
}

void FlowContext::addItem(DisplayItem item, bool movesAnchor) {
  const double bottom = bottomOf(item);
  currentPage().items.push_back(std::move(item));
  if (movesAnchor) {
    fixedAnchor_ = std::max(fixedAnchor_, bottom);
    anchor_ = std::max(anchor_, fixedAnchor_);
  }
}

int FlowContext::firstSlotBelow(double yPt, double gapPt, double sizePt) const {
  int s = static_cast<int>(std::ceil((yPt + gapPt - emTop(0, sizePt) - kEps) / grid_.linePitch));
  return std::max(s, 0);
}

int FlowContext::nearestSlotBelow(double yPt, double gapPt, double sizePt) const {
  const int lowest = firstSlotBelow(yPt, 0, sizePt);
  const double ideal = yPt + gapPt;
  int s = std::max(lowest, firstSlotBelow(yPt, gapPt, sizePt));
  if (s - 1 >= lowest &&
      std::abs(emTop(s - 1, sizePt) - ideal) < std::abs(emTop(s, sizePt) - ideal))
    --s;
  return s;
}

void FlowContext::setSlot(int slot) { slot_ = slot; }

int FlowContext::freeSlot() const {
  int s = static_cast<int>(std::ceil((anchor_ - grid_.top - kEps) / grid_.linePitch));
  return std::max(s, slot_ >= grid_.lines ? 0 : slot_);
}

bool FlowContext::imageCovers(int slot, double x0, double x1) const {
  if (list_.pages.empty()) return false;
  const double top = grid_.top + slot * grid_.linePitch, bottom = top + grid_.linePitch;
  for (const auto& item : list_.pages.back().items) {
    const auto* img = std::get_if<PlacedImage>(&item);
    if (img && img->y < bottom && img->y + img->height > top && img->x < x1 &&
        img->x + img->width > x0)
      return true;
  }
  return false;
}

std::vector<FlowLine> FlowContext::takeFlowLines(size_t from) {
  std::vector<FlowLine> taken(flowLines_.begin() + static_cast<long>(from), flowLines_.end());
  if (taken.empty()) return taken;
  Page& p = list_.pages.back();
  for (auto it = taken.rbegin(); it != taken.rend(); ++it) {
    p.items.erase(p.items.begin() + static_cast<long>(it->itemBegin),
                  p.items.begin() + static_cast<long>(it->itemEnd));
  }
  flowLines_.resize(from);
  slot_ = taken.front().slot;
  anchor_ = fixedAnchor_;
  for (const auto& l : flowLines_) {
    anchor_ = std::max(anchor_, grid_.baseline(l.slot, l.sizePt) + kEmDescent * l.sizePt);
  }
  return taken;
}

void FlowContext::rerecord(const FlowLine& l) {
  record(l.text, l.box, l.originX, l.block, l.lineIndex, l.lastOfBlock, l.keepWithNext, l.respace,
         l.outline);
  flowLines_.back().blankBefore = l.blankBefore;
}

int FlowContext::blankLinesLostAtPageTop() const {
  if (flowLines_.empty() || flowLines_.front().slot != 0) return 0;
  return flowLines_.front().blankBefore;
}

void FlowContext::replaceFlowLines(const std::vector<FlowLine>& lines) {
  for (const auto& l : lines) {
    rerecord(l);
  }
}

std::vector<FlowLine> FlowContext::reopenPreviousPage() {
  const size_t pages = list_.pages.size();
  if (pages < 2 || previousFlowLines_.empty() || flowLines_.empty() ||
      unnumbered_.count(pages - 1) > 0) {
    return {};
  }
  size_t flowItems = 0;
  for (const auto& l : flowLines_) flowItems += l.itemEnd - l.itemBegin;
  if (list_.pages.back().items.size() != flowItems) return {};  // something else is on it
  std::vector<FlowLine> taken = takeFlowLines(0);
  list_.pages.pop_back();
  flowLines_ = std::move(previousFlowLines_);
  previousFlowLines_.clear();
  slot_ = flowLines_.back().slot + 1;
  // What the page holds besides its flow lines (a header, rules, a seal) sets its anchor.
  const auto& items = list_.pages.back().items;
  std::vector<bool> inFlow(items.size(), false);
  for (const auto& l : flowLines_) {
    for (size_t i = l.itemBegin; i < l.itemEnd && i < items.size(); ++i) inFlow[i] = true;
  }
  fixedAnchor_ = grid_.top;
  for (size_t i = 0; i < items.size(); ++i) {
    if (inFlow[i]) continue;
    if (const auto* run = std::get_if<GlyphRun>(&items[i])) {
      for (const auto& g : run->glyphs) {
        fixedAnchor_ = std::max(fixedAnchor_, g.y + kEmDescent * run->sizePt);
      }
    } else {
      fixedAnchor_ = std::max(fixedAnchor_, bottomOf(items[i]));
    }
  }
  anchor_ = fixedAnchor_;
  for (const auto& l : flowLines_) {
    anchor_ = std::max(anchor_, grid_.baseline(l.slot, l.sizePt) + kEmDescent * l.sizePt);
  }
  return taken;
}

void FlowContext::replaceFlowLinesKeepingGaps(const std::vector<FlowLine>& lines) {
  if (lines.empty()) return;
  int first = 0;
  for (const auto& l : lines) {
    if (&l != &lines.front()) slot_ = first + (l.slot - lines.front().slot);
    rerecord(l);
    if (&l == &lines.front()) first = flowLines_.back().slot;
  }
}

size_t FlowContext::pullFromPreviousPage(size_t count) {
  if (list_.pages.size() < 2 || previousFlowLines_.empty() || flowLines_.empty() || count == 0) {
    return 0;
  }
  size_t flowItems = 0;
  for (const auto& l : flowLines_) flowItems += l.itemEnd - l.itemBegin;
  if (list_.pages.back().items.size() != flowItems) return 0;  // something else is on it
  size_t from = previousFlowLines_.size() - std::min(count, previousFlowLines_.size());
  while (from > 0 && previousFlowLines_[from - 1].keepWithNext) --from;
  if (from == 0) return 0;  // never the whole page
  // The blank lines a page break swallowed above this page's first line come back below
  // the lines put above it (the blank line before the 附件说明).
  const int gap = blankLinesLostAtPageTop();
  const int span = previousFlowLines_.back().slot - previousFlowLines_[from].slot + 1 + gap;
  if (flowLines_.back().slot + span >= grid_.lines) return 0;  // the page has no room
  std::vector<FlowLine> moved(previousFlowLines_.begin() + static_cast<long>(from),
                              previousFlowLines_.end());
  Page& before = list_.pages[list_.pages.size() - 2];
  for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
    before.items.erase(before.items.begin() + static_cast<long>(it->itemBegin),
                       before.items.begin() + static_cast<long>(it->itemEnd));
  }
  previousFlowLines_.resize(from);
  std::vector<FlowLine> current = takeFlowLines(0);
  // The moved lines keep their spacing, from the current page's first flow line down; the
  // current page's lines (and the blank lines between them) follow.
  const int base = current.front().slot;
  for (const auto& l : moved) {
    slot_ = base + (l.slot - moved.front().slot);
    rerecord(l);
  }
  const int shift = slot_ - base + gap;
  for (const auto& l : current) {
    slot_ = l.slot + shift;
    rerecord(l);
  }
  return moved.size();
}

}  // namespace gongwen
