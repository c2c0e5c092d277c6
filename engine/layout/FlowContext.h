// The state of one document being composed on the body grid, and the operations every
// flow element uses: shaping with the document's options, placing lines on grid lines
// with page flow, adding pages.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/WorkBudget.h"
#include "fonts/FontRegistry.h"
#include "layout/DisplayList.h"
#include "layout/Grid.h"
#include "model/Layout.h"
#include "model/Record.h"
#include "text/FontFallback.h"
#include "text/ParagraphComposer.h"
#include "text/Shaper.h"

namespace gongwen {

struct BatchCache;

struct ComposeOptions {
  bool normalize = true;  // half-width punctuation in Chinese text → full-width
  MissingGlyphPolicy missing;
  // What the records of this batch share (fitted texts; its images are the record's, loaded
  // when it was validated); null: nothing kept.
  BatchCache* cache = nullptr;
  // A shaper to reuse (one per thread); null: the composer makes its own.
  Shaper* shaper = nullptr;
  // The deadline and page limit (checked per page and paragraph); null: none but the PDF's.
  const WorkBudget* budget = nullptr;
};

// A line the flow placed on the current page, kept so that the page can still be adjusted
// (7.3.5.5: re-spaced, or carried to the next page with the signature).
struct FlowLine {
  std::shared_ptr<const ShapedText> text;
  LineBox box;
  double sizePt = 16;
  double originX = 0;                 // pt; the block's left edge unless placed elsewhere
  int slot = 0;                       // grid line on the page
  size_t itemBegin = 0, itemEnd = 0;  // its glyph runs in the page's items
  int block = 0;                      // lines of one paragraph share it
  size_t lineIndex = 0;               // in that paragraph
  bool lastOfBlock = false;           // the paragraph's last line
  bool keepWithNext = false;          // a heading: never the last line of a page
  // Blank lines asked for above this line (blankLines): kept when a page break swallowed
  // them and the line later gets lines placed above it (7.3.5.5 pulling 正文 over).
  int blankBefore = 0;
  // Set for body paragraphs whose character spacing may be tightened (7.3.5.5).
  std::optional<ParagraphStyle> respace;
  // The outline entry a paragraph's first line starts (a title, a heading), or null.
  std::shared_ptr<const OutlineMark> outline;
};

class FlowContext {
 public:
  // Composes with another layout's styles (an attachment with its own flow) until the
  // scope ends. Both layouts must have the same page geometry.
  class LayoutScope {
   public:
    LayoutScope(FlowContext& ctx, const Layout& layout) : ctx_(ctx), saved_(ctx.layout_) {
      ctx.layout_ = &layout;
    }
    ~LayoutScope() { ctx_.layout_ = saved_; }
    LayoutScope(const LayoutScope&) = delete;
    LayoutScope& operator=(const LayoutScope&) = delete;

   private:
    FlowContext& ctx_;
    const Layout* saved_;
  };

  FlowContext(const Layout& layout, const FontRegistry& fonts, const ComposeOptions& options);

  const Layout& layout() const { return *layout_; }
  const Grid& grid() const { return grid_; }
  const FontRegistry& fonts() const { return fonts_; }
  const ComposeOptions& options() const { return options_; }
  DisplayList& list() { return list_; }

  // UTF-8 field text → characters, normalized when the options say so.
  std::u32string prepare(const std::string& utf8) const;
  ShapedText shape(std::u32string_view text, const TextStyle& style, const std::string& where,
                   BreakMode mode = BreakMode::Line, const std::vector<FontSpan>& spans = {});
  // Shaper::keepWordsWhole with this document's shaper.
  void keepWordsWhole(ShapedText& text) { shaper_.keepWordsWhole(text); }
  // The paragraph settings of a style on this grid (cell pitch, first-line indent).
  ParagraphStyle paragraphStyle(const TextStyle& style) const;

  // The work's limits: throws LimitExceeded when the time is up.
  void checkTime() const {
    if (options_.budget) options_.budget->checkTime();
  }
  // The most pages this document may have.
  size_t maxPages() const { return options_.budget ? options_.budget->maxPages() : kMaxPdfPages; }

  // The page the next grid line is on (a new page when the last one is full). Throws
  // LimitExceeded when a new page would pass the page limit or the time is up.
  Page& page();
  // The current page: the last one (the first one when there is none yet), even when full.
  Page& currentPage();
  int slot() const { return slot_; }  // next free grid line (0-based) on the last page
  int linesLeft() const { return grid_.lines - slot_; }
  void skipLines(int n) { slot_ += n; }
  // Blank lines between blocks (before the 附件说明): skipped like skipLines, and
  // remembered by the next line placed, for a page break that swallows them.
  void blankLines(int n) {
    slot_ += n;
    pendingBlank_ += n;
  }
  // The blank lines the page's first flow line asked for when a page break swallowed
  // them (it sits on the page's first grid line), else 0.
  int blankLinesLostAtPageTop() const;
  void newPage() { slot_ = grid_.lines; }
  // Appends a page made elsewhere (a landscape table's, 横排表格) after the current one; the
  // flow goes on on a new page after it, and 7.3.5.5 moves no line across it. Throws
  // LimitExceeded past the page limit.
  void appendPage(Page page);
  // The next paragraph placed (placeLines, placeParagraph) starts an outline entry
  // (bookmark): a title (level 0) or a heading (its level).
  void markOutline(std::string title, int level);

  // Places `lines` of `text` on consecutive grid lines, flowing onto new pages.
  void placeLines(const ShapedText& text, const std::vector<LineBox>& lines,
                  const TextStyle& style);

  // --- Additions for the GB/T 9704 document elements ---

  // Like placeLines; `respace` marks a body paragraph whose spacing 7.3.5.5 may tighten,
  // `keepWithNext` a heading. Lines sit at `originX` (default: the block's left edge).
  void placeParagraph(std::shared_ptr<const ShapedText> text, const std::vector<LineBox>& lines,
                      const std::optional<ParagraphStyle>& respace = std::nullopt,
                      bool keepWithNext = false, std::optional<double> originX = std::nullopt);
  // One line on grid line `slot` of the current page at `originX`, outside the flow (the
  // next free line does not move). Not kept in flowLines().
  void placeLineAt(const ShapedText& text, const LineBox& line, int slot, double originX);
  // One line with its baseline at `baseline` (pt from the page top), off the grid (red marks).
  void placeLineAbsolute(const ShapedText& text, const LineBox& line, double originX,
                         double baseline);
  // Draws a rule or an image on the current page (the page the next grid line is on).
  void addItem(DisplayItem item, bool movesAnchor = true);

  // The lowest bottom edge (pt from the page top) of anything placed on the current page:
  // text by its em box, rules and images by their box. The block's top on a fresh page.
  double anchor() const { return anchor_; }
  // The grid line nearest to the one on which text of `sizePt` would have its em-box top
  // `gapPt` below `yPt`, never one whose em-box top is above `yPt`.
  int nearestSlotBelow(double yPt, double gapPt, double sizePt) const;
  // The first grid line whose em-box top for text of `sizePt` is at least `gapPt` below `yPt`.
  int firstSlotBelow(double yPt, double gapPt, double sizePt) const;
  // The next grid line, moved on the current page (never back over placed lines).
  void setSlot(int slot);
  // The first grid line below everything already on the current page.
  int freeSlot() const;
  // Whether an image on the current page (a seal) covers part of grid line `slot` between
  // x0 and x1 (pt).
  bool imageCovers(int slot, double x0, double x1) const;
  size_t pageIndex() const { return list_.pages.empty() ? 0 : list_.pages.size() - 1; }
  bool onFreshPage() const { return list_.pages.empty() || slot_ >= grid_.lines; }

  // The flow's lines on the current page, top to bottom.
  const std::vector<FlowLine>& flowLines() const { return flowLines_; }
  // Removes flow lines [from, end) from the page (their glyphs and their record); the next
  // free line becomes the first removed one's.
  std::vector<FlowLine> takeFlowLines(size_t from);
  // Puts lines taken with takeFlowLines back, each on the next grid line, flowing on.
  void replaceFlowLines(const std::vector<FlowLine>& lines);
  // The flow's lines on the page before the current one, top to bottom (empty on the
  // first page, or when that page was changed since).
  const std::vector<FlowLine>& previousFlowLines() const { return previousFlowLines_; }
  // 7.3.5.5: moves the last `count` flow lines of the page before the current one to the top
  // of the current page, the current page's flow lines moving down to follow them. Only
  // while the current page holds nothing but its flow lines; returns how many moved.
  size_t pullFromPreviousPage(size_t count);
  // 7.3.5.5: takes the current page's flow lines off it and drops the page, so that the
  // page before it is the current one again (its flow lines kept, the next free line after
  // the last). Only while the current page holds nothing but its flow lines; returns the
  // lines taken (none: nothing changed).
  std::vector<FlowLine> reopenPreviousPage();
  // Puts lines back from the next free line on, each as far below the first as it was.
  void replaceFlowLinesKeepingGaps(const std::vector<FlowLine>& lines);

  // 页码: pages that carry no number (a colophon page that stands alone, a letter's first).
  void omitPageNumber(size_t pageIndex) { unnumbered_.insert(pageIndex); }
  bool pageNumberOmitted(size_t pageIndex) const { return unnumbered_.count(pageIndex) > 0; }

 private:
  void checkNewPage() const;            // LimitExceeded when one more page is too many
  void rerecord(const FlowLine& line);  // a line taken off a page placed again at slot_
  void record(std::shared_ptr<const ShapedText> text, const LineBox& box, double originX, int block,
              size_t lineIndex, bool last, bool keepWithNext,
              const std::optional<ParagraphStyle>& respace,
              std::shared_ptr<const OutlineMark> outline);
  double emTop(int slot, double sizePt) const {
    return grid_.baseline(slot, sizePt) - kEmAscent * sizePt;
  }

  const Layout* layout_;
  const FontRegistry& fonts_;
  ComposeOptions options_;
  Grid grid_;
  Shaper shaper_;
  DisplayList list_;
  int slot_ = 0;
  int pendingBlank_ = 0;
  double anchor_ = 0, fixedAnchor_ = 0;  // pt; fixed: what is not a flow line
  int nextBlock_ = 0;
  std::vector<FlowLine> flowLines_;          // of the current page
  std::vector<FlowLine> previousFlowLines_;  // of the page before it
  std::set<size_t> unnumbered_;
  std::shared_ptr<const OutlineMark> pendingOutline_;  // for the next paragraph
};

}  // namespace gongwen
