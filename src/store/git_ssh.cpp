// libgit2's SSH transport calls, with libssh2 opened on their first use
// instead of linked.
//
// libgit2's SSH transport, which its initialisation always links in,
// calls 37 libssh2 functions; linked, libssh2 brings OpenSSL's libcrypto,
// whose 340 KB of pointer tables the loader relocates at every start:
// about 80 pages copied on write, a quarter of `stet --version`'s time on
// this machine (docs/performance.md), for a transport a command uses only
// when a remote's URL says ssh. The link wraps those names
// (cmake/StaticDependencies.cmake) to the functions below, which open
// libssh2 (and with it libcrypto) when libgit2 first needs it, as
// git_gssapi.cpp does for Kerberos. Built only when libgit2 is linked
// statically.
#ifdef STET_STATIC_LIBGIT2
#include <libssh2.h>

#include <atomic>
#include <type_traits>
#include <utility>

#include "base/shared_library.h"

namespace {

struct Libssh2 {
  decltype(&::libssh2_init) init = nullptr;
  decltype(&::libssh2_exit) exit = nullptr;
  decltype(&::libssh2_session_last_error) session_last_error = nullptr;
  decltype(&::libssh2_agent_connect) agent_connect = nullptr;
  decltype(&::libssh2_agent_disconnect) agent_disconnect = nullptr;
  decltype(&::libssh2_agent_free) agent_free = nullptr;
  decltype(&::libssh2_agent_get_identity) agent_get_identity = nullptr;
  decltype(&::libssh2_agent_init) agent_init = nullptr;
  decltype(&::libssh2_agent_list_identities) agent_list_identities = nullptr;
  decltype(&::libssh2_agent_userauth) agent_userauth = nullptr;
  decltype(&::libssh2_channel_close) channel_close = nullptr;
  decltype(&::libssh2_channel_free) channel_free = nullptr;
  decltype(&::libssh2_channel_open_ex) channel_open_ex = nullptr;
  decltype(&::libssh2_channel_process_startup) channel_process_startup = nullptr;
  decltype(&::libssh2_channel_read_ex) channel_read_ex = nullptr;
  decltype(&::libssh2_channel_set_blocking) channel_set_blocking = nullptr;
  decltype(&::libssh2_channel_write_ex) channel_write_ex = nullptr;
  decltype(&::libssh2_hostkey_hash) hostkey_hash = nullptr;
  decltype(&::libssh2_knownhost_checkp) knownhost_checkp = nullptr;
  decltype(&::libssh2_knownhost_free) knownhost_free = nullptr;
  decltype(&::libssh2_knownhost_init) knownhost_init = nullptr;
  decltype(&::libssh2_knownhost_readfile) knownhost_readfile = nullptr;
  decltype(&::libssh2_session_abstract) session_abstract = nullptr;
  decltype(&::libssh2_session_disconnect_ex) session_disconnect_ex = nullptr;
  decltype(&::libssh2_session_free) session_free = nullptr;
  decltype(&::libssh2_session_handshake) session_handshake = nullptr;
  decltype(&::libssh2_session_hostkey) session_hostkey = nullptr;
  decltype(&::libssh2_session_init_ex) session_init_ex = nullptr;
  decltype(&::libssh2_session_method_pref) session_method_pref = nullptr;
  decltype(&::libssh2_session_set_blocking) session_set_blocking = nullptr;
  decltype(&::libssh2_userauth_authenticated) userauth_authenticated = nullptr;
  decltype(&::libssh2_userauth_keyboard_interactive_ex) userauth_keyboard_interactive_ex = nullptr;
  decltype(&::libssh2_userauth_list) userauth_list = nullptr;
  decltype(&::libssh2_userauth_password_ex) userauth_password_ex = nullptr;
  decltype(&::libssh2_userauth_publickey) userauth_publickey = nullptr;
  decltype(&::libssh2_userauth_publickey_fromfile_ex) userauth_publickey_fromfile_ex = nullptr;
  decltype(&::libssh2_userauth_publickey_frommemory) userauth_publickey_frommemory = nullptr;
};

// The flags libgit2 passed to libssh2_init, which it calls from
// git_libgit2_init: the call waits for the library's opening.
std::atomic<int> init_flags{0};
std::atomic<bool> opened{false};

// Null when the library cannot be opened (or its libssh2_init fails).
const Libssh2* Loaded() {
  using stet::Resolve;
  return stet::OpenedOnce<Libssh2>("libssh2.so.1", [](void* handle, Libssh2& library) {
    const bool resolved =
        Resolve(handle, "libssh2_init", library.init) &&
        Resolve(handle, "libssh2_exit", library.exit) &&
        Resolve(handle, "libssh2_session_last_error", library.session_last_error) &&
        Resolve(handle, "libssh2_agent_connect", library.agent_connect) &&
        Resolve(handle, "libssh2_agent_disconnect", library.agent_disconnect) &&
        Resolve(handle, "libssh2_agent_free", library.agent_free) &&
        Resolve(handle, "libssh2_agent_get_identity", library.agent_get_identity) &&
        Resolve(handle, "libssh2_agent_init", library.agent_init) &&
        Resolve(handle, "libssh2_agent_list_identities", library.agent_list_identities) &&
        Resolve(handle, "libssh2_agent_userauth", library.agent_userauth) &&
        Resolve(handle, "libssh2_channel_close", library.channel_close) &&
        Resolve(handle, "libssh2_channel_free", library.channel_free) &&
        Resolve(handle, "libssh2_channel_open_ex", library.channel_open_ex) &&
        Resolve(handle, "libssh2_channel_process_startup", library.channel_process_startup) &&
        Resolve(handle, "libssh2_channel_read_ex", library.channel_read_ex) &&
        Resolve(handle, "libssh2_channel_set_blocking", library.channel_set_blocking) &&
        Resolve(handle, "libssh2_channel_write_ex", library.channel_write_ex) &&
        Resolve(handle, "libssh2_hostkey_hash", library.hostkey_hash) &&
        Resolve(handle, "libssh2_knownhost_checkp", library.knownhost_checkp) &&
        Resolve(handle, "libssh2_knownhost_free", library.knownhost_free) &&
        Resolve(handle, "libssh2_knownhost_init", library.knownhost_init) &&
        Resolve(handle, "libssh2_knownhost_readfile", library.knownhost_readfile) &&
        Resolve(handle, "libssh2_session_abstract", library.session_abstract) &&
        Resolve(handle, "libssh2_session_disconnect_ex", library.session_disconnect_ex) &&
        Resolve(handle, "libssh2_session_free", library.session_free) &&
        Resolve(handle, "libssh2_session_handshake", library.session_handshake) &&
        Resolve(handle, "libssh2_session_hostkey", library.session_hostkey) &&
        Resolve(handle, "libssh2_session_init_ex", library.session_init_ex) &&
        Resolve(handle, "libssh2_session_method_pref", library.session_method_pref) &&
        Resolve(handle, "libssh2_session_set_blocking", library.session_set_blocking) &&
        Resolve(handle, "libssh2_userauth_authenticated", library.userauth_authenticated) &&
        Resolve(handle, "libssh2_userauth_keyboard_interactive_ex",
                library.userauth_keyboard_interactive_ex) &&
        Resolve(handle, "libssh2_userauth_list", library.userauth_list) &&
        Resolve(handle, "libssh2_userauth_password_ex", library.userauth_password_ex) &&
        Resolve(handle, "libssh2_userauth_publickey", library.userauth_publickey) &&
        Resolve(handle, "libssh2_userauth_publickey_fromfile_ex",
                library.userauth_publickey_fromfile_ex) &&
        Resolve(handle, "libssh2_userauth_publickey_frommemory",
                library.userauth_publickey_frommemory);
    if (!resolved || library.init(init_flags.load()) != 0) return false;
    opened = true;
    return true;
  });
}

// What a call returns when the library cannot be opened: libssh2's
// failure values (a null object, a negative error code). Only the calls
// that make a session are reached then: every other call takes an object
// the library made.
template <typename Result>
Result Unavailable() {
  if constexpr (std::is_void_v<Result>) {
    return;
  } else if constexpr (std::is_pointer_v<Result>) {
    return nullptr;
  } else {
    return LIBSSH2_ERROR_SOCKET_NONE;
  }
}

template <auto Member, typename... Arguments>
auto Forward(Arguments... arguments) {
  using Result = decltype((std::declval<const Libssh2&>().*Member)(arguments...));
  const Libssh2* libssh2 = Loaded();
  if (libssh2 == nullptr) return Unavailable<Result>();
  return (libssh2->*Member)(arguments...);
}

}  // namespace

extern "C" {
int __wrap_libssh2_init(int flags) {
  init_flags = flags;
  return 0;
}
void __wrap_libssh2_exit(void) {
  if (opened) Loaded()->exit();
}
int __wrap_libssh2_session_last_error(LIBSSH2_SESSION* session, char** errmsg, int* errmsg_len,
                                      int want_buf) {
  return Forward<&Libssh2::session_last_error>(session, errmsg, errmsg_len, want_buf);
}
int __wrap_libssh2_agent_connect(LIBSSH2_AGENT* agent) {
  return Forward<&Libssh2::agent_connect>(agent);
}
int __wrap_libssh2_agent_disconnect(LIBSSH2_AGENT* agent) {
  return Forward<&Libssh2::agent_disconnect>(agent);
}
void __wrap_libssh2_agent_free(LIBSSH2_AGENT* agent) {
  return Forward<&Libssh2::agent_free>(agent);
}
int __wrap_libssh2_agent_get_identity(LIBSSH2_AGENT* agent, struct libssh2_agent_publickey** store,
                                      struct libssh2_agent_publickey* prev) {
  return Forward<&Libssh2::agent_get_identity>(agent, store, prev);
}
LIBSSH2_AGENT* __wrap_libssh2_agent_init(LIBSSH2_SESSION* session) {
  return Forward<&Libssh2::agent_init>(session);
}
int __wrap_libssh2_agent_list_identities(LIBSSH2_AGENT* agent) {
  return Forward<&Libssh2::agent_list_identities>(agent);
}
int __wrap_libssh2_agent_userauth(LIBSSH2_AGENT* agent, const char* username,
                                  struct libssh2_agent_publickey* identity) {
  return Forward<&Libssh2::agent_userauth>(agent, username, identity);
}
int __wrap_libssh2_channel_close(LIBSSH2_CHANNEL* channel) {
  return Forward<&Libssh2::channel_close>(channel);
}
int __wrap_libssh2_channel_free(LIBSSH2_CHANNEL* channel) {
  return Forward<&Libssh2::channel_free>(channel);
}
LIBSSH2_CHANNEL* __wrap_libssh2_channel_open_ex(LIBSSH2_SESSION* session, const char* channel_type,
                                                unsigned int channel_type_len,
                                                unsigned int window_size, unsigned int packet_size,
                                                const char* message, unsigned int message_len) {
  return Forward<&Libssh2::channel_open_ex>(session, channel_type, channel_type_len, window_size,
                                            packet_size, message, message_len);
}
int __wrap_libssh2_channel_process_startup(LIBSSH2_CHANNEL* channel, const char* request,
                                           unsigned int request_len, const char* message,
                                           unsigned int message_len) {
  return Forward<&Libssh2::channel_process_startup>(channel, request, request_len, message,
                                                    message_len);
}
ssize_t __wrap_libssh2_channel_read_ex(LIBSSH2_CHANNEL* channel, int stream_id, char* buf,
                                       size_t buflen) {
  return Forward<&Libssh2::channel_read_ex>(channel, stream_id, buf, buflen);
}
void __wrap_libssh2_channel_set_blocking(LIBSSH2_CHANNEL* channel, int blocking) {
  return Forward<&Libssh2::channel_set_blocking>(channel, blocking);
}
ssize_t __wrap_libssh2_channel_write_ex(LIBSSH2_CHANNEL* channel, int stream_id, const char* buf,
                                        size_t buflen) {
  return Forward<&Libssh2::channel_write_ex>(channel, stream_id, buf, buflen);
}
const char* __wrap_libssh2_hostkey_hash(LIBSSH2_SESSION* session, int hash_type) {
  return Forward<&Libssh2::hostkey_hash>(session, hash_type);
}
int __wrap_libssh2_knownhost_checkp(LIBSSH2_KNOWNHOSTS* hosts, const char* host, int port,
                                    const char* key, size_t keylen, int typemask,
                                    struct libssh2_knownhost** knownhost) {
  return Forward<&Libssh2::knownhost_checkp>(hosts, host, port, key, keylen, typemask, knownhost);
}
void __wrap_libssh2_knownhost_free(LIBSSH2_KNOWNHOSTS* hosts) {
  return Forward<&Libssh2::knownhost_free>(hosts);
}
LIBSSH2_KNOWNHOSTS* __wrap_libssh2_knownhost_init(LIBSSH2_SESSION* session) {
  return Forward<&Libssh2::knownhost_init>(session);
}
int __wrap_libssh2_knownhost_readfile(LIBSSH2_KNOWNHOSTS* hosts, const char* filename, int type) {
  return Forward<&Libssh2::knownhost_readfile>(hosts, filename, type);
}
void** __wrap_libssh2_session_abstract(LIBSSH2_SESSION* session) {
  return Forward<&Libssh2::session_abstract>(session);
}
int __wrap_libssh2_session_disconnect_ex(LIBSSH2_SESSION* session, int reason,
                                         const char* description, const char* lang) {
  return Forward<&Libssh2::session_disconnect_ex>(session, reason, description, lang);
}
int __wrap_libssh2_session_free(LIBSSH2_SESSION* session) {
  return Forward<&Libssh2::session_free>(session);
}
int __wrap_libssh2_session_handshake(LIBSSH2_SESSION* session, libssh2_socket_t sock) {
  return Forward<&Libssh2::session_handshake>(session, sock);
}
const char* __wrap_libssh2_session_hostkey(LIBSSH2_SESSION* session, size_t* len, int* type) {
  return Forward<&Libssh2::session_hostkey>(session, len, type);
}
LIBSSH2_SESSION* __wrap_libssh2_session_init_ex(LIBSSH2_ALLOC_FUNC((*my_alloc)),
                                                LIBSSH2_FREE_FUNC((*my_free)),
                                                LIBSSH2_REALLOC_FUNC((*my_realloc)),
                                                void* abstract) {
  return Forward<&Libssh2::session_init_ex>(my_alloc, my_free, my_realloc, abstract);
}
int __wrap_libssh2_session_method_pref(LIBSSH2_SESSION* session, int method_type,
                                       const char* prefs) {
  return Forward<&Libssh2::session_method_pref>(session, method_type, prefs);
}
void __wrap_libssh2_session_set_blocking(LIBSSH2_SESSION* session, int blocking) {
  return Forward<&Libssh2::session_set_blocking>(session, blocking);
}
int __wrap_libssh2_userauth_authenticated(LIBSSH2_SESSION* session) {
  return Forward<&Libssh2::userauth_authenticated>(session);
}
int __wrap_libssh2_userauth_keyboard_interactive_ex(
    LIBSSH2_SESSION* session, const char* username, unsigned int username_len,
    LIBSSH2_USERAUTH_KBDINT_RESPONSE_FUNC((*response_callback))) {
  return Forward<&Libssh2::userauth_keyboard_interactive_ex>(session, username, username_len,
                                                             response_callback);
}
char* __wrap_libssh2_userauth_list(LIBSSH2_SESSION* session, const char* username,
                                   unsigned int username_len) {
  return Forward<&Libssh2::userauth_list>(session, username, username_len);
}
int __wrap_libssh2_userauth_password_ex(LIBSSH2_SESSION* session, const char* username,
                                        unsigned int username_len, const char* password,
                                        unsigned int password_len,
                                        LIBSSH2_PASSWD_CHANGEREQ_FUNC((*passwd_change_cb))) {
  return Forward<&Libssh2::userauth_password_ex>(session, username, username_len, password,
                                                 password_len, passwd_change_cb);
}
int __wrap_libssh2_userauth_publickey(LIBSSH2_SESSION* session, const char* username,
                                      const unsigned char* pubkeydata, size_t pubkeydata_len,
                                      LIBSSH2_USERAUTH_PUBLICKEY_SIGN_FUNC((*sign_callback)),
                                      void** abstract) {
  return Forward<&Libssh2::userauth_publickey>(session, username, pubkeydata, pubkeydata_len,
                                               sign_callback, abstract);
}
int __wrap_libssh2_userauth_publickey_fromfile_ex(LIBSSH2_SESSION* session, const char* username,
                                                  unsigned int username_len, const char* publickey,
                                                  const char* privatekey, const char* passphrase) {
  return Forward<&Libssh2::userauth_publickey_fromfile_ex>(session, username, username_len,
                                                           publickey, privatekey, passphrase);
}
int __wrap_libssh2_userauth_publickey_frommemory(LIBSSH2_SESSION* session, const char* username,
                                                 size_t username_len, const char* publickeyfiledata,
                                                 size_t publickeyfiledata_len,
                                                 const char* privatekeyfiledata,
                                                 size_t privatekeyfiledata_len,
                                                 const char* passphrase) {
  return Forward<&Libssh2::userauth_publickey_frommemory>(
      session, username, username_len, publickeyfiledata, publickeyfiledata_len, privatekeyfiledata,
      privatekeyfiledata_len, passphrase);
}
}
#endif
