// RAII for a FreeType library + face opened on bytes in memory (used at load time and
// on subset fonts; never shared between threads).
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/CHandle.h"

namespace gongwen {

class FreeTypeFace {
 public:
  // Throws FontError with `label` and FreeType's reason.
  FreeTypeFace(const uint8_t* data, size_t size, long faceIndex, const std::string& label);
  FT_Face get() const { return face_.get(); }
  FT_Face operator->() const { return face_.get(); }

 private:
  CHandle<FT_LibraryRec_, FT_Done_FreeType> library_;
  CHandle<FT_FaceRec_, FT_Done_Face> face_;
};

}  // namespace gongwen
