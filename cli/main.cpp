// gongwen: a thin front end over the engine. Exit 0 done, 2 bad input, 1 our fault.
#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/BatchCommand.h"
#include "cli/CommandLine.h"
#include "cli/Commands.h"
#include "cli/Console.h"
#include "cli/ListCommand.h"
#include "cli/PrinterCommands.h"
#include "cli/ServeCommand.h"
#include "common/Errors.h"

int main(int argc, char** argv) {
  using namespace gongwen;
  const Language language = cli::languageOfEnvironment();
  try {
    cli::CommandLine cl = cli::parseCommandLine(argc, argv);
    if (cl.command == "help") {
      std::cout << cli::usage().text(cl.language);
      return 0;
    }
    if (cl.command == "version") {
      std::cout << "gongwen " << GONGWEN_VERSION << "\n";
      return 0;
    }
    if (cl.command == "render") return cli::runRender(cl);
    if (cl.command == "batch") return cli::runBatch(cl);
    if (cl.command == "list") return cli::runList(cl);
    if (cl.command == "fonts") return cli::runFonts(cl);
    if (cl.command == "layouts") return cli::runLayouts(cl);
    if (cl.command == "serve") return cli::runServe(cl);
    if (cl.command == "printer") return cli::runPrinter(cl);
    if (cl.command == "calibrate") return cli::runCalibrate(cl);
    throw cli::UsageError(Message("unknown command \"{0}\"", cl.command));
  } catch (const cli::UsageError& e) {
    cli::tell(language, e.message);
    std::cerr << "\n" << cli::usage().text(language);
    return 2;
  } catch (const InputError& e) {
    cli::tell(language, Message::verbatim(e.text(language)));
    return 2;
  } catch (const FontError& e) {
    cli::tell(language, Message::verbatim(e.text(language)));
    return 2;
  } catch (const std::exception& e) {
    cli::tell(language, Message("internal error: {0}", e.what()));
    return 1;
  }
}
