#include "fonts/FontRegistry.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "common/Errors.h"
#include "fonts/SystemFontFinder.h"

namespace gongwen {
namespace {

bool isFile(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Loads each (file, face) once and each file's bytes once.
class FontLoader {
 public:
  FontPtr resolve(const FontCandidate& c) {
    std::string path = c.path;
    std::optional<unsigned> index = c.index;
    if (path.empty()) {
      auto found = finder_.find(c.family);
      if (!found) return nullptr;
      path = found->path;
      index = found->index;
    } else if (!isFile(path)) {
      return nullptr;
    }
    auto file = mapped(path);
    if (!index) {
      index = 0;
      if (!c.family.empty()) {
        unsigned n = Font::faceCount(*file, path);
        bool matched = false;
        for (unsigned i = 0; i < n && !matched; ++i) {
          if (Font::familyNameOf(*file, i) == c.family) index = i, matched = true;
        }
        if (!matched) return nullptr;
      }
    }
    auto key = path + "#" + std::to_string(*index);
    auto it = fonts_.find(key);
    if (it != fonts_.end()) return it->second;
    return fonts_[key] = Font::load(file, path, *index);
  }

 private:
  std::shared_ptr<const MappedFile> mapped(const std::string& path) {
    auto it = files_.find(path);
    if (it != files_.end()) return it->second;
    try {
      return files_[path] = std::make_shared<const MappedFile>(path);
    } catch (const std::exception& e) {
      throw FontError(Message("cannot read font {0}", e.what()));
    }
  }

  SystemFontFinder finder_;
  std::map<std::string, std::shared_ptr<const MappedFile>> files_;
  std::map<std::string, FontPtr> fonts_;
};

}  // namespace

std::shared_ptr<const FontRegistry> FontRegistry::create(const FontConfig& config) {
  auto registry = std::make_shared<FontRegistry>();
  FontLoader loader;
  for (const auto& role : knownFontRoles()) {
    RoleResolution r;
    r.role = role;
    auto it = config.roles.find(role);
    if (it != config.roles.end()) {
      for (const auto& c : it->second) {
        if (r.font) {  // a later candidate: an alternate when it is here
          FontPtr alternate = loader.resolve(c);
          if (!alternate || alternate == r.font) continue;
          if (std::find(r.alternates.begin(), r.alternates.end(), alternate) != r.alternates.end())
            continue;
          r.alternates.push_back(alternate);
          r.alternatesChosen.push_back(c.describe());
        } else if ((r.font = loader.resolve(c))) {
          r.chosen = c.describe();
        } else {
          r.notFound.push_back(c.describe());
        }
      }
    }
    if (r.font) {
      auto& alternates = registry->alternates_[r.font.get()];
      for (const auto& a : r.alternates) {
        if (std::find(alternates.begin(), alternates.end(), a) == alternates.end())
          alternates.push_back(a);
      }
    }
    registry->resolutions_.push_back(std::move(r));
  }
  for (const auto& c : config.fallback) {
    RoleResolution r;
    r.role = "fallback";
    if ((r.font = loader.resolve(c))) {
      r.chosen = c.describe();
      registry->fallback_.push_back(r.font);
    } else {
      r.notFound.push_back(c.describe());
    }
    registry->resolutions_.push_back(std::move(r));
  }
  return registry;
}

const std::vector<FontPtr>& FontRegistry::alternatesOf(const Font& font) const {
  static const std::vector<FontPtr> none;
  auto it = alternates_.find(&font);
  return it == alternates_.end() ? none : it->second;
}

const FontPtr& FontRegistry::font(std::string_view role) const {
  for (const auto& r : resolutions_) {
    if (r.role != role) continue;
    if (!r.font) {
      throw FontError(
          Message("no font found for role \"{0}\" (tried: {1}); install one or "
                  "point the role at a file with --font {0}=FILE",
                  role, joinedNames(r.notFound)));
    }
    return r.font;
  }
  throw InputError("", Message("unknown font role \"{0}\"; the roles are xiaobiaosong, "
                               "fangsong, heiti, kaiti, songti",
                               role));
}

}  // namespace gongwen
