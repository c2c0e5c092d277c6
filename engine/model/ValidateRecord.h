// A record's JSON checked against its layout's fields and turned into a Record of typed values.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "model/Layout.h"
#include "model/Record.h"

namespace gongwen {

// Checks `input` against `layout`: required fields present and non-empty, types right,
// dates real (YYYY-MM-DD), no control characters; then loads and checks its images and reads
// its structured fields (a body, groups, attachments) with their elements' readers. Throws
// InputError with the field's JSON path. Unknown fields become warnings. `pathPrefix` is "$"
// for a single document, "$[3]" in a batch, … A plain function of one record: a batch calls
// it per record, from any thread (`options.images.cache` is thread-safe).
Record validateRecord(const Poco::JSON::Object::Ptr& input, const Layout& layout,
                      const std::string& pathPrefix = "$", const RecordOptions& options = {});

}  // namespace gongwen
