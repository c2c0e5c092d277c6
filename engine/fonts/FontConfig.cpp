#include "fonts/FontConfig.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/Errors.h"
#include "common/Json.h"

namespace gongwen {
namespace {

FontCandidate parseCandidate(const Poco::Dynamic::Var& v, const std::string& where) {
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw InputError(where, Message("a font candidate must be an object like {\"family\": "
                                    "\"仿宋\"} or {\"path\": \"/path/font.otf\"}, found {0}",
                                    jsonType(v)));
  }
  auto obj = v.extract<Poco::JSON::Object::Ptr>();
  FontCandidate c;
  for (const auto& [key, value] : *obj) {
    std::string at = jsonPath(where, key);
    if (key == "family" || key == "path") {
      if (!value.isString())
        throw InputError(at, Message("must be a string, found {0}", jsonType(value)));
      (key == "family" ? c.family : c.path) = value.toString();
    } else if (key == "index") {
      if (!value.isInteger() || value.convert<long long>() < 0)
        throw InputError(at, Message("must be a face index (0, 1, …)"));
      c.index = static_cast<unsigned>(value.convert<long long>());
    } else {
      throw InputError(at,
                       Message("unknown key; a candidate has \"family\", \"path\" and \"index\""));
    }
  }
  if (c.family.empty() && c.path.empty()) {
    throw InputError(where, Message("a candidate needs \"family\" or \"path\""));
  }
  return c;
}

std::vector<FontCandidate> parseList(const Poco::Dynamic::Var& v, const std::string& where) {
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
    throw InputError(where, Message("must be a list of font candidates, found {0}", jsonType(v)));
  }
  std::vector<FontCandidate> out;
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < arr->size(); ++i)
    out.push_back(parseCandidate(arr->get(i), jsonPath(where, i)));
  return out;
}

}  // namespace

std::string FontCandidate::describe() const {
  // Appended piece by piece, not "literal" + std::string: GCC 12 at -O3 warns falsely
  // (-Wrestrict) inside that operator+.
  std::string out;
  if (path.empty()) {
    out.append("family \"").append(family).append("\"");
  } else {
    out = path;
    if (!family.empty()) out.append(" (face \"").append(family).append("\")");
  }
  if (index) out.append("#").append(std::to_string(*index));
  return out;
}

FontConfig FontConfig::fromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, Message("cannot read the font configuration"));
  std::stringstream ss;
  ss << in.rdbuf();
  return fromJson(ss.str(), path);
}

FontConfig FontConfig::fromJson(const std::string& text, const std::string& source) {
  auto root = parseJsonObject(text, source);
  FontConfig cfg;
  for (const auto& [key, value] : *root) {
    std::string where = source + ": " + jsonPath("$", key);
    if (key == "roles") {
      if (value.type() != typeid(Poco::JSON::Object::Ptr))
        throw InputError(where, Message("must be an object mapping roles to candidate lists"));
      for (const auto& [role, list] : *value.extract<Poco::JSON::Object::Ptr>()) {
        const auto& known = knownFontRoles();
        if (std::find(known.begin(), known.end(), role) == known.end()) {
          throw InputError(jsonPath(where, role),
                           Message("unknown font role; the roles are xiaobiaosong, "
                                   "fangsong, heiti, kaiti, songti"));
        }
        cfg.roles[role] = parseList(list, jsonPath(where, role));
      }
    } else if (key == "fallback") {
      cfg.fallback = parseList(value, where);
    } else if (key != "description") {
      throw InputError(where,
                       Message("unknown key; a font configuration has \"roles\" and \"fallback\""));
    }
  }
  return cfg;
}

void FontConfig::overlay(const FontConfig& user) {
  for (const auto& [role, list] : user.roles) roles[role] = list;
  if (!user.fallback.empty()) fallback = user.fallback;
}

void FontConfig::preferFile(const std::string& spec) {
  auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
    throw InputError("--font " + spec,
                     Message("expected ROLE=FILE, e.g. fangsong=/path/to/仿宋_GB2312.ttf"));
  }
  std::string role = spec.substr(0, eq);
  FontCandidate c;
  c.path = spec.substr(eq + 1);
  if (auto hash = c.path.rfind('#');
      hash != std::string::npos && hash + 1 < c.path.size() &&
      c.path.find_first_not_of("0123456789", hash + 1) == std::string::npos) {
    c.index = static_cast<unsigned>(std::stoul(c.path.substr(hash + 1)));
    c.path.resize(hash);
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(c.path, ec)) {
    throw FontError(Message("--font {0}: no such font file", spec));
  }
  if (role == "fallback") {
    fallback.insert(fallback.begin(), c);
    return;
  }
  const auto& known = knownFontRoles();
  if (std::find(known.begin(), known.end(), role) == known.end()) {
    throw InputError("--font " + spec, Message("unknown font role \"{0}\"; the roles are "
                                               "xiaobiaosong, fangsong, heiti, kaiti, songti, "
                                               "fallback",
                                               role));
  }
  roles[role].insert(roles[role].begin(), c);
}

}  // namespace gongwen
