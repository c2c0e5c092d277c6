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

// The old name of writeOutput for regular files.
inline void writeFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes) {
  writeOutput(path, bytes);
}

}  // namespace gongwen
