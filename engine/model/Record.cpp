#include "model/Record.h"

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Utf8.h"

namespace gongwen {
namespace {

// True when `s` has no control character (C0, DEL, or C1 — U+0080–U+009F, in UTF-8 a 0xC2
// byte followed by 0x80–0x9F): the usual case, decided without decoding (an image field's
// data: URI is tens of kilobytes).
bool plainlyPrintable(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == 0x7F) return false;
    if (b == 0xC2 && i + 1 < s.size()) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next < 0xA0) return false;
    }
  }
  return true;
}

}  // namespace

void checkPrintable(const std::string& s, const std::string& where, bool multiline) {
  if (plainlyPrintable(s)) return;
  size_t index = 0;
  for (char32_t c : decodeUtf8(s)) {
    ++index;
    bool allowed = c == U'\t' || (multiline && (c == U'\n' || c == U'\r'));
    if ((c < 0x20 && !allowed) || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      throw InputError(where, Message("control character {0} at character {1} cannot be printed",
                                      describeCodepoint(c), index));
    }
    if (!multiline && (c == U'\n' || c == U'\r')) {
      throw InputError(
          where, Message("must be a single line (found a line break at character {0})", index));
    }
  }
}

const FieldValue* Record::find(const std::string& field) const {
  auto it = values_.find(field);
  return it == values_.end() ? nullptr : &it->second;
}

void Record::set(const std::string& field, FieldValue value) {
  values_.insert_or_assign(field, std::move(value));
}

bool Record::has(const std::string& field) const { return find(field) != nullptr; }

std::string Record::text(const std::string& field) const {
  const FieldValue* v = find(field);
  if (!v) return "";
  if (const auto* s = std::get_if<std::string>(v)) return *s;
  if (const auto* d = std::get_if<DateValue>(v)) return d->text;
  if (const auto* l = std::get_if<ListValue>(v); l && l->single) return l->items.front();
  return "";
}

const Date* Record::date(const std::string& field) const {
  const FieldValue* v = find(field);
  const auto* d = v ? std::get_if<DateValue>(v) : nullptr;
  return d ? &d->date : nullptr;
}

std::vector<std::string> Record::list(const std::string& field) const {
  const FieldValue* v = find(field);
  if (!v) return {};
  if (const auto* l = std::get_if<ListValue>(v)) return l->items;
  if (const auto* s = std::get_if<std::string>(v)) return {*s};
  if (const auto* d = std::get_if<DateValue>(v)) return {d->text};
  return {};
}

bool Record::single(const std::string& field) const {
  const FieldValue* v = find(field);
  if (!v) return false;
  if (const auto* l = std::get_if<ListValue>(v)) return l->single;
  if (const auto* i = std::get_if<ImageValue>(v)) return i->single;
  return std::holds_alternative<std::string>(*v) || std::holds_alternative<DateValue>(*v);
}

size_t Record::count(const std::string& field) const {
  const FieldValue* v = find(field);
  if (!v) return 0;
  if (const auto* l = std::get_if<ListValue>(v)) return l->items.size();
  if (const auto* i = std::get_if<ImageValue>(v)) return i->count;
  return 1;
}

const std::vector<ImagePtr>& Record::images(const std::string& field) const {
  static const std::vector<ImagePtr> kNone;
  const FieldValue* v = find(field);
  const auto* i = v ? std::get_if<ImageValue>(v) : nullptr;
  if (i && i->error) std::rethrow_exception(i->error);
  return i ? i->images : kNone;
}

ImagePtr Record::image(const std::string& field) const {
  const auto& all = images(field);
  return all.empty() ? nullptr : all.front();
}

std::string Record::path(const std::string& field) const { return jsonPath(prefix_, field); }

Date parseDate(const std::string& text, const std::string& where) {
  auto bad = [&](const Message& why) {
    return InputError(where, Message("\"{0}\" is not a date: {1}", text, why));
  };
  const Message kHow(
      "write it as 2012-06-13 (or 2012-6-13, 2012/6/13, 2012.6.13, 2012年6月13日, "
      "二〇一二年六月十三日)");
  // Folded: full-width digits and separators to ASCII, Chinese numerals to digits
  // (二〇一二年六月十三日 → 2012年6月13日), spaces dropped, a time of 0:00 at the end
  // (Excel's CSV) dropped.
  std::u32string s;
  {
    std::u32string in = decodeUtf8(text);
    // " 0:00" or " 00:00:00" after the date (Excel's CSV of a date cell)
    const size_t space = in.find_last_of(U' ');
    if (space != std::u32string::npos && space > 0) {
      const std::u32string time = in.substr(space + 1);
      if (time == U"0:00" || time == U"00:00" || time == U"0:00:00" || time == U"00:00:00") {
        in.resize(space);
      }
    }
    auto digit = [](char32_t c) -> int {
      static const std::u32string kNumerals = U"〇一二三四五六七八九";
      if (c == U'零' || c == U'○' || c == U'Ｏ' || c == U'O') return 0;
      size_t i = kNumerals.find(c);
      return i == std::u32string::npos ? -1 : static_cast<int>(i);
    };
    for (size_t i = 0; i < in.size(); ++i) {
      char32_t c = in[i];
      if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
      if (c == U' ' || c == 0x3000 || c == U'\t') continue;
      if (c == U'十') {  // 十 10, 十三 13, 二十 20, 三十一 31
        const bool tensBefore =
            !s.empty() && s.back() >= U'1' && s.back() <= U'9' &&
            (s.size() < 2 || !(s[s.size() - 2] >= U'0' && s[s.size() - 2] <= U'9'));
        const bool unitAfter = i + 1 < in.size() && digit(in[i + 1]) > 0;
        if (!tensBefore) s.push_back(U'1');
        if (!unitAfter) s.push_back(U'0');
        continue;
      }
      const int d = c >= U'0' && c <= U'9' ? -1 : digit(c);
      s.push_back(d >= 0 ? static_cast<char32_t>(U'0' + d) : c);
    }
  }
  // Groups of digits and what separates them.
  std::vector<std::u32string> numbers, seps;
  std::u32string cur, sep;
  for (char32_t c : s) {
    if (c >= U'0' && c <= U'9') {
      if (cur.empty() && !numbers.empty()) seps.push_back(sep);
      if (cur.empty()) sep.clear();
      cur.push_back(c);
    } else {
      if (!cur.empty()) numbers.push_back(cur);
      if (numbers.empty() && cur.empty()) throw bad(kHow);
      cur.clear();
      sep.push_back(c);
    }
  }
  if (!cur.empty()) numbers.push_back(cur);
  const std::u32string trailer = cur.empty() ? sep : U"";
  if (numbers.size() != 3) throw bad(kHow);
  const bool chinese = seps[0] == U"年" && seps[1] == U"月" &&
                       (trailer == U"日" || trailer == U"号" || trailer.empty());
  const bool dashed =
      seps[0] == seps[1] && trailer.empty() &&
      (seps[0] == U"-" || seps[0] == U"/" || seps[0] == U"." || seps[0] == U"\u2014");
  if (!chinese && !dashed) throw bad(kHow);
  if (numbers[0].size() != 4) {
    if (numbers[2].size() == 4) {
      throw bad(Message(
          "the order of day and month is ambiguous; write the year first, e.g. 2012-06-13"));
    }
    throw bad(Message("the year must have four digits, first: e.g. 2012-06-13"));
  }
  if (numbers[1].size() > 2 || numbers[2].size() > 2) throw bad(kHow);
  auto number = [](const std::u32string& n) {
    int v = 0;
    for (char32_t c : n) v = v * 10 + static_cast<int>(c - U'0');
    return v;
  };
  Date d{number(numbers[0]), number(numbers[1]), number(numbers[2])};
  if (d.year < 1000) throw bad(Message("the year must have four digits"));
  if (d.month < 1 || d.month > 12) throw bad(Message("there is no month {0}", d.month));
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int max = days[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day < 1 || d.day > max) {
    const std::string month =
        std::to_string(d.year) + "-" + (d.month < 10 ? "0" : "") + std::to_string(d.month);
    throw bad(Message("{0} has {1} days", month, max));
  }
  return d;
}

std::string chineseDate(const Date& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) +
         "日";
}

std::string chineseNumeralDate(const Date& d) {
  static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  auto upTo31 = [&](int n) {
    std::string s;
    if (n >= 20) s += kDigits[n / 10];
    if (n >= 10) s += "十";
    if (n % 10 != 0 || n < 10) s += kDigits[n % 10];
    return s;
  };
  std::string year;
  for (char c : std::to_string(d.year)) year += kDigits[c - '0'];
  return year + "年" + upTo31(d.month) + "月" + upTo31(d.day) + "日";
}

}  // namespace gongwen
