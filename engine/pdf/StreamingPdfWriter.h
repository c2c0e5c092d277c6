// Writes a PDF whose pages arrive a few at a time (a merged batch of thousands of records):
// each page's content stream and page object go into the file as soon as they are given,
// and only what the document's end needs is kept — the glyphs each font draws, the page
// object ids and heights, the forms and images, the outline. Memory stays flat in the
// number of pages (the finished file itself aside, about 1 KB a certificate).
//
// Glyph codes are fixed before the document's glyph set is known: a CID-keyed CFF font's
// code is the glyph's CID (kept by its subset), any other font is subset keeping glyph
// ids. The text and positions are those writePdf gives; the object order differs.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "common/AtomicFile.h"
#include "layout/DisplayList.h"
#include "pdf/PdfWriter.h"

namespace gongwen {

class StreamingPdfWriter {
 public:
  // With a `file`, the PDF is written into it as it is made (a megabyte at a time) and
  // finish() returns nothing; the caller commits the file.
  explicit StreamingPdfWriter(const PdfOptions& options = {}, OutputFile* file = nullptr);
  ~StreamingPdfWriter();
  StreamingPdfWriter(const StreamingPdfWriter&) = delete;
  StreamingPdfWriter& operator=(const StreamingPdfWriter&) = delete;

  // Writes `pages` (in order, after those given before) and empties them. Throws
  // LimitExceeded past kMaxPdfPages.
  void addPages(std::vector<Page>& pages);
  size_t pageCount() const;

  // The fonts, forms, images, outline (entries' pages count from the first page given)
  // and document info, then the finished file (empty when it went into a file). Call once.
  std::vector<uint8_t> finish(const DocumentInfo& info, const std::vector<OutlineEntry>& outline);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace gongwen
