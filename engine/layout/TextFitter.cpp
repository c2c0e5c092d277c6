#include "layout/TextFitter.h"

#include <cmath>
#include <optional>
#include <sstream>

#include "common/Errors.h"
#include "common/Utf8.h"
#include "layout/Grid.h"
#include "text/BalancedLines.h"

namespace gongwen {
namespace {

constexpr double kSizeStep = 0.5;  // pt between the sizes tried
constexpr double kEps = 0.01;      // pt

std::string sizeText(double pt) {
  std::ostringstream s;
  s << pt;
  return s.str() + "pt";
}

// The sizes tried, largest first: size, size - step, …, min.
std::vector<double> sizesOf(const TextBoxSpec& box) {
  std::vector<double> out;
  for (double s = box.sizePt; s > box.minSizePt + kEps; s -= kSizeStep) out.push_back(s);
  out.push_back(box.minSizePt);
  return out;
}

double blockHeight(size_t lines, double size, double pitch) {
  return lines == 0 ? 0 : static_cast<double>(lines - 1) * pitch + size;
}

// The lines the box holds at its smallest size.
size_t roomAtSmallest(const TextBoxSpec& box) {
  const size_t byHeight = static_cast<size_t>(
      std::floor((box.height - box.minSizePt) / (box.lineSpacing * box.minSizePt) + 1 + 1e-9));
  return std::min(static_cast<size_t>(box.maxLines), std::max<size_t>(byHeight, 1));
}

// The least advance a character can have, in em, before shaping: an ideograph, kana or
// hangul syllable is a full em in every CJK font (less a margin for fonts that set them a
// little narrower), a Latin letter or digit surely more than 0.15 em; others nothing.
double leastAdvanceEm(char32_t c) {
  const bool wide = (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
                    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
                    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
  if (wide) return 0.9;
  const bool alnum =
      (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
  return alnum ? 0.15 : 0;
}

// The fewest lines the text can take at the box's smallest size, from a bound on its
// characters' advances: a text that surely cannot fit is refused before it is shaped (a
// 10 MB spreadsheet cell would take minutes and gigabytes to shape and wrap at every size).
size_t leastLines(const FitRequest& r) {
  const TextBoxSpec& box = *r.box;
  size_t lines = 0;
  for (const auto& p : r.paragraphs) {
    double em = 0;
    for (char32_t c : p) em += leastAdvanceEm(c);
    const double width = em * box.minSizePt;
    lines += std::max<size_t>(1, static_cast<size_t>(std::ceil(width / box.width - 1e-9)));
  }
  return lines;
}

[[noreturn]] void tooLong(const FitRequest& r, size_t lines, bool atLeast) {
  const TextBoxSpec& box = *r.box;
  if (atLeast) {
    throw InputError(r.where,
                     Message("too long for its box ({0}): at the smallest size, {1}, it "
                             "takes at least {2} lines and the box holds {3}; shorten "
                             "the text",
                             box.role, sizeText(box.minSizePt), lines, roomAtSmallest(box)));
  }
  throw InputError(r.where, Message("too long for its box ({0}): at the smallest size, {1}, it "
                                    "takes {2} lines and the box holds {3}; shorten the text",
                                    box.role, sizeText(box.minSizePt), lines, roomAtSmallest(box)));
}

class Attempt {
 public:
  Attempt(Shaper& shaper, const FitRequest& r) : shaper_(shaper), r_(r) {}

  // The paragraphs shaped at `size`: shaped once at the box's size, then scaled (outlines
  // are not hinted, so advances scale exactly with the size). Shaped with line breaks only
  // at first; keepWordsWhole() when the box keeps words whole and a paragraph wraps.
  std::vector<std::shared_ptr<const ShapedText>> shapeAt(double size) {
    if (shaped_.empty()) {
      const TextStyleRef style{r_.font, r_.box->sizePt, r_.box->color};
      for (const auto& p : r_.paragraphs) {
        shaped_.push_back(std::make_shared<const ShapedText>(
            shaper_.shape(p, style, r_.where, r_.missing, BreakMode::Line)));
      }
      wordsKept_ = !r_.box->wordBreaks;
    }
    if (size == r_.box->sizePt) return shaped_;
    std::vector<std::shared_ptr<const ShapedText>> out;
    for (const auto& text : shaped_) out.push_back(scaled(*text, size));
    return out;
  }

  static std::shared_ptr<const ShapedText> scaled(const ShapedText& text, double size) {
    auto out = std::make_shared<ShapedText>(text);
    const double k = size / text.sizePt;
    out->sizePt = size;
    for (ShapedGlyph& g : out->glyphs) {
      g.advance *= k;
      g.xOffset *= k;
      g.yOffset *= k;
    }
    for (Cluster& c : out->clusters) {
      c.advance *= k;
      c.squeezeLeft *= k;
      c.squeezeRight *= k;
      c.endAdvance *= k;
    }
    return out;
  }

  ParagraphStyle style(double size) const {
    ParagraphStyle ps;
    ps.width = r_.box->width;
    ps.align = r_.box->align;
    ps.firstIndent = r_.box->firstLineIndentEm * size;
    return ps;
  }

  // Lines of every paragraph at `size`; balanced lines for ShrinkThenWrap. Words are looked
  // up only when some paragraph takes more than one line: a text on one line has the same
  // line whether or not its breaks keep words whole (Shaper::keepWordsWhole).
  FittedText compose(double size, bool balanced) {
    if (balanced) keepWordsWhole();
    FittedText f = composeAsShaped(size, balanced);
    if (wordsKept_) return f;
    for (const auto& p : f.paragraphs) {
      if (p.lines.size() > 1) {
        keepWordsWhole();
        return composeAsShaped(size, balanced);
      }
    }
    return f;
  }

  void keepWordsWhole() {
    shapeAt(r_.box->sizePt);
    if (wordsKept_) return;
    for (auto& text : shaped_) {
      auto words = std::make_shared<ShapedText>(*text);
      shaper_.keepWordsWhole(*words);
      text = std::move(words);
    }
    wordsKept_ = true;
  }

  FittedText composeAsShaped(double size, bool balanced) {
    if (r_.budget) r_.budget->checkTime();
    FittedText f;
    f.sizePt = size;
    f.pitch = r_.box->lineSpacing * size;
    const ParagraphStyle ps = style(size);
    for (auto& text : shapeAt(size)) {
      FittedParagraph p;
      p.lines = balanced ? composeBalanced(*text, ps) : composeParagraph(*text, ps);
      p.text = std::move(text);
      f.paragraphs.push_back(std::move(p));
    }
    return f;
  }

  bool fits(const FittedText& f, size_t maxLines) const {
    const size_t n = f.lineCount();
    if (n > maxLines) return false;
    if (blockHeight(n, f.sizePt, f.pitch) > r_.box->height + kEps) return false;
    for (const auto& p : f.paragraphs) {
      for (const auto& line : p.lines) {
        if (line.extent > r_.box->width + kEps) return false;
      }
    }
    return true;
  }

 private:
  Shaper& shaper_;
  const FitRequest& r_;
  std::vector<std::shared_ptr<const ShapedText>> shaped_;  // at the box's size
  bool wordsKept_ = false;  // shaped_ breaks only where words end (or need not)
};

}  // namespace

std::string fitCacheKey(const FitRequest& r) {
  std::string key = r.box->where + '\x1f' + r.font->describe();
  for (const auto& p : r.paragraphs) key += '\x1f' + encodeUtf8(p);
  return key;
}

size_t FittedText::lineCount() const {
  size_t n = 0;
  for (const auto& p : paragraphs) n += p.lines.size();
  return n;
}

FittedText fitText(Shaper& shaper, const FitRequest& r) {
  const TextBoxSpec& box = *r.box;
  if (const size_t least = leastLines(r); least > roomAtSmallest(box)) tooLong(r, least, true);
  Attempt attempt(shaper, r);
  const std::vector<double> sizes = sizesOf(box);
  std::optional<FittedText> found;
  if (box.fit == BoxFit::ShrinkThenWrap) {
    // One line, shrinking; then two or more balanced lines, from the largest size.
    for (size_t lines = 1; lines <= static_cast<size_t>(box.maxLines) && !found; ++lines) {
      for (double size : sizes) {
        FittedText f = attempt.compose(size, /*balanced=*/lines > 1);
        if (attempt.fits(f, lines)) {
          found = std::move(f);
          break;
        }
      }
    }
  } else {
    for (double size : sizes) {
      FittedText f = attempt.compose(size, false);
      if (attempt.fits(f, static_cast<size_t>(box.maxLines))) {
        found = std::move(f);
        break;
      }
    }
  }
  if (!found) {
    FittedText smallest = attempt.compose(box.minSizePt, box.fit == BoxFit::ShrinkThenWrap);
    tooLong(r, smallest.lineCount(), false);
  }
  const double height = blockHeight(found->lineCount(), found->sizePt, found->pitch);
  double top = box.y;
  if (box.valign == VerticalAlign::Middle) top += (box.height - height) / 2;
  if (box.valign == VerticalAlign::Bottom) top += box.height - height;
  found->firstTop = top;
  return std::move(*found);
}

}  // namespace gongwen
