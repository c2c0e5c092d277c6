#include "support/TestEngine.h"

#include <Poco/JSON/Object.h>

#include "common/Json.h"
#include "model/LayoutCatalog.h"
#include "render/EngineFactory.h"

namespace gongwen::test {

const Engine& engine() {
  static const std::shared_ptr<const Engine> instance = makeEngine(EngineSettings{});
  return *instance;
}

Poco::JSON::Object::Ptr record(const std::string& json) { return parseJsonObject(json, "test"); }

Poco::JSON::Object::Ptr article(const std::string& title, const std::string& body) {
  Poco::JSON::Object::Ptr r = new Poco::JSON::Object;
  r->set("layout", "article");
  r->set("title", title);
  r->set("body", body);
  return r;
}

std::string readText(const std::string& path) { return readFile(path); }

}  // namespace gongwen::test
