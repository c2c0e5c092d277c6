#include "fonts/FreeTypeFace.h"

#include "common/Errors.h"

namespace gongwen {

FreeTypeFace::FreeTypeFace(const uint8_t* data, size_t size, long faceIndex,
                           const std::string& label) {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0)
    throw FontError(Message("{0}: cannot initialise FreeType", label));
  library_.reset(lib);
  FT_Face face = nullptr;
  FT_Error err = FT_New_Memory_Face(lib, data, static_cast<FT_Long>(size), faceIndex, &face);
  if (err != 0 || face == nullptr) {
    const char* why = FT_Error_String(err);
    throw FontError(Message("{0}: not a readable font ({1})", label,
                            why ? std::string(why) : "FreeType error " + std::to_string(err)));
  }
  face_.reset(face);
}

}  // namespace gongwen
