// PNG bytes as the data: URI a record or an HTTP request carries in an image field.
#pragma once

#include <string>

namespace gongwen::test {

// "data:image/png;base64,…" (no line breaks).
std::string pngDataUri(const std::string& bytes);
// The sample's specimen seal (samples/specimen-seal.png) as a data: URI.
std::string specimenSealDataUri();

}  // namespace gongwen::test
