#include "render/EngineReports.h"

#include "layout/FlowElements.h"
#include "model/LayoutCatalog.h"

namespace gongwen {

FontsReport describeFonts(const EngineSettings& settings, Language language) {
  auto registry = FontRegistry::create(resolveFontConfig(settings));
  auto describe = [&](const Font& f) {
    std::string family = f.familyName();
    if (!f.styleName().empty()) family.append(" ").append(f.styleName());
    return Message("{0} face {1} ({2}, {3} outlines)", f.path(), f.faceIndex(), family,
                   f.outlineFormat() == OutlineFormat::Cff ? "CFF" : "TrueType")
        .text(language);
  };
  auto line = [&](const Message& m) { return m.text(language) + "\n"; };
  FontsReport report;
  std::string& out = report.text;
  bool fallbackHeader = false;
  int fallbackIndex = 0;
  for (const auto& r : registry->resolutions()) {
    if (r.role == "fallback") {
      if (!fallbackHeader)
        out += line(Message("fallback chain (for characters a role's font lacks):"));
      fallbackHeader = true;
      if (r.font) {
        out.append("  ")
            .append(std::to_string(++fallbackIndex))
            .append(". ")
            .append(describe(*r.font))
            .append("\n");
      } else {
        for (const auto& n : r.notFound)
          out.append("     ").append(line(Message("not found {0}", n)));
      }
      continue;
    }
    out += r.role + ":\n";
    if (r.font) {
      out.append("  ").append(line(Message("uses      {0}", describe(*r.font))));
      for (const auto& a : r.alternates) {
        out.append("  ").append(
            line(Message("then      {0}, for characters the font above lacks", describe(*a))));
      }
    } else {
      report.everyRoleServed = false;
      out.append("  ").append(line(Message("uses      NOTHING: no candidate is installed")));
    }
    for (const auto& n : r.notFound) out.append("  ").append(line(Message("not found {0}", n)));
  }
  return report;
}

namespace {

// A field's type as `gongwen layouts` shows it: the word of the layout file in English, what
// it holds in Chinese.
Message fieldType(const std::string& type) {
  if (type == "string") return Message("string");
  if (type == "text") return Message("text");
  if (type == "date") return Message("date");
  if (type == "list") return Message("list");
  if (type == "image") return Message("image");
  if (type == "json") return Message("json");
  return Message::verbatim(type);
}

}  // namespace

std::string describeLayouts(const EngineSettings& settings, Language language) {
  const std::string dir = (settings.dataDir.empty() ? dataDirectory() : settings.dataDir);
  auto catalog = LayoutCatalog::loadDirectory(dir + "/layouts", flowElementKinds());
  std::string out;
  for (const auto& name : catalog->names()) {
    const Layout& l = catalog->get(name);
    out += Message("{0} — {1}", name, l.label).text(language) + "\n";
    for (const auto& f : l.fields) {
      const Message line =
          f.required ? Message("{0} (required) : {1} — {2}", f.name, fieldType(f.type), f.label)
                     : Message("{0} : {1} — {2}", f.name, fieldType(f.type), f.label);
      out += "  " + line.text(language) + "\n";
    }
  }
  return out;
}

std::string checkLayouts(const EngineSettings& settings, const std::string& dir,
                         Language language) {
  const std::string folder =
      dir.empty() ? (settings.dataDir.empty() ? dataDirectory() : settings.dataDir) + "/layouts"
                  : dir;
  auto catalog = LayoutCatalog::loadDirectory(folder, flowElementKinds());
  auto fonts = FontRegistry::create(resolveFontConfig(settings));
  Engine engine(fonts, catalog);  // compiles every layout's boxes and art
  const size_t n = catalog->names().size();
  const Message checked = n == 1 ? Message("{0}: 1 layout checked, no problem", folder)
                                 : Message("{0}: {1} layouts checked, no problem", folder, n);
  return checked.text(language) + "\n";
}

}  // namespace gongwen
