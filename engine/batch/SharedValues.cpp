#include "batch/SharedValues.h"

#include <Poco/JSON/Array.h>

#include <filesystem>

#include "batch/SheetTable.h"
#include "common/Errors.h"

namespace gongwen {

void applyDefaults(std::vector<BatchItem>& items, const Poco::JSON::Object::Ptr& defaults) {
  for (auto& item : items) applyDefaults(item, defaults);
}

void applyDefaults(BatchItem& item, const Poco::JSON::Object::Ptr& defaults) {
  if (!defaults || defaults->size() == 0 || !item.record) return;
  for (const auto& [field, value] : *defaults) {
    if (item.record->has(field) && !item.record->get(field).isEmpty()) {
      const auto& own = item.record->get(field);
      if (!own.isString() || !own.toString().empty()) continue;
    }
    item.record->set(field, value);
  }
}

Poco::JSON::Object::Ptr defaultsFromSettings(const std::vector<std::string>& settings,
                                             const Layout& layout,
                                             const std::string& baseDirectory) {
  Poco::JSON::Object::Ptr defaults = new Poco::JSON::Object;
  for (const auto& setting : settings) {
    const size_t eq = setting.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw InputError("--set " + setting,
                       Message("write it as FIELD=VALUE, e.g. --set issuer=南京市人民政府"));
    }
    const std::string name = setting.substr(0, eq);
    std::string value = setting.substr(eq + 1);
    const FieldSpec* spec = nullptr;
    const std::string key = headerKey(name);
    for (const auto& f : layout.fields) {
      bool match = headerKey(f.name) == key || headerKey(f.label) == key;
      for (const auto& a : fieldAliases(layout, f.name)) match = match || headerKey(a) == key;
      if (match) {
        spec = &f;
        break;
      }
    }
    if (!spec) {
      std::vector<std::string> names;
      for (const auto& f : layout.fields) names.push_back(f.name);
      throw InputError("--set " + setting,
                       Message("\"{0}\" is not a field of layout {1}; the fields are {2}", name,
                               layout.name, joinedNames(names)));
    }
    if (spec->type == "image" && !value.empty() && value.rfind("data:", 0) != 0) {
      std::filesystem::path p(value);
      if (p.is_relative())
        value = (std::filesystem::path(baseDirectory) / p).lexically_normal().string();
    }
    if (spec->type == "list") {
      Poco::JSON::Array::Ptr arr = new Poco::JSON::Array;
      std::string cur;
      for (char c : value + ";") {
        if (c == ';' || c == '\n') {
          if (!cur.empty()) arr->add(cur);
          cur.clear();
        } else {
          cur.push_back(c);
        }
      }
      defaults->set(spec->name, arr);
    } else {
      defaults->set(spec->name, value);
    }
  }
  return defaults;
}

}  // namespace gongwen
