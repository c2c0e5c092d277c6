// Font files from Debian packages that the tests use (installed by scripts/install-deps.sh).
#pragma once

namespace gongwen::test {

// CFF outlines, name-keyed (FandolFang, from texlive-lang-chinese).
inline constexpr const char* kFandolFang = "/usr/local/share/fonts/fandol/FandolFang-Regular.otf";
inline constexpr const char* kFandolKai = "/usr/local/share/fonts/fandol/FandolKai-Regular.otf";
// CFF outlines, CID-keyed, in a collection: face 2 is Noto Serif CJK SC.
inline constexpr const char* kNotoSerifCjk =
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
inline constexpr const char* kNotoSerifCjkBold =
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc";
inline constexpr unsigned kNotoScFace = 2;
// TrueType outlines in a collection (fonts-arphic-uming).
inline constexpr const char* kUming = "/usr/share/fonts/truetype/arphic/uming.ttc";
// TrueType outlines covering CJK Extension B (fonts-hanazono).
inline constexpr const char* kHanaMinB = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";

}  // namespace gongwen::test
