# The libraries every stet command loads, linked statically.
#
# Why (docs/design.md, "Start-up"): with 37 shared libraries, loading and
# relocating them was most of a short command's time (stet --version took 5x
# git --version). Debian's -dev packages ship the static archives of all of
# them, so the same well-kept code is linked into the executable instead:
# the loader then maps a handful of libraries and resolves few symbols. It
# also lets the link defer libgit2's CA-bundle parse (git_certificates.cpp).
#
# Left shared: what a command opens on first use (libcurl, libpsl,
# Snowball's stemmer: base/shared_library.h; libgssapi_krb5, which libgit2
# calls and Debian ships no static archive of: src/store/git_gssapi.cpp;
# libssh2 and the OpenSSL it brings, which libgit2 calls only for an ssh
# remote: src/store/git_ssh.cpp),
# and what only one executable links (cpp-httplib, for stet-serve).
#
# stet_link_statically() points the imported targets the subsystems link at
# their static archives, each followed by what it needs, in link order; every
# target that links one of them (stet, the tests, the benches) gets the same.

function(stet_static_archives out)
  set(found "")
  foreach(name IN LISTS ARGN)
    find_library(STET_STATIC_${name} NAMES lib${name}.a REQUIRED)
    list(APPEND found "${STET_STATIC_${name}}")
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

function(stet_link_statically)
  stet_static_archives(git git2 mbedtls mbedx509 mbedcrypto http_parser pcre2-8 z)
  stet_static_archives(icu icuuc icudata)
  stet_static_archives(xml xml2 lzma icuuc icudata z)
  stet_static_archives(zlib z)
  stet_static_archives(sqlite sqlite3)
  stet_static_archives(xxhash xxhash)
  set(system ${CMAKE_DL_LIBS} pthread m)

  set_property(TARGET PkgConfig::LIBGIT2 PROPERTY INTERFACE_LINK_LIBRARIES
               ${git} rt ${system})
  # libgit2's CA-bundle parse waits for its first TLS connection
  # (src/store/git_certificates.h). The wrappers' object is asked for by
  # name: libstet.a is read before libgit2.a, whose members call them.
  set_property(TARGET PkgConfig::LIBGIT2 PROPERTY INTERFACE_LINK_OPTIONS
               "LINKER:--wrap=mbedtls_x509_crt_parse_file,--wrap=mbedtls_x509_crt_parse_path"
               "LINKER:--wrap=git_mbedtls_stream_new,--wrap=git_mbedtls_stream_wrap"
               "LINKER:--undefined=__wrap_git_mbedtls_stream_new"
               # libgssapi_krb5 opens on libgit2's first call (src/store/git_gssapi.cpp).
               "LINKER:--wrap=gss_display_status"
               "LINKER:--wrap=gss_release_buffer,--wrap=gss_delete_sec_context"
               "LINKER:--wrap=gss_import_name,--wrap=gss_release_name"
               "LINKER:--wrap=gss_init_sec_context,--wrap=gss_indicate_mechs"
               "LINKER:--wrap=gss_release_oid_set,--undefined=__wrap_gss_import_name"
               # libssh2, and with it OpenSSL's libcrypto, opens on libgit2's first
               # SSH call (src/store/git_ssh.cpp).
               "LINKER:--wrap=libssh2_init,--wrap=libssh2_exit,--wrap=libssh2_session_last_error"
               "LINKER:--wrap=libssh2_agent_connect,--wrap=libssh2_agent_disconnect,--wrap=libssh2_agent_free"
               "LINKER:--wrap=libssh2_agent_get_identity,--wrap=libssh2_agent_init,--wrap=libssh2_agent_list_identities"
               "LINKER:--wrap=libssh2_agent_userauth,--wrap=libssh2_channel_close,--wrap=libssh2_channel_free"
               "LINKER:--wrap=libssh2_channel_open_ex,--wrap=libssh2_channel_process_startup,--wrap=libssh2_channel_read_ex"
               "LINKER:--wrap=libssh2_channel_set_blocking,--wrap=libssh2_channel_write_ex,--wrap=libssh2_hostkey_hash"
               "LINKER:--wrap=libssh2_knownhost_checkp,--wrap=libssh2_knownhost_free,--wrap=libssh2_knownhost_init"
               "LINKER:--wrap=libssh2_knownhost_readfile,--wrap=libssh2_session_abstract,--wrap=libssh2_session_disconnect_ex"
               "LINKER:--wrap=libssh2_session_free,--wrap=libssh2_session_handshake,--wrap=libssh2_session_hostkey"
               "LINKER:--wrap=libssh2_session_init_ex,--wrap=libssh2_session_method_pref,--wrap=libssh2_session_set_blocking"
               "LINKER:--wrap=libssh2_userauth_authenticated,--wrap=libssh2_userauth_keyboard_interactive_ex"
               "LINKER:--wrap=libssh2_userauth_list,--wrap=libssh2_userauth_password_ex,--wrap=libssh2_userauth_publickey"
               "LINKER:--wrap=libssh2_userauth_publickey_fromfile_ex,--wrap=libssh2_userauth_publickey_frommemory"
               "LINKER:--undefined=__wrap_libssh2_init")
  set_property(TARGET PkgConfig::LIBXML2 PROPERTY INTERFACE_LINK_LIBRARIES ${xml} ${system})
  set_property(TARGET PkgConfig::XXHASH PROPERTY INTERFACE_LINK_LIBRARIES ${xxhash})
  foreach(target ICU::uc ZLIB::ZLIB SQLite::SQLite3)
    get_target_property(configurations ${target} IMPORTED_CONFIGURATIONS)
    foreach(configuration IN LISTS configurations)
      set_property(TARGET ${target} PROPERTY IMPORTED_LOCATION_${configuration})
    endforeach()
  endforeach()
  list(POP_FRONT icu icu_location)
  set_target_properties(ICU::uc PROPERTIES IMPORTED_LOCATION ${icu_location}
                                           INTERFACE_LINK_LIBRARIES "${icu};${system}")
  set_target_properties(ZLIB::ZLIB PROPERTIES IMPORTED_LOCATION ${zlib})
  set_target_properties(mbedtls_crypto PROPERTIES IMPORTED_LOCATION ${STET_STATIC_mbedcrypto})
  set_target_properties(SQLite::SQLite3 PROPERTIES IMPORTED_LOCATION ${sqlite}
                                                   INTERFACE_LINK_LIBRARIES "${system}")
endfunction()
