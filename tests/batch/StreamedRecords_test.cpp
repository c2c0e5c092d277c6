// A streamed merged batch (job/StreamedBatch.h) of a spreadsheet holds a chunk of its
// records at a time: the sheet is read through once to count and check it (nothing kept),
// then again a chunk at a time (batch/RecordSource.h); its bad rows are named as before;
// and its PDF goes into the output file as it is made, which appears only when whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>

#include "batch/BatchInput.h"
#include "batch/RecordSource.h"
#include "common/AtomicFile.h"
#include "common/JobError.h"
#include "job/Job.h"
#include "support/CertificateBatch.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

// `rows` certificates; with `badRow` (a line number: the header is line 1), that row's
// date is no date.
std::string certificateCsv(size_t rows, size_t badRow = 0) {
  std::string csv = "recipient,citation,issuer,date,serial\n";
  for (size_t i = 0; i < rows; ++i) {
    const size_t line = i + 2;
    csv += "王伟" + std::to_string(i) + "同志,在质量强市工作中成绩突出。,南京市人民政府," +
           (line == badRow ? std::string("2012-13-45") : std::string("2012-06-13")) + ",NJ-" +
           std::to_string(1000 + i) + "\n";
  }
  return csv;
}

// Reads `source` in chunks of `chunk`, checking that the records of a chunk are freed once
// the next chunks come (the source keeps none of them): returns the labels in order.
std::vector<std::string> readInChunks(RecordSource& source, size_t chunk) {
  std::vector<std::string> labels;
  std::vector<Poco::JSON::Object::Ptr> firstOfChunk;  // held here only
  size_t chunks = 0;
  source.forEachChunk(chunk, [&](std::vector<BatchItem>& items, size_t first) {
    EXPECT_EQ(first, labels.size());
    EXPECT_GE(items.size(), 1u);
    EXPECT_LE(items.size(), chunk);
    for (const auto& item : items) labels.push_back(item.label);
    firstOfChunk.push_back(items.front().record);
    // The records handed over two chunks ago are held by nobody else any more.
    if (chunks >= 2) {
      EXPECT_EQ(firstOfChunk[chunks - 2].referenceCount(), 1) << chunks;
    }
    ++chunks;
    return true;
  });
  EXPECT_EQ(chunks, (labels.size() + chunk - 1) / chunk);
  return labels;
}

TEST(StreamedRecords, ACsvOfThousandsOfRowsIsReadAChunkAtATime) {
  const std::string csv = certificateCsv(3000);
  JobInput input;
  input.bytes = csv;
  input.source = "people.csv";
  input.fileName = "people.csv";
  // More records than kept: counted and checked, none kept, read again in chunks.
  BatchInput in = readBatchInput(input, "certificate", engine().layouts(), 1'000'000, {}, 1000);
  EXPECT_EQ(in.records, 3000u);
  EXPECT_TRUE(in.items.empty());
  ASSERT_TRUE(in.reread);
  const std::vector<std::string> labels = readInChunks(*in.reread, 256);
  ASSERT_EQ(labels.size(), 3000u);
  EXPECT_EQ(labels.front(), "row 2");
  EXPECT_EQ(labels[2498], "row 2500");
  EXPECT_EQ(labels.back(), "row 3001");
  // Up to keepAtMost records: kept as before, nothing to read again.
  BatchInput kept = readBatchInput(input, "certificate", engine().layouts(), 1'000'000, {}, 3000);
  EXPECT_EQ(kept.items.size(), 3000u);
  EXPECT_EQ(kept.records, 3000u);
  EXPECT_FALSE(kept.reread);
  EXPECT_EQ(kept.items[2498].label, "row 2500");
  EXPECT_EQ(kept.items[2498].record->getValue<std::string>("recipient"), "王伟2498同志");
}

TEST(StreamedRecords, AnXlsxWrittenByXlsxWriterIsReadAChunkAtATime) {
  TempDir dir;
  const std::string book = dir.file("people.xlsx");
  const ProcessResult made = runShell(
      "/usr/bin/python3 -c 'import sys, xlsxwriter\n"
      "wb = xlsxwriter.Workbook(sys.argv[1]); ws = wb.add_worksheet(\"名单\")\n"
      "ws.write_row(0, 0, [\"获奖单位或个人\", \"奖励事由\", \"颁奖单位\", \"颁奖日期\"])\n"
      "for i in range(2500): ws.write_row(i + 1, 0, [\"李芳%d\" % i, \"成绩突出。\", "
      "\"南京市人民政府\", \"2012-06-13\"])\n"
      "wb.close()' " +
      shellQuote(book));
  ASSERT_EQ(made.exitCode, 0) << made.err;
  JobInput input;
  input.bytes = readText(book);
  input.source = "people.xlsx";
  // No record limit, as the CLI reads it (SIZE_MAX once overflowed the reader's row limit).
  BatchInput in = readBatchInput(input, "certificate", engine().layouts(),
                                 std::numeric_limits<size_t>::max(), {}, 1000);
  EXPECT_EQ(in.records, 2500u);
  EXPECT_TRUE(in.items.empty());
  ASSERT_TRUE(in.reread);
  const std::vector<std::string> labels = readInChunks(*in.reread, 300);
  ASSERT_EQ(labels.size(), 2500u);
  EXPECT_EQ(labels.front(), "sheet \"名单\", row 2");
  EXPECT_EQ(labels.back(), "sheet \"名单\", row 2501");
}

Job streamedJob(const std::string& csv, OutputFile* file) {
  Job job = mergedCertificateJob(csv);
  job.streamTo = file;
  return job;
}

TEST(StreamedRecords, ABadRowIsNamedAndThePdfAppearsOnlyWhenWhole) {
  TempDir dir;
  const std::string csv = certificateCsv(3000, 2500);
  const std::string target = dir.file("all.pdf");
  {
    OutputFile file(target);
    Job job = streamedJob(csv, &file);
    size_t highest = 0;
    job.progress = [&](size_t done, size_t total) {
      EXPECT_EQ(total, 3000u);
      highest = std::max(highest, done);
    };
    const JobResult r = runJob(engine(), job);
    ASSERT_EQ(r.failures.size(), 1u);
    EXPECT_EQ(r.failures[0].index, 2498u);
    EXPECT_EQ(r.failures[0].label.english(), "row 2500");
    EXPECT_EQ(r.failures[0].where.rfind("row 2500", 0), 0u) << r.failures[0].where;
    EXPECT_EQ(r.records, 3000u);
    EXPECT_EQ(r.printed, 2999u);
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_TRUE(r.documents[0].written);
    EXPECT_TRUE(r.documents[0].bytes.empty());
    EXPECT_EQ(r.documents[0].pages, 2999u);
    EXPECT_GE(highest, 2999u);
    // Written, not yet committed: only the temporary is there.
    const auto before = test::directoryEntries(dir.path());
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(before[0].rfind("all.pdf.tmp-", 0), 0u) << before[0];
    file.commit();
  }
  EXPECT_EQ(test::directoryEntries(dir.path()), std::vector<std::string>{"all.pdf"});
  EXPECT_EQ(runShell("qpdf --check " + shellQuote(target)).exitCode, 0);
  EXPECT_EQ(runShell("pdfinfo " + shellQuote(target) + " | sed -n 's/^Pages: *//p'").out, "2999\n");
}

TEST(StreamedRecords, AStrictBatchStoppedByARowLeavesNoFile) {
  TempDir dir;
  const std::string csv = certificateCsv(3000, 2500);
  const std::string target = dir.file("all.pdf");
  {
    OutputFile file(target);
    Job job = streamedJob(csv, &file);
    job.strict = true;
    const JobResult r = runJob(engine(), job);
    EXPECT_TRUE(r.documents.empty());
    ASSERT_FALSE(r.failures.empty());
    EXPECT_EQ(r.failures[0].label.english(), "row 2500");
    // The pages before row 2500 went into the temporary (more than a megabyte of them).
    EXPECT_TRUE(file.started());
  }  // not committed: the temporary goes
  EXPECT_TRUE(test::directoryEntries(dir.path()).empty());
}

TEST(StreamedRecords, TheRecordLimitIsCheckedBeforeAnyWork) {
  const std::string csv = certificateCsv(3000);
  TempDir dir;
  OutputFile file(dir.file("all.pdf"));
  Job job = streamedJob(csv, &file);
  job.limits.maxRecords = 2000;
  bool started = false;
  job.progress = [&](size_t, size_t) { started = true; };
  try {
    runJob(engine(), job);
    FAIL() << "3000 records passed a limit of 2000";
  } catch (const JobError& e) {
    EXPECT_EQ(e.kind(), JobError::Kind::TooManyRecords);
    EXPECT_NE(e.messageText().english().find("3000 records, more than the limit of 2000"),
              std::string::npos)
        << e.messageText().english();
  }
  EXPECT_FALSE(started);
  EXPECT_FALSE(file.started());
}

// (Not "%PDF-" bytes: the suite's kept PDFs are checked as PDFs.)
TEST(StreamedRecords, AnOutputFileNotCommittedLeavesTheTargetAsItWas) {
  TempDir dir;
  const std::string target = dir.file("out.pdf");
  writeText(target, "yesterday's PDF");
  {
    OutputFile file(target);
    file.write("today's ", 8);
    EXPECT_EQ(test::directoryEntries(dir.path()).size(), 2u);  // the target and the temporary
  }
  EXPECT_EQ(test::directoryEntries(dir.path()), std::vector<std::string>{"out.pdf"});
  EXPECT_EQ(readText(target), "yesterday's PDF");
  {
    OutputFile file(target);
    file.write("today's ", 8);
    file.write("PDF", 3);
    file.commit();
  }
  EXPECT_EQ(test::directoryEntries(dir.path()), std::vector<std::string>{"out.pdf"});
  EXPECT_EQ(readText(target), "today's PDF");
  EXPECT_TRUE(OutputFile::writtenInPieces(target));
  EXPECT_TRUE(OutputFile::writtenInPieces(dir.file("new.pdf")));
  EXPECT_FALSE(OutputFile::writtenInPieces("/dev/null"));
  EXPECT_FALSE(OutputFile::writtenInPieces("-"));
}

// The command line: a strict streamed batch stopped by row 2500 and a batch onto a disk
// that fills up leave no file and no temporary; a good one leaves the whole PDF.
TEST(StreamedRecords, TheCommandLineWritesTheFileOnlyWhenWhole) {
  TempDir dir;
  writeText(dir.file("bad.csv"), certificateCsv(3000, 2500));
  const std::string out = dir.file("out");
  std::filesystem::create_directories(out);
  const ProcessResult strict =
      runShell(shellQuote(cli()) + " batch -q --strict --layout certificate " +
               shellQuote(dir.file("bad.csv")) + " -o " + shellQuote(out + "/all.pdf"));
  EXPECT_EQ(strict.exitCode, 2) << strict.err;
  EXPECT_NE(strict.err.find("row 2500"), std::string::npos) << strict.err;
  EXPECT_TRUE(test::directoryEntries(out).empty());
  // A file size limit (EFBIG) halfway through: exit 2 naming the file, nothing left.
  const ProcessResult full = runShell(
      "trap '' XFSZ; ulimit -f 1024; " + shellQuote(cli()) + " batch -q --layout certificate " +
      shellQuote(dir.file("bad.csv")) + " -o " + shellQuote(out + "/all.pdf"));
  EXPECT_EQ(full.exitCode, 2) << full.err;
  EXPECT_NE(full.err.find(out + "/all.pdf: cannot write the PDF: "), std::string::npos) << full.err;
  EXPECT_TRUE(test::directoryEntries(out).empty());
  const ProcessResult good =
      runShell(shellQuote(cli()) + " batch -q --layout certificate " +
               shellQuote(dir.file("bad.csv")) + " -o " + shellQuote(out + "/all.pdf"));
  EXPECT_EQ(good.exitCode, 3) << good.err;  // one bad record
  EXPECT_NE(good.err.find("row 2500"), std::string::npos) << good.err;
  EXPECT_EQ(test::directoryEntries(out), std::vector<std::string>{"all.pdf"});
  EXPECT_EQ(runShell("qpdf --check " + shellQuote(out + "/all.pdf")).exitCode, 0);
}

}  // namespace
}  // namespace gongwen::test
