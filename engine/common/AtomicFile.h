// Every output file is written through writeOutput: a whole file or nothing.
//  - A regular file (or a new name): the bytes go to a temporary beside the target
//    ("out.pdf.tmp-<pid>-XXXXXX"), which is synced and renamed over it only when complete;
//    then the folder is synced. A failed write leaves no partial file and removes its
//    temporary; a temporary left by a process that died (SIGKILL, power cut) is removed by
//    the next write to the same name.
//  - A device node or a FIFO (-o /dev/null, a pipe made with mkfifo): written into directly,
//    never replaced.
//  - "-": standard output; refused when it is a terminal.
// Every failure (a folder, a missing folder, no permission, a full disk, a socket) is an
// OutputError naming the path.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/Errors.h"

namespace gongwen {

// Where an output could not be written: not the program's fault (exit 2), named by path.
class OutputError : public InputError {
 public:
  using InputError::InputError;
};

// Throws OutputError naming the file on failure (after removing the temporary).
void writeOutput(const std::string& path, const std::vector<uint8_t>& bytes);

// A regular file written in pieces as they are made (a streamed merged PDF): the pieces go
// to a temporary beside the target (opened at the first write), which replaces the target
// only at commit(), synced, as writeOutput does. Destroyed before commit() (a failure, a
// batch stopped by --strict), it removes the temporary: the target stays as it was, never
// half written. A process killed meanwhile leaves the temporary, which the next write to
// the same name removes.
class OutputFile {
 public:
  explicit OutputFile(const std::string& path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Whether `path` is written through a temporary (a regular file, a link to one, or a new
  // name), so it may be written in pieces; not "-", a device or a FIFO, which writeOutput
  // writes whole when the document is made.
  static bool writtenInPieces(const std::string& path);

  // Throws OutputError naming the path (the temporary removed).
  void write(const void* data, size_t size);
  bool started() const { return fd_ >= 0 || committed_; }
  // The whole file in place. Throws OutputError (the temporary removed).
  void commit();

 private:
  std::string path_, target_, dir_, tmp_;
  int fd_ = -1;
  bool committed_ = false;
};

// The old name of writeOutput for regular files.
inline void writeFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes) {
  writeOutput(path, bytes);
}

}  // namespace gongwen
