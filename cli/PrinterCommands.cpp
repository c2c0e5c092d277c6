#include "cli/PrinterCommands.h"

#include <cstdio>
#include <iostream>

#include "cli/Console.h"
#include "common/AtomicFile.h"
#include "common/Errors.h"
#include "render/CalibrationSheet.h"
#include "render/EngineFactory.h"
#include "render/PrinterProfiles.h"

namespace gongwen::cli {
namespace {

std::string mm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

PrintAdjust printAdjustOf(const CommandLine& cl) {
  PrintAdjust adjust;
  adjust.overlay = cl.overlay;
  if (!cl.printer.empty()) {
    applyProfile(PrinterProfiles::load(PrinterProfiles::defaultPath()).get(cl.printer), adjust);
  }
  if (!cl.offset.empty()) parseOffset(cl.offset, adjust, "--offset");
  if (!cl.scale.empty()) adjust.scale = parseScale(cl.scale, "--scale");
  checkPrintAdjust(adjust, cl.offset.empty() && cl.scale.empty() ? "--printer" : "--offset");
  return adjust;
}

int runPrinter(const CommandLine& cl) {
  const std::string verb = cl.inputs.empty() ? "" : cl.inputs[0];
  PrinterProfiles profiles = PrinterProfiles::load(PrinterProfiles::defaultPath());
  if (verb == "list" && cl.inputs.size() == 1) {
    if (profiles.all().empty()) {
      std::cout << Message(
                       "no printer profiles in {0} (gongwen printer set NAME --offset X,Y "
                       "[--scale S])",
                       profiles.path())
                       .text(cl.language)
                << "\n";
      return 0;
    }
    for (const auto& [name, p] : profiles.all()) {
      const Message offset = Message("offset {0},{1} mm", mm(p.offsetXMm), mm(p.offsetYMm));
      std::cout << name << "  "
                << (p.scale != 1 ? Message("{0}  scale {1}", offset, mm(p.scale)) : offset)
                       .text(cl.language)
                << "\n";
    }
    return 0;
  }
  if (verb == "set" && cl.inputs.size() == 2) {
    if (cl.offset.empty() && cl.scale.empty()) {
      throw UsageError(Message("printer set NAME needs --offset X,Y and/or --scale S"));
    }
    PrinterProfile p;
    PrintAdjust adjust;
    if (!cl.offset.empty()) parseOffset(cl.offset, adjust, "--offset");
    if (!cl.scale.empty()) adjust.scale = parseScale(cl.scale, "--scale");
    checkPrintAdjust(adjust, "--offset");
    p.offsetXMm = adjust.offsetXMm;
    p.offsetYMm = adjust.offsetYMm;
    p.scale = adjust.scale;
    profiles.set(cl.inputs[1], p);
    profiles.save();
    std::cout << Message("saved {0} in {1}", cl.inputs[1], profiles.path()).text(cl.language)
              << "\n";
    return 0;
  }
  if (verb == "remove" && cl.inputs.size() == 2) {
    profiles.get(cl.inputs[1]);  // unknown: the error lists the known ones
    profiles.remove(cl.inputs[1]);
    profiles.save();
    std::cout << Message("removed {0} from {1}", cl.inputs[1], profiles.path()).text(cl.language)
              << "\n";
    return 0;
  }
  throw UsageError(
      Message("printer takes: set NAME --offset X,Y [--scale S] | list | remove NAME"));
}

int runCalibrate(const CommandLine& cl) {
  if (cl.layout.empty())
    throw UsageError(Message("calibrate needs --layout NAME (a certificate layout)"));
  if (!cl.inputs.empty())
    throw UsageError(Message("calibrate takes no INPUT; name the layout with --layout"));
  auto engine = makeEngine(cl.engine);
  PrintAdjust adjust = printAdjustOf(cl);
  const std::vector<uint8_t> pdf = calibrationSheetPdf(*engine, cl.layout, adjust);
  const std::string output = cl.output.empty() ? "calibrate-" + cl.layout + ".pdf" : cl.output;
  if (output == "-") {
    std::cout.write(reinterpret_cast<const char*>(pdf.data()),
                    static_cast<std::streamsize>(pdf.size()));
    return std::cout ? 0 : 1;
  }
  writeFileAtomically(output, pdf);
  tell(cl.language, Message("wrote {0} — print it at 100 % (实际大小) on plain paper", output));
  return 0;
}

}  // namespace gongwen::cli
