// The JSON Schema (2020-12) of one record of a layout as the engine checks it: required
// fields, types, single-line text, real YYYY-MM-DD dates, the `sort` words, a title's
// maximum length, images as PNG or JPEG data: URIs (one, or a list for joint issuers), and
// the shapes of body, attachments and groups. Used by GET /v1/openapi.json.
#pragma once

#include <Poco/JSON/Object.h>

#include "model/LayoutCatalog.h"

namespace gongwen {

// `catalog` names the layouts an attachment may use.
Poco::JSON::Object::Ptr recordSchema(const Layout& layout, const LayoutCatalog& catalog);

}  // namespace gongwen
