#include "ofd/OfdXml.h"

#include <cmath>

#include "common/DecimalText.h"

namespace gongwen::ofd {

long long toMicrons(double pt) { return std::llround(pt * 25400.0 / 72.0); }

XmlOut::XmlOut() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

XmlOut& XmlOut::open(std::string_view name) {
  if (startOpen_) out_ += '>';
  out_ += "<ofd:";
  out_ += name;
  startOpen_ = true;
  return *this;
}

XmlOut& XmlOut::attr(std::string_view name, std::string_view value) {
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  appendEscaped(out_, value);
  out_ += '"';
  return *this;
}

XmlOut& XmlOut::attr(std::string_view name, long long value) {
  return attr(name, std::to_string(value));
}

XmlOut& XmlOut::attrMicrons(std::string_view name, long long microns) {
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  appendMicrons(out_, microns);
  out_ += '"';
  return *this;
}

XmlOut& XmlOut::close() {
  if (startOpen_) out_ += '>';
  startOpen_ = false;
  return *this;
}

XmlOut& XmlOut::text(std::string_view utf8) {
  close();
  appendEscaped(out_, utf8);
  return *this;
}

XmlOut& XmlOut::end(std::string_view name) {
  if (startOpen_) {
    out_ += "/>";
    startOpen_ = false;
    return *this;
  }
  out_ += "</ofd:";
  out_ += name;
  out_ += '>';
  return *this;
}

XmlOut& XmlOut::element(std::string_view name, std::string_view text) {
  open(name).text(text);
  out_ += "</ofd:";
  out_ += name;
  out_ += '>';
  return *this;
}

void XmlOut::appendMicrons(std::string& out, long long microns) { appendThousandths(out, microns); }

void XmlOut::appendEscaped(std::string& out, std::string_view utf8) {
  for (char c : utf8) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        if (u >= 0x20) out += c;  // other C0 controls cannot appear in XML 1.0
    }
  }
}

}  // namespace gongwen::ofd
