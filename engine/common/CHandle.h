// RAII for C library handles: CHandle<hb_font_t, hb_font_destroy> owns one hb_font_t*.
#pragma once

#include <memory>

namespace gongwen {

template <auto Destroy>
struct CDeleter {
  template <typename T>
  void operator()(T* p) const noexcept {
    if (p) Destroy(p);
  }
};

template <typename T, auto Destroy>
using CHandle = std::unique_ptr<T, CDeleter<Destroy>>;

}  // namespace gongwen
