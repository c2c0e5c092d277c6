// Reading a spreadsheet into batch records: 10 000 certificate rows as an .xlsx (shared
// strings, date cells, numbers — as Excel writes them) against the same rows as CSV (the
// records are freed outside the timing: that is the same for both):
//   build/bench/gongwen_bench --benchmark_filter=Sheet --benchmark_repetitions=5
//     --benchmark_report_aggregates_only=true
#include <Poco/Zip/Compress.h>
#include <benchmark/benchmark.h>

#include <memory>
#include <sstream>

#include "batch/SheetTable.h"
#include "render/EngineFactory.h"

namespace {

using namespace gongwen;

constexpr int kRows = 10000;

const Layout& certificate() {
  static const std::shared_ptr<const Engine> e = makeEngine(EngineSettings{});
  return e->layouts().get("certificate");
}

const std::string kCitation = "荣获2011年度南京市质量奖。特发此状，以资鼓励。";
const std::string kIssuer = "南京市人民政府";

std::string csvRows() {
  std::string csv = "获奖单位或个人,奖励事由,颁奖单位,颁奖日期,证书编号\n";
  for (int r = 0; r < kRows; ++r) {
    csv += "南京第" + std::to_string(r) + "精密机械有限公司," + kCitation + "," + kIssuer +
           ",2012-06-13," + std::to_string(100000 + r) + "\n";
  }
  return csv;
}

std::string xlsxRows() {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::string strings = "<sst xmlns=\"" + ns +
                        "\"><si><t>获奖单位或个人</t></si><si><t>奖励事由</t></si>"
                        "<si><t>颁奖单位</t></si><si><t>颁奖日期</t></si><si><t>证书编号</t></si>"
                        "<si><t>" +
                        kCitation + "</t></si><si><t>" + kIssuer + "</t></si>";
  std::string sheet = "<worksheet xmlns=\"" + ns + "\"><sheetData><row r=\"1\">";
  const char* cols = "ABCDE";
  for (int c = 0; c < 5; ++c) {
    sheet += std::string("<c r=\"") + cols[c] + "1\" t=\"s\"><v>" + std::to_string(c) + "</v></c>";
  }
  sheet += "</row>";
  for (int r = 0; r < kRows; ++r) {
    const std::string n = std::to_string(r + 2);
    strings += "<si><t>南京第" + std::to_string(r) + "精密机械有限公司</t></si>";
    sheet += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"s\"><v>" + std::to_string(7 + r) +
             "</v></c><c r=\"B" + n + "\" t=\"s\"><v>5</v></c><c r=\"C" + n +
             "\" t=\"s\"><v>6</v></c><c r=\"D" + n + "\" s=\"1\"><v>41073</v></c><c r=\"E" + n +
             "\"><v>" + std::to_string(100000 + r) + "</v></c></row>";
  }
  strings += "</sst>";
  sheet += "</sheetData></worksheet>";
  const std::string workbook =
      "<workbook xmlns=\"" + ns +
      "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"http://"
      "schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"/>"
      "</Relationships>";
  const std::string styles = "<styleSheet xmlns=\"" + ns +
                             "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" "
                             "applyNumberFormat=\"1\"/></cellXfs></styleSheet>";
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  auto add = [&](const std::string& name, const std::string& text) {
    std::istringstream in(text);
    zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX));
  };
  add("xl/workbook.xml", workbook);
  add("xl/_rels/workbook.xml.rels", rels);
  add("xl/sharedStrings.xml", strings);
  add("xl/styles.xml", styles);
  add("xl/worksheets/sheet1.xml", sheet);
  zip.close();
  return out.str();
}

void readSheet(benchmark::State& state, const std::string& bytes) {
  size_t records = 0;
  for (auto _ : state) {
    auto items = std::make_unique<SheetItems>(itemsFromSheet(bytes, "bench", certificate()));
    records = items->items.size();
    benchmark::DoNotOptimize(items->items.data());
    // Freeing the records is the same whatever they were read from; it is not reading.
    state.PauseTiming();
    items.reset();
    state.ResumeTiming();
  }
  if (records != kRows) state.SkipWithError("wrong number of records");
  state.counters["input_bytes"] = static_cast<double>(bytes.size());
}

void BM_SheetCsv10000Rows(benchmark::State& state) {
  static const std::string csv = csvRows();
  readSheet(state, csv);
}
BENCHMARK(BM_SheetCsv10000Rows)->Unit(benchmark::kMillisecond);

void BM_SheetXlsx10000Rows(benchmark::State& state) {
  static const std::string xlsx = xlsxRows();
  readSheet(state, xlsx);
}
BENCHMARK(BM_SheetXlsx10000Rows)->Unit(benchmark::kMillisecond);

}  // namespace
