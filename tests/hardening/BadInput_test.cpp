// The bad-input corpus: what offices and other systems really send — truncated and invalid
// JSON, wrong types, empty and huge strings, control characters, invalid UTF-8, unknown
// layouts and fields, impossible dates, huge bodies and spreadsheets, other encodings,
// characters no font has, broken fonts, lying and huge images, bad data: URIs, paths where
// names belong — through the command line and the HTTP service. Each case asserts the exact
// outcome: the exit code or HTTP status, and the message naming the field, row or character.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include "batch/BatchRenderer.h"
#include "batch/OutputNames.h"
#include "common/Errors.h"
#include "common/Json.h"
#include "server/ServerFixture.h"
#include "support/DataUri.h"
#include "support/Process.h"

namespace gongwen::test {
namespace {

// --- inputs -------------------------------------------------------------------------------

std::string article(const std::string& title, const std::string& body) {
  return R"({"layout": "article", "title": ")" + title + R"(", "body": ")" + body + R"("})";
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

uint32_t crcOf(const std::string& type, const std::string& data) {
  uLong c = crc32(0, reinterpret_cast<const Bytef*>(type.data()), static_cast<uInt>(type.size()));
  return static_cast<uint32_t>(
      crc32(c, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

std::string be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string chunk(const std::string& type, const std::string& data) {
  return be32(static_cast<uint32_t>(data.size())) + type + data + be32(crcOf(type, data));
}

// A PNG whose header says width × height (RGBA) and whose pixel data has `rows` rows.
std::string png(uint32_t width, uint32_t height, uint32_t rows) {
  std::string ihdr = be32(width) + be32(height) + std::string("\x08\x06\x00\x00\x00", 5);
  std::string raw;
  for (uint32_t r = 0; r < rows; ++r)
    raw += std::string(1, '\0') + std::string(size_t{width} * 4, '\x80');
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string z(size, '\0');
  compress(reinterpret_cast<Bytef*>(z.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
           static_cast<uLong>(raw.size()));
  z.resize(size);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", z) +
         chunk("IEND", "");
}

std::string gongwen(const std::string& extra) {
  return R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "doc_number": "宁政发〔2012〕88号",
    "title": "关于表彰的决定", "body": "正文。", "issuer": "南京市人民政府", "date": "2012-06-13")" +
         extra + "}";
}

// The gongwen record with `bytes` as its seal, sent as a data: URI.
std::string gongwenWithSeal(const std::string& bytes) {
  return gongwen(R"(, "seal": ")" + pngDataUri(bytes) + R"(")");
}

std::string certificate(const std::string& extra) {
  return R"({"layout": "certificate", "recipient": "张三", "citation": "荣获先进个人。",
    "issuer": "南京市人民政府", "date": "2012-06-13")" +
         extra + "}";
}

std::string list(const std::string& groups, const std::string& extra = "") {
  return R"({"layout": "commendation-list", "title": "名单", "groups": )" + groups + extra + "}";
}

std::string csvRows(size_t n) {
  std::string s = "recipient,citation,issuer,date\n";
  for (size_t i = 0; i < n; ++i)
    s += "张三" + std::to_string(i) + ",荣获先进个人。,南京市人民政府,2012-06-13\n";
  return s;
}

// --- channels -----------------------------------------------------------------------------

// CliRender: `gongwen render IN.json -o OUT.pdf ARGS` — exit code, stderr.
// HttpRender, HttpBatchJson, HttpBatchCsv: POST /v1/render, /v1/batch (JSON or CSV, query
// ARGS) — status, body (+ the X-Gongwen-Failures header of a 200 batch).
// ApiBatchCsv: itemsFromCsv + layoutBatch of the certificate layout (what `gongwen batch`
// and the server build on) — the number of bad rows, each as "LABEL: WHERE: MESSAGE"; -1
// and the InputError's "WHERE: MESSAGE" when the input as a whole cannot be read.
enum class Channel { CliRender, HttpRender, HttpBatchJson, HttpBatchCsv, ApiBatchCsv };

// Files a CLI case writes beside its input first (a broken font, an empty seal): name → bytes.
using Files = std::vector<std::pair<std::string, std::function<std::string()>>>;

struct Case {
  Case(std::string n, Channel ch, std::function<std::string()> in, int code, std::string text,
       std::string extra = "", Files beside = {})
      : name(std::move(n)),
        channel(ch),
        input(std::move(in)),
        expected(code),
        needle(std::move(text)),
        args(std::move(extra)),
        files(std::move(beside)) {}
  std::string name;
  Channel channel;
  std::function<std::string()> input;
  int expected;        // exit code, HTTP status, or bad rows (see Channel)
  std::string needle;  // in the outcome's text (see Channel)
  std::string args;    // extra CLI arguments ({dir}: the input's folder), or the HTTP query
  Files files;         // CLI only
};

// How gtest and ctest name a case's parameter.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

struct Outcome {
  int code = -1;
  std::string text;
  bool outputLeft = false;
  int filesLeft = 0;   // in the CLI's folder, in.json included
  std::string needle;  // the case's, with {dir} replaced
};

std::string withDir(std::string text, const std::string& dir) {
  for (size_t at; (at = text.find("{dir}")) != std::string::npos;) text.replace(at, 5, dir);
  return text;
}

RunningServer& server() {
  static RunningServer s;
  return s;
}

Outcome runApiBatch(const Case& c) {
  Outcome o;
  try {
    auto items = itemsFromCsv(c.input(), "in.csv", engine().layouts().get("certificate"));
    BatchOptions options;
    options.render.layout = "certificate";
    options.render.allowFilePaths = false;
    BatchResult result = layoutBatch(engine(), items, options);
    o.code = static_cast<int>(result.failures.size());
    for (const auto& f : result.failures)
      o.text += (f.where.empty() ? f.label.english() : f.where) + ": " + f.message.english() + "\n";
    // What the first row was read as (an encoding read wrongly shows here).
    if (!items.empty() && items[0].record && items[0].record->has("recipient"))
      o.text +=
          items[0].label + " recipient: " + items[0].record->getValue<std::string>("recipient");
  } catch (const InputError& e) {
    o.code = -1;
    o.text = e.where() + ": " + e.message();
  }
  return o;
}

Outcome run(const Case& c) {
  if (c.channel == Channel::ApiBatchCsv) return runApiBatch(c);
  Outcome o;
  if (c.channel == Channel::CliRender) {
    TempDir dir;
    const std::string in = dir.file("in.json");
    {
      std::ofstream f(in, std::ios::binary);
      const std::string bytes = c.input();
      f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    for (const auto& [name, bytes] : c.files) writeText(dir.file(name), bytes());
    auto r = runShell(cli() + " render " + shellQuote(in) + " -o " +
                      shellQuote(dir.file("out.pdf")) + " " + withDir(c.args, dir.path()));
    o.needle = withDir(c.needle, dir.path());
    o.code = r.exitCode;
    o.text = r.err;
    o.outputLeft = fileExists(dir.file("out.pdf"));
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
      ++o.filesLeft;
    o.filesLeft -= static_cast<int>(c.files.size());
    return o;
  }
  std::string path = c.channel == Channel::HttpRender ? "/v1/render" : "/v1/batch";
  if (!c.args.empty()) path += "?" + c.args;
  auto r =
      httpPost(server().port(), path,
               c.channel == Channel::HttpBatchCsv ? "text/csv" : "application/json", c.input());
  o.code = r.status;
  o.text = r.body.size() > 4096 ? r.body.substr(0, 4096) : r.body;
  if (r.status >= 400) {  // {"error", "field", "detail"} → "error — field: detail"
    try {
      auto e = parseJsonObject(r.body, "response");
      o.text = e->optValue<std::string>("error", "") + " — " +
               e->optValue<std::string>("field", "") + ": " +
               e->optValue<std::string>("detail", "");
    } catch (const InputError&) {
    }
  }
  if (r.status == 200 && c.channel != Channel::HttpRender) {
    o.text = "X-Gongwen-Failures: " + r.header("x-gongwen-failures");
  }
  return o;
}

std::string truncatedFont() {
  const std::string bytes = readText("/usr/local/share/fonts/fandol/FandolFang-Regular.otf");
  return bytes.substr(0, bytes.size() / 3);
}

const std::string kSeal = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/specimen-seal.png";

// The crash fuzz_image found (kept in its corpus).
std::string paletteWithoutPlte() {
  return readText(std::string(GONGWEN_SOURCE_DATA_DIR) +
                  "/tests/fuzz/corpus/image/crash-palette-without-plte.png");
}

// 張三,榮獲先進個人。,南京市人民政府 in Big5.
const std::string kBig5Csv =
    "recipient,citation,issuer,date\n\xb1\x69\xa4\x54,"
    "\xba\x61\xc0\xf2\xa5\xfd\xb6\x69\xad\xd3\xa4\x48\xa1\x43,"
    "\xab\x6e\xa8\xca\xa5\xab\xa4\x48\xa5\xc1\xac\x46\xa9\xb2,2012-06-13\n";

std::vector<Case> cases() {
  using C = Channel;
  auto lit = [](std::string s) { return [s] { return s; }; };
  return {
      // JSON itself
      {"TruncatedJson", C::CliRender, lit(R"({"layout": "article", "title": "南京)"), 2,
       "in.json: invalid JSON at line 1, column 35: unterminated string"},
      {"TrailingComma", C::CliRender, lit(R"({"layout": "article", "title": "t", "body": "b",})"),
       2, "in.json: invalid JSON at line 1, column 49: a quoted member name was expected"},
      {"EmptyFile", C::CliRender, lit(""), 2,
       "in.json: invalid JSON at line 1, column 1: unexpected end of input"},
      {"TopLevelArray", C::CliRender, lit(R"([{"layout": "article"}])"), 2,
       "expected a JSON object at the top, found an array"},
      {"InvalidUtf8", C::CliRender,
       lit("{\"layout\": \"article\", \"title\": \"\xC3\x28\", \"body\": \"b\"}"), 2,
       "in.json: invalid UTF-8 at line 1, column 33 (byte 32)"},
      {"InvalidUtf8Http", C::HttpRender,
       lit("{\"layout\": \"article\", \"title\": \"\xFF\xFE\", \"body\": \"b\"}"), 400,
       "malformed JSON — $: invalid UTF-8 at line 1, column 33 (byte 32)"},
      {"MalformedJsonHttp", C::HttpRender, lit("{\"layout\": \"article\",\n \"title\": }"), 400,
       "malformed JSON — $: invalid JSON at line 2, column 11: unexpected character '}'"},
      // types and fields
      {"TitleIsANumber", C::CliRender, lit(R"({"layout": "article", "title": 5, "body": "b"})"), 2,
       "$.title: must be a string, found a number"},
      {"BodyIsAnObject", C::CliRender,
       lit(R"({"layout": "article", "title": "t", "body": {"a": 1}})"), 2,
       "$.body: must be a string, found an object"},
      {"LayoutIsAList", C::CliRender, lit(R"({"layout": ["article"], "title": "t", "body": "b"})"),
       2, "$.layout: must be a string"},
      {"UnknownLayout", C::CliRender, lit(article("t", "b").replace(12, 7, "nosuch")), 2,
       "$.layout: unknown layout \"nosuch\""},
      {"LayoutPathTraversal", C::CliRender,
       lit(R"({"layout": "../../etc/passwd", "title": "t", "body": "b"})"), 2,
       "$.layout: unknown layout \"../../etc/passwd\""},
      {"LayoutPathTraversalHttp", C::HttpRender,
       lit(R"({"layout": "../fonts/fonts", "title": "t", "body": "b"})"), 422,
       "invalid field — $.layout: unknown layout \"../fonts/fonts\""},
      {"MissingTitle", C::CliRender, lit(R"({"layout": "article", "body": "b"})"), 2,
       "$.title: required field \"title\""},
      {"EmptyTitle", C::CliRender, lit(article("", "b")), 2,
       "$.title: required field \"title\" (标题) is empty"},
      {"BlankTitle", C::CliRender, lit(article("　 ", "b")), 2,
       "$.title: required field \"title\" (标题) is empty"},
      {"UnknownFieldIsAWarning", C::CliRender,
       lit(R"({"layout": "article", "title": "t", "body": "b", "colour": "red"})"), 0,
       "in.json: $.colour: unknown field \"colour\" for layout article is ignored"},
      {"ControlCharacter", C::CliRender, lit(article("t\\u0007", "b")), 2,
       "$.title: control character U+0007 at character 2 cannot be printed"},
      {"NulCharacter", C::CliRender, lit(article("t", "b\\u0000c")), 2,
       "$.body: control character U+0000 at character 2 cannot be printed"},
      {"EscapeInHttp", C::HttpRender, lit(article("t\\u001b[31m", "b")), 422,
       "invalid field — $.title: control character U+001B at character 2"},
      // sizes
      {"MegabyteTitle", C::CliRender, [] { return article(repeat("长", 350000), "b"); }, 2,
       "$.title: is too long for a title (350000 characters; at most 200)"},
      {"MegabyteTitleHttp", C::HttpRender, [] { return article(repeat("长", 350000), "b"); }, 422,
       "invalid field — $.title: is too long for a title (350000 characters; at most 200)"},
      {"TenThousandParagraphs", C::CliRender,
       [] { return article("长文", repeat("一段正文。\\n", 10000)); }, 0, ""},
      {"BodyOverTheHttpLimit", C::HttpRender, [] { return article("t", repeat("字", 4'000'000)); },
       413, "payload too large — : the request body is larger than the limit of 10485760 bytes"},
      // dates
      {"February30", C::CliRender,
       lit(gongwen("").replace(gongwen("").find("2012-06-13"), 10, "2012-02-30")), 2,
       "$.date: \"2012-02-30\" is not a date: 2012-02 has 29 days"},
      {"SlashDate", C::CliRender,
       lit(certificate("").replace(certificate("").find("2012-06-13"), 10, "13/06/2012")), 2,
       "$.date: \"13/06/2012\" is not a date: the order of day and month is ambiguous"},
      {"Month13", C::HttpRender,
       lit(certificate("").replace(certificate("").find("2012-06-13"), 10, "2012-13-01")), 422,
       "invalid field — $.date: \"2012-13-01\" is not a date: there is no month 13"},
      // characters no font has
      {"MissingGlyph", C::CliRender, lit(article("t", "中\xF0\x96\xA9\x80文")), 2,
       "$.body (paragraph 1): character U+16A40 '𖩀' at character 2 (中𖩀文) has no glyph"},
      {"MissingGlyphAllowed", C::CliRender, lit(article("t", "中\xF0\x96\xA9\x80文")), 0,
       "warning: ", "--allow-missing-glyphs"},
      {"MissingGlyphHttp", C::HttpRender, lit(article("t", "中\xF0\x96\xA9\x80文")), 422,
       "unprintable character — $.body (paragraph 1): character U+16A40 '𖩀' at character 2"},
      {"MissingGlyphInAName", C::CliRender,
       lit(list("[{\"names\": [\"张三\", \"李\xF0\x96\xA9\x80\"]}]")), 2,
       "$.groups[0].names[1]: character U+16A40 '𖩀' at character 2 (李𖩀) has no glyph"},
      // fonts
      {"ZeroByteFont",
       C::CliRender,
       lit(article("t", "b")),
       2,
       "/empty.otf: file is empty",
       "--font fangsong={dir}/empty.otf",
       {{"empty.otf", lit("")}}},
      {"TruncatedFont",
       C::CliRender,
       lit(article("t", "b")),
       2,
       "/truncated.otf: the file is truncated or damaged (table '",
       "--font fangsong={dir}/truncated.otf",
       {{"truncated.otf", truncatedFont}}},
      {"GarbageFont",
       C::CliRender,
       lit(article("t", "b")),
       2,
       "/garbage.ttf: not an OpenType/TrueType font or collection",
       "--font fangsong={dir}/garbage.ttf",
       {{"garbage.ttf", lit(repeat("not a font ", 100))}}},
      {"MissingFontFile", C::CliRender, lit(article("t", "b")), 2,
       "--font fangsong=/nonexistent/font.otf: no such font file",
       "--font fangsong=/nonexistent/font.otf"},
      // images
      {"SealNotBase64", C::CliRender,
       lit(gongwen(R"(, "seal": "data:image/png;base64,!!!not base64!!!")")), 2,
       "$.seal: the data: URI is not valid base64"},
      {"SealNotPng", C::CliRender, lit(gongwen(R"(, "seal": "data:image/gif;base64,R0lGODlh")")), 2,
       "$.seal: only PNG or JPEG images are accepted"},
      {"SealJpegCutShort", C::CliRender,
       lit(gongwen(R"(, "seal": "data:image/jpeg;base64,/9j/4AAQ")")), 2,
       "$.seal: the image is a truncated JPEG (it does not end with the EOI marker)"},
      {"SealNotAnImage", C::CliRender, [] { return gongwenWithSeal("GIF89a not a png"); }, 2,
       "$.seal: the image is not a PNG image (its first bytes are not the PNG signature)"},
      {"SealLiesAboutItsSize", C::CliRender, [] { return gongwenWithSeal(png(64, 64, 8)); }, 2,
       "$.seal: the image is damaged (its image data does not match its size)"},
      {"SealTruncated", C::CliRender, [] { return gongwenWithSeal(png(16, 16, 16).substr(0, 60)); },
       2, "$.seal: the image is cut short (a chunk is longer than the file)"},
      // Found by fuzz_image: an indexed-colour PNG with no palette passed the check and
      // libpng refused it while the PDF was written ("internal error", exit 1).
      {"SealWithoutItsPalette", C::CliRender, [] { return gongwenWithSeal(paletteWithoutPlte()); },
       2, "$.seal: the image is damaged (an indexed-colour image without its palette, PLTE)"},
      {"SealWithoutItsPaletteHttp", C::HttpRender,
       [] { return gongwenWithSeal(paletteWithoutPlte()); }, 422,
       "invalid field — $.seal: the image is damaged (an indexed-colour image without its "
       "palette, PLTE)"},
      {"SealWithAnUnknownCriticalChunk", C::CliRender,
       [] {
         std::string p = png(4, 4, 4);
         p.insert(33, chunk("QUUX", "?"));  // after the signature and IHDR
         return gongwenWithSeal(p);
       },
       2, "$.seal: the image is damaged (an unknown critical chunk QUUX)"},
      {"Seal100Megapixels", C::CliRender, [] { return gongwenWithSeal(png(10000, 10000, 1)); }, 2,
       "$.seal: the image is too large (10000 × 10000 pixels; at most 16777216 pixels)"},
      {"Seal100MegapixelsHttp", C::HttpRender,
       [] { return certificate(R"(, "seal": ")" + pngDataUri(png(10000, 10000, 1)) + R"(")"); },
       422, "invalid field — $.seal: the image is too large (10000 × 10000 pixels"},
      {"SealFileMissing", C::CliRender, lit(gongwen(R"(, "seal": "../../no/such/seal.png")")), 2,
       "$.seal: cannot read the image file {dir}/../../no/such/seal.png (does it exist?)"},
      {"SealZeroByteFile", C::CliRender, lit(gongwen(R"(, "seal": "/dev/null")")), 2,
       "$.seal: /dev/null is not an image file (not a file)"},
      {"SealEmptyFile",
       C::CliRender,
       lit(gongwen(R"(, "seal": "empty.png")")),
       2,
       "/empty.png is not an image file (it is empty)",
       "",
       {{"empty.png", lit("")}}},
      {"SealFilePathOverHttp", C::HttpRender, lit(certificate(R"(, "seal": ")" + kSeal + R"(")")),
       422, "file paths are not accepted"},
      {"SealPathTraversalOverHttp", C::HttpRender,
       lit(certificate(R"(, "seal": "../../../etc/passwd")")), 422,
       "$.seal: must be a data:image/png;base64,… (or data:image/jpeg;base64,…) URI here (file "
       "paths are not accepted)"},
      // certificates, lists, documents
      {"CitationTooLong", C::CliRender,
       [] {
         return certificate(R"(, "citation": ")" + repeat("在质量管理方面成绩显著。", 40) + R"(")")
             .replace(certificate("").find("荣获先进个人。"), 0, "");
       },
       2, "$.citation: too long for its box (citation): at the smallest size, 15pt"},
      {"RecipientTooLong", C::HttpRender,
       [] {
         return certificate("").replace(certificate("").find("张三"), 6,
                                        repeat("南京长江涂料有限公司", 8));
       },
       422, "$.recipient: too long for its box"},
      {"ListNamesNotAList", C::CliRender, lit(list(R"([{"names": "张三"}])")), 2,
       "$.groups[0].names: must be a list of names, found a string"},
      {"ListEmptyName", C::CliRender, lit(list(R"([{"names": ["张三", " "]}])")), 2,
       "$.groups[0].names[1]: is empty"},
      {"ListBadSort", C::HttpRender, lit(list(R"([{"names": ["张三"]}])", R"(, "sort": "random")")),
       422, "$.sort: must be one of given"},
      {"ListUnknownColumn", C::CliRender,
       lit(list(R"([{"entries": [{"unit": "甲", "mobile": "1"}]}])")), 2,
       "$.groups[0].entries[0].mobile: unknown column"},
      {"AttachmentsNotAList", C::CliRender, lit(gongwen(R"(, "attachments": "名单")")), 2,
       "$.attachments: must be a list of attachments"},
      {"AttachmentWithoutTitle", C::CliRender, lit(gongwen(R"(, "attachments": [{"body": "x"}])")),
       2, "$.attachments[0].title: every attachment needs a title"},
      {"AttachmentUnknownLayout", C::CliRender,
       lit(gongwen(R"(, "attachments": [{"title": "x", "layout": "../gongwen", "body": "y"}])")), 2,
       "$.attachments[0].layout: unknown layout \"../gongwen\""},
      {"MinutesWithoutMark", C::CliRender,
       lit(R"({"layout": "minutes", "title": "t", "body": "b"})"), 2,
       "$.mark: required field \"mark\" (纪要标志) is missing"},
      // batches
      {"FiftyThousandRowsHttp", C::HttpBatchCsv, [] { return csvRows(50000); }, 413,
       "too many records — CSV: 50000 records, more than the limit of 5000 in one batch",
       "layout=certificate"},
      {"CsvWithoutLayoutHttp", C::HttpBatchCsv, [] { return csvRows(2); }, 422,
       "layout: a spreadsheet batch (CSV, xlsx) needs its layout named (--layout NAME; "
       "?layout=NAME over HTTP)"},
      {"CsvUnknownLayoutHttp", C::HttpBatchCsv, [] { return csvRows(2); }, 422,
       "layout: unknown layout \"nosuch\"", "layout=nosuch"},
      {"CsvBadRowHttp", C::HttpBatchCsv,
       lit("recipient,citation,issuer,date\n张三,荣获。,南京市人民政府,2012-06-13\n李四,荣获。,"
           "南京市人民政府,2012-02-30\n"),
       200,
       R"("record":"row 3","field":"row 3, field date","message":"\"2012-02-30\" is not a date)",
       "layout=certificate"},
      {"BatchRecordsNotAList", C::HttpBatchJson,
       lit(R"({"layout": "certificate", "records": {"a": 1}})"), 422,
       "$.records: must be a list of records, found an object"},
      {"CsvLayoutPathTraversalHttp", C::HttpBatchCsv, [] { return csvRows(2); }, 422,
       "layout: unknown layout \"../fonts/fonts\"", "layout=../fonts/fonts"},
      {"JsonBatchOverTheRecordLimitHttp", C::HttpBatchJson,
       [] {
         std::string records;
         for (int i = 0; i < 5001; ++i)
           records += std::string(i ? "," : "") + R"({"recipient": "张三"})";
         return R"({"layout": "certificate", "records": [)" + records + "]}";
       },
       413, "more than 5000 records in one batch, the limit (counted while reading"},
      {"CsvInBig5", C::ApiBatchCsv, lit(kBig5Csv), -1,
       "in.csv: is neither UTF-8 nor GB18030 as Chinese text would be ("},
      {"CsvInBig5Http", C::HttpBatchCsv, lit(kBig5Csv), 400,
       "is neither UTF-8 nor GB18030 as Chinese text would be (", "layout=certificate"},
      {"CsvInShiftJis", C::ApiBatchCsv,
       lit("recipient,citation,issuer,date\n\x8e\x52\x93\x63\x91\xbe\x98\x59,"
           "\x97\x44\x8f\x47\x8f\xdc\x82\xf0\x8e\xf3\x8f\xdc,\x93\xec\x8b\x9e\x8e\x73,2012-06-"
           "13\n"),
       -1, "in.csv: is neither UTF-8 nor GB18030 as Chinese text would be ("},
      {"CsvInUtf16WithoutBomIsDecoded", C::ApiBatchCsv,
       [] {
         const std::u16string text =
             u"recipient,citation,issuer,date\n张三,荣获先进个人。,南京市人民政府,2012-06-13\n";
         return std::string(reinterpret_cast<const char*>(text.data()), text.size() * 2);
       },
       0, "row 2 recipient: 张三"},
      {"CsvInGb18030IsDecoded", C::ApiBatchCsv,
       lit("recipient,citation,issuer,date\n\xd5\xc5\xc8\xfd,\xc8\xd9\xbb\xf1\xcf\xc8\xbd\xf8"
           "\xb8\xf6\xc8\xcb\xa1\xa3,\xc4\xcf\xbe\xa9\xca\xd0\xc8\xcb\xc3\xf1\xd5\xfe\xb8\xae,"
           "2012-06-13\n"),
       0, "row 2 recipient: 张三"},
      {"CsvUnterminatedQuote", C::ApiBatchCsv,
       lit("recipient,citation,issuer,date\n\"张三,荣获。,南京市人民政府,2012-06-13\n"), -1,
       "in.csv: line 2: a quoted field is never closed (missing \")"},
      {"CsvOnlyHeader", C::HttpBatchCsv, lit("recipient,citation,issuer,date\n"), 422,
       "no printable records — CSV: the CSV has a header row but no rows of records under it",
       "layout=certificate"},
      {"CsvRowsWithBadCells", C::ApiBatchCsv,
       lit("recipient,citation,issuer,date\n张三,荣获。,南京市人民政府,2012-06-13\n李四,荣获。\n,"
           "荣获。,南京市人民政府,2012-06-13\n"),
       2, "row 3, field issuer: required field \"issuer\" (颁奖单位) is missing"},
      {"CsvImpossibleDate", C::ApiBatchCsv,
       lit("recipient,citation,issuer,date\n张三,荣获。,南京市人民政府,2012-02-30\n"), 1,
       "row 2, field date: \"2012-02-30\" is not a date: 2012-02 has 29 days"},
      {"CsvMissingGlyphInAName", C::ApiBatchCsv,
       lit("recipient,citation,issuer,date\n李\xF0\x96\xA9\x80,荣获。,南京市人民政府,2012-06-13\n"),
       1, "row 2, field recipient: character U+16A40 '𖩀' at character 2"},
      {"CsvUnknownColumnIsNotFatal", C::ApiBatchCsv,
       lit("recipient,citation,issuer,date,mobile\n张三,荣获。,南京市人民政府,2012-06-13,1\n"), 0,
       "row 2 recipient: 张三"},
      // issue 17: private-use characters only from the role's font, a BOM, the mark's
      // smallest size, limits while scanning and fitting
      {"PrivateUseCharacter", C::CliRender, lit(article("t", "中\xEE\x80\x80文")), 2,
       "$.body (paragraph 1): character U+E000 '\xEE\x80\x80' at character 2 (中\xEE\x80\x80文) is "
       "a "
       "private-use character and has no glyph in the font of its role"},
      {"PrivateUseCharacterHttp", C::HttpRender, lit(article("t", "\xF3\xB0\x80\x80")), 422,
       "unprintable character — $.body (paragraph 1): character U+F0000"},
      {"Utf8Bom", C::CliRender, lit("\xEF\xBB\xBF" + article("t", "b")), 0, ""},
      {"Utf8BomHttp", C::HttpRender, lit("\xEF\xBB\xBF" + article("t", "b")), 200, "%PDF-"},
      {"TenThousandCharacterIssuerMark", C::CliRender,
       [] {
         std::string g = gongwen("");
         const std::string key = R"("issuer_mark": ")";
         const size_t at = g.find(key) + key.size();
         return g.replace(at, g.find('"', at) - at, repeat("南京市人民政府", 1430));
       },
       2, "$.issuer_mark: too long for the issuer mark: at the smallest size, 12pt"},
      {"TenMegabyteCellInACertificateBox", C::ApiBatchCsv,
       [] {
         return "recipient,citation,issuer,date\n" + repeat("张", 3'400'000) +
                ",荣获。,南京市人民政府,2012-06-13\n";
       },
       1, "too long for its box (recipient): at the smallest size, 22pt, it takes at least"},
      {"TenMegabytesOfUnknownObjectsHttp", C::HttpRender,
       [] {
         return R"({"layout": "article", "title": "t", "body": "b", "junk": [)" +
                repeat("{},", 3'000'000) + "{}]}";
       },
       413, "request too large — $: too large to read: more than 40000 objects and arrays"},
      {"ThreeMillionEmptyRecordsHttp", C::HttpBatchJson,
       [] {
         return R"({"layout": "certificate", "records": [)" + repeat("{},", 3'400'000) + "{}]}";
       },
       413, "too many records — $.records: more than 5000 records in one batch, the limit"},
  };
}

class BadInput : public ::testing::TestWithParam<Case> {};

TEST_P(BadInput, HasItsExactOutcome) {
  const Case& c = GetParam();
  Outcome o = run(c);
  if (std::getenv("GONGWEN_SHOW_OUTCOMES"))  // to write a new case's expectation
    std::cerr << c.name << " => " << o.code << " " << o.text.substr(0, 400) << "\n";
  EXPECT_EQ(o.code, c.expected) << o.text.substr(0, 2000);
  const std::string needle = o.needle.empty() ? c.needle : o.needle;
  EXPECT_NE(o.text.find(needle), std::string::npos) << "expected \"" << needle << "\" in:\n"
                                                    << o.text.substr(0, 2000);
  if (c.channel == Channel::CliRender && c.expected != 0) {
    EXPECT_FALSE(o.outputLeft) << "a failed render left a file";
    EXPECT_EQ(o.filesLeft, 1) << "a failed render left a temporary file";
  }
  if (c.channel == Channel::CliRender && c.expected == 2) {  // one line on stderr
    EXPECT_EQ(o.text.find('\n'), o.text.size() - 1) << o.text.substr(0, 2000);
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

TEST(BadInputCorpus, AFailedRenderLeavesAnExistingOutputUntouched) {
  TempDir dir;
  writeText(dir.file("in.json"), R"({"layout": "article", "title": 5})");
  writeText(dir.file("out.pdf"), "the PDF printed yesterday");
  auto r = runShell(cli() + " render " + dir.file("in.json") + " -o " + dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(readText(dir.file("out.pdf")), "the PDF printed yesterday");
}

// `--name-by FIELD` (one PDF per record, named by a field): a name is never a path.
TEST(BadInputCorpus, ANameFromARecordStaysInTheOutputFolder) {
  auto names = uniqueFileNames({"../../etc/passwd", "..", "a/b\\c", "/abs"},
                               {"row-2", "row-3", "row-4", "row-5"});
  EXPECT_EQ(names,
            (std::vector<std::string>{"etc-passwd.pdf", "row-3.pdf", "a-b-c.pdf", "abs.pdf"}));
}

// Windows device names are no files; bidi controls and zero-width characters hide what a
// name says; a name of only dots falls back to the documented row-N.
TEST(BadInputCorpus, SplitNamesAreNeitherDevicesNorDisguised) {
  auto names = uniqueFileNames({"CON", "nul.txt", "Com1", "LPT9", "COM\u00b9", "CONSOLE",
                                "fdp\u202Eexe", "张\u200B三", "...", "\u200D", ". . ."},
                               {"row 2", "row 3", "row 4", "row 5", "row 6", "row 7", "row 8",
                                "row 9", "$[8]", "$.records[9]", "row 12"});
  EXPECT_EQ(names, (std::vector<std::string>{"CON_.pdf", "nul_.txt.pdf", "Com1_.pdf", "LPT9_.pdf",
                                             "COM\u00b9_.pdf", "CONSOLE.pdf", "fdpexe.pdf",
                                             "张三.pdf", "row-9.pdf", "row-10.pdf", "row-12.pdf"}));
}

TEST(BadInputCorpus, FiftyThousandRowCsvIsReadWhole) {
  auto items = itemsFromCsv(csvRows(50000), "big.csv", engine().layouts().get("certificate"));
  ASSERT_EQ(items.size(), 50000u);
  EXPECT_EQ(items.back().label, "row 50001");
  EXPECT_TRUE(items.back().error.empty());
}

}  // namespace
}  // namespace gongwen::test
