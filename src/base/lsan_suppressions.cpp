// Leaks LeakSanitizer would report that are not stet's, compiled into the
// sanitizer build's executables only (STET_SANITIZE).
//
// libgit2 1.5's git_regexp_match (src/util/regexp.c, PCRE2 backend)
// returns on a failed match without freeing its pcre2 match data, so each
// config lookup by pattern (git_remote_create, git_remote_list, ...) leaks
// one. stet calls PCRE2 only through libgit2, so these frames are
// libgit2's. The frames are the only ones unwound through Debian's static
// PCRE2.
// Quiet about them: a command's stderr is part of what the tests check.
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}

extern "C" const char* __lsan_default_suppressions() {
  return "leak:_pcre2_memctl_malloc_8\n"
         "leak:pcre2_match_8\n";
}
