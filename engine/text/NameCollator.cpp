#include "text/NameCollator.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "common/Errors.h"
#include "common/Utf8.h"
#include "text/StrokeTable.h"

namespace gongwen {
namespace {

std::u16string toUtf16(const std::u32string& s) {
  std::u16string out;
  for (char32_t c : s) {
    if (c >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }
  return out;
}

}  // namespace

NameOrder parseNameOrder(const std::string& text, const std::string& where) {
  if (text.empty() || text == "given") return NameOrder::Given;
  if (text == "strokes") return NameOrder::Strokes;
  if (text == "pinyin") return NameOrder::Pinyin;
  throw InputError(where, Message("must be one of given (as listed), strokes (姓氏笔画) or pinyin, "
                                  "found \"{0}\"",
                                  text));
}

const std::vector<std::string>& nameOrderWords() {
  static const std::vector<std::string> words = {"given", "strokes", "pinyin"};
  return words;
}

NameCollator::NameCollator(NameOrder order, const std::vector<std::string>& compoundSurnames)
    : order_(order) {
  for (const auto& s : compoundSurnames) compounds_.push_back(decodeUtf8(s));
  // Longest first, so that a three-character surname would win over its prefix.
  std::sort(compounds_.begin(), compounds_.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  if (order == NameOrder::Given) return;
  UErrorCode status = U_ZERO_ERROR;
  collator_.reset(ucol_open(
      order == NameOrder::Strokes ? "zh@collation=stroke" : "zh@collation=pinyin", &status));
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU collator unavailable: ") + u_errorName(status));
  }
  // Strokes: ICU only orders the characters the stroke table does not know, by their
  // primary weights alone (no 0, 1 or 2 bytes in them: those separate the key's parts).
  if (order == NameOrder::Strokes) ucol_setStrength(collator_.get(), UCOL_PRIMARY);
}

std::pair<std::u32string, std::u32string> NameCollator::split(const std::u32string& name) const {
  for (const auto& c : compounds_) {
    if (name.size() > c.size() && name.compare(0, c.size(), c) == 0) {
      return {c, name.substr(c.size())};
    }
  }
  if (name.empty()) return {};
  return {name.substr(0, 1), name.substr(1)};
}

std::string NameCollator::collationKey(const std::u32string& text) const {
  const std::u16string s = toUtf16(text);
  std::string key(64, '\0');
  for (;;) {
    int32_t n = ucol_getSortKey(
        collator_.get(), reinterpret_cast<const UChar*>(s.data()), static_cast<int32_t>(s.size()),
        reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
    if (n <= static_cast<int32_t>(key.size())) {
      key.resize(n > 0 ? static_cast<size_t>(n - 1) : 0);  // without the terminating 0
      return key;
    }
    key.resize(static_cast<size_t>(n));
  }
}

// One character's part of a 姓氏笔画 key: a known character by its stroke count, then its
// strokes in writing order (横 1 竖 2 撇 3 点 4 折 5), then its code point (so that two
// characters with the same strokes, 田 and 由, keep their names apart); an unknown one
// after every known one, by ICU's stroke collation. Each part ends with a 2 byte, below
// every byte inside a part, so a shorter sequence sorts first.
std::string NameCollator::strokeKey(const std::u32string& text) const {
  std::string key;
  for (char32_t c : text) {
    if (const CharStrokes* s = findStrokes(c)) {
      key += '\x10';
      key += static_cast<char>(0x10 + std::min<int>(s->count, 0xEF));
      key += s->strokes;
      key += '\x03';
      for (int shift = 18; shift >= 0; shift -= 6) {
        key += static_cast<char>(0x40 + ((c >> shift) & 0x3F));
      }
    } else {
      key += '\x20';
      key += collationKey(std::u32string(1, c));
    }
    key += '\x02';
  }
  return key;
}

std::string NameCollator::sortKey(const std::u32string& name) const {
  auto [surname, given] = split(name);
  if (order_ == NameOrder::Strokes) return strokeKey(surname) + '\x01' + strokeKey(given);
  // Keys hold no 0 bytes but their end: a 1 byte between the parts keeps a shorter
  // surname (欧) before a longer one that starts with it (欧阳).
  return collationKey(surname) + '\x01' + collationKey(given);
}

std::vector<size_t> NameCollator::order(const std::vector<std::u32string>& names) const {
  std::vector<size_t> idx(names.size());
  std::iota(idx.begin(), idx.end(), 0);
  if (order_ == NameOrder::Given) return idx;
  std::vector<std::string> keys;
  keys.reserve(names.size());
  for (const auto& n : names) keys.push_back(sortKey(n));
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  return idx;
}

}  // namespace gongwen
