// Small builders for JSON documents made in code (the OpenAPI description, the schemas of
// the layouts): obj({{"type", "string"}}), arr({…}), strings(vector), ref("Name").
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace gongwen::json {

using Obj = Poco::JSON::Object::Ptr;
using Arr = Poco::JSON::Array::Ptr;
using Var = Poco::Dynamic::Var;

inline Obj obj(std::initializer_list<std::pair<std::string, Var>> members = {}) {
  Obj o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [key, value] : members) o->set(key, value);
  return o;
}

inline Arr arr(std::initializer_list<Var> items = {}) {
  Arr a = new Poco::JSON::Array;
  for (const auto& v : items) a->add(v);
  return a;
}

inline Arr strings(const std::vector<std::string>& items) {
  Arr a = new Poco::JSON::Array;
  for (const auto& s : items) a->add(s);
  return a;
}

inline Obj ref(const std::string& schema) {
  return obj({{"$ref", "#/components/schemas/" + schema}});
}

// Copies into `into` the members of `from` it does not have.
inline void merge(Obj into, const Obj& from) {
  for (const auto& key : from->getNames()) {
    if (!into->has(key)) into->set(key, from->get(key));
  }
}

}  // namespace gongwen::json
