// The parts of an .xlsx (a zip of XML), streamed: a part is inflated by zlib from the
// caller's bytes in 64 KiB pieces and scanned in place as it comes (UTF-8 XML: what every
// writer of workbooks writes; a DTD is refused), calling an XmlHandler per element; a part
// declared in another encoding (UTF-16) goes through expat instead. Nothing holds a part
// whole; the inflated bytes of all the parts read are counted against a limit (zip
// bombs). Poco::Zip reads the zip's directory only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace gongwen {

// Receives a part's elements. Names are as written ("x:row" stays "x:row": no namespace
// processing; see localName). `attributes` is expat's array: name, value, name, value, …,
// nullptr. Text may come in several pieces. A handler stops the parse with stop().
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** attributes) = 0;
  virtual void end(std::string_view /*name*/) {}
  virtual void text(std::string_view /*text*/) {}

  // Ends the parse after the current callback; XlsxPackage::parse then returns false.
  void stop() { stopped_ = true; }
  bool stopped() const { return stopped_; }

 private:
  bool stopped_ = false;
};

// "x:row" → "row".
std::string_view localName(std::string_view qname);
// The value of the attribute whose local name is `name`, or nullptr.
const char* attribute(const char** attributes, std::string_view name);

class XlsxPackage {
 public:
  // Reads the zip's directory. Throws Poco::Exception for a damaged zip. `bytes` must
  // outlive the package (it is not copied).
  XlsxPackage(std::string_view bytes, const std::string& source, uint64_t maxInflatedBytes);
  ~XlsxPackage();
  XlsxPackage(const XlsxPackage&) = delete;
  XlsxPackage& operator=(const XlsxPackage&) = delete;

  bool has(const std::string& part) const;

  // Streams `part` through expat into `handler`. Returns false when the handler stopped
  // the parse. Throws InputError naming the source and the part when the part is missing,
  // damaged, not XML, or inflates past the limit; rethrows what a handler throws.
  bool parse(const std::string& part, XmlHandler& handler);

 private:
  struct Directory;
  std::string_view bytes_;
  std::string source_;
  uint64_t limit_;
  uint64_t used_ = 0;
  std::unique_ptr<Directory> directory_;
};

}  // namespace gongwen
