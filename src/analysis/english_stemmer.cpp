// Snowball's English stemmer through its generated functions
// (src/analysis/english_stemmer.h says why).
#include "analysis/english_stemmer.h"

#include <memory>

namespace {

// Snowball's runtime environment (libstemmer_c/runtime/api.h, 2.x): the
// current string is `p`, its length `l`. Only those two are read here.
struct SN_env {
  unsigned char* p;
  int c;
  int l;
  int lb;
  int bra;
  int ket;
  unsigned char** S;
  int* I;
};

}  // namespace

extern "C" {
SN_env* english_UTF_8_create_env(void);
void english_UTF_8_close_env(SN_env* z);
int english_UTF_8_stem(SN_env* z);
int SN_set_current(SN_env* z, int size, const unsigned char* s);
}

namespace stet {

std::string EnglishStem(std::string_view word) {
  thread_local const std::unique_ptr<SN_env, void (*)(SN_env*)> env(english_UTF_8_create_env(),
                                                                    english_UTF_8_close_env);
  // As sb_stemmer_stem: a failed copy or stem leaves the word as it was.
  if (!env || SN_set_current(env.get(), static_cast<int>(word.size()),
                             reinterpret_cast<const unsigned char*>(word.data())) != 0) {
    return std::string(word);
  }
  if (english_UTF_8_stem(env.get()) < 0) return std::string(word);
  return std::string(reinterpret_cast<const char*>(env->p), static_cast<std::size_t>(env->l));
}

}  // namespace stet
