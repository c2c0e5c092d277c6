// 正文 with its headings (7.3.3): the body as a string (paragraphs separated by newlines)
// or an array of strings and {"heading": "…", "level": 1-4} objects.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/Record.h"

namespace gongwen {

struct BodyTable;  // elements/BodyBlocks.h
struct BodyFigure;

struct BodyParagraph {
  std::u32string text;
  int level = 0;          // 0: body text; 1-4: a heading of that level
  size_t headingEnd = 0;  // a run-in heading ("1.加强领导。各单位要……"): its characters
  bool keepWithNext = false;  // a heading that titles what follows (no final 。)
  std::string where;          // "$.body[3]", "$.body (paragraph 2)"
  // Instead of text: a table or a figure (elements/BodyBlocks.h).
  std::shared_ptr<const BodyTable> table;
  std::shared_ptr<const BodyFigure> figure;
};

// 一、 → 1, （一） → 2, 1. / 1． → 3, （1） → 4; 0 for a paragraph that is no heading.
int headingLevel(std::u32string_view paragraph);

// One item of a body field: a string (one paragraph per line, headings found by their
// numbering) or a heading object (its level given or found).
struct BodyItem {
  std::u32string text;
  int level = -1;  // -1: find out
  std::string where;
  bool splitLines = true;
  std::shared_ptr<const BodyTable> table;  // instead of text
  std::shared_ptr<const BodyFigure> figure;
};
// A body field as read when the record is validated (its figures' images loaded).
struct BodyContent : FieldContent {
  std::vector<BodyItem> items;  // as given (not yet normalized)
};
// The items of a body field's value (at `where`). Throws InputError naming "$.body[3]" for
// anything that is neither a string, a heading object, a table nor a figure.
std::shared_ptr<const FieldContent> readBody(const Poco::Dynamic::Var& value,
                                             const std::string& where,
                                             const RecordOptions& options);

}  // namespace gongwen
