// Typed reading of a flow element's settings (its object in the layout's "flow"), naming
// the layout file and JSON path of a bad value.
#pragma once

#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "common/Color.h"
#include "model/Layout.h"

namespace gongwen {

class ElementParams {
 public:
  explicit ElementParams(const FlowElement& el) : ElementParams(el.params, el.path) {}
  ElementParams(Poco::JSON::Object::Ptr object, std::string path);

  bool has(const std::string& key) const;
  std::string str(const std::string& key, const std::string& fallback = "") const;
  double number(const std::string& key, double fallback) const;
  int integer(const std::string& key, int fallback) const;
  bool boolean(const std::string& key, bool fallback) const;
  Color color(const std::string& key, const Color& fallback) const;
  std::vector<std::string> strings(const std::string& key) const;
  // A nested object, or an empty one when absent.
  ElementParams object(const std::string& key) const;
  // A nested array of objects (empty when absent).
  std::vector<ElementParams> objects(const std::string& key) const;
  // A style of the layout, by the name under `key` (or `fallback`).
  const TextStyle& style(const Layout& layout, const std::string& key,
                         const std::string& fallback) const;
  std::string at(const std::string& key) const;
  const std::string& path() const { return path_; }
  // Throws InputError naming the first key that is not in `allowed` (a typo in a layout).
  void onlyKeys(std::initializer_list<const char*> allowed) const;

 private:
  Poco::JSON::Object::Ptr obj_;
  std::string path_;
};

}  // namespace gongwen
