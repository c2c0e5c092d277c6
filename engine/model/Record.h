// One input record, validated against its layout's fields into typed values: text as text,
// dates as dates (parsed once), lists of strings, images loaded and checked once, and a
// structured field as what its element shows (model/FieldValue.h). Built by validateRecord
// (model/ValidateRecord.h); the layout floor reads it and parses nothing again.
#pragma once

#include <exception>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "common/Message.h"
#include "model/FieldValue.h"
#include "model/ImageData.h"

namespace gongwen {

// "2012-06-13" → {2012, 6, 13}
struct Date {
  int year, month, day;
};

using ImagePtr = std::shared_ptr<const ImageData>;

// A field's value, by its type in the layout.
struct DateValue {  // date
  Date date;
  std::string text;  // as written
};
struct ListValue {  // list: a list of strings (a single string is a list of one)
  std::vector<std::string> items;
  bool single = false;  // given as one string, not as a list
};
struct ImageValue {  // image: one image, or a list of them (joint seals, 7.3.5.1)
  std::vector<ImagePtr> images;
  bool single = false;  // given as one string, not as a list
  size_t count = 0;     // how many were given
  // Why they could not be loaded (an InputError naming "$.seal[1]"): raised where the
  // layout uses them, so that a record's problems are reported in the order they always
  // were (a seal that needs its issuer and date says so first; a 套打 overlay that leaves
  // the seal out does not read it).
  std::exception_ptr error;
};
using StructuredValue = std::shared_ptr<const FieldContent>;  // json (null: no element reads it)
using FieldValue = std::variant<std::string, DateValue, ListValue, ImageValue, StructuredValue>;

class Record {
 public:
  Record() = default;
  explicit Record(std::string pathPrefix) : prefix_(std::move(pathPrefix)) {}

  // Whether the record gives the field (an empty string counts; null does not).
  bool has(const std::string& field) const;
  // The field's text ("" when absent): a string or text field, or a date as written.
  std::string text(const std::string& field) const;
  // The field's date; null when absent (or the field is no date).
  const Date* date(const std::string& field) const;
  // The field's list of strings (empty when absent); a string or text field is a list of one.
  std::vector<std::string> list(const std::string& field) const;
  // Whether a list or image field was given as one string rather than as a list.
  bool single(const std::string& field) const;
  // How many items a list or image field gives (1 for a text, 0 when absent).
  size_t count(const std::string& field) const;
  // An image field's images, in order (empty when absent); its first image (null when none).
  // Throws the InputError that loading them met.
  const std::vector<ImagePtr>& images(const std::string& field) const;
  ImagePtr image(const std::string& field) const;
  // A structured field as its element's reader made it; null when absent (or of another type).
  template <typename T>
  const T* content(const std::string& field) const {
    const FieldValue* v = find(field);
    const auto* s = v ? std::get_if<StructuredValue>(v) : nullptr;
    return s ? dynamic_cast<const T*>(s->get()) : nullptr;
  }
  // "$.body", "$[3].body": where a field is, for messages.
  std::string path(const std::string& field) const;

  void set(const std::string& field, FieldValue value);

  std::vector<Message> warnings;  // unknown fields and the like

 private:
  const FieldValue* find(const std::string& field) const;

  std::map<std::string, FieldValue, std::less<>> values_;
  std::string prefix_ = "$";
};

// Rejects control characters other than tab (and newlines when `multiline`).
void checkPrintable(const std::string& s, const std::string& where, bool multiline);

// "2012-06-13" (or 2012/6/13, 2012年6月13日, 二〇一二年六月十三日 …) → {2012, 6, 13}; throws
// InputError(where) unless it is a real date.
Date parseDate(const std::string& text, const std::string& where);
// 2012年6月13日
std::string chineseDate(const Date& d);
// 二〇一二年六月十三日 (how 奖状 and 证书 print dates)
std::string chineseNumeralDate(const Date& d);

}  // namespace gongwen
