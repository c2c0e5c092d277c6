// OFD against PDF: writing the same laid-out document both ways (issue 14: OFD at most
// 1.5× the PDF's time and size).
//   build/bench/gongwen_bench --benchmark_filter='Write(Pdf|Ofd)' --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include "batch/BatchRenderer.h"
#include "batch/CsvReader.h"
#include "common/Json.h"
#include "model/LayoutCatalog.h"
#include "ofd/OfdWriter.h"
#include "pdf/PdfWriter.h"
#include "render/EngineFactory.h"

namespace {

using namespace gongwen;

const Engine& engine() {
  static const std::shared_ptr<const Engine> e = makeEngine(EngineSettings{});
  return *e;
}

RenderOptions fromSamples() {
  RenderOptions options;
  options.baseDirectory = dataDirectory() + "/samples";
  return options;
}

DisplayList sampleList(const std::string& name) {
  const std::string path = dataDirectory() + "/samples/" + name;
  return engine().layout(parseJsonObject(readFile(path), path), fromSamples()).list;
}

// 200 certificates merged (the art shared, each with its recipient).
DisplayList certificateBatch() {
  const Layout& layout = engine().layouts().get("certificate");
  auto sampleItems =
      itemsFromCsv(readFile(dataDirectory() + "/samples/quality-award-2011.csv"), "csv", layout);
  std::vector<BatchItem> items;
  while (items.size() < 200) items.push_back(sampleItems[items.size() % sampleItems.size()]);
  BatchOptions options;
  options.render = fromSamples();
  options.render.layout = "certificate";
  BatchResult result = layoutBatch(engine(), items, options);
  return mergeDocuments(result.documents, false);
}

template <typename Write>
void writeBench(benchmark::State& state, const DisplayList& list, Write write) {
  size_t bytes = 0;
  for (auto _ : state) {
    auto out = write(list);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_WritePdfDecision(benchmark::State& state) {
  writeBench(state, sampleList("decision-quality-awards.json"),
             [](const DisplayList& l) { return writePdf(l); });
}
void BM_WriteOfdDecision(benchmark::State& state) {
  writeBench(state, sampleList("decision-quality-awards.json"),
             [](const DisplayList& l) { return writeOfd(l); });
}
void BM_WritePdfCertificates200(benchmark::State& state) {
  static const DisplayList list = certificateBatch();
  writeBench(state, list, [](const DisplayList& l) { return writePdf(l); });
}
void BM_WriteOfdCertificates200(benchmark::State& state) {
  static const DisplayList list = certificateBatch();
  writeBench(state, list, [](const DisplayList& l) { return writeOfd(l); });
}
BENCHMARK(BM_WritePdfDecision)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteOfdDecision)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WritePdfCertificates200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteOfdCertificates200)->Unit(benchmark::kMillisecond);

}  // namespace
