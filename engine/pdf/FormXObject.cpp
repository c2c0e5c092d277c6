#include "pdf/FormXObject.h"

#include <hpdf_objects.h>

#include <stdexcept>

#include "pdf/DeflatedStream.h"

namespace gongwen {

PreparedForm prepareForm(const FormContent& form, bool compress) {
  if (compress) return {deflateBytes(form.stream)};
  return {std::vector<uint8_t>(form.stream.begin(), form.stream.end())};
}

HPDF_Dict embedArtwork(HpdfDocument& doc, const FormContent& content, const PreparedForm& prepared,
                       bool compress) {
  const Artwork& art = *content.art;
  HPDF_Dict form = HPDF_DictStream_New(doc.mmgr(), doc.xref());
  if (!form) throw std::runtime_error("libharu: cannot create a form XObject");
  HPDF_Dict_AddName(form, "Type", "XObject");
  HPDF_Dict_AddName(form, "Subtype", "Form");
  HPDF_Array bbox = HPDF_Array_New(doc.mmgr());
  HPDF_Array_AddReal(bbox, 0);
  HPDF_Array_AddReal(bbox, 0);
  HPDF_Array_AddReal(bbox, static_cast<HPDF_REAL>(art.widthPt));
  HPDF_Array_AddReal(bbox, static_cast<HPDF_REAL>(art.heightPt));
  HPDF_Dict_Add(form, "BBox", bbox);
  HPDF_Dict_Add(form, "Resources", HPDF_Dict_New(doc.mmgr()));

  if (compress) {
    writeDeflated(form, prepared.stream);
  } else {
    form->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Stream_Write(form->stream, prepared.stream.data(),
                      static_cast<HPDF_UINT>(prepared.stream.size()));
  }
  doc.check("writing a form XObject");
  return form;
}

}  // namespace gongwen
