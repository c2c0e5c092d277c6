// Certificates, warm (fonts, layouts and templates loaded once, as in the server):
//   build/bench/gongwen_bench --benchmark_filter=Certificate --benchmark_repetitions=10
//     --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include "batch/BatchRenderer.h"
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

RenderOptions fromSamples() {
  RenderOptions o;
  o.baseDirectory = dataDirectory() + "/samples";  // the sample names its seal beside it
  return o;
}

// One certificate: fit its texts into their boxes (layout only).
void BM_CertificateLayout(benchmark::State& state) {
  auto rec = parseJsonObject(
      readFile(dataDirectory() + "/samples/certificate-mayor-quality-award.json"), "sample");
  const RenderOptions options = fromSamples();
  for (auto _ : state) {
    auto result = engine().layout(rec, options);
    benchmark::DoNotOptimize(result.list.pages.data());
  }
}
BENCHMARK(BM_CertificateLayout)->Unit(benchmark::kMillisecond);

// One certificate to PDF bytes (layout, subset fonts, art, seal, compression).
void BM_CertificateRender(benchmark::State& state) {
  auto rec = parseJsonObject(
      readFile(dataDirectory() + "/samples/certificate-mayor-quality-award.json"), "sample");
  const RenderOptions options = fromSamples();
  size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = engine().renderPdf(rec, options);
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_CertificateRender)->Unit(benchmark::kMillisecond);

// 1000 certificates from the GB18030 sample's rows (repeated) into one merged PDF, warm.
// Arg 0: full pages; arg 1: 套打 (--overlay: no art, title or seal).
void BM_CertificateBatch1000(benchmark::State& state) {
  const Layout& layout = engine().layouts().get("certificate");
  auto sampleItems =
      itemsFromCsv(readFile(dataDirectory() + "/samples/quality-award-2011.csv"), "csv", layout);
  std::vector<BatchItem> items;
  while (items.size() < 1000) items.push_back(sampleItems[items.size() % sampleItems.size()]);
  BatchOptions options;
  options.render = fromSamples();
  options.render.layout = "certificate";
  options.render.print.overlay = state.range(0) == 1;
  size_t bytes = 0;
  for (auto _ : state) {
    BatchResult result = layoutBatch(engine(), items, options);
    DisplayList merged = mergeDocuments(result.documents, false);
    auto pdf = writePdf(merged);
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_CertificateBatch1000)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
