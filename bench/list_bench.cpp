// A 1000-name commendation list (表彰名单), warm: names sorted by strokes, on the grid.
//   build/bench/gongwen_bench --benchmark_filter=List1000 --benchmark_repetitions=10
//     --benchmark_report_aggregates_only=true
#include <Poco/JSON/Array.h>
#include <benchmark/benchmark.h>

#include <random>

#include "model/LayoutCatalog.h"
#include "render/EngineFactory.h"

namespace {

using namespace gongwen;

const Engine& engine() {
  static const std::shared_ptr<const Engine> e = makeEngine(EngineSettings{});
  return *e;
}

// 1000 made-up names (2, 3 and 4 characters, some compound surnames) in 4 groups.
Poco::JSON::Object::Ptr thousandNames() {
  const std::u32string surnames =
      U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田";
  const std::u32string given =
      U"伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华英玲建国志红玉海燕文斌";
  const char32_t* compounds[] = {U"欧阳", U"司马", U"诸葛", U"上官"};
  std::mt19937 rng(2012);
  Poco::JSON::Object::Ptr rec = new Poco::JSON::Object;
  rec->set("layout", "commendation-list");
  rec->set("title", "2012年度南京市质量工作先进个人名单");
  rec->set("sort", "strokes");
  Poco::JSON::Array::Ptr groups = new Poco::JSON::Array;
  for (int g = 0; g < 4; ++g) {
    Poco::JSON::Object::Ptr group = new Poco::JSON::Object;
    group->set("heading", "第" + std::to_string(g + 1) + "组");
    Poco::JSON::Array::Ptr names = new Poco::JSON::Array;
    for (int i = 0; i < 250; ++i) {
      std::u32string n;
      if (rng() % 10 == 0) {
        n = compounds[rng() % 4];
      } else {
        n = surnames[rng() % surnames.size()];
      }
      const int len = 1 + static_cast<int>(rng() % 2);
      for (int k = 0; k < len; ++k) n += given[rng() % given.size()];
      std::string utf8;
      for (char32_t c : n) {  // UTF-8 by hand: three bytes for these characters
        utf8 += static_cast<char>(0xE0 | (c >> 12));
        utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (c & 0x3F));
      }
      names->add(utf8);
    }
    group->set("names", names);
    groups->add(group);
  }
  rec->set("groups", groups);
  return rec;
}

void BM_List1000Layout(benchmark::State& state) {
  auto rec = thousandNames();
  for (auto _ : state) {
    auto result = engine().layout(rec, {});
    benchmark::DoNotOptimize(result.list.pages.data());
  }
}
BENCHMARK(BM_List1000Layout)->Unit(benchmark::kMillisecond);

void BM_List1000Render(benchmark::State& state) {
  auto rec = thousandNames();
  for (auto _ : state) {
    auto pdf = engine().renderPdf(rec, {});
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pages"] = static_cast<double>(engine().layout(rec, {}).list.pages.size());
}
BENCHMARK(BM_List1000Render)->Unit(benchmark::kMillisecond);

}  // namespace
