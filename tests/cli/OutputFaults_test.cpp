// Where the command line writes, when it is not an ordinary file in a writable folder:
// device nodes and FIFOs are written into and never replaced; a folder, a missing folder,
// a read-only folder, a full disk and a full stdout are exit 2 with a message naming the
// path, with no partial file and no temporary left; a temporary left by a killed run is
// removed by the next; empty option values are refused; a PDF never goes to a terminal.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>

#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

const std::string kRecord =
    R"({"layout": "article", "title": "通知", "body": "定于六月十三日召开会议。"})";

std::string input(const TempDir& dir) {
  writeText(dir.file("in.json"), kRecord);
  return shellQuote(dir.file("in.json"));
}

ProcessResult render(const TempDir& dir, const std::string& output, const std::string& pre = "") {
  return runShell(pre + cli() + " render " + input(dir) + " -o " + shellQuote(output));
}

bool isCharDevice(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

void expectOneLine(const ProcessResult& r, int code, const std::string& needle) {
  EXPECT_EQ(r.exitCode, code) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

// A small tmpfs mounted for the test (root only), unmounted when it goes.
class SmallTmpfs {
 public:
  SmallTmpfs(const std::string& dir, const char* options) : dir_(dir) {
    std::filesystem::create_directories(dir);
    mounted_ = ::geteuid() == 0 && ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options) == 0;
  }
  ~SmallTmpfs() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }

 private:
  std::string dir_;
  bool mounted_ = false;
};

TEST(OutputFaults, DevNullIsWrittenIntoNotReplaced) {
  TempDir dir;
  auto r = render(dir, "/dev/null");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(isCharDevice("/dev/null"));
  // As another user too (the common `-o /dev/null` idiom failed with exit 1).
  if (::geteuid() == 0 && runShell("id -u nobody").exitCode == 0) {
    ::chmod(dir.path().c_str(), 0755);
    ::chmod(dir.file("in.json").c_str(), 0644);
    auto user = runShell("setpriv --reuid=nobody --regid=nogroup --clear-groups " + cli() +
                         " render " + shellQuote(dir.file("in.json")) + " -o /dev/null");
    EXPECT_EQ(user.exitCode, 0) << user.err;
  }
}

TEST(OutputFaults, ADeviceNodeMadeWithMknodStaysADeviceNode) {
  if (::geteuid() != 0) GTEST_SKIP() << "mknod needs root";
  TempDir dir;
  const std::string node = dir.file("null");
  ASSERT_EQ(::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  auto r = render(dir, node);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(isCharDevice(node)) << "the node was replaced by a regular file";
  // /dev/full's copy: the write fails, the node stays.
  const std::string full = dir.file("full");
  ASSERT_EQ(::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)), 0);
  expectOneLine(render(dir, full), 2, full + ": cannot write the PDF: the disk is full");
  EXPECT_TRUE(isCharDevice(full));
  EXPECT_EQ(test::directoryEntries(dir.path()),
            (std::vector<std::string>{"full", "in.json", "null"}));
}

TEST(OutputFaults, AFifoIsWrittenThrough) {
  TempDir dir;
  const std::string fifo = dir.file("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto r = runShell("cat " + shellQuote(fifo) + " > " + shellQuote(dir.file("read.pdf")) + " & " +
                    cli() + " render " + input(dir) + " -o " + shellQuote(fifo) +
                    "; s=$?; wait; exit $s");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_EQ(readText(dir.file("read.pdf")).substr(0, 5), "%PDF-");
}

TEST(OutputFaults, AFolderAMissingFolderAndAReadOnlyFolderNameThePath) {
  TempDir dir;
  expectOneLine(render(dir, dir.path()), 2, dir.path() + ": cannot write the PDF: it is a folder");
  const std::string missing = dir.file("no/such/out.pdf");
  expectOneLine(render(dir, missing), 2,
                missing + ": cannot write the PDF: the folder does not exist");
  const std::string ro = dir.file("ro");
  SmallTmpfs readOnly(ro, "size=64k,ro");
  if (!readOnly.mounted()) {
    if (::geteuid() == 0) GTEST_SKIP() << "no read-only tmpfs, and root writes anywhere";
    ::chmod(ro.c_str(), 0555);
  }
  expectOneLine(render(dir, ro + "/out.pdf"), 2, ro + "/out.pdf: cannot write the PDF: ");
  EXPECT_EQ(test::directoryEntries(dir.path()), (std::vector<std::string>{"in.json", "ro"}));
}

TEST(OutputFaults, AFullDiskLeavesNoPartialFileAndNoTemporary) {
  TempDir dir;
  const std::string small = dir.file("small");
  SmallTmpfs tmpfs(small, "size=4k");
  // Without a tmpfs, a write failure injected by a file size limit (EFBIG).
  const std::string pre = tmpfs.mounted() ? "" : "trap '' XFSZ; ulimit -f 8; ";
  if (!tmpfs.mounted()) std::filesystem::create_directories(small);
  writeText(small + "/out.pdf", "yesterday's PDF");
  auto r = render(dir, small + "/out.pdf", pre);
  expectOneLine(r, 2, small + "/out.pdf: cannot write the PDF: ");
  EXPECT_EQ(test::directoryEntries(small), (std::vector<std::string>{"out.pdf"}));
  EXPECT_EQ(readText(small + "/out.pdf"), "yesterday's PDF");
}

TEST(OutputFaults, SplitOntoAFullDiskNamesTheFilesNotWritten) {
  TempDir dir;
  std::string csv = "recipient,citation,issuer,date\n";
  for (int i = 1; i <= 19; ++i)
    csv += "张三" + std::to_string(i) + ",荣获先进个人。,南京市人民政府,2012-06-13\n";
  writeText(dir.file("in.csv"), csv);
  const std::string small = dir.file("small");
  SmallTmpfs tmpfs(small, "size=256k");
  const std::string pre = tmpfs.mounted() ? "" : "trap '' XFSZ; ulimit -f 1; ";
  auto r =
      runShell(pre + cli() + " batch " + shellQuote(dir.file("in.csv")) +
               " --layout certificate -q --split " + shellQuote(small) + " --name-by recipient");
  EXPECT_EQ(r.exitCode, 2) << r.err;
  // Every file either whole and present, or named in the message.
  size_t written = 0, named = 0;
  for (int i = 1; i <= 19; ++i) {
    const std::string name = "张三" + std::to_string(i) + ".pdf";
    if (fileExists(small + "/" + name)) {
      ++written;
      EXPECT_EQ(readText(small + "/" + name).substr(0, 5), "%PDF-");
    } else {
      ++named;
      EXPECT_NE(r.err.find(name), std::string::npos) << name << " missing, not named: " << r.err;
    }
  }
  EXPECT_GT(named, 0u);
  EXPECT_NE(r.err.find(std::to_string(named) + " of 19 files were not written"), std::string::npos)
      << r.err;
  for (const auto& e : test::directoryEntries(small))
    EXPECT_EQ(e.find(".tmp-"), std::string::npos) << e;
  (void)written;
}

TEST(OutputFaults, StdoutWriteErrorsAreNotIgnored) {
  TempDir dir;
  auto r = runShell(cli() + " render " + input(dir) + " -o - > /dev/full");
  expectOneLine(r, 2, "<stdout>: cannot write the PDF: the disk is full");
  auto batch = runShell(cli() + " batch " + input(dir) + " -q -o - > /dev/full");
  EXPECT_EQ(batch.exitCode, 2) << batch.err;
}

TEST(OutputFaults, APdfIsNotWrittenToATerminal) {
  TempDir dir;
  input(dir);
  // script(1) gives the command a terminal for its stdout.
  auto r =
      runShell("script -qec " +
               shellQuote(cli() + " render - < " + shellQuote(dir.file("in.json"))) + " /dev/null");
  EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
  EXPECT_NE(r.out.find("a PDF is not written to a terminal"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("%PDF"), std::string::npos);
}

// A SIGKILL mid-write leaves "out.pdf.tmp-<pid>-XXXXXX"; the next write to out.pdf removes
// it (its process is gone). Another process's live temporary is left alone.
TEST(OutputFaults, AStaleTemporaryIsRemovedByTheNextRun) {
  TempDir dir;
  const int dead = 4'000'000 + static_cast<int>(::getpid() % 100'000);  // above pid_max
  writeText(dir.file("out.pdf.tmp-" + std::to_string(dead) + "-AbC123"), "half a PDF");
  writeText(dir.file("out.pdf.tmp-" + std::to_string(::getpid()) + "-XyZ789"), "in progress");
  writeText(dir.file("other.pdf.tmp-" + std::to_string(dead) + "-AbC123"), "not ours");
  auto r = render(dir, dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(test::directoryEntries(dir.path()),
            (std::vector<std::string>{
                "in.json", "other.pdf.tmp-" + std::to_string(dead) + "-AbC123", "out.pdf",
                "out.pdf.tmp-" + std::to_string(::getpid()) + "-XyZ789"}));
}

TEST(OutputFaults, EmptyOptionValuesAreRefused) {
  TempDir dir;
  for (const std::string& args :
       {std::string("render IN -o ''"), std::string("render IN --layout ''"),
        std::string("batch IN --split ''"), std::string("batch IN --split out --name-by ''"),
        std::string("render ''")}) {
    std::string command = args;
    command.replace(command.find("IN") == std::string::npos ? 0 : command.find("IN"),
                    command.find("IN") == std::string::npos ? 0 : 2, input(dir));
    auto r = runShell(cli() + " " + command);
    EXPECT_EQ(r.exitCode, 2) << args << ": " << r.err;
    EXPECT_TRUE(r.err.find("found an empty one") != std::string::npos ||
                r.err.find("an input file name is empty") != std::string::npos)
        << args << ": " << r.err;
    EXPECT_EQ(test::directoryEntries(dir.path()), (std::vector<std::string>{"in.json"})) << args;
  }
}

}  // namespace
}  // namespace gongwen::test
