// Libraries opened on first use instead of linked: a library in the link
// is mapped and relocated at every start, whatever the command
// (docs/design.md, "Start-up").
#ifndef STET_SRC_BASE_SHARED_LIBRARY_H_
#define STET_SRC_BASE_SHARED_LIBRARY_H_

#include <dlfcn.h>

namespace stet {

// Points `out` at the entry point `name` of an opened library; false when
// the library lacks it.
template <typename Function>
bool Resolve(void* handle, const char* name, Function& out) {
  out = reinterpret_cast<Function>(::dlsym(handle, name));
  return out != nullptr;
}

// A library's entry points, opened once per process: `Library` is a struct
// of function pointers that `resolve_all(handle, library)` fills with
// Resolve. Null when the library cannot be opened or lacks one of them.
template <typename Library, typename ResolveAll>
const Library* OpenedOnce(const char* soname, ResolveAll resolve_all) {
  static const Library* const opened = [&]() -> const Library* {
    static Library library;
    void* handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr || !resolve_all(handle, library)) return nullptr;
    return &library;
  }();
  return opened;
}

}  // namespace stet

#endif  // STET_SRC_BASE_SHARED_LIBRARY_H_
