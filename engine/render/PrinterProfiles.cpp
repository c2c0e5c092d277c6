#include "render/PrinterProfiles.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "common/AtomicFile.h"
#include "common/Errors.h"
#include "common/Json.h"
#include "model/LayoutCatalog.h"

namespace gongwen {
namespace {

double numberAt(const Poco::Dynamic::Var& v, const std::string& where) {
  if (!v.isNumeric()) throw InputError(where, Message("must be a number, found {0}", jsonType(v)));
  return v.convert<double>();
}

PrinterProfile parseProfile(const Poco::JSON::Object::Ptr& obj, const std::string& where) {
  PrinterProfile p;
  for (const auto& [key, value] : *obj) {
    if (key != "offset_mm" && key != "scale") {
      throw InputError(where + "." + key,
                       Message("unknown key (a profile has offset_mm and scale)"));
    }
  }
  if (obj->has("offset_mm")) {
    auto arr = obj->getArray("offset_mm");
    if (!arr || arr->size() != 2) {
      throw InputError(where + ".offset_mm",
                       Message("must be [X, Y] in millimetres (X right, Y down)"));
    }
    p.offsetXMm = numberAt(arr->get(0), where + ".offset_mm[0]");
    p.offsetYMm = numberAt(arr->get(1), where + ".offset_mm[1]");
  }
  if (obj->has("scale")) p.scale = numberAt(obj->get("scale"), where + ".scale");
  PrintAdjust check;
  applyProfile(p, check);
  checkPrintAdjust(check, where);
  return p;
}

}  // namespace

std::string PrinterProfiles::defaultPath() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/gongwen/printers.json";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.config/gongwen/printers.json";
}

PrinterProfiles PrinterProfiles::load(const std::string& path) {
  PrinterProfiles out;
  out.path_ = path;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) && !ec) return out;
  const std::string text = readFile(path);  // InputError naming the file
  Poco::JSON::Object::Ptr root;
  try {
    root = parseJsonObject(text, path);
  } catch (const InputError& e) {
    throw InputError(path, Message("the printer profiles cannot be read: {0}", e.messageText()));
  }
  try {
    if (!root->has("printers")) return out;
    auto printers = root->getObject("printers");
    if (!printers) throw InputError("$.printers", Message("must be an object of named profiles"));
    for (const auto& [name, value] : *printers) {
      auto obj = printers->getObject(name);
      if (!obj) throw InputError("$.printers." + name, Message("must be an object"));
      out.profiles_[name] = parseProfile(obj, "$.printers." + name);
    }
  } catch (const InputError& e) {
    throw InputError(Message("{0}: {1}", Message::verbatim(path), e.whereMessage()),
                     e.messageText());
  }
  return out;
}

void PrinterProfiles::save() const {
  Poco::JSON::Object::Ptr printers = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [name, p] : profiles_) {
    Poco::JSON::Object::Ptr obj = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Array::Ptr offset = new Poco::JSON::Array;
    offset->add(p.offsetXMm);
    offset->add(p.offsetYMm);
    obj->set("offset_mm", offset);
    obj->set("scale", p.scale);
    printers->set(name, obj);
  }
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("printers", printers);
  std::ostringstream text;
  root.stringify(text, 2);
  text << "\n";
  const std::string s = text.str();
  std::error_code ec;
  const auto folder = std::filesystem::path(path_).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  if (ec) throw InputError(folder.string(), Message("cannot make the folder: {0}", ec.message()));
  try {
    writeFileAtomically(path_, std::vector<uint8_t>(s.begin(), s.end()));
  } catch (const InputError& e) {
    throw InputError(path_, Message("cannot write the printer profiles: {0}", e.messageText()));
  } catch (const std::exception& e) {
    throw InputError(
        path_, Message("cannot write the printer profiles: {0}", Message::verbatim(e.what())));
  }
}

const PrinterProfile& PrinterProfiles::get(const std::string& name) const {
  auto it = profiles_.find(name);
  if (it != profiles_.end()) return it->second;
  std::vector<std::string> known;
  for (const auto& [n, p] : profiles_) known.push_back(n);
  throw InputError("--printer",
                   Message("no printer profile \"{0}\" in {1}; known: {2}", name, path_,
                           known.empty() ? Message("none (gongwen printer set NAME --offset X,Y)")
                                         : joinedNames(known)));
}

void PrinterProfiles::set(const std::string& name, const PrinterProfile& profile) {
  if (name.empty()) throw InputError("NAME", Message("a printer profile needs a name"));
  PrintAdjust check;
  applyProfile(profile, check);
  checkPrintAdjust(check, "printer " + name);
  profiles_[name] = profile;
}

bool PrinterProfiles::remove(const std::string& name) { return profiles_.erase(name) > 0; }

void applyProfile(const PrinterProfile& profile, PrintAdjust& adjust) {
  adjust.offsetXMm = profile.offsetXMm;
  adjust.offsetYMm = profile.offsetYMm;
  adjust.scale = profile.scale;
}

}  // namespace gongwen
