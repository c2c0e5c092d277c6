#include "common/AtomicFile.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <utility>

namespace gongwen {
namespace {

Message reason(int error) {
  switch (error) {
    case ENOENT:
      return Message("the folder does not exist");
    case EACCES:
    case EPERM:
      return Message("permission denied");
    case EROFS:
      return Message("the file system is read-only");
    case ENOSPC:
    case EDQUOT:
      return Message("the disk is full (no space left on the device)");
    case EISDIR:
      return Message("it is a folder; name a file");
    case ENOTDIR:
      return Message("a part of the path is not a folder");
    case ENXIO:
      return Message("it cannot be opened for writing (a socket, or a FIFO no one reads)");
    default:
      return Message::verbatim(std::strerror(error));
  }
}

// `what`: Message("cannot write the PDF") or Message("cannot open for writing").
[[noreturn]] void fail(const std::string& path, const Message& what, int error) {
  throw OutputError(path, Message("{0}: {1}", what, reason(error)));
}

// Writes all of `size` bytes to `fd`; false with errno set on failure.
bool writeAll(int fd, const uint8_t* data, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

// A file descriptor closed when it goes.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now; false with errno set when close reports a failed write (NFS, full disk).
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

void writeStdout(const std::vector<uint8_t>& bytes) {
  if (::isatty(STDOUT_FILENO)) {
    throw OutputError("<stdout>",
                      Message("is a terminal: a PDF is not written to a terminal; name a file "
                              "with -o OUT.pdf or redirect the output (> OUT.pdf, | lp)"));
  }
  if (!writeAll(STDOUT_FILENO, bytes.data(), bytes.size()))
    fail("<stdout>", Message("cannot write the PDF"), errno);
}

void writeInto(const std::string& path, const std::vector<uint8_t>& bytes) {
  // No O_CREAT, no O_TRUNC: the node is there and stays what it is.
  Fd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) fail(path, Message("cannot open for writing"), errno);
  if (!writeAll(fd.get(), bytes.data(), bytes.size()))
    fail(path, Message("cannot write the PDF"), errno);
  if (!fd.close()) fail(path, Message("cannot write the PDF"), errno);
}

// Removes "<name>.tmp-<pid>-XXXXXX" files in `dir` left by processes that are gone.
void removeStaleTemporaries(const std::string& dir, const std::string& name) {
  const std::string prefix = name + ".tmp-";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string file = entry.path().filename().string();
    if (!file.starts_with(prefix)) continue;
    const std::string rest = file.substr(prefix.size());
    const auto dash = rest.find('-');
    if (dash == std::string::npos || dash == 0 || rest.size() - dash - 1 != 6) continue;
    if (rest.substr(0, dash).find_first_not_of("0123456789") != std::string::npos) continue;
    const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still alive
    std::filesystem::remove(entry.path(), ec);
  }
}

void syncFolder(const std::string& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());  // some file systems cannot: nothing more to do
}

// Opens a new temporary beside `path` ("out.pdf.tmp-<pid>-XXXXXX", named in `tmp`; its
// folder in `dir`), after removing those of dead processes. Throws OutputError.
int openTemporary(const std::string& path, std::string& dir, std::string& tmp) {
  const auto slash = path.rfind('/');
  dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.empty() || name == "." || name == "..") {
    throw OutputError(path, Message("{0}: {1}", Message("cannot write the PDF"), reason(EISDIR)));
  }
  struct stat folder {};
  if (::stat(dir.c_str(), &folder) != 0) fail(path, Message("cannot write the PDF"), errno);
  if (!S_ISDIR(folder.st_mode)) fail(path, Message("cannot write the PDF"), ENOTDIR);
  removeStaleTemporaries(dir, name);
  tmp = path + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
  const int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) fail(path, Message("cannot write the PDF"), errno);
  return fd;
}

// Removes the temporary and throws OutputError naming `path`.
[[noreturn]] void failAndRemove(const std::string& tmp, const std::string& path, int error) {
  ::unlink(tmp.c_str());
  fail(path, Message("cannot write the PDF"), error);
}

// The temporary, whole: synced, closed and renamed over `path`; then its folder synced.
void replaceByTemporary(Fd& fd, const std::string& tmp, const std::string& path,
                        const std::string& dir) {
  if (::fchmod(fd.get(), 0644) != 0) failAndRemove(tmp, path, errno);
  if (::fsync(fd.get()) != 0 && errno != EINVAL) failAndRemove(tmp, path, errno);
  if (!fd.close()) failAndRemove(tmp, path, errno);
  if (::rename(tmp.c_str(), path.c_str()) != 0) failAndRemove(tmp, path, errno);
  syncFolder(dir);
}

void replaceAtomically(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::string dir, tmp;
  Fd fd(openTemporary(path, dir, tmp));
  if (!writeAll(fd.get(), bytes.data(), bytes.size())) failAndRemove(tmp, path, errno);
  replaceByTemporary(fd, tmp, path, dir);
}

// The file a regular `path` names: the one a symbolic link points to (replaced, not the
// link), else `path` itself.
std::string replacedFile(const std::string& path) {
  struct stat link {};
  if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    std::error_code ec;
    const auto target = std::filesystem::canonical(path, ec);
    if (!ec) return target.string();
  }
  return path;
}

}  // namespace

void writeOutput(const std::string& path, const std::vector<uint8_t>& bytes) {
  if (path == "-") return writeStdout(bytes);
  if (path.empty()) throw OutputError("-o", Message("the output file name is empty"));
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) fail(path, Message("cannot write the PDF"), EISDIR);
    if (!S_ISREG(st.st_mode)) return writeInto(path, bytes);  // /dev/null, a FIFO, a tty
    // A symbolic link to a regular file: the file it points to is replaced, not the link.
    return replaceAtomically(replacedFile(path), bytes);
  }
  replaceAtomically(path, bytes);
}

bool OutputFile::writtenInPieces(const std::string& path) {
  if (path.empty() || path == "-") return false;
  struct stat st {};
  return ::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode);
}

OutputFile::OutputFile(const std::string& path) : path_(path) {}

OutputFile::~OutputFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(tmp_.c_str());  // not whole: the target stays as it was
  }
}

void OutputFile::write(const void* data, size_t size) {
  if (committed_) throw std::logic_error("OutputFile: written after commit");
  if (fd_ < 0) {
    if (!writtenInPieces(path_)) {
      throw OutputError(path_,
                        Message("{0}: {1}", Message("cannot write the PDF"), reason(EISDIR)));
    }
    target_ = replacedFile(path_);
    fd_ = openTemporary(target_, dir_, tmp_);
  }
  if (!writeAll(fd_, static_cast<const uint8_t*>(data), size)) {
    const int error = errno;
    ::close(std::exchange(fd_, -1));
    failAndRemove(tmp_, path_, error);
  }
}

void OutputFile::commit() {
  if (fd_ < 0) throw std::logic_error("OutputFile: nothing written to commit");
  Fd fd(std::exchange(fd_, -1));
  committed_ = true;
  replaceByTemporary(fd, tmp_, target_, dir_);
}

}  // namespace gongwen
