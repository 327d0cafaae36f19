// Snowball's English stemmer, linked alone from Debian's libstemmer.a.
//
// libstemmer's API (sb_stemmer_new) picks a language from a table of all
// 29, so linking it brings every language's stemmer and their tables, which
// the loader relocates at every start; opening libstemmer.so instead cost
// 1.3-1.7 ms at the first stem (mostly its 10,840 relocations). Snowball's
// compiler gives each language three functions of its own (create, stem,
// close) on its runtime's SN_env, and libstemmer.a holds each language in
// an object of its own, so referring to the English functions links only
// English (15 KB). Their declarations are not installed by Debian; they
// are restated here from Snowball's runtime (api.h, 2.x), and a test
// compares this stemmer with sb_stemmer_stem word for word.
#ifndef STET_SRC_ANALYSIS_ENGLISH_STEMMER_H_
#define STET_SRC_ANALYSIS_ENGLISH_STEMMER_H_

#include <string>
#include <string_view>

namespace stet {

// The stem of `word` (lower case UTF-8), as sb_stemmer_stem with the
// "english" stemmer gives it; `word` itself if Snowball fails (no memory).
// One stemmer per thread: Snowball keeps its state between calls.
std::string EnglishStem(std::string_view word);

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_ENGLISH_STEMMER_H_
