#include "fonts/FontFamilyCache.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <fontconfig/fontconfig.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/AtomicFile.h"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

// FNV-1a, 64 bits: enough to notice a change, not a security measure.
struct Fingerprint {
  uint64_t h = 1469598103934665603ull;
  void add(const std::string& s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  }
};

void addFolder(Fingerprint& f, const std::string& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    f.add(dir + " absent");
    return;
  }
  f.add(dir + " " + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec));
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec) || ::stat(it->path().c_str(), &st) != 0) continue;
    f.add(it->path().string() + " " + std::to_string(st.st_mtim.tv_sec) + "." +
          std::to_string(st.st_mtim.tv_nsec));
  }
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

std::string fontFoldersFingerprint(const std::vector<std::string>& fontDirs) {
  Fingerprint f;
  f.add("fontconfig " + std::to_string(FcGetVersion()));
  f.add("FONTCONFIG_FILE=" + env("FONTCONFIG_FILE"));
  f.add("FONTCONFIG_PATH=" + env("FONTCONFIG_PATH"));
  addFolder(f, "/etc/fonts");
  for (const auto& dir : fontDirs) addFolder(f, dir);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(f.h));
  return hex;
}

std::string defaultFontCacheFile() {
  const std::string own = env("GONGWEN_FONT_CACHE");
  if (own == "off") return "";
  if (!own.empty()) return own;
  const std::string xdg = env("XDG_CACHE_HOME");
  if (!xdg.empty()) return xdg + "/gongwen/font-families.json";
  const std::string home = env("HOME");
  return home.empty() ? "" : home + "/.cache/gongwen/font-families.json";
}

FontFamilyCache::FontFamilyCache(std::string file) : file_(std::move(file)) {
  if (file_.empty()) return;
  std::ifstream in(file_);
  if (!in) return;
  std::stringstream text;
  text << in.rdbuf();
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>();
    std::vector<std::string> dirs;
    for (const auto& d : *root->getArray("dirs")) dirs.push_back(d.toString());
    if (root->getValue<std::string>("fingerprint") != fontFoldersFingerprint(dirs)) return;
    auto families = root->getObject("families");
    for (const auto& name : families->getNames()) {
      auto v = families->get(name);
      if (v.isEmpty()) {
        families_[name] = std::nullopt;
        continue;
      }
      auto o = v.extract<Poco::JSON::Object::Ptr>();
      FoundFont found{o->getValue<std::string>("path"), o->getValue<unsigned>("index")};
      struct stat st {};
      if (::stat(found.path.c_str(), &st) != 0) return;  // a font went away: start afresh
      families_[name] = found;
    }
    dirs_ = std::move(dirs);
  } catch (const std::exception&) {
    families_.clear();  // unreadable: it is only a cache
  }
}

std::optional<std::optional<FoundFont>> FontFamilyCache::lookup(const std::string& family) const {
  auto it = families_.find(family);
  if (it == families_.end()) return std::nullopt;
  return it->second;
}

void FontFamilyCache::remember(const std::string& family, const std::optional<FoundFont>& found,
                               const std::vector<std::string>& fontDirs) {
  families_[family] = found;
  dirs_ = fontDirs;
  changed_ = true;
}

void FontFamilyCache::save() const {
  if (file_.empty() || !changed_) return;
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  Poco::JSON::Array::Ptr dirs = new Poco::JSON::Array;
  for (const auto& d : dirs_) dirs->add(d);
  root.set("fingerprint", fontFoldersFingerprint(dirs_));
  root.set("dirs", dirs);
  Poco::JSON::Object::Ptr families = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [name, found] : families_) {
    if (!found) {
      families->set(name, Poco::Dynamic::Var());
      continue;
    }
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("path", found->path);
    o->set("index", found->index);
    families->set(name, o);
  }
  root.set("families", families);
  std::ostringstream out;
  root.stringify(out, 1);
  const std::string text = out.str() + "\n";
  try {
    std::error_code ec;
    fs::create_directories(fs::path(file_).parent_path(), ec);
    writeFileAtomically(file_, std::vector<uint8_t>(text.begin(), text.end()));
  } catch (const std::exception&) {
    // A cache that cannot be written costs only the next run's fontconfig start-up.
  }
}

}  // namespace gongwen
