#include "pdf/FormXObject.h"

#include <hpdf_objects.h>

#include <stdexcept>

namespace gongwen {

HPDF_Dict embedArtwork(HpdfDocument& doc, const FormContent& content, bool compress) {
  const Artwork& art = *content.art;
  HPDF_Dict form = HPDF_DictStream_New(doc.mmgr(), doc.xref());
  if (!form) throw std::runtime_error("libharu: cannot create a form XObject");
  if (compress) form->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Dict_AddName(form, "Type", "XObject");
  HPDF_Dict_AddName(form, "Subtype", "Form");
  HPDF_Array bbox = HPDF_Array_New(doc.mmgr());
  HPDF_Array_AddReal(bbox, 0);
  HPDF_Array_AddReal(bbox, 0);
  HPDF_Array_AddReal(bbox, static_cast<HPDF_REAL>(art.widthPt));
  HPDF_Array_AddReal(bbox, static_cast<HPDF_REAL>(art.heightPt));
  HPDF_Dict_Add(form, "BBox", bbox);
  HPDF_Dict_Add(form, "Resources", HPDF_Dict_New(doc.mmgr()));

  const std::string& s = content.stream;
  HPDF_Stream_Write(form->stream, reinterpret_cast<const HPDF_BYTE*>(s.data()),
                    static_cast<HPDF_UINT>(s.size()));
  doc.check("writing a form XObject");
  return form;
}

}  // namespace gongwen
