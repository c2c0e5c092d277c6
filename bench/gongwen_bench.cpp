// Benchmarks of the GB/T 9704 layouts, warm (fonts and layouts loaded once):
//   build/bench/gongwen_bench --benchmark_filter=Gongwen --benchmark_repetitions=10
//       --benchmark_report_aggregates_only=true
#include <Poco/JSON/Array.h>
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

RenderOptions sampleOptions() {
  RenderOptions o;
  o.baseDirectory = dataDirectory() + "/samples";
  return o;
}

// The decision sample with its body repeated to ten pages (headings, seal, attachment,
// colophon included).
Poco::JSON::Object::Ptr tenPageDocument() {
  auto rec = parseJsonObject(readFile(dataDirectory() + "/samples/decision-quality-awards.json"),
                             "decision");
  auto minutes = parseJsonObject(
      readFile(dataDirectory() + "/samples/minutes-quality-conference.json"), "minutes");
  auto body = minutes->getArray("body");
  Poco::JSON::Array::Ptr longBody = new Poco::JSON::Array;
  for (int copy = 0; copy < 3; ++copy) {
    for (size_t i = 0; i < body->size(); ++i) longBody->add(body->get(i));
  }
  rec->set("body", longBody);
  return rec;
}

void BM_LayoutGongwenTenPages(benchmark::State& state) {
  auto rec = tenPageDocument();
  size_t pages = 0;
  for (auto _ : state) {
    auto result = engine().layout(rec, sampleOptions());
    pages = result.list.pages.size();
    benchmark::DoNotOptimize(result.list.pages.data());
  }
  state.counters["pages"] = static_cast<double>(pages);
}
BENCHMARK(BM_LayoutGongwenTenPages)->Unit(benchmark::kMillisecond);

void BM_RenderGongwenTenPages(benchmark::State& state) {
  auto rec = tenPageDocument();
  size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = engine().renderPdf(rec, sampleOptions());
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderGongwenTenPages)->Unit(benchmark::kMillisecond);

void BM_RenderGongwenSamples(benchmark::State& state) {
  const char* names[] = {"decision-quality-awards.json", "minutes-quality-conference.json",
                         "letter-quality-inspection.json"};
  auto rec = parseJsonObject(readFile(dataDirectory() + "/samples/" + names[state.range(0)]),
                             names[state.range(0)]);
  for (auto _ : state) {
    auto pdf = engine().renderPdf(rec, sampleOptions());
    benchmark::DoNotOptimize(pdf.data());
  }
  state.SetLabel(names[state.range(0)]);
}
BENCHMARK(BM_RenderGongwenSamples)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

}  // namespace
