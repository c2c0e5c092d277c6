#include "pdf/HpdfDocument.h"

#include <hpdf_doc.h>
#include <hpdf_streams.h>

#include <cstdio>
#include <stdexcept>

namespace gongwen {

HpdfDocument::HpdfDocument() {
  doc_ = HPDF_New(&HpdfDocument::onError, this);
  if (!doc_) throw std::runtime_error("libharu: cannot create a document");
}

HpdfDocument::~HpdfDocument() {
  if (doc_) HPDF_Free(doc_);
}

void HpdfDocument::onError(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
  auto* d = static_cast<HpdfDocument*>(self);
  if (d->error_ == 0) {
    d->error_ = error;
    d->detail_ = detail;
  }
}

void HpdfDocument::check(const char* what) const {
  if (error_ == 0) return;
  char buf[160];
  std::snprintf(buf, sizeof buf, "libharu failed (%s): error 0x%04X, detail %u", what,
                static_cast<unsigned>(error_), static_cast<unsigned>(detail_));
  throw std::runtime_error(buf);
}

HPDF_MMgr HpdfDocument::mmgr() const { return doc_->mmgr; }
HPDF_Xref HpdfDocument::xref() const { return doc_->xref; }

HPDF_Xref HpdfDocument::swapXref(HPDF_Xref xref) {
  HPDF_Xref was = doc_->xref;
  doc_->xref = xref;
  return was;
}

HPDF_Dict HpdfDocument::info() {
  if (!doc_->info) {
    // Creates the info dictionary (libharu has no public getter for it).
    HPDF_SetInfoAttr(doc_, HPDF_INFO_PRODUCER, "gongwen");
  }
  return doc_->info;
}

std::vector<uint8_t> HpdfDocument::save() {
  HPDF_SaveToStream(doc_);
  check("save");
  std::vector<uint8_t> bytes;
  appendMemoryStream(doc_->stream, bytes);
  return bytes;
}

void appendMemoryStream(HPDF_Stream stream, std::vector<uint8_t>& out) {
  // Chunk by chunk: libharu's own reader copies byte by byte.
  out.reserve(out.size() + stream->size);
  for (HPDF_UINT b = 0; b < HPDF_MemStream_GetBufCount(stream); ++b) {
    HPDF_UINT len = 0;
    const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(stream, b, &len);
    out.insert(out.end(), p, p + len);
  }
}

}  // namespace gongwen
