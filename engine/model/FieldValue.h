// What validating a record needs besides its layout, and the value a structured ("json")
// field is read into by the element that shows it.
#pragma once

#include <vector>

#include "common/Message.h"
#include "model/ImageLoader.h"

namespace gongwen {

class LayoutCatalog;

// Where a record's images come from, and the other layouts (an attachment names its own).
struct RecordOptions {
  ImageSource images;
  const LayoutCatalog* layouts = nullptr;  // null: attachments cannot be read
};

// A "json" field read, checked and turned into typed values once, when the record is
// validated, by the reader of the element that shows it (FieldSpec::read; a body's
// paragraphs, tables and figures, a list's groups, the attachments). The model keeps it
// opaque; the element casts it back (Record::content<T>).
struct FieldContent {
  virtual ~FieldContent() = default;
  std::vector<Message> warnings;  // what reading it found (an attachment's unknown fields)
};

}  // namespace gongwen
