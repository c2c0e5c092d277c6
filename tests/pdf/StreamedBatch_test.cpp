// A merged batch written while it is laid out (job/StreamedBatch.h) gives the text, the
// positions, the pages and the outline that the whole-document writer gives, and a file
// that qpdf and MuPDF accept.
#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <regex>

#include "job/Job.h"
#include "support/CertificateBatch.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

// `rows` certificates with made-up recipients and the specimen seal.
// With `badDate`, row 9 (the 8th record) has that date.
std::string certificateRows(size_t rows, const std::string& badDate = "") {
  static const char* kNames[] = {"王伟", "李芳", "张敏", "刘洋", "陈静", "杨磊",    "黄艳",
                                 "赵勇", "吴娟", "周涛", "徐明", "孙超", "欧阳晓东"};
  const std::string seal = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/specimen-seal.png";
  std::string csv = "recipient,citation,issuer,date,seal,serial\n";
  for (size_t i = 0; i < rows; ++i) {
    const std::string name = kNames[i % std::size(kNames)];
    const std::string date = i == 7 && !badDate.empty() ? badDate : "2012-06-13";
    csv += name +
           "同志,在2012年度全市质量强市工作中成绩突出，被评为质量工作先进个人。,南京市人民政府," +
           date + "," + seal + ",NJ-" + std::to_string(1000 + i) + "\n";
  }
  return csv;
}

JobResult runBatch(const std::string& csv, size_t streamAbove, bool duplex = false,
                   bool strict = false) {
  Job job = mergedCertificateJob(csv);
  job.duplex = duplex;
  job.strict = strict;
  job.streamAbove = streamAbove;
  return runJob(engine(), job);
}

std::string saved(const TempDir& dir, const std::string& name, const JobResult& r) {
  const std::string path = dir.file(name);
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(r.documents.at(0).bytes.data()),
             static_cast<std::streamsize>(r.documents.at(0).bytes.size()));
  return path;
}

// Every word and its box, page by page, as poppler reads them.
std::string wordsWithBoxes(const std::string& pdf) {
  const ProcessResult r = runShell("pdftotext -bbox " + shellQuote(pdf) + " -");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  // The head names the producer and the title only; the pages follow.
  const size_t body = r.out.find("<doc>");
  return body == std::string::npos ? "" : r.out.substr(body);
}

void expectSameDocument(const std::string& whole, const std::string& streamed) {
  const std::string a = wordsWithBoxes(whole), b = wordsWithBoxes(streamed);
  ASSERT_NE(a.find("<word"), std::string::npos) << "no words read from " << whole;
  EXPECT_EQ(a, b);
  EXPECT_EQ(runShell("pdfinfo " + shellQuote(whole) + " | grep -E '^Pages:'").out,
            runShell("pdfinfo " + shellQuote(streamed) + " | grep -E '^Pages:'").out);
  const ProcessResult check = runShell("qpdf --check " + shellQuote(streamed));
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  const ProcessResult draw =
      runShell("mutool draw -q -o /dev/null " + shellQuote(streamed) + " 2>&1");
  EXPECT_EQ(draw.exitCode, 0) << draw.out;
  EXPECT_EQ(draw.out.find("error"), std::string::npos) << draw.out;
  // The outline: one bookmark a record, on its page.
  const auto outline = [](const std::string& pdf) {
    return runShell("mutool show " + shellQuote(pdf) + " outline").out;
  };
  const std::string marks = outline(whole);
  EXPECT_NE(marks.find("欧阳晓东"), std::string::npos) << marks;
  EXPECT_EQ(marks, outline(streamed));
}

TEST(StreamedBatch, SameTextPositionsPagesAndOutlineAsTheWholeDocument) {
  TempDir dir;
  const std::string csv = certificateRows(300);  // more than one chunk of records
  const JobResult whole = runBatch(csv, std::numeric_limits<size_t>::max());
  const JobResult streamed = runBatch(csv, 0);
  ASSERT_EQ(whole.documents.size(), 1u);
  ASSERT_EQ(streamed.documents.size(), 1u);
  EXPECT_EQ(streamed.printed, 300u);
  EXPECT_EQ(streamed.pages, whole.pages);
  EXPECT_EQ(streamed.documents[0].pages, 300u);
  EXPECT_EQ(streamed.documents[0].fileName, whole.documents[0].fileName);
  expectSameDocument(saved(dir, "whole.pdf", whole), saved(dir, "streamed.pdf", streamed));
}

TEST(StreamedBatch, DuplexBlankPagesAndABadRowAsTheWholeDocument) {
  TempDir dir;
  const std::string csv = certificateRows(20, "2012-13-45");
  const JobResult whole = runBatch(csv, std::numeric_limits<size_t>::max(), true);
  const JobResult streamed = runBatch(csv, 0, true);
  ASSERT_EQ(whole.failures.size(), 1u);
  ASSERT_EQ(streamed.failures.size(), 1u);
  EXPECT_EQ(streamed.failures[0].index, whole.failures[0].index);
  EXPECT_EQ(streamed.failures[0].where, whole.failures[0].where);
  EXPECT_EQ(streamed.printed, 19u);
  EXPECT_EQ(streamed.pages, whole.pages);
  expectSameDocument(saved(dir, "whole-duplex.pdf", whole),
                     saved(dir, "streamed-duplex.pdf", streamed));
  // --strict: nothing printed when a record failed.
  const JobResult strict = runBatch(csv, 0, false, true);
  EXPECT_TRUE(strict.documents.empty());
  EXPECT_EQ(strict.failures.size(), 1u);
}

// A TrueType font (AR PL UKai, a Debian dependency) is subset keeping its glyph ids when
// streamed: the CLI's batch of 1001 records (streamed) prints its first 1000 pages as the
// batch of those 1000 records (whole) does.
TEST(StreamedBatch, ATrueTypeFontKeepsItsGlyphIdsAndItsText) {
  const std::string ukai = "/usr/share/fonts/truetype/arphic/ukai.ttc";
  if (!fileExists(ukai)) GTEST_SKIP() << ukai << " is not installed";
  TempDir dir;
  const std::string rows = certificateRows(1001);
  writeText(dir.file("1001.csv"), rows);
  writeText(dir.file("1000.csv"), rows.substr(0, rows.rfind('\n', rows.size() - 2) + 1));
  for (const char* n : {"1000", "1001"}) {
    const ProcessResult r =
        runShell(shellQuote(cli()) + " batch -q --font kaiti=" + ukai + " --layout certificate " +
                 shellQuote(dir.file(std::string(n) + ".csv")) + " -o " +
                 shellQuote(dir.file(std::string(n) + ".pdf")));
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }
  const std::string fonts = runShell("pdffonts " + shellQuote(dir.file("1001.pdf"))).out;
  EXPECT_NE(fonts.find("UKai"), std::string::npos) << fonts;
  EXPECT_NE(fonts.find("CID TrueType"), std::string::npos) << fonts;
  const auto words = [&](const std::string& name) {
    return runShell("pdftotext -bbox -l 1000 " + shellQuote(dir.file(name)) +
                    " - | sed -n '/<doc>/,$p'")
        .out;
  };
  const std::string whole = words("1000.pdf");
  ASSERT_NE(whole.find("<word"), std::string::npos);
  EXPECT_EQ(whole, words("1001.pdf"));
  EXPECT_EQ(runShell("qpdf --check " + shellQuote(dir.file("1001.pdf"))).exitCode, 0);
}

}  // namespace
}  // namespace gongwen::test
