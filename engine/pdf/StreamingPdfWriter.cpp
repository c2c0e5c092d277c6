#include "pdf/StreamingPdfWriter.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "common/CHandle.h"
#include "common/Parallel.h"
#include "common/WorkBudget.h"
#include "fonts/FreeTypeFace.h"
#include "layout/CreationTime.h"
#include "pdf/CidFontEmbedder.h"
#include "pdf/DeflatedStream.h"
#include "pdf/FormXObject.h"
#include "pdf/HpdfDocument.h"
#include "pdf/ImageEmbedder.h"
#include "pdf/PageContent.h"
#include "pdf/PdfCache.h"
#include "pdf/PdfResources.h"
#include "pdf/PdfTextString.h"

#include FT_CID_H

namespace gongwen {
namespace {

// Objects with fixed numbers: written last, referred to from the first page on.
constexpr uint32_t kCatalogId = 1, kPagesId = 2, kResourcesId = 3, kInfoId = 4, kFirstFreeId = 5;
// Pages per node of the page tree (the root's kids are such nodes).
constexpr size_t kPagesPerNode = 512;
// No libharu page array here: the bound is a reader's, far above any batch's.
constexpr size_t kMaxStreamedPages = size_t{1} << 20;

// The file as it grows, in blocks (no copy of the whole when it grows); with a file to
// write into, each block goes there when it is full and only the last is kept.
class ByteSink {
 public:
  void writeInto(OutputFile* file) { file_ = file; }
  void write(const void* data, size_t n) {
    const auto* p = static_cast<const uint8_t*>(data);
    size_ += n;
    while (n > 0) {
      if (file_ && !blocks_.empty() && blocks_.back().size() == kBlock) {
        file_->write(blocks_.back().data(), kBlock);
        blocks_.back().clear();
      }
      if (blocks_.empty() || blocks_.back().size() == kBlock) {
        blocks_.emplace_back();
        blocks_.back().reserve(kBlock);
      }
      auto& b = blocks_.back();
      const size_t take = std::min(n, kBlock - b.size());
      b.insert(b.end(), p, p + take);
      p += take;
      n -= take;
    }
  }
  void write(std::string_view s) { write(s.data(), s.size()); }
  uint64_t size() const { return size_; }
  // The whole file, the blocks freed as they are copied; nothing when it went into a file
  // (the rest is written there).
  std::vector<uint8_t> take() {
    if (file_) {
      for (auto& b : blocks_) file_->write(b.data(), b.size());
      blocks_.clear();
      return {};
    }
    std::vector<uint8_t> out;
    out.reserve(size_);
    for (auto& b : blocks_) {
      out.insert(out.end(), b.begin(), b.end());
      std::vector<uint8_t>().swap(b);
    }
    blocks_.clear();
    size_ = 0;
    return out;
  }

 private:
  static constexpr size_t kBlock = size_t{1} << 20;
  std::vector<std::vector<uint8_t>> blocks_;
  uint64_t size_ = 0;
  OutputFile* file_ = nullptr;
};

std::string ref(uint32_t id) { return std::to_string(id).append(" 0 R"); }

std::string hexString(const std::vector<uint8_t>& bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string s = "<";
  for (uint8_t b : bytes) {
    s += kHex[b >> 4];
    s += kHex[b & 15];
  }
  return s + ">";
}

std::string literalString(const std::string& text) {
  std::string s = "(";
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') s += '\\';
    s += c;
  }
  return s + ")";
}

// A real as libharu writes one (HPDF_FToA: a float, at most five decimals), so that page
// sizes and bookmark positions are those of writePdf's files to the last digit.
std::string libharuReal(double v) {
  float val = static_cast<float>(v);
  std::string s;
  if (val < 0) {
    s += '-';
    val = -val;
  }
  const auto whole = static_cast<int32_t>(val + 0.000005);
  auto fraction = static_cast<int32_t>(static_cast<float>(val - whole + 0.000005) * 100000);
  s += std::to_string(whole);
  char digits[5];
  for (int i = 4; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  int last = 4;
  while (last >= 0 && digits[last] == '0') --last;
  if (last >= 0) s.append(".").append(digits, static_cast<size_t>(last + 1));
  return s;
}

// How a font of the document's resources gives its glyphs their codes as they come.
struct StreamFont {
  std::unique_ptr<FreeTypeFace> ft;  // CID-keyed CFF: reads each glyph's CID
  bool cidKeyed = false;
  size_t coded = 0;  // its first glyphs (in the order of use) that have their codes
};

// Frees a libharu cross-reference table of our own (the tail's objects) and gives the
// document back its own table, whatever happens.
class TailXref {
 public:
  TailXref(HpdfDocument& doc, uint32_t firstId) : doc_(doc) {
    xref_ = HPDF_Xref_New(doc.mmgr(), firstId);
    if (!xref_) throw std::runtime_error("libharu: cannot create a cross-reference table");
    own_ = doc.swapXref(xref_);
  }
  ~TailXref() {
    doc_.swapXref(own_);
    HPDF_Xref_Free(xref_);
  }
  TailXref(const TailXref&) = delete;
  TailXref& operator=(const TailXref&) = delete;
  HPDF_Xref get() const { return xref_; }

 private:
  HpdfDocument& doc_;
  HPDF_Xref xref_ = nullptr, own_ = nullptr;
};

uint32_t objectId(void* obj) { return static_cast<HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF; }

}  // namespace

struct StreamingPdfWriter::State {
  PdfOptions options;
  ByteSink out;
  std::vector<uint64_t> offsets{0, 0, 0, 0, 0};  // by object id; 1–4 set at the end
  uint32_t nextId = kFirstFreeId;
  std::vector<uint32_t> pageIds, nodeIds;
  std::vector<double> heights;
  PdfResources resources;
  std::vector<StreamFont> fonts;    // index for index with resources.fonts()
  std::vector<EmbeddedFont> codes;  // codeOf and widthOf (no objects until the end)
  bool finished = false;

  uint32_t newId() {
    offsets.push_back(0);
    return nextId++;
  }
  void beginObject(uint32_t id) {
    offsets[id] = out.size();
    out.write(std::to_string(id).append(" 0 obj\n"));
  }
  void object(uint32_t id, std::string_view body) {
    beginObject(id);
    out.write(body);
    out.write("\nendobj\n");
  }

  uint16_t codeFor(const Font& font, const StreamFont& f, uint32_t glyph) {
    FT_UInt code = glyph;
    if (f.cidKeyed && FT_Get_CID_From_Glyph_Index(f.ft->get(), glyph, &code) != 0) {
      throw std::runtime_error(font.describe() + ": no CID for glyph " + std::to_string(glyph));
    }
    if (code > 0xFFFF) throw std::runtime_error(font.describe() + ": code beyond 0xFFFF");
    return static_cast<uint16_t>(code);
  }

  // The fonts, forms and images `page` draws with, known before its content is written;
  // each new glyph's code fixed.
  void collect(const Page& page) {
    resources.collect(page);
    const std::vector<FontUse>& uses = resources.fonts();
    for (size_t i = 0; i < uses.size(); ++i) {
      const Font& font = *uses[i].font;
      if (i == fonts.size()) {
        StreamFont f;
        f.cidKeyed = font.outlineFormat() == OutlineFormat::Cff && font.isCidKeyed();
        if (f.cidKeyed) {
          f.ft = std::make_unique<FreeTypeFace>(font.file().data(), font.file().size(),
                                                font.faceIndex(), font.describe());
        }
        fonts.push_back(std::move(f));
        codes.emplace_back();
      }
      StreamFont& f = fonts[i];
      EmbeddedFont& c = codes[i];
      const double upem = font.unitsPerEm();
      for (; f.coded < uses[i].glyphs.size(); ++f.coded) {
        const uint32_t glyph = uses[i].glyphs[f.coded];
        const uint16_t code = codeFor(font, f, glyph);
        c.codeOf[glyph] = code;
        // As embedFont writes /W.
        c.widthOf[code] = std::round(font.advance(glyph) * 10000.0 / upem) / 10.0;
      }
    }
  }

  void writePage(const Page& page, const std::vector<uint8_t>& content) {
    const size_t index = pageIds.size();
    if (index % kPagesPerNode == 0) nodeIds.push_back(newId());
    const uint32_t contentId = newId(), pageId = newId();
    beginObject(contentId);
    std::string head = "<<\n/Length " + std::to_string(content.size()) + "\n";
    if (options.compress) head += "/Filter /FlateDecode\n";
    out.write(head + ">>\nstream\n");
    out.write(content.data(), content.size());
    out.write("\nendstream\nendobj\n");
    object(pageId, "<<\n/Type /Page\n/Parent " + ref(nodeIds.back()) + "\n/MediaBox [ 0 0 " +
                       libharuReal(page.widthPt) + " " + libharuReal(page.heightPt) +
                       " ]\n/Contents " + ref(contentId) + "\n/Resources " + ref(kResourcesId) +
                       "\n>>");
    pageIds.push_back(pageId);
    heights.push_back(page.heightPt);
  }

  // The fonts, forms and images as libharu builds them, numbered from nextId on.
  std::string writeResources();
  uint32_t writeOutline(const std::vector<OutlineEntry>& outline);
  void writeInfo(const DocumentInfo& info);
  void writePageTree();
  void writeXref();
};

StreamingPdfWriter::StreamingPdfWriter(const PdfOptions& options, OutputFile* file)
    : s_(std::make_unique<State>()) {
  s_->options = options;
  s_->out.writeInto(file);
  s_->out.write("%PDF-1.6\n%\xB7\xBE\xAD\xAA\n");
}

StreamingPdfWriter::~StreamingPdfWriter() = default;

size_t StreamingPdfWriter::pageCount() const { return s_->pageIds.size(); }

void StreamingPdfWriter::addPages(std::vector<Page>& pages) {
  State& s = *s_;
  if (s.finished) throw std::logic_error("StreamingPdfWriter: pages after finish");
  if (s.pageIds.size() + pages.size() > kMaxStreamedPages) {
    throw LimitExceeded("", LimitExceeded::Kind::PdfPages,
                        Message("the PDF would have more than {0} pages; split it (--split, or "
                                "fewer records per run)",
                                kMaxStreamedPages));
  }
  for (const Page& page : pages) s.collect(page);
  std::vector<std::vector<uint8_t>> contents(pages.size());
  const PageResources resources{s.resources, s.codes};
  forEachParallel(
      pages.size(), pages.size() < 8 ? 1 : threadsFor(s.options.threads),
      [&](size_t i) { contents[i] = pageContent(pages[i], resources, s.options.compress); });
  for (size_t i = 0; i < pages.size(); ++i) {
    s.writePage(pages[i], contents[i]);
    contents[i] = {};
    pages[i] = Page{};
  }
}

std::string StreamingPdfWriter::State::writeResources() {
  const bool compress = options.compress;
  // A font whose codes are its glyph ids keeps them in its subset.
  std::vector<bool> retainGids;
  for (const StreamFont& f : fonts) retainGids.push_back(!f.cidKeyed);
  PreparedResources prepared =
      resources.prepare(options.cache, compress, options.threads, retainGids);
  const std::vector<FontUse>& uses = resources.fonts();
  for (size_t i = 0; i < uses.size(); ++i) {
    for (uint32_t g : uses[i].glyphs) {
      if (prepared.fonts[i]->subset.codeOf.at(g) != codes[i].codeOf.at(g)) {
        throw std::runtime_error(uses[i].font->describe() + ": glyph " + std::to_string(g) +
                                 " changed its code in subsetting");
      }
    }
  }

  HpdfDocument doc;
  HPDF_SetCompressionMode(doc.get(), compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
  TailXref xref(doc, nextId);
  size_t deflated = 0;
  std::string fontNames, xobjectNames;
  for (size_t i = 0; i < uses.size(); ++i) {
    EmbeddedFont e = embedFont(doc, uses[i], *prepared.fonts[i], compress);
    prepared.fonts[i].reset();
    deflated += compress ? 2 : 0;
    fontNames.append("/").append(PdfResources::fontName(i)).append(" ");
    fontNames.append(ref(objectId(e.type0))).append("\n");
  }
  for (size_t i = 0; i < resources.forms().size(); ++i) {
    HPDF_Dict form = embedArtwork(doc, resources.forms()[i], *prepared.forms[i], compress);
    prepared.forms[i].reset();
    deflated += compress ? 1 : 0;
    xobjectNames.append("/").append(PdfResources::formName(i)).append(" ");
    xobjectNames.append(ref(objectId(form))).append("\n");
  }
  for (size_t i = 0; i < prepared.images.size(); ++i) {
    HPDF_Dict image = embedImage(doc, *prepared.images[i], compress);
    deflated += compress ? streamCount(*prepared.images[i]) : 0;
    prepared.images[i].reset();
    xobjectNames.append("/").append(PdfResources::imageName(i)).append(" ");
    xobjectNames.append(ref(objectId(image))).append("\n");
  }
  doc.check("fonts and images");

  // Every object of the tail, in its own buffer (their offsets relative to it).
  HPDF_Stream buffer = HPDF_MemStream_New(doc.mmgr(), 64 * 1024);
  if (!buffer) throw std::runtime_error("libharu: out of memory");
  const CHandle<_HPDF_Stream_Rec, HPDF_Stream_Free> owned(buffer);
  const HPDF_List entries = xref.get()->entries;
  std::vector<uint32_t> relative;
  for (HPDF_UINT i = 0; i < entries->count; ++i) {
    auto* entry = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(entries, i));
    if (objectId(entry->obj) != nextId + i) {
      throw std::runtime_error("PDF writer: object " + std::to_string(objectId(entry->obj)) +
                               " numbered out of order");
    }
    relative.push_back(buffer->size);
    const std::string head = std::to_string(nextId + i) + " 0 obj\n";
    HPDF_Stream_WriteStr(buffer, head.c_str());
    HPDF_Obj_WriteValue(entry->obj, buffer, nullptr);
    HPDF_Stream_WriteStr(buffer, "\nendobj\n");
  }
  doc.check("writing fonts and images");
  std::vector<uint8_t> tail;
  appendMemoryStream(buffer, tail);
  if (compress) finishDeflatedStreams(tail, deflated);
  const uint64_t base = out.size();
  out.write(tail.data(), tail.size());
  for (uint32_t r : relative) {
    offsets.push_back(base + r);
    ++nextId;
  }

  std::string dict = "<<\n";
  if (!fontNames.empty()) dict += "/Font <<\n" + fontNames + ">>\n";
  if (!xobjectNames.empty()) dict += "/XObject <<\n" + xobjectNames + ">>\n";
  // Seals print as ink: /Ink multiplies the image over what is under it.
  if (!resources.images().empty())
    dict += "/ExtGState <<\n/Ink <<\n/Type /ExtGState\n/BM /Multiply\n>>\n>>\n";
  return dict + ">>";
}

uint32_t StreamingPdfWriter::State::writeOutline(const std::vector<OutlineEntry>& outline) {
  struct Node {
    uint32_t id = 0;
    int parent = -1;  // index of the parent node; -1: the outline's root
    std::vector<size_t> kids;
    const OutlineEntry* entry = nullptr;
    bool open = false;
  };
  std::vector<Node> nodes;
  std::vector<size_t> rootKids, open;  // `open`: the last node of each level
  for (const OutlineEntry& e : outline) {
    if (e.page >= pageIds.size()) continue;
    const size_t level = std::min(static_cast<size_t>(std::max(e.level, 0)), open.size());
    open.resize(level);
    Node n;
    n.entry = &e;
    n.open = level == 0;
    n.parent = open.empty() ? -1 : static_cast<int>(open.back());
    const size_t index = nodes.size();
    (n.parent < 0 ? rootKids : nodes[static_cast<size_t>(n.parent)].kids).push_back(index);
    nodes.push_back(std::move(n));
    open.push_back(index);
  }
  if (nodes.empty()) return 0;
  const uint32_t rootId = newId();
  for (Node& n : nodes) n.id = newId();
  // Open nodes count the entries shown under them; closed ones, negated, their children.
  std::vector<long> visible(nodes.size(), 0);
  for (size_t i = nodes.size(); i-- > 0;) {
    long shown = 0;
    for (size_t k : nodes[i].kids) shown += 1 + (nodes[k].open ? visible[k] : 0);
    visible[i] = shown;
  }
  auto links = [&](const std::vector<size_t>& kids, std::string& d) {
    if (kids.empty()) return;
    d += "/First " + ref(nodes[kids.front()].id) + "\n/Last " + ref(nodes[kids.back()].id) + "\n";
  };
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    const auto& siblings = n.parent < 0 ? rootKids : nodes[static_cast<size_t>(n.parent)].kids;
    const size_t at =
        static_cast<size_t>(std::find(siblings.begin(), siblings.end(), i) - siblings.begin());
    std::string d = "<<\n/Title " + hexString(pdfTextString(n.entry->title)) + "\n/Parent " +
                    ref(n.parent < 0 ? rootId : nodes[static_cast<size_t>(n.parent)].id) + "\n";
    if (at > 0) d += "/Prev " + ref(nodes[siblings[at - 1]].id) + "\n";
    if (at + 1 < siblings.size()) d += "/Next " + ref(nodes[siblings[at + 1]].id) + "\n";
    links(n.kids, d);
    if (!n.kids.empty())
      d += "/Count " + std::to_string(n.open ? visible[i] : -static_cast<long>(n.kids.size())) +
           "\n";
    const size_t page = n.entry->page;
    d += "/Dest [ " + ref(pageIds[page]) + " /FitH " + libharuReal(heights[page] - n.entry->y) +
         " ]\n>>";
    object(n.id, d);
  }
  long total = 0;
  for (size_t k : rootKids) total += 1 + (nodes[k].open ? visible[k] : 0);
  std::string root = "<<\n/Type /Outlines\n";
  links(rootKids, root);
  object(rootId, root + "/Count " + std::to_string(total) + "\n>>");
  return rootId;
}

void StreamingPdfWriter::State::writeInfo(const DocumentInfo& info) {
  std::string d = "<<\n";
  auto text = [&](const char* key, const std::string& utf8) {
    if (utf8.empty()) return;
    std::vector<uint8_t> bytes = pdfTextString(utf8);
    d += std::string("/") + key + " " + hexString(bytes) + "\n";
  };
  text("Title", info.title);
  text("Author", info.author);
  text("Subject", info.subject);
  text("Keywords", info.keywords);
  d += "/Creator " + literalString(options.creator) + "\n/Producer " +
       literalString(options.creator) + "\n";
  const std::time_t t = static_cast<std::time_t>(creationTimeOf(info));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char date[80];
  std::snprintf(date, sizeof date, "D:%04d%02d%02d%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  d += std::string("/CreationDate (") + date + ")\n>>";
  object(kInfoId, d);
}

void StreamingPdfWriter::State::writePageTree() {
  std::string kids;
  for (size_t n = 0; n < nodeIds.size(); ++n) {
    const size_t first = n * kPagesPerNode;
    const size_t last = std::min(pageIds.size(), first + kPagesPerNode);
    std::string d = "<<\n/Type /Pages\n/Parent " + ref(kPagesId) + "\n/Kids [ ";
    for (size_t p = first; p < last; ++p) d += ref(pageIds[p]) + " ";
    object(nodeIds[n], d + "]\n/Count " + std::to_string(last - first) + "\n>>");
    kids += ref(nodeIds[n]) + " ";
  }
  object(kPagesId, "<<\n/Type /Pages\n/Kids [ " + kids + "]\n/Count " +
                       std::to_string(pageIds.size()) + "\n>>");
}

void StreamingPdfWriter::State::writeXref() {
  const uint64_t start = out.size();
  out.write("xref\n0 " + std::to_string(nextId) + "\n0000000000 65535 f\r\n");
  char line[32];
  for (uint32_t id = 1; id < nextId; ++id) {
    std::snprintf(line, sizeof line, "%010llu 00000 n\r\n",
                  static_cast<unsigned long long>(offsets[id]));
    out.write(line, 20);
  }
  out.write("trailer\n<<\n/Size " + std::to_string(nextId) + "\n/Root " + ref(kCatalogId) +
            "\n/Info " + ref(kInfoId) + "\n>>\nstartxref\n" + std::to_string(start) + "\n%%EOF\n");
}

std::vector<uint8_t> StreamingPdfWriter::finish(const DocumentInfo& info,
                                                const std::vector<OutlineEntry>& outline) {
  State& s = *s_;
  if (s.finished) throw std::logic_error("StreamingPdfWriter: finished twice");
  s.finished = true;
  if (s.pageIds.empty()) throw std::runtime_error("PDF writer: a document without pages");
  s.object(kResourcesId, s.writeResources());
  const uint32_t outlineId = s.writeOutline(outline);
  s.writeInfo(info);
  s.writePageTree();
  std::string catalog = "<<\n/Type /Catalog\n/Pages " + ref(kPagesId) + "\n";
  if (outlineId) catalog += "/Outlines " + ref(outlineId) + "\n/PageMode /UseOutlines\n";
  // /PrintScaling /None: viewers print at 100 %, so text lands on a card's lines (套打).
  s.object(kCatalogId, catalog + "/ViewerPreferences <<\n/PrintScaling /None\n>>\n>>");
  s.writeXref();
  return s.out.take();
}

}  // namespace gongwen
