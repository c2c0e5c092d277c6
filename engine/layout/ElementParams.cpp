#include "layout/ElementParams.h"

#include <cmath>
#include <stdexcept>

#include "common/Errors.h"
#include "common/Json.h"

namespace gongwen {

ElementParams::ElementParams(Poco::JSON::Object::Ptr object, std::string path)
    : obj_(object ? std::move(object) : Poco::JSON::Object::Ptr(new Poco::JSON::Object)),
      path_(std::move(path)) {}

bool ElementParams::has(const std::string& key) const { return obj_->has(key); }

std::string ElementParams::at(const std::string& key) const { return jsonPath(path_, key); }

void ElementParams::onlyKeys(std::initializer_list<const char*> allowed) const {
  for (const auto& [key, value] : *obj_) {
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (!known) throw InputError(at(key), "unknown key");
  }
}

std::string ElementParams::str(const std::string& key, const std::string& fallback) const {
  if (!has(key)) return fallback;
  auto v = obj_->get(key);
  if (!v.isString()) throw InputError(at(key), "must be a string, found " + jsonTypeName(v));
  return v.toString();
}

double ElementParams::number(const std::string& key, double fallback) const {
  if (!has(key)) return fallback;
  auto v = obj_->get(key);
  if (!v.isNumeric() || v.isBoolean())
    throw InputError(at(key), "must be a number, found " + jsonTypeName(v));
  double d = v.convert<double>();
  if (!std::isfinite(d)) throw InputError(at(key), "must be a finite number");
  return d;
}

int ElementParams::integer(const std::string& key, int fallback) const {
  double d = number(key, fallback);
  if (d != std::floor(d) || std::abs(d) > 1e6) throw InputError(at(key), "must be a whole number");
  return static_cast<int>(d);
}

bool ElementParams::boolean(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  auto v = obj_->get(key);
  if (!v.isBoolean()) throw InputError(at(key), "must be true or false");
  return v.convert<bool>();
}

Color ElementParams::color(const std::string& key, const Color& fallback) const {
  if (!has(key)) return fallback;
  try {
    return Color::fromHex(str(key));
  } catch (const std::invalid_argument& e) {
    throw InputError(at(key), e.what());
  }
}

std::vector<std::string> ElementParams::strings(const std::string& key) const {
  std::vector<std::string> out;
  if (!has(key)) return out;
  auto v = obj_->get(key);
  if (v.type() != typeid(Poco::JSON::Array::Ptr))
    throw InputError(at(key), "must be an array of strings, found " + jsonTypeName(v));
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < arr->size(); ++i) {
    auto item = arr->get(i);
    if (!item.isString())
      throw InputError(jsonPath(at(key), i), "must be a string, found " + jsonTypeName(item));
    out.push_back(item.toString());
  }
  return out;
}

ElementParams ElementParams::object(const std::string& key) const {
  if (!has(key)) return ElementParams(nullptr, at(key));
  auto v = obj_->get(key);
  if (v.type() != typeid(Poco::JSON::Object::Ptr))
    throw InputError(at(key), "must be an object, found " + jsonTypeName(v));
  return ElementParams(v.extract<Poco::JSON::Object::Ptr>(), at(key));
}

std::vector<ElementParams> ElementParams::objects(const std::string& key) const {
  std::vector<ElementParams> out;
  if (!has(key)) return out;
  auto v = obj_->get(key);
  if (v.type() != typeid(Poco::JSON::Array::Ptr))
    throw InputError(at(key), "must be an array of objects, found " + jsonTypeName(v));
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < arr->size(); ++i) {
    auto item = arr->get(i);
    if (item.type() != typeid(Poco::JSON::Object::Ptr))
      throw InputError(jsonPath(at(key), i), "must be an object, found " + jsonTypeName(item));
    out.emplace_back(item.extract<Poco::JSON::Object::Ptr>(), jsonPath(at(key), i));
  }
  return out;
}

const TextStyle& ElementParams::style(const Layout& layout, const std::string& key,
                                      const std::string& fallback) const {
  std::string name = str(key, fallback);
  auto it = layout.styles.find(name);
  if (it == layout.styles.end())
    throw InputError(at(key), "no style named \"" + name + "\" in the layout's \"styles\"");
  return it->second;
}

}  // namespace gongwen
