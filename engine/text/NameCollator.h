// Orders Chinese personal names the way name lists are ordered: as given, by the strokes
// of the surname (姓氏笔画 by the mainland rule, GF 3003-1999: fewer strokes of the
// simplified form first, the same count by the strokes in writing order 横 竖 撇 点 折, then
// the next character; the data in StrokeTable) or by pinyin (ICU zh@collation=pinyin).
// Characters the stroke table does not know come after the known ones, by ICU's stroke
// collation.
// A compound surname (欧阳, 司马, 诸葛 …) sorts as a whole: every 欧X comes before every
// 欧阳Y, then names with the same surname by their given names.
#pragma once

#include <unicode/ucol.h>

#include <string>
#include <vector>

#include "common/CHandle.h"

namespace gongwen {

enum class NameOrder { Given, Strokes, Pinyin };

// "given" | "strokes" | "pinyin"; throws InputError(where) on anything else.
NameOrder parseNameOrder(const std::string& text, const std::string& where);
// The words parseNameOrder takes ("" means given too), for the API's description.
const std::vector<std::string>& nameOrderWords();

class NameCollator {
 public:
  // `compoundSurnames`: two-character surnames (UTF-8), from the layout.
  NameCollator(NameOrder order, const std::vector<std::string>& compoundSurnames);

  // The surname of `name` (its compound surname when it starts with one, else its first
  // character) and the rest.
  std::pair<std::u32string, std::u32string> split(const std::u32string& name) const;

  // A key whose byte order is the names' order (surname first, then given name).
  std::string sortKey(const std::u32string& name) const;

  // Indices of `names` in their order (stable: equal names keep their input order).
  std::vector<size_t> order(const std::vector<std::u32string>& names) const;

 private:
  std::string collationKey(const std::u32string& text) const;
  std::string strokeKey(const std::u32string& text) const;

  NameOrder order_;
  std::vector<std::u32string> compounds_;
  CHandle<UCollator, ucol_close> collator_;
};

}  // namespace gongwen
