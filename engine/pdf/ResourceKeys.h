// What makes two fonts, forms or images one resource of a PDF: their content, not the
// object that carries it. Two Font objects of one face (file and face index) are one font;
// the same seal loaded twice is one image XObject; two equal borders are one form.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "fonts/Font.h"
#include "layout/DisplayList.h"

namespace gongwen {

// A face by its file and its index in it: "/usr/…/NotoSerifCJK-Regular.ttc#2".
std::string faceIdentity(const Font& font);

// An image by its bytes and its kind (PNG or JPEG).
struct ImageContent {
  std::shared_ptr<const ImageData> data;
  uint64_t hash = 0;  // contentHash(*data)
};
uint64_t contentHash(const ImageData& image);
bool sameContent(const ImageData& a, const ImageData& b);

// A form XObject by what it writes: its box and its paths as a content stream.
struct FormContent {
  std::shared_ptr<const Artwork> art;
  std::string stream;  // formStream(*art)
};
std::string formStream(const Artwork& art);
// The box's two sizes and the stream: equal keys, equal form XObjects.
std::string contentKey(const FormContent& form);

}  // namespace gongwen
