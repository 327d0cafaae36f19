// libgit2's Kerberos calls (HTTP Negotiate authentication), with
// libgssapi_krb5 opened on their first use instead of at every start.
//
// libgit2's HTTP transport, which its initialisation always links in,
// calls eight GSS-API functions; linked, libgssapi_krb5 brings six more
// Kerberos libraries, about 0.7 ms of every command's start on this
// machine, for an authentication stet never performs. The link wraps those
// names (cmake/StaticDependencies.cmake) to the functions below, which
// open the library when libgit2 first calls one and forward to it: the
// way curl_library.h opens libcurl, done at the link because the callers
// are libgit2's. Built only when libgit2 is linked statically.
#ifdef STET_STATIC_LIBGIT2
#include <gssapi/gssapi.h>

#include "base/shared_library.h"

namespace {

struct Gssapi {
  decltype(&::gss_display_status) display_status = nullptr;
  decltype(&::gss_release_buffer) release_buffer = nullptr;
  decltype(&::gss_delete_sec_context) delete_sec_context = nullptr;
  decltype(&::gss_import_name) import_name = nullptr;
  decltype(&::gss_release_name) release_name = nullptr;
  decltype(&::gss_init_sec_context) init_sec_context = nullptr;
  decltype(&::gss_indicate_mechs) indicate_mechs = nullptr;
  decltype(&::gss_release_oid_set) release_oid_set = nullptr;
};

// Null when the library cannot be opened: each call then fails as a
// GSS-API call does (GSS_S_FAILURE), and libgit2 reports it.
const Gssapi* Loaded() {
  using stet::Resolve;
  return stet::OpenedOnce<Gssapi>("libgssapi_krb5.so.2", [](void* handle, Gssapi& library) {
    return Resolve(handle, "gss_display_status", library.display_status) &&
           Resolve(handle, "gss_release_buffer", library.release_buffer) &&
           Resolve(handle, "gss_delete_sec_context", library.delete_sec_context) &&
           Resolve(handle, "gss_import_name", library.import_name) &&
           Resolve(handle, "gss_release_name", library.release_name) &&
           Resolve(handle, "gss_init_sec_context", library.init_sec_context) &&
           Resolve(handle, "gss_indicate_mechs", library.indicate_mechs) &&
           Resolve(handle, "gss_release_oid_set", library.release_oid_set);
  });
}

template <auto Member, typename... Arguments>
OM_uint32 Forward(Arguments... arguments) {
  const Gssapi* gssapi = Loaded();
  if (gssapi == nullptr) return GSS_S_FAILURE;
  return (gssapi->*Member)(arguments...);
}

// RFC 2744's name type for "service@host", {1 2 840 113554 1 2 1 4}.
// libgit2 reads the variable before any call could open the library, so
// it is defined here with the standard value (the library compares OIDs by
// value); a variable cannot be wrapped like the functions.
gss_OID_desc host_based_service = {10,
                                   const_cast<char*>("\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x04")};

}  // namespace

extern "C" {
gss_OID GSS_C_NT_HOSTBASED_SERVICE = &host_based_service;

OM_uint32 __wrap_gss_display_status(OM_uint32* minor, OM_uint32 status, int type, gss_OID mech,
                                    OM_uint32* context, gss_buffer_t text) {
  return Forward<&Gssapi::display_status>(minor, status, type, mech, context, text);
}
OM_uint32 __wrap_gss_release_buffer(OM_uint32* minor, gss_buffer_t buffer) {
  return Forward<&Gssapi::release_buffer>(minor, buffer);
}
OM_uint32 __wrap_gss_delete_sec_context(OM_uint32* minor, gss_ctx_id_t* context,
                                        gss_buffer_t token) {
  return Forward<&Gssapi::delete_sec_context>(minor, context, token);
}
OM_uint32 __wrap_gss_import_name(OM_uint32* minor, gss_buffer_t name, gss_OID type,
                                 gss_name_t* out) {
  return Forward<&Gssapi::import_name>(minor, name, type, out);
}
OM_uint32 __wrap_gss_release_name(OM_uint32* minor, gss_name_t* name) {
  return Forward<&Gssapi::release_name>(minor, name);
}
OM_uint32 __wrap_gss_init_sec_context(OM_uint32* minor, gss_cred_id_t credential,
                                      gss_ctx_id_t* context, gss_name_t target, gss_OID mech,
                                      OM_uint32 flags, OM_uint32 lifetime,
                                      gss_channel_bindings_t bindings, gss_buffer_t input,
                                      gss_OID* actual_mech, gss_buffer_t output,
                                      OM_uint32* returned_flags, OM_uint32* returned_lifetime) {
  return Forward<&Gssapi::init_sec_context>(minor, credential, context, target, mech, flags,
                                            lifetime, bindings, input, actual_mech, output,
                                            returned_flags, returned_lifetime);
}
OM_uint32 __wrap_gss_indicate_mechs(OM_uint32* minor, gss_OID_set* mechs) {
  return Forward<&Gssapi::indicate_mechs>(minor, mechs);
}
OM_uint32 __wrap_gss_release_oid_set(OM_uint32* minor, gss_OID_set* set) {
  return Forward<&Gssapi::release_oid_set>(minor, set);
}
}
#endif
