// Reads the few facts a PDF needs straight from a face's OpenType tables (head, post,
// OS/2, name, CFF Top DICT) through HarfBuzz, without asking FreeType to parse the
// whole font: loading a 25 MB CJK collection stays well under a millisecond.
#pragma once

#include <hb-ot.h>
#include <hb.h>

#include <string>

#include "fonts/Font.h"

namespace gongwen {

// Name table entry (family 16→1, subfamily 17→2, PostScript name 6), "" when absent.
std::string faceName(hb_face_t* face, hb_ot_name_id_t preferred, hb_ot_name_id_t fallback);
FontMetrics readMetrics(hb_face_t* face);
bool hasTable(hb_face_t* face, hb_tag_t tag);
// A CFF whose Top DICT has the ROS operator keys its glyphs by CID.
bool cffIsCidKeyed(hb_face_t* face);

}  // namespace gongwen
