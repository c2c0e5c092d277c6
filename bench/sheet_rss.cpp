// The memory figure of the xlsx reader: writes N rows as a workbook, then reads one with
// the rows dropped as they come (the reader's own memory) or kept as batch records, to be
// run under /usr/bin/time -v (peak RSS, "Maximum resident set size"):
//   build/bench/sheet_rss write 100000 /tmp/rows.xlsx [inline]
//   /usr/bin/time -v build/bench/sheet_rss read /tmp/rows.xlsx rows|records
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "SheetWorkbook.h"
#include "batch/SheetTable.h"
#include "batch/XlsxReader.h"
#include "render/EngineFactory.h"

int main(int argc, char** argv) {
  using namespace gongwen;
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "write" && argc >= 4) {
    const bool inlineStrings = argc > 4 && std::string(argv[4]) == "inline";
    std::ofstream(argv[3], std::ios::binary) << bench::xlsxRows(std::atoi(argv[2]), inlineStrings);
    return 0;
  }
  if (mode == "read" && argc >= 4) {
    std::ifstream in(argv[2], std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t rows = 0;
    if (std::string(argv[3]) == "rows") {
      XlsxLimits limits;
      limits.maxRows = 0;
      readXlsx(bytes, argv[2], limits, [&](const SheetRows&, SheetRow&) { return ++rows, true; });
    } else {
      const std::shared_ptr<const Engine> engine = makeEngine(EngineSettings{});
      SheetOptions options;
      options.maxRows = 0;
      rows = itemsFromSheet(bytes, argv[2], engine->layouts().get("certificate"), options)
                 .items.size();
    }
    std::printf("%zu rows\n", rows);
    return 0;
  }
  std::fprintf(stderr, "usage: sheet_rss write N OUT.xlsx [inline] | read IN.xlsx rows|records\n");
  return 2;
}
