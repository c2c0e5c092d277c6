#include "cli/BatchCommand.h"

#include <Poco/JSON/Array.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <thread>

#include "batch/BatchRenderer.h"
#include "batch/OutputNames.h"
#include "batch/SharedValues.h"
#include "batch/SheetTable.h"
#include "cli/ProgressBar.h"
#include "common/AtomicFile.h"
#include "common/Errors.h"
#include "common/Json.h"
#include "model/LayoutCatalog.h"
#include "pdf/PdfWriter.h"
#include "render/EngineFactory.h"

namespace gongwen::cli {
namespace {

std::string readAll(const std::string& path) {
  if (path != "-") return readFile(path);
  return std::string((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
}

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// JSON when the name says so, or (stdin, other names) when the text starts with [ or {.
bool looksLikeJson(const std::string& path, const std::string& bytes) {
  if (endsWith(path, ".json")) return true;
  if (endsWith(path, ".csv") || endsWith(path, ".xlsx")) return false;
  size_t i = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  return i < bytes.size() && (bytes[i] == '[' || bytes[i] == '{');
}

struct BatchInput {
  std::vector<BatchItem> items;
  std::string layout;                 // from --layout or the JSON object's "layout"
  std::vector<std::string> warnings;  // about the spreadsheet as a whole
};

BatchInput readBatchInput(const CommandLine& cl, const Engine& engine, const std::string& input,
                          const std::string& source) {
  BatchInput in;
  in.layout = cl.layout;
  const std::string bytes = readAll(input);
  if (looksLikeJson(input, bytes)) {
    auto v = parseJson(bytes, source);
    Poco::JSON::Array::Ptr records;
    std::string at = "$";
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
      // {"layout": "…", "records": […]}, as POST /v1/batch takes it.
      auto obj = v.extract<Poco::JSON::Object::Ptr>();
      if (!obj->has("records") || obj->get("records").type() != typeid(Poco::JSON::Array::Ptr)) {
        throw InputError(source + ": $.records",
                         "a batch is a JSON array of records, or an object with a \"records\" "
                         "array");
      }
      records = obj->getArray("records");
      at = "$.records";
      if (in.layout.empty() && obj->has("layout")) in.layout = obj->getValue<std::string>("layout");
    } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
      records = v.extract<Poco::JSON::Array::Ptr>();
    } else {
      throw InputError(source + ": $",
                       "a batch is a JSON array of records, found " + jsonTypeName(v));
    }
    in.items = itemsFromJsonArray(records, at);
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) {  // "defaults", as POST /v1/batch
      auto obj = v.extract<Poco::JSON::Object::Ptr>();
      if (obj->has("defaults")) {
        auto defaults = obj->getObject("defaults");
        if (!defaults) throw InputError(source + ": $.defaults", "must be an object");
        applyDefaults(in.items, defaults);
      }
    }
    if (!cl.sets.empty()) {
      if (in.layout.empty()) throw UsageError("--set needs the batch's layout (--layout NAME)");
      applyDefaults(in.items, defaultsFromSettings(cl.sets, engine.layouts().get(in.layout),
                                                   std::filesystem::current_path().string()));
    }
  } else {
    if (in.layout.empty()) {
      throw UsageError(
          "a spreadsheet batch (CSV, xlsx) needs --layout NAME (its columns are that layout's "
          "fields)");
    }
    const Layout& layout = engine.layouts().get(in.layout);
    SheetOptions options;
    options.sheet = cl.sheet;
    options.defaults =
        defaultsFromSettings(cl.sets, layout, std::filesystem::current_path().string());
    SheetItems sheet = itemsFromSheet(bytes, source, layout, options);
    in.items = std::move(sheet.items);
    in.warnings = std::move(sheet.warnings);
  }
  if (!in.layout.empty()) engine.layouts().get(in.layout);  // an unknown name fails here
  return in;
}

// The text of `field` in each record ("" when absent or not text), for --name-by.
std::vector<std::string> fieldTexts(const std::vector<BatchItem>& items,
                                    const std::vector<BatchDocument>& docs,
                                    const std::string& field) {
  std::vector<std::string> out;
  for (const auto& d : docs) {
    const auto& record = items[d.index].record;
    std::string text;
    if (!field.empty() && record && record->has(field) && record->get(field).isString()) {
      text = record->getValue<std::string>(field);
    }
    out.push_back(text);
  }
  return out;
}

size_t writeSplit(const std::vector<BatchItem>& items, std::vector<BatchDocument>& docs,
                  const std::string& dir, const std::string& nameBy, unsigned threads,
                  ProgressBar& progress) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw InputError(dir, "cannot create the output folder: " + ec.message());
  }
  std::vector<std::string> labels;
  for (const auto& d : docs) labels.push_back(items[d.index].label);
  const std::vector<std::string> names = uniqueFileNames(fieldTexts(items, docs, nameBy), labels);
  std::atomic<size_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::string firstError;
  std::mutex errorMutex;
  auto work = [&] {
    for (size_t i; !failed && (i = next.fetch_add(1)) < docs.size();) {
      try {
        writeFileAtomically(dir + "/" + names[i], writePdf(docs[i].list));
        docs[i].list = DisplayList{};  // done with it: free the memory
      } catch (const std::exception& e) {
        std::lock_guard lock(errorMutex);
        if (firstError.empty()) firstError = e.what();
        failed = true;
      }
      progress.update(done.fetch_add(1) + 1, docs.size());
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failed) throw std::runtime_error("writing " + dir + ": " + firstError);
  return docs.size();
}

}  // namespace

int runBatch(const CommandLine& cl) {
  if (cl.inputs.size() != 1)
    throw UsageError("batch takes exactly one DATA.csv, DATA.xlsx or DATA.json");
  if (!cl.nameBy.empty() && cl.splitDir.empty()) throw UsageError("--name-by needs --split DIR");
  const std::string& input = cl.inputs[0];
  const std::string source = input == "-" ? "<stdin>" : input;
  const auto started = std::chrono::steady_clock::now();

  auto engine = makeEngine(cl.engine);
  BatchInput in = readBatchInput(cl, *engine, input, source);
  for (const auto& w : in.warnings)
    std::cerr << "gongwen: warning: " << source << ": " << w << "\n";

  BatchOptions options;
  options.render.layout = in.layout;
  options.render.normalize = cl.normalize;
  options.render.allowMissingGlyphs = cl.allowMissingGlyphs;
  if (input != "-") {
    auto slash = input.rfind('/');
    options.render.baseDirectory = slash == std::string::npos ? "." : input.substr(0, slash);
  }
  options.duplex = cl.duplex;
  options.strict = cl.strict;
  options.threads = cl.jobs;
  const unsigned threads = cl.jobs ? cl.jobs : std::max(1u, std::thread::hardware_concurrency());

  const bool showProgress = !cl.quiet && stderrIsTerminal();
  BatchResult result;
  {
    ProgressBar bar("records", showProgress);
    result = layoutBatch(*engine, in.items, options,
                         [&](size_t done, size_t total) { bar.update(done, total); });
    bar.finish();
  }
  for (const auto& w : result.documents) {
    for (const auto& text : w.warnings) {
      std::cerr << "gongwen: warning: " << source << ": " << in.items[w.index].label << ": " << text
                << "\n";
    }
  }
  for (const auto& f : result.failures) {
    std::cerr << "gongwen: " << source << ": " << (f.where.empty() ? f.label : f.where) << ": "
              << f.message << "\n";
  }
  if (cl.strict && !result.failures.empty()) {
    std::cerr << "gongwen: --strict: stopped at the first bad record; nothing written\n";
    return 2;
  }
  if (result.documents.empty()) {
    std::cerr << "gongwen: " << source << ": "
              << (result.total == 0 ? "no records" : "no record could be printed")
              << "; nothing written\n";
    return 2;
  }

  size_t pages = 0;
  for (const auto& d : result.documents) pages += d.list.pages.size();
  std::string where;
  if (!cl.splitDir.empty()) {
    if (cl.duplex) std::cerr << "gongwen: warning: --duplex has no effect with --split\n";
    ProgressBar bar("files", showProgress);
    writeSplit(in.items, result.documents, cl.splitDir, cl.nameBy, threads, bar);
    bar.finish();
    where = cl.splitDir + "/ (" + std::to_string(result.documents.size()) + " files)";
  } else {
    std::string output = cl.output;
    if (output.empty()) {
      if (input == "-") throw UsageError("batch from stdin needs -o OUT.pdf or --split DIR");
      auto dot = input.rfind('.');
      output = (dot == std::string::npos ? input : input.substr(0, dot)) + ".pdf";
    }
    const size_t records = result.documents.size();
    DisplayList merged = mergeDocuments(result.documents, cl.duplex);
    pages = merged.pages.size();
    std::vector<uint8_t> pdf = writePdf(merged);
    if (output == "-") {
      std::cout.write(reinterpret_cast<const char*>(pdf.data()),
                      static_cast<std::streamsize>(pdf.size()));
      std::cout.flush();
    } else {
      writeFileAtomically(output, pdf);
    }
    where = output + " (" + std::to_string(records) + " records)";
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!cl.quiet) {
    char took[32];
    std::snprintf(took, sizeof took, "%.2f s", seconds);
    std::cerr << "gongwen: printed " << result.documents.size() << " of " << result.total
              << " records, " << pages << " pages, to " << where << " in " << took;
    if (!result.failures.empty()) {
      std::cerr << "; " << result.failures.size() << " bad record"
                << (result.failures.size() == 1 ? "" : "s") << " listed above";
    }
    std::cerr << "\n";
  }
  return result.failures.empty() ? 0 : 3;
}

}  // namespace gongwen::cli
