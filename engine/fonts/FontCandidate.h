// One entry of a role's ordered candidate list in fonts/fonts.json.
#pragma once

#include <optional>
#include <string>

namespace gongwen {

struct FontCandidate {
  std::string family;             // looked up with fontconfig when there is no path,
                                  // or picks the face of a collection when there is
  std::string path;               // a font file
  std::optional<unsigned> index;  // face index in a collection

  // "family 仿宋_GB2312" / "/usr/…/FandolFang-Regular.otf": how reports name it.
  std::string describe() const;
};

}  // namespace gongwen
