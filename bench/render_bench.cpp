// Benchmarks of the engine, warm (fonts and layouts loaded once, as in the server).
//   build/bench/gongwen_bench --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include "common/Json.h"
#include "model/LayoutCatalog.h"
#include "pdf/PdfWriter.h"
#include "render/EngineFactory.h"

namespace {

using namespace gongwen;

const Engine& engine() {
  static const std::shared_ptr<const Engine> e = makeEngine(EngineSettings{});
  return *e;
}

Poco::JSON::Object::Ptr sample(const std::string& name) {
  return parseJsonObject(readFile(dataDirectory() + "/samples/" + name), name);
}

// Shape, break and lay out the article sample (issue: under 2 ms warm, one core).
void BM_LayoutArticleSample(benchmark::State& state) {
  auto rec = sample("article-quality-conference.json");
  for (auto _ : state) {
    auto result = engine().layout(rec, {});
    benchmark::DoNotOptimize(result.list.pages.data());
  }
}
BENCHMARK(BM_LayoutArticleSample)->Unit(benchmark::kMillisecond);

// Write the laid-out sample as PDF (subset fonts, content streams, compression).
void BM_WritePdfArticleSample(benchmark::State& state) {
  auto list = engine().layout(sample("article-quality-conference.json"), {}).list;
  size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = writePdf(list);
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WritePdfArticleSample)->Unit(benchmark::kMillisecond);

// Both: the warm cost of one document.
void BM_RenderArticleSample(benchmark::State& state) {
  auto rec = sample("article-quality-conference.json");
  for (auto _ : state) {
    auto pdf = engine().renderPdf(rec, {});
    benchmark::DoNotOptimize(pdf.data());
  }
}
BENCHMARK(BM_RenderArticleSample)->Unit(benchmark::kMillisecond);

}  // namespace
