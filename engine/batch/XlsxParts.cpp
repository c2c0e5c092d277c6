#include "batch/XlsxParts.h"

#include <Poco/MemoryStream.h>
#include <Poco/Zip/ZipArchive.h>
#include <expat.h>
#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <exception>
#include <new>
#include <vector>

#include "common/Errors.h"
#include "common/Utf8.h"

namespace gongwen {
namespace {

constexpr int kChunk = 64 * 1024;  // inflated bytes handed to expat at a time

struct ParserFree {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};
using Parser = std::unique_ptr<XML_ParserStruct, ParserFree>;

// What expat's callbacks reach: the handler, and an exception it threw (which must not
// cross expat's C frames: it is kept, the parse stopped, and it is rethrown after).
struct Context {
  XML_Parser parser;
  XmlHandler& handler;
  std::exception_ptr failure;

  template <typename F>
  void call(F&& f) {
    if (failure || handler.stopped()) return;
    try {
      f();
    } catch (...) {
      failure = std::current_exception();
    }
    if (failure || handler.stopped()) XML_StopParser(parser, XML_FALSE);
  }
};

void onStart(void* user, const XML_Char* name, const XML_Char** attributes) {
  auto& c = *static_cast<Context*>(user);
  c.call([&] { c.handler.start(name, attributes); });
}

void onEnd(void* user, const XML_Char* name) {
  auto& c = *static_cast<Context*>(user);
  c.call([&] { c.handler.end(name); });
}

void onText(void* user, const XML_Char* s, int length) {
  auto& c = *static_cast<Context*>(user);
  c.call([&] { c.handler.text(std::string_view(s, static_cast<size_t>(length))); });
}

// A raw deflate stream (a zip entry's data), ended whatever happens.
class Inflater {
 public:
  Inflater() {
    if (inflateInit2(&z_, -MAX_WBITS) != Z_OK) throw std::bad_alloc();
  }
  ~Inflater() { inflateEnd(&z_); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  z_stream& z() { return z_; }

 private:
  z_stream z_{};
};

}  // namespace

std::string_view localName(std::string_view qname) {
  const size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

const char* attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; a[0]; a += 2) {
    if (localName(a[0]) == name) return a[1];
  }
  return nullptr;
}

struct XlsxPackage::Directory {
  explicit Directory(std::string_view bytes)
      : in(bytes.data(), static_cast<std::streamsize>(bytes.size())), archive(in) {}
  Poco::MemoryInputStream in;  // over the caller's bytes, not a copy
  Poco::Zip::ZipArchive archive;
};

XlsxPackage::XlsxPackage(std::string_view bytes, const std::string& source,
                         uint64_t maxInflatedBytes)
    : bytes_(bytes),
      source_(source),
      limit_(maxInflatedBytes),
      directory_(std::make_unique<Directory>(bytes)) {}

XlsxPackage::~XlsxPackage() = default;

bool XlsxPackage::has(const std::string& part) const {
  return directory_->archive.findHeader(part) != directory_->archive.headerEnd();
}

namespace {

// A part's bytes as they inflate (or are copied, for a stored part), counted against the
// limit of all the parts read.
class PartBytes {
 public:
  PartBytes(const char* data, uint64_t size, bool deflated, uint64_t& used, uint64_t limit,
            const std::string& source, const std::string& part)
      : data_(data),
        size_(size),
        deflated_(deflated),
        used_(used),
        limit_(limit),
        source_(source),
        part_(part) {}

  InputError damaged(const std::string& why) const {
    // The reason is the XML or zip detail (English, like expat's): for whoever repairs it.
    return InputError(source_, Message("is not a readable .xlsx workbook ({0}); save it again "
                                       "as .xlsx or CSV",
                                       part_ + ": " + why));
  }

  // Up to `capacity` bytes into `out`; 0 at the end of the part.
  size_t read(char* out, size_t capacity) {
    size_t n = 0;
    if (done_) return 0;
    if (deflated_) {
      z_stream& z = inflater_.z();
      z.next_out = reinterpret_cast<Bytef*>(out);
      z.avail_out = static_cast<uInt>(capacity);
      while (z.avail_out > 0) {
        if (z.avail_in == 0 && size_ > 0) {
          const auto piece = static_cast<uInt>(std::min<uint64_t>(size_, 1u << 30));
          z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data_));
          z.avail_in = piece;
          data_ += piece;
          size_ -= piece;
        }
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
          done_ = true;
          break;
        }
        if (rc == Z_BUF_ERROR && z.avail_in == 0 && size_ == 0)
          throw damaged("the data ends early");
        if (rc != Z_OK) throw damaged(z.msg ? z.msg : "its data is damaged");
      }
      n = capacity - z.avail_out;
    } else {
      n = static_cast<size_t>(std::min<uint64_t>(size_, capacity));
      std::memcpy(out, data_, n);
      data_ += n;
      size_ -= n;
      done_ = size_ == 0;
    }
    used_ += n;
    if (used_ > limit_) {
      throw InputError(source_, Message("{0} inflates to more than {1} MiB, the limit for a "
                                        "workbook's parts (a damaged file or a zip bomb)",
                                        part_, limit_ >> 20));
    }
    return n;
  }

 private:
  const char* data_;
  uint64_t size_;
  bool deflated_;
  uint64_t& used_;
  uint64_t limit_;
  const std::string& source_;
  const std::string& part_;
  bool done_ = false;
  Inflater inflater_;
};

// Whether a part's first bytes say it is UTF-8 (a BOM, an XML declaration naming UTF-8,
// or none): what Excel, LibreOffice and every library write. Another encoding (UTF-16)
// goes to expat.
bool declaredUtf8(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") return true;
  if (head.size() >= 2 && (head[0] == '\0' || head[1] == '\0' || head.substr(0, 2) == "\xFE\xFF" ||
                           head.substr(0, 2) == "\xFF\xFE")) {
    return false;
  }
  if (head.substr(0, 5) != "<?xml") return true;
  const size_t end = head.find("?>");
  const std::string_view decl = head.substr(0, end);
  const size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return true;
  const size_t quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return false;
  std::string name;
  for (size_t i = quote + 1; i < decl.size() && decl[i] != decl[quote]; ++i) {
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(decl[i]))));
  }
  return name == "utf-8" || name == "utf8";
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The XML of a workbook part (UTF-8, no DTD), scanned in place: the handler gets the same
// calls expat would make (names as written, attribute values and text with their
// references decoded, line ends normalised), at a fraction of expat's cost per element.
// A part's XML is checked as far as reading it needs: tags closed in order, quoted
// attribute values, known entity references, valid UTF-8 text; a DTD is refused (a
// workbook has none, and it would be the way to an entity bomb).
class PartScanner {
 public:
  PartScanner(XmlHandler& handler, const PartBytes& bytes) : handler_(handler), bytes_(bytes) {}

  // Scans what is complete in [data, data + size); returns how many bytes it used (the
  // rest is an unfinished token, given again with more bytes after it). `last`: no more.
  size_t scan(char* data, size_t size, bool last) {
    char* p = data;
    char* const end = data + size;
    while (p < end && !handler_.stopped()) {
      if (*p != '<') {
        char* lt = static_cast<char*>(std::memchr(p, '<', static_cast<size_t>(end - p)));
        if (!lt) {
          if (!last) break;
          lt = end;
        }
        emitText(p, lt);
        p = lt;
        continue;
      }
      if (end - p < 2) break;
      if (p[1] == '/') {
        char* gt = static_cast<char*>(std::memchr(p, '>', static_cast<size_t>(end - p)));
        if (!gt) break;
        char* nameEnd = gt;
        while (nameEnd > p + 2 && isSpace(nameEnd[-1])) --nameEnd;
        const std::string_view name(p + 2, static_cast<size_t>(nameEnd - (p + 2)));
        if (open_.empty() || open_.back() != name) {
          throw error("the end tag </" + std::string(name) + "> does not close " +
                      (open_.empty() ? std::string("any element") : "<" + open_.back() + ">"));
        }
        handler_.end(name);
        open_.pop_back();
        if (open_.empty()) rootClosed_ = true;
        p = gt + 1;
      } else if (p[1] == '?') {
        char* close = find(p + 2, end, "?>");
        if (!close) break;
        p = close + 2;
      } else if (p[1] == '!') {
        if (end - p < 9) break;
        if (std::memcmp(p, "<!--", 4) == 0) {
          char* close = find(p + 4, end, "-->");
          if (!close) break;
          p = close + 3;
        } else if (std::memcmp(p, "<![CDATA[", 9) == 0) {
          char* close = find(p + 9, end, "]]>");
          if (!close) break;
          if (!open_.empty()) emitRaw(p + 9, close);
          p = close + 3;
        } else {
          throw error("it has a DTD or a declaration (<!…), which a workbook never has");
        }
      } else {
        char* gt = tagEnd(p + 1, end);
        if (!gt) break;
        startTag(p + 1, gt);
        p = gt + 1;
      }
    }
    if (last && !handler_.stopped() && p < end) throw error("it ends inside a tag");
    if (last && !handler_.stopped() && (!open_.empty() || !rootClosed_)) {
      throw error(open_.empty() ? "it has no element" : "it ends inside <" + open_.back() + ">");
    }
    return static_cast<size_t>(p - data);
  }

 private:
  InputError error(const std::string& why) const { return bytes_.damaged("not XML: " + why); }

  static char* find(char* from, char* end, std::string_view what) {
    while (from < end) {
      auto* hit = static_cast<char*>(std::memchr(from, what[0], static_cast<size_t>(end - from)));
      if (!hit || end - hit < static_cast<ptrdiff_t>(what.size())) return nullptr;
      if (std::memcmp(hit, what.data(), what.size()) == 0) return hit;
      from = hit + 1;
    }
    return nullptr;
  }

  // The '>' that ends a start tag (not one inside a quoted value), or nullptr.
  static char* tagEnd(char* p, char* end) {
    for (; p < end; ++p) {
      if (*p == '>') return p;
      if (*p == '"' || *p == '\'') {
        p = static_cast<char*>(std::memchr(p + 1, *p, static_cast<size_t>(end - p - 1)));
        if (!p) return nullptr;
      }
    }
    return nullptr;
  }

  // `<name a="v" b='w'>` or `<name … />` between p (after '<') and gt, split in place:
  // the names and values end with '\0' written over the bytes that followed them.
  void startTag(char* p, char* gt) {
    char* q = p;
    while (q < gt && !isSpace(*q) && *q != '/') ++q;
    if (q == p) throw error("a tag has no name");
    const std::string_view name(p, static_cast<size_t>(q - p));
    if (rootClosed_) throw error("<" + std::string(name) + "> after the root element");
    attributes_.clear();
    bool empty = false;
    while (true) {
      while (q < gt && isSpace(*q)) ++q;
      if (q == gt) break;
      if (*q == '/') {
        if (q + 1 != gt) throw error("a '/' inside the tag <" + std::string(name) + ">");
        empty = true;
        break;
      }
      char* attrName = q;
      while (q < gt && *q != '=' && !isSpace(*q)) ++q;
      char* attrNameEnd = q;
      while (q < gt && isSpace(*q)) ++q;
      if (q == gt || *q != '=' || attrNameEnd == attrName) {
        throw error("an attribute without a value in <" + std::string(name) + ">");
      }
      ++q;
      while (q < gt && isSpace(*q)) ++q;
      if (q == gt || (*q != '"' && *q != '\'')) {
        throw error("an attribute value without quotes in <" + std::string(name) + ">");
      }
      char* value = q + 1;
      char* close = static_cast<char*>(std::memchr(value, *q, static_cast<size_t>(gt - value)));
      if (!close) throw error("an unclosed attribute value in <" + std::string(name) + ">");
      *attrNameEnd = '\0';
      *decode(value, close, true) = '\0';  // never longer than it was
      attributes_.push_back(attrName);
      attributes_.push_back(value);
      q = close + 1;
      if (q < gt && !isSpace(*q) && *q != '/') {
        throw error("no space between attributes in <" + std::string(name) + ">");
      }
    }
    attributes_.push_back(nullptr);
    open_.emplace_back(name);
    handler_.start(open_.back(), attributes_.data());
    if (empty && !handler_.stopped()) {
      handler_.end(open_.back());
      open_.pop_back();
      if (open_.empty()) rootClosed_ = true;
    }
  }

  void emitText(char* p, char* end) {
    if (open_.empty()) {
      for (char* c = p; c < end; ++c) {
        if (!isSpace(*c)) throw error("text outside the root element");
      }
      return;
    }
    end = decode(p, end, false);
    emitRaw(p, end);
  }

  void emitRaw(const char* p, const char* end) {
    const std::string_view text(p, static_cast<size_t>(end - p));
    if (text.empty()) return;
    if (findInvalidUtf8(text)) throw error("its text is not UTF-8");
    handler_.text(text);
  }

  // Decodes references (&lt; &#20013; …) and line ends (CR LF → LF) in place; an
  // attribute's tabs and line ends become spaces. Returns the new end.
  char* decode(char* p, char* end, bool attribute) {
    char* out = p;
    for (char* in = p; in < end;) {
      const char c = *in;
      if (c == '&') {
        char* semi = static_cast<char*>(std::memchr(in, ';', static_cast<size_t>(end - in)));
        if (!semi || semi - in > 12) throw error("an '&' that starts no reference");
        const std::string_view ref(in + 1, static_cast<size_t>(semi - in - 1));
        std::string decoded;
        if (ref == "lt") {
          decoded = "<";
        } else if (ref == "gt") {
          decoded = ">";
        } else if (ref == "amp") {
          decoded = "&";
        } else if (ref == "quot") {
          decoded = "\"";
        } else if (ref == "apos") {
          decoded = "'";
        } else if (ref.size() > 1 && ref[0] == '#') {
          const bool hex = ref[1] == 'x';
          uint32_t cp = 0;
          auto [ptr, ec] = std::from_chars(ref.data() + (hex ? 2 : 1), ref.data() + ref.size(), cp,
                                           hex ? 16 : 10);
          if (ec != std::errc() || ptr != ref.data() + ref.size() || cp == 0 || cp > 0x10FFFF ||
              (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw error("the reference &" + std::string(ref) + "; is not a character");
          }
          appendUtf8(decoded, static_cast<char32_t>(cp));
        } else {
          throw error("the entity &" + std::string(ref) + "; is not XML's");
        }
        std::memcpy(out, decoded.data(), decoded.size());  // never longer than the reference
        out += decoded.size();
        in = semi + 1;
      } else if (c == '\r') {
        *out++ = attribute ? ' ' : '\n';
        in += in + 1 < end && in[1] == '\n' ? 2 : 1;
      } else if (attribute && (c == '\t' || c == '\n')) {
        *out++ = ' ';
        ++in;
      } else if (c == '<' && attribute) {
        throw error("a '<' inside an attribute value");
      } else {
        *out++ = c;
        ++in;
      }
    }
    return out;
  }

  XmlHandler& handler_;
  const PartBytes& bytes_;
  std::vector<std::string> open_;  // the elements open, outermost first
  std::vector<const char*> attributes_;
  bool rootClosed_ = false;
};

}  // namespace

bool XlsxPackage::parse(const std::string& part, XmlHandler& handler) {
  const auto it = directory_->archive.findHeader(part);
  if (it == directory_->archive.headerEnd()) {
    throw InputError(source_, Message("is not an Excel workbook: it has no {0}", part));
  }
  const auto& header = it->second;
  const auto start = static_cast<uint64_t>(header.getDataStartPos());
  const uint64_t size = start > bytes_.size()
                            ? 0
                            : std::min<uint64_t>(bytes_.size() - start, header.getCompressedSize());
  const bool deflated = header.getCompressionMethod() == Poco::Zip::ZipCommon::CM_DEFLATE;
  PartBytes bytes(bytes_.data() + std::min<uint64_t>(start, bytes_.size()), size, deflated, used_,
                  limit_, source_, part);
  if (header.isEncrypted()) throw bytes.damaged("the part is encrypted");
  if (start > bytes_.size()) throw bytes.damaged("the part lies past the end of the file");
  if (!deflated && header.getCompressionMethod() != Poco::Zip::ZipCommon::CM_STORE) {
    throw bytes.damaged("compressed by a method other than deflate");
  }

  // The first piece decides the way: scanned in place (UTF-8), or through expat.
  std::vector<char> buffer(kChunk);
  size_t filled = bytes.read(buffer.data(), kChunk);
  bool last = filled < kChunk;
  if (declaredUtf8(std::string_view(buffer.data(), filled))) {
    PartScanner scanner(handler, bytes);
    size_t skip = std::string_view(buffer.data(), filled).substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (true) {
      const size_t used = skip + scanner.scan(buffer.data() + skip, filled - skip, last);
      skip = 0;
      if (handler.stopped()) return false;
      if (last) return true;
      // Keep the unfinished token; make room for the next piece after it.
      std::memmove(buffer.data(), buffer.data() + used, filled - used);
      filled -= used;
      if (buffer.size() - filled < kChunk) buffer.resize(filled + kChunk);
      const size_t n = bytes.read(buffer.data() + filled, kChunk);
      filled += n;
      last = n < kChunk;
    }
  }

  Parser parser(XML_ParserCreate(nullptr));  // no namespace processing: names as written
  if (!parser) throw std::bad_alloc();
  Context context{parser.get(), handler, nullptr};
  XML_SetUserData(parser.get(), &context);
  XML_SetElementHandler(parser.get(), onStart, onEnd);
  XML_SetCharacterDataHandler(parser.get(), onText);
  while (true) {
    const XML_Status status =
        XML_Parse(parser.get(), buffer.data(), static_cast<int>(filled), last);
    if (context.failure) std::rethrow_exception(context.failure);
    if (handler.stopped()) return false;
    if (status != XML_STATUS_OK) {
      throw bytes.damaged("line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                          XML_ErrorString(XML_GetErrorCode(parser.get())));
    }
    if (last) return true;
    filled = bytes.read(buffer.data(), kChunk);
    last = filled < kChunk;
  }
}

}  // namespace gongwen
