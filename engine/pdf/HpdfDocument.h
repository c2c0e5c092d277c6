// RAII for a libharu document, with an error handler that records the first error
// (libharu calls it from C; we never throw through C frames) and access to the object
// layer (memory manager, cross-reference table) that our own font objects need.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <vector>

namespace gongwen {

class HpdfDocument {
 public:
  HpdfDocument();
  ~HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  HPDF_Doc get() const { return doc_; }
  HPDF_MMgr mmgr() const;
  HPDF_Xref xref() const;
  HPDF_Dict info();
  // Puts `xref` in the document's table's place (objects made from now on are numbered
  // and kept there) and returns the table that was: to write some objects apart.
  HPDF_Xref swapXref(HPDF_Xref xref);

  // Throws std::runtime_error if libharu reported an error since the last check.
  void check(const char* what) const;
  // The finished file.
  std::vector<uint8_t> save();

 private:
  static void onError(HPDF_STATUS error, HPDF_STATUS detail, void* self);
  HPDF_Doc doc_ = nullptr;
  HPDF_STATUS error_ = 0, detail_ = 0;
};

// Appends what libharu's memory stream `stream` holds to `out`.
void appendMemoryStream(HPDF_Stream stream, std::vector<uint8_t>& out);

}  // namespace gongwen
