// The gongwen command line: options shared by the subcommands.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/Message.h"
#include "render/EngineFactory.h"
#include "render/OutputFormat.h"

namespace gongwen::cli {

struct CommandLine {
  Language language = Language::Chinese;  // of the messages: the locale's (cli/Console.h)
  std::string command;                    // render, fonts, layouts, help, version
  std::vector<std::string> inputs;        // positional arguments after the command
  std::string output;                     // -o
  std::string layout;                     // --layout
  std::string format;                     // --format pdf|ofd (else from -o's extension)
  bool normalize = true;                  // --no-normalize turns it off
  bool allowMissingGlyphs = false;        // --allow-missing-glyphs
  EngineSettings engine;                  // --data-dir, --fonts, --font
  std::string displayList;                // --display-list FILE: the laid-out pages as text
  bool checkLayouts = false;              // layouts --check [DIR]
  // batch
  std::string splitDir;  // --split DIR: one PDF per record
  std::string nameBy;    // --name-by FIELD: how those files are named
  bool duplex = false;   // --duplex: every record starts on an odd page
  bool strict = false;   // --strict: stop at the first bad record, write nothing
  bool quiet = false;    // -q, --quiet: no progress bar, no summary
  unsigned jobs = 0;     // --jobs N: threads (0 = one per core)
  // 套打 (render, batch, calibrate; cli/PrinterCommands.cpp)
  bool overlay = false;           // --overlay: only what the office prints
  std::string offset;             // --offset X,Y (mm, X right, Y down)
  std::string scale;              // --scale S
  std::string printer;            // --printer NAME: a saved profile's offset and scale
  std::string sheet;              // --sheet NAME: the worksheet of an .xlsx (default: first)
  std::vector<std::string> sets;  // --set FIELD=VALUE: a value every record shares
  // list
  std::string title;  // --title TITLE: the commendation list's title
  std::string sort;   // --sort given|strokes|pinyin
  // serve's options and their values ("--port" → "8080"), read by ServeCommand.cpp.
  std::map<std::string, std::string> serveOptions;
};

// Throws UsageError for unknown options or missing values.
struct UsageError : std::runtime_error {
  explicit UsageError(Message m) : std::runtime_error(m.english()), message(std::move(m)) {}
  Message message;
};
CommandLine parseCommandLine(int argc, char** argv);

// --format when given, else the output file's extension (.ofd), else PDF.
OutputFormat outputFormatOf(const CommandLine& cl, const std::string& output);

// gongwen --help.
const Message& usage();

}  // namespace gongwen::cli
