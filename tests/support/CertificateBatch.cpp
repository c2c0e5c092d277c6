#include "support/CertificateBatch.h"

namespace gongwen::test {

Job mergedCertificateJob(const std::string& csv) {
  Job job;
  job.input.bytes = csv;
  job.input.source = "people.csv";
  job.input.fileName = "people.csv";
  job.render.layout = "certificate";
  job.shape = OutputShape::Merged;
  return job;
}

}  // namespace gongwen::test
