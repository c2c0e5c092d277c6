#include "model/ElementParams.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "common/Errors.h"
#include "common/Json.h"

namespace gongwen {

namespace {

size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closestKey(const std::string& key, const std::set<std::string>& known) {
  std::string best;
  size_t bestDistance = std::max<size_t>(2, key.size() / 3) + 1;
  for (const std::string& k : known) {
    const size_t d = editDistance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

ElementParams::ElementParams(Poco::JSON::Object::Ptr object, std::string path)
    : ElementParams(std::move(object), std::move(path), std::make_shared<Nodes>()) {}

ElementParams::ElementParams(Poco::JSON::Object::Ptr object, std::string path,
                             std::shared_ptr<Nodes> nodes)
    : node_(std::make_shared<Node>()), nodes_(std::move(nodes)) {
  node_->obj = object ? std::move(object) : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
  node_->path = std::move(path);
  nodes_->push_back(node_);
}

ElementParams ElementParams::of(const Poco::Dynamic::Var& value, std::string path) {
  if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw InputError(path, Message("must be an object, found {0}", jsonType(value)));
  }
  return ElementParams(value.extract<Poco::JSON::Object::Ptr>(), std::move(path));
}

bool ElementParams::has(const std::string& key) const {
  markRead(key);
  return node_->obj->has(key);
}

std::string ElementParams::at(const std::string& key) const { return jsonPath(node_->path, key); }

void ElementParams::onlyKeys(std::initializer_list<const char*> allowed) const {
  for (const auto& [key, value] : *node_->obj) {
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (!known) {
      std::set<std::string> names(allowed.begin(), allowed.end());
      const std::string near = closestKey(key, names);
      if (near.empty()) throw InputError(at(key), Message("unknown key"));
      throw InputError(at(key), Message("unknown key; did you mean \"{0}\"?", near));
    }
  }
}

void ElementParams::markRead(std::initializer_list<const char*> keys) const {
  for (const char* k : keys) markRead(std::string(k));
}

void ElementParams::refuseUnreadKeys() const {
  for (const auto& node : *nodes_) {
    for (const auto& [key, value] : *node->obj) {
      if (node->read.count(key)) continue;
      const std::string path = jsonPath(node->path, key);
      const std::string near = closestKey(key, node->read);
      if (near.empty()) throw InputError(path, Message("unknown key"));
      throw InputError(path, Message("unknown key; did you mean \"{0}\"?", near));
    }
  }
}

std::string ElementParams::str(const std::string& key, const std::string& fallback) const {
  if (!has(key)) return fallback;
  auto v = node_->obj->get(key);
  if (!v.isString()) throw InputError(at(key), Message("must be a string, found {0}", jsonType(v)));
  return v.toString();
}

double ElementParams::number(const std::string& key, double fallback) const {
  if (!has(key)) return fallback;
  auto v = node_->obj->get(key);
  if (!v.isNumeric() || v.isBoolean())
    throw InputError(at(key), Message("must be a number, found {0}", jsonType(v)));
  double d = v.convert<double>();
  if (!std::isfinite(d)) throw InputError(at(key), Message("must be a finite number"));
  return d;
}

double ElementParams::positive(const std::string& key, double fallback) const {
  const double d = number(key, fallback);
  if (!(d > 0)) throw InputError(at(key), Message("must be greater than 0"));
  return d;
}

int ElementParams::integer(const std::string& key, int fallback) const {
  double d = number(key, fallback);
  if (d != std::floor(d) || std::abs(d) > 1e6)
    throw InputError(at(key), Message("must be a whole number"));
  return static_cast<int>(d);
}

bool ElementParams::boolean(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  auto v = node_->obj->get(key);
  if (!v.isBoolean()) throw InputError(at(key), Message("must be true or false"));
  return v.convert<bool>();
}

Color ElementParams::color(const std::string& key, const Color& fallback) const {
  if (!has(key)) return fallback;
  const std::string text = str(key);
  try {
    return Color::fromHex(text);
  } catch (const std::invalid_argument&) {
    throw InputError(at(key), Message("colour \"{0}\" is not of the form #RRGGBB", text));
  }
}

std::vector<std::string> ElementParams::strings(const std::string& key) const {
  std::vector<std::string> out;
  if (!has(key)) return out;
  auto v = node_->obj->get(key);
  if (v.type() != typeid(Poco::JSON::Array::Ptr))
    throw InputError(at(key), Message("must be an array of strings, found {0}", jsonType(v)));
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < arr->size(); ++i) {
    auto item = arr->get(i);
    if (!item.isString())
      throw InputError(jsonPath(at(key), i),
                       Message("must be a string, found {0}", jsonType(item)));
    out.push_back(item.toString());
  }
  return out;
}

ElementParams ElementParams::object(const std::string& key) const {
  if (!has(key)) return ElementParams(nullptr, at(key), nodes_);
  auto v = node_->obj->get(key);
  if (v.type() != typeid(Poco::JSON::Object::Ptr))
    throw InputError(at(key), Message("must be an object, found {0}", jsonType(v)));
  return ElementParams(v.extract<Poco::JSON::Object::Ptr>(), at(key), nodes_);
}

std::vector<ElementParams> ElementParams::objects(const std::string& key) const {
  std::vector<ElementParams> out;
  if (!has(key)) return out;
  auto v = node_->obj->get(key);
  if (v.type() != typeid(Poco::JSON::Array::Ptr))
    throw InputError(at(key), Message("must be an array of objects, found {0}", jsonType(v)));
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < arr->size(); ++i) {
    auto item = arr->get(i);
    if (item.type() != typeid(Poco::JSON::Object::Ptr))
      throw InputError(jsonPath(at(key), i),
                       Message("must be an object, found {0}", jsonType(item)));
    out.push_back(
        ElementParams(item.extract<Poco::JSON::Object::Ptr>(), jsonPath(at(key), i), nodes_));
  }
  return out;
}

std::string ElementParams::styleName(const Layout& layout, const std::string& key,
                                     const std::string& fallback) const {
  std::string name = str(key, fallback);
  if (!layout.styles.count(name))
    throw InputError(at(key), Message("no style named \"{0}\" in the layout's \"styles\"", name));
  return name;
}

const TextStyle& ElementParams::style(const Layout& layout, const std::string& key,
                                      const std::string& fallback) const {
  return layout.styles.at(styleName(layout, key, fallback));
}

}  // namespace gongwen
