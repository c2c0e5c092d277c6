// GET /v1/layouts and GET /healthz bodies, built once at start (layouts and fonts do not
// change while the server runs).
#pragma once

#include <Poco/JSON/Object.h>

#include "render/Engine.h"

namespace gongwen::server {

// {"layouts": [{"name", "label", "description", "fields": [{"name", "type", "required",
// "label", "description"}]}]}: what a client or the web page needs to build a form.
// The layouts with their fields, labels and descriptions in `language`.
Poco::JSON::Object::Ptr layoutsJson(const LayoutCatalog& catalog, Language language);

struct Health {
  bool ready = false;  // every font role resolved
  Poco::JSON::Object::Ptr json;
};
// {"status": "ok" | "fonts missing", "layouts": [...], "fonts": {role: file}, "missing": [...]}
Health healthOf(const Engine& engine);

}  // namespace gongwen::server
