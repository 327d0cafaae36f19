// Leaks LeakSanitizer would report that are not stet's, compiled into the
// sanitizer build's executables only (STET_SANITIZE).
//
// libgit2 1.5's git_regexp_match (src/util/regexp.c, PCRE2 backend)
// returns on a failed match without freeing its pcre2 match data, so each
// config lookup by pattern (git_remote_create, git_remote_list, ...) leaks
// one. stet calls PCRE2 only through libgit2, so these frames are
// libgit2's. The frames are the only ones unwound through Debian's static
// PCRE2.
//
// libgit2 1.5's _git_ssh_setup_conn (src/libgit2/transports/ssh.c, as
// Debian patched it to check known_hosts) frees neither the list of known
// hosts it reads through libssh2 nor the host strings it builds for that
// check, on success or failure: libgit2 issue #6598, fixed in 1.7. Every
// allocation under that frame is libgit2's or libssh2's; the credential
// stet's callback makes there is freed by libgit2 (git_credential).
// LeakSanitizer's fast unwinder stops inside Debian's static libgit2
// (built without frame pointers), so its two strings show only libgit2's
// allocator, stdalloc__realloc: the growth of its git_str buffers, which
// stet never holds (it uses no git_buf); a libgit2 object stet forgot to
// free is still reported, by the git__malloc of the object itself. The
// list of known hosts shows only libssh2's frames (its shared library,
// which only libgit2 calls, opened by src/store/git_ssh.cpp).
// Quiet about them: a command's stderr is part of what the tests check.
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}

extern "C" const char* __lsan_default_suppressions() {
  return "leak:_pcre2_memctl_malloc_8\n"
         "leak:pcre2_match_8\n"
         "leak:_git_ssh_setup_conn\n"
         "leak:stdalloc__realloc\n"
         "leak:libssh2.so\n";
}
