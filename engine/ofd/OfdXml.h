// A small streaming XML writer for the OFD package's parts: elements, attributes and text,
// escaped; numbers in millimetres with at most three decimals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gongwen::ofd {

// Points (1/72 in) to thousandths of a millimetre, OFD's unit, rounded.
long long toMicrons(double pt);

class XmlOut {
 public:
  XmlOut();  // starts with the XML declaration

  // <ofd:name ...: attributes follow, then close() or an empty end().
  XmlOut& open(std::string_view name);
  XmlOut& attr(std::string_view name, std::string_view value);  // value escaped
  XmlOut& attr(std::string_view name, long long value);
  XmlOut& attrMicrons(std::string_view name, long long microns);  // "12.5"
  // Closes the start tag; children or text follow.
  XmlOut& close();
  XmlOut& text(std::string_view utf8);  // escaped
  XmlOut& end(std::string_view name);   // </ofd:name>, or "/>" right after open()
  // <ofd:name>text</ofd:name>
  XmlOut& element(std::string_view name, std::string_view text);

  // A millimetre figure from thousandths ("12.5", "-0.003", "0"), appended to `out`.
  static void appendMicrons(std::string& out, long long microns);
  // The text with & < > " escaped and characters XML 1.0 cannot carry dropped.
  static void appendEscaped(std::string& out, std::string_view utf8);

  std::string& raw() { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool startOpen_ = false;
};

}  // namespace gongwen::ofd
