// libgit2's GSS-API calls reach libgssapi_krb5, opened on first use
// (src/store/git_gssapi.cpp): the forwarding works, and the name type
// libgit2 reads before any call is the library's own value.
#include <dlfcn.h>
#include <gssapi/gssapi.h>

#include <catch2/catch.hpp>
#include <cstring>

// Only when libgit2 is linked statically (STET_STATIC_DEPENDENCIES, the
// default): linked shared, libgit2 brings the library itself.
#ifdef STET_STATIC_LIBGIT2
TEST_CASE("git gssapi: calls are forwarded to the library opened on first use", "[store]") {
  // This executable does not load libgssapi_krb5 at start.
  CHECK(::dlopen("libgssapi_krb5.so.2", RTLD_NOW | RTLD_NOLOAD) == nullptr);
  OM_uint32 minor = 0;
  gss_OID_set mechanisms = GSS_C_NO_OID_SET;
  REQUIRE(gss_indicate_mechs(&minor, &mechanisms) == GSS_S_COMPLETE);
  REQUIRE(mechanisms != GSS_C_NO_OID_SET);
  CHECK(mechanisms->count > 0);  // Kerberos at least
  CHECK(gss_release_oid_set(&minor, &mechanisms) == GSS_S_COMPLETE);

  void* library = ::dlopen("libgssapi_krb5.so.2", RTLD_NOW | RTLD_NOLOAD);
  REQUIRE(library != nullptr);  // opened by the first call
  const auto* real = static_cast<gss_OID*>(::dlsym(library, "GSS_C_NT_HOSTBASED_SERVICE"));
  REQUIRE(real != nullptr);
  REQUIRE(GSS_C_NT_HOSTBASED_SERVICE->length == (*real)->length);
  CHECK(std::memcmp(GSS_C_NT_HOSTBASED_SERVICE->elements, (*real)->elements, (*real)->length) == 0);
}
#endif
