#include "cli/CommandLine.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "cli/ServeCommand.h"

namespace gongwen::cli {

const char* const kUsage =
    "gongwen — Chinese official documents (GB/T 9704-2012) to print-ready PDF\n"
    "\n"
    "Usage:\n"
    "  gongwen render INPUT.json [-o OUT.pdf] [--layout NAME] [options]\n"
    "      Renders one record. INPUT '-' reads stdin; '-o -' writes stdout; without -o\n"
    "      the PDF goes beside the input (INPUT.pdf).\n"
    "  gongwen batch DATA.csv|DATA.json [--layout NAME] [-o OUT.pdf] [--duplex]\n"
    "                [--split DIR [--name-by FIELD]] [--strict] [--jobs N] [-q]\n"
    "      Renders many records: a CSV (header row of field names; UTF-8 or GB18030) or a\n"
    "      JSON array of records. One merged PDF (fonts and art embedded once); --duplex\n"
    "      starts every record on an odd page; --split writes one PDF per record named by\n"
    "      FIELD (safe, unique names). Bad records are listed with row and field and the\n"
    "      others still print (exit 3); --strict stops at the first one and writes nothing.\n"
    "  gongwen fonts [--fonts CONFIG] [--font ROLE=FILE]\n"
    "      Shows which font file and face serves each role, and which candidates are missing.\n"
    "  gongwen layouts\n"
    "      Lists the layouts and their fields.\n"
    "  gongwen serve [--bind 127.0.0.1] [--port 8080] [--workers N] [--queue 64]\n"
    "                [--token-file FILE] [--max-body 10M] [--max-records 5000]\n"
    "                [--max-pages 500] [--time-limit 30] [--instance NAME]\n"
    "      HTTP service: POST /v1/render, POST /v1/batch, GET /v1/layouts,\n"
    "      /v1/openapi.json, /healthz, /metrics, and the web page at /. Loopback only\n"
    "      unless --bind says otherwise;\n"
    "      SIGTERM stops accepting and finishes the requests in flight.\n"
    "\n"
    "Options:\n"
    "  --layout NAME            use this layout (overrides the input's \"layout\")\n"
    "  --fonts CONFIG           a font configuration file (same form as fonts/fonts.json)\n"
    "  --font ROLE=FILE[#N]     put FILE (face N of a collection) first for ROLE\n"
    "                           (xiaobiaosong, fangsong, heiti, kaiti, songti, fallback)\n"
    "  --no-normalize           keep half-width punctuation and straight quotes as typed\n"
    "  --allow-missing-glyphs   a character no font has is a warning, not an error\n"
    "  --data-dir DIR           where layouts/ and fonts/ are (default: $GONGWEN_DATA_DIR,\n"
    "                           else ../share/gongwen beside the installed program)\n"
    "  -h, --help               this text;  --version  the version\n"
    "\n"
    "Exit status: 0 done, 2 bad input (the message names the file, field or character),\n"
    "3 batch printed with some bad records (listed), 1 internal error.\n";

CommandLine parseCommandLine(int argc, char** argv) {
  CommandLine cl;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) throw UsageError("no command given");
  auto value = [&](size_t& i, const std::string& name) -> std::string {
    if (i + 1 >= args.size()) throw UsageError(name + " needs a value");
    return args[++i];
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      cl.command = "help";
      return cl;
    } else if (a == "--version") {
      cl.command = "version";
      return cl;
    } else if (a == "-o" || a == "--output") {
      cl.output = value(i, a);
    } else if (a == "--layout") {
      cl.layout = value(i, a);
    } else if (a == "--fonts") {
      cl.engine.fontsConfig = value(i, a);
    } else if (a == "--font") {
      cl.engine.fontOverrides.push_back(value(i, a));
    } else if (a == "--data-dir") {
      cl.engine.dataDir = value(i, a);
    } else if (a == "--split") {
      cl.splitDir = value(i, a);
    } else if (a == "--name-by") {
      cl.nameBy = value(i, a);
    } else if (a == "--duplex") {
      cl.duplex = true;
    } else if (a == "--strict") {
      cl.strict = true;
    } else if (a == "-q" || a == "--quiet") {
      cl.quiet = true;
    } else if (a == "--jobs" || a == "-j") {
      const std::string v = value(i, a);
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end || n < 1 || n > 256)
        throw UsageError(a + " needs a number from 1 to 256");
      cl.jobs = static_cast<unsigned>(n);
    } else if (a == "--no-normalize") {
      cl.normalize = false;
    } else if (a == "--allow-missing-glyphs") {
      cl.allowMissingGlyphs = true;
    } else if (std::find(kServeOptions.begin(), kServeOptions.end(), a) != kServeOptions.end()) {
      cl.serveOptions[a] = value(i, a);
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      throw UsageError("unknown option " + a);
    } else if (cl.command.empty()) {
      cl.command = a;
    } else {
      cl.inputs.push_back(a);
    }
  }
  return cl;
}

}  // namespace gongwen::cli
