#include "cli/CommandLine.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "cli/Console.h"
#include "cli/ServeCommand.h"
#include "render/OutputFormat.h"

namespace gongwen::cli {

const Message& usage() {
  static const Message text = Message(
      "gongwen — Chinese official documents (GB/T 9704-2012) to print-ready PDF\n"
      "\n"
      "Usage:\n"
      "  gongwen render INPUT.json [-o OUT.pdf] [--layout NAME] [--display-list FILE] [options]\n"
      "      Renders one record. INPUT '-' reads stdin; '-o -' writes stdout (never a\n"
      "      terminal); without -o the PDF goes beside the input (INPUT.pdf). -o may name a\n"
      "      device or a FIFO (/dev/null): it is written into, never replaced.\n"
      "      --display-list writes the laid-out pages as text (every item's font, size,\n"
      "      colour and position in mm).\n"
      "  gongwen batch DATA.csv|DATA.xlsx|DATA.json [--layout NAME] [-o OUT.pdf] [--duplex]\n"
      "                [--split DIR [--name-by FIELD]] [--strict] [--jobs N] [-q]\n"
      "                [--sheet NAME] [--set FIELD=VALUE]...\n"
      "      Renders many records: a spreadsheet (CSV in UTF-8 or GB18030, or an Excel .xlsx:\n"
      "      the first sheet or --sheet NAME; a header row naming the fields by name, Chinese\n"
      "      label or alias) or a JSON array of records. --set gives a value every record\n"
      "      shares (a seal path is relative to the working directory; a row's own value\n"
      "      wins). One merged PDF (fonts and art embedded once); --duplex\n"
      "      starts every record on an odd page; --split writes one PDF per record named by\n"
      "      FIELD (safe, unique names). Bad records are listed with row and field and the\n"
      "      others still print (exit 3); --strict stops at the first one and writes nothing.\n"
      "  gongwen printer set NAME --offset X,Y [--scale S] | printer list | printer remove NAME\n"
      "      Printer profiles for 套打 (one per printer or tray), kept in\n"
      "      $XDG_CONFIG_HOME/gongwen/printers.json (~/.config/gongwen/printers.json).\n"
      "  gongwen calibrate --layout NAME [-o SHEET.pdf] [--printer NAME]\n"
      "      A calibration sheet at the layout's page size: rulers, crosshairs at every box's\n"
      "      corners and instructions (in Chinese) for reading a printer's offset off a card.\n"
      "  gongwen list ROWS.xlsx|ROWS.csv --title TITLE [--sort given|strokes|pinyin]\n"
      "               [-o OUT.pdf] [--sheet NAME] [--set preamble=…]\n"
      "      One commendation list (表彰名单) from a register of one row per person or unit:\n"
      "      a group column (分组/类别/奖项), a name column (姓名/名称), optionally 单位 and\n"
      "      职务 (then each group is a table). Groups in the order they first appear.\n"
      "  gongwen fonts [--fonts CONFIG] [--font ROLE=FILE]\n"
      "      Shows which font file and face serves each role, and which candidates are missing.\n"
      "  gongwen layouts [--check [DIR]]\n"
      "      Lists the layouts and their fields; --check loads every layout file in DIR\n"
      "      (default: the data folder's) as the engine would and exits 2 at the first problem.\n"
      "  gongwen serve [--bind 127.0.0.1] [--port 8080] [--workers N] [--queue 64]\n"
      "                [--token-file FILE] [--max-body 10M] [--max-records 5000]\n"
      "                [--max-pages 500] [--time-limit 30] [--instance NAME]\n"
      "                [--trusted-proxy ADDR[/BITS],…] [--head-timeout 10] [--min-body-rate 8K]\n"
      "                [--max-connections 1024] [--max-client-connections 64]\n"
      "                [--drain-timeout 30]\n"
      "      HTTP service: POST /v1/render, POST /v1/batch, GET /v1/layouts,\n"
      "      /v1/openapi.json, /healthz, /metrics, and the web page at /. Loopback only unless "
      "--bind says otherwise;\n"
      "      SIGTERM stops accepting, closes connections without a complete request and\n"
      "      finishes the requests in flight (within --drain-timeout).\n"
      "\n"
      "Options:\n"
      "  --layout NAME            use this layout (overrides the input's \"layout\")\n"
      "  --format pdf|ofd         the output's format (default: from -o's extension, else\n"
      "                           PDF); OFD is GB/T 33190-2016\n"
      "  --fonts CONFIG           a font configuration file (same form as fonts/fonts.json)\n"
      "  --font ROLE=FILE[#N]     put FILE (face N of a collection) first for ROLE\n"
      "                           (xiaobiaosong, fangsong, heiti, kaiti, songti, fallback)\n"
      "  --overlay                套打: leave out what the card carries (art, title, seal);\n"
      "                           everything else prints exactly where the full page has it\n"
      "  --offset X,Y             move everything printed X mm right and Y mm down\n"
      "  --scale S                scale the page about its top-left corner (0.99: 1 % smaller)\n"
      "  --printer NAME           a saved printer profile's offset and scale (--offset and\n"
      "                           --scale given as well override it)\n"
      "  --no-normalize           keep half-width punctuation and straight quotes as typed\n"
      "  --allow-missing-glyphs   a character no font has is a warning, not an error\n"
      "  --data-dir DIR           where layouts/ and fonts/ are (default: $GONGWEN_DATA_DIR,\n"
      "                           else ../share/gongwen beside the installed program)\n"
      "  -h, --help               this text;  --version  the version\n"
      "\n"
      "Exit status: 0 done, 2 bad input or an output that cannot be written (the message\n"
      "names the file, field or character), 3 batch printed with some bad records (listed),\n"
      "1 internal error.\n");
  return text;
}

OutputFormat outputFormatOf(const CommandLine& cl, const std::string& output) {
  if (!cl.format.empty()) return parseOutputFormat(cl.format).value_or(OutputFormat::Pdf);
  return formatOfPath(output);
}

CommandLine parseCommandLine(int argc, char** argv) {
  CommandLine cl;
  cl.language = languageOfEnvironment();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) throw UsageError(Message("no command given"));
  auto value = [&](size_t& i, const std::string& name) -> std::string {
    if (i + 1 >= args.size()) throw UsageError(Message("{0} needs a value", name));
    // An empty value ("--split ''", "-o ''") is a mistake in a script, never a choice.
    if (args[i + 1].empty()) {
      throw UsageError(Message("{0} needs a value, found an empty one", name));
    }
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
    } else if (a == "--display-list") {
      cl.displayList = value(i, a);
    } else if (a == "--check") {
      cl.checkLayouts = true;
    } else if (a == "--format") {
      cl.format = value(i, a);
      if (!parseOutputFormat(cl.format)) throw UsageError(Message("--format takes pdf or ofd"));
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
    } else if (a == "--sheet") {
      cl.sheet = value(i, a);
    } else if (a == "--set") {
      cl.sets.push_back(value(i, a));
    } else if (a == "--title") {
      cl.title = value(i, a);
    } else if (a == "--sort") {
      cl.sort = value(i, a);
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
        throw UsageError(Message("{0} needs a number from 1 to 256", a));
      cl.jobs = static_cast<unsigned>(n);
    } else if (a == "--overlay") {
      cl.overlay = true;
    } else if (a == "--offset") {
      cl.offset = value(i, a);
    } else if (a == "--scale") {
      cl.scale = value(i, a);
    } else if (a == "--printer") {
      cl.printer = value(i, a);
    } else if (a == "--no-normalize") {
      cl.normalize = false;
    } else if (a == "--allow-missing-glyphs") {
      cl.allowMissingGlyphs = true;
    } else if (std::find(kServeOptions.begin(), kServeOptions.end(), a) != kServeOptions.end()) {
      cl.serveOptions[a] = value(i, a);
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      throw UsageError(Message("unknown option {0}", a));
    } else if (a.empty()) {
      throw UsageError(cl.command.empty() ? Message("the command is an empty argument")
                                          : Message("an input file name is empty"));
    } else if (cl.command.empty()) {
      cl.command = a;
    } else {
      cl.inputs.push_back(a);
    }
  }
  return cl;
}

}  // namespace gongwen::cli
