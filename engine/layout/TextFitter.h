// Fits a text into a box (a certificate's recipient, citation): the largest size from the
// box's size down to its minimum at which the text's lines fit the box's width and height
// and number at most max_lines. ShrinkThenWrap tries one line at every size first, then
// more lines balanced as titles are (no word split, no character alone); WrapThenShrink
// wraps and justifies at every size. When nothing fits it is an InputError naming the field.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/SharedCache.h"
#include "common/WorkBudget.h"
#include "layout/BoxTemplate.h"
#include "text/Shaper.h"

namespace gongwen {

struct FittedParagraph {
  std::shared_ptr<const ShapedText> text;
  std::vector<LineBox> lines;
};

struct FittedText {
  std::vector<FittedParagraph> paragraphs;
  double sizePt = 0;
  double pitch = 0;     // baseline to baseline, pt
  double firstTop = 0;  // em-box top of the first line, pt from the page top
  size_t lineCount() const;
};

struct FitRequest {
  const TextBoxSpec* box = nullptr;
  std::vector<std::u32string> paragraphs;  // the box's text, split at newlines
  FontPtr font;
  std::string where;  // the field, for messages ("$.recipient")
  MissingGlyphPolicy missing;
  const WorkBudget* budget = nullptr;  // checked at every size tried; null: no deadline
};

FittedText fitText(Shaper& shaper, const FitRequest& request);

// Texts already fitted into a box, by box and text: a batch's certificates share their
// citation, issuer and date, fitted once. Safe to share between threads.
using TextFitCache = SharedCache<FittedText>;
// The key of a request in that cache (its box, text and font).
std::string fitCacheKey(const FitRequest& request);

}  // namespace gongwen
