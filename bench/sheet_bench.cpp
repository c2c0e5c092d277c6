// Reading a spreadsheet into batch records: 10 000 certificate rows as an .xlsx (shared
// strings, date cells, numbers — as Excel writes them) against the same rows as CSV (the
// records are freed outside the timing: that is the same for both):
//   build/bench/gongwen_bench --benchmark_filter=Sheet --benchmark_repetitions=5
//     --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <memory>

#include "SheetWorkbook.h"
#include "batch/SheetTable.h"
#include "render/EngineFactory.h"

namespace {

using namespace gongwen;
using namespace gongwen::bench;

constexpr int kRows = 10000;

const Layout& certificate() {
  static const std::shared_ptr<const Engine> e = makeEngine(EngineSettings{});
  return e->layouts().get("certificate");
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
  static const std::string csv = csvRows(kRows);
  readSheet(state, csv);
}
BENCHMARK(BM_SheetCsv10000Rows)->Unit(benchmark::kMillisecond);

void BM_SheetXlsx10000Rows(benchmark::State& state) {
  static const std::string xlsx = xlsxRows(kRows);
  readSheet(state, xlsx);
}
BENCHMARK(BM_SheetXlsx10000Rows)->Unit(benchmark::kMillisecond);

}  // namespace
