// The engine's front door: fonts and layouts loaded once, then any number of records
// rendered, from any number of threads at once (all per-document state is per call).
#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/Json.h"
#include "common/PrintAdjust.h"
#include "common/WorkBudget.h"
#include "fonts/FontRegistry.h"
#include "layout/DisplayList.h"
#include "model/LayoutCatalog.h"
#include "render/OutputFormat.h"

namespace gongwen {

struct BatchCache;
class Shaper;
struct BoxTemplate;

struct RenderOptions {
  std::string layout;     // overrides the record's "layout" when set
  bool normalize = true;  // half-width punctuation in Chinese text → full-width
  bool allowMissingGlyphs = false;
  // Image fields (a seal) may name a PNG file, relative to this folder (the input file's).
  std::string baseDirectory = ".";
  // false in the HTTP server: images must arrive as data: URIs, never as file names.
  bool allowFilePaths = true;
  // Where the record is, for messages: "$" alone, "$.records[3]" or "row 12" in a batch.
  std::string recordPath = "$";
  // What the records of one batch share (its seal, its common texts); null: nothing.
  std::shared_ptr<BatchCache> cache;
  // A shaper this thread may reuse (a batch worker's), sparing ICU's set-up per record;
  // null: each document makes its own. Never shared between threads.
  Shaper* shaper = nullptr;
  // 套打 (overlay: only what the office prints) and a printer's offset and scale
  // (layout/PrintAdjust.h; docs/overlay.md).
  PrintAdjust print;
  // What render() writes.
  OutputFormat format = OutputFormat::Pdf;
  // The deadline and page limit, checked per page and paragraph while composing; null:
  // no deadline, at most the pages one PDF can hold.
  const WorkBudget* budget = nullptr;
};

struct LayoutResult {
  DisplayList list;
  std::vector<Message> warnings;
};

class Engine {
 public:
  // With a catalog loaded at once, reads the templates of its "boxes" layouts now (throws
  // InputError naming a bad one); with one opened lazily, each when its layout is first used.
  Engine(std::shared_ptr<const FontRegistry> fonts, std::shared_ptr<const LayoutCatalog> layouts);

  // Reads one record's JSON text within `limits`: scanned first, then only the members the
  // layout knows (its fields and "layout") are built; an unknown member is kept as null
  // (reported as unknown, costing nothing). `layout` overrides the record's own "layout".
  // Throws InputError (bad JSON), JsonLimitError.
  Poco::JSON::Object::Ptr readRecord(std::string_view text, const std::string& source,
                                     const std::string& layout,
                                     const JsonLimits& limits = {}) const;

  // Validates and lays out one record. Throws InputError (bad record), FontError.
  LayoutResult layout(const Poco::JSON::Object::Ptr& record, const RenderOptions& options) const;
  // layout() and then the PDF bytes.
  std::vector<uint8_t> renderPdf(const Poco::JSON::Object::Ptr& record,
                                 const RenderOptions& options,
                                 std::vector<Message>* warnings = nullptr) const;
  // layout() and then the bytes of options.format (PDF or OFD).
  std::vector<uint8_t> render(const Poco::JSON::Object::Ptr& record, const RenderOptions& options,
                              std::vector<Message>* warnings = nullptr) const;

  const FontRegistry& fonts() const { return *fonts_; }
  const LayoutCatalog& layouts() const { return *layouts_; }
  // The template of a "boxes" layout; null for other layouts. Throws InputError as
  // layouts().get() does.
  const BoxTemplate* boxTemplate(const std::string& layout) const;

 private:
  std::shared_ptr<const FontRegistry> fonts_;
  std::shared_ptr<const LayoutCatalog> layouts_;
  // The templates of the "boxes" layouts, each read once (their art is shared by every
  // page); filled at construction or on first use, never erased.
  mutable std::mutex boxTemplatesMutex_;
  mutable std::map<std::string, std::shared_ptr<const BoxTemplate>> boxTemplates_;
};

}  // namespace gongwen
