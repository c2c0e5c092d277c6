#include "pdf/HpdfDocument.h"

#include <hpdf_doc.h>

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
  HPDF_UINT32 size = HPDF_GetStreamSize(doc_);
  std::vector<uint8_t> bytes(size);
  HPDF_UINT32 read = size;
  HPDF_ResetStream(doc_);
  HPDF_ReadFromStream(doc_, bytes.data(), &read);
  check("read");
  bytes.resize(read);
  return bytes;
}

}  // namespace gongwen
