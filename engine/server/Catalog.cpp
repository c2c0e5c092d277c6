#include "server/Catalog.h"

#include <Poco/JSON/Array.h>

namespace gongwen::server {

Poco::JSON::Object::Ptr layoutsJson(const LayoutCatalog& catalog, Language language) {
  Poco::JSON::Array::Ptr layouts = new Poco::JSON::Array;
  for (const auto& name : catalog.names()) {
    const Layout& l = catalog.get(name);
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("name", name);
    o->set("label", l.labelIn(language));
    o->set("description", l.describedIn(language));
    o->set("kind", l.kind);
    // The page's size (the card's, for 套打): the web page scales a card photo to it.
    Poco::JSON::Object::Ptr page = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    page->set("width", l.page.widthMm);
    page->set("height", l.page.heightMm);
    o->set("page_mm", page);
    Poco::JSON::Array::Ptr fields = new Poco::JSON::Array;
    for (const auto& f : l.fields) {
      Poco::JSON::Object::Ptr fo = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      fo->set("name", f.name);
      fo->set("type", f.type);
      fo->set("required", f.required);
      fo->set("label", f.label);
      fo->set("description", f.describedIn(language));
      fields->add(fo);
    }
    o->set("fields", fields);
    layouts->add(o);
  }
  Poco::JSON::Object::Ptr root = new Poco::JSON::Object;
  root->set("layouts", layouts);
  return root;
}

Health healthOf(const Engine& engine) {
  Health h;
  Poco::JSON::Object::Ptr fonts = new Poco::JSON::Object;
  Poco::JSON::Array::Ptr missing = new Poco::JSON::Array;
  for (const auto& r : engine.fonts().resolutions()) {
    if (r.role == "fallback") continue;
    if (r.font) {
      fonts->set(r.role, r.font->path());
    } else {
      missing->add(r.role);
    }
  }
  Poco::JSON::Array::Ptr layouts = new Poco::JSON::Array;
  for (const auto& name : engine.layouts().names()) layouts->add(name);
  h.ready = missing->size() == 0 && layouts->size() > 0;
  h.json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  h.json->set("status", h.ready ? "ok" : (layouts->size() == 0 ? "no layouts" : "fonts missing"));
  h.json->set("layouts", layouts);
  h.json->set("fonts", fonts);
  h.json->set("missing", missing);
  return h;
}

}  // namespace gongwen::server
