// GET /v1/openapi.json: the HTTP API described as OpenAPI 3.1, made from the loaded layouts
// and the server's limits when the server starts. Every endpoint with its parameters,
// bodies and statuses; a JSON Schema (2020-12) per layout holding the checks the engine
// makes of a record (required fields, types, single-line text, real YYYY-MM-DD dates,
// the `sort` words, a title's maximum length, seals as PNG data: URIs).
#pragma once

#include <Poco/JSON/Object.h>

#include "model/LayoutCatalog.h"
#include "server/ServerSettings.h"

namespace gongwen::server {

// The whole OpenAPI 3.1 document. `tokenRequired`: the /v1/ paths need a Bearer token.
Poco::JSON::Object::Ptr openApiJson(const LayoutCatalog& catalog, const Limits& limits,
                                    bool tokenRequired);

}  // namespace gongwen::server
