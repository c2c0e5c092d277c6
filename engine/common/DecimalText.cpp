#include "common/DecimalText.h"

namespace gongwen {

void appendThousandths(std::string& out, long long thousandths) {
  if (thousandths == 0) {
    out += '0';
    return;
  }
  if (thousandths < 0) {
    out += '-';
    thousandths = -thousandths;
  }
  char buf[32];
  char* end = buf + sizeof buf;
  char* p = end;
  long long whole = thousandths / 1000;
  int frac = static_cast<int>(thousandths % 1000);
  if (frac != 0) {
    int digits = 3;
    while (frac % 10 == 0) {
      frac /= 10;
      --digits;
    }
    for (int i = 0; i < digits; ++i) {
      *--p = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    *--p = '.';
  }
  do {
    *--p = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole != 0);
  out.append(p, static_cast<size_t>(end - p));
}

}  // namespace gongwen
