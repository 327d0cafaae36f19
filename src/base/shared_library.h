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

}  // namespace stet

#endif  // STET_SRC_BASE_SHARED_LIBRARY_H_
