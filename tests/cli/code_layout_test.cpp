// stet's own functions that its common commands run lie together at the
// start of its code (cmake/code_layout.ld, CMakeLists.txt), read back from
// the linked binary's symbols.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

// The functions cmake/code_layout.ld lists by their own sections
// (".text.NAME", ".text.unlikely.NAME", ...): their symbols.
std::set<std::string> ListedFunctions(const std::string& layout_path) {
  std::ifstream in(layout_path);
  std::set<std::string> names;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("*(.text.") || !line.ends_with(")")) continue;
    std::string section = line.substr(2, line.size() - 3);
    for (const std::string prefix : {".text.unlikely.", ".text.startup.", ".text.hot.", ".text."}) {
      if (section.starts_with(prefix)) {
        names.insert(section.substr(prefix.size()));
        break;
      }
    }
  }
  return names;
}

struct Function {
  std::uint64_t address;
  std::string name;
};

// The functions of `binary` (nm: code symbols), by their mangled names.
std::vector<Function> FunctionsOf(const std::string& binary) {
  const stet::test::RunResult listed = stet::test::Run({"nm", "--defined-only", binary});
  REQUIRE(listed.exit_code == 0);
  std::vector<Function> functions;
  std::istringstream lines(listed.out);
  std::string line;
  while (std::getline(lines, line)) {
    // "ADDRESS TYPE NAME".
    const std::size_t first = line.find(' ');
    if (first == std::string::npos || line.size() < first + 3) continue;
    const char type = line[first + 1];
    if (type != 't' && type != 'T' && type != 'W' && type != 'w') continue;
    functions.push_back({std::stoull(line.substr(0, first), nullptr, 16), line.substr(first + 3)});
  }
  return functions;
}

bool IsStetFunction(const std::string& mangled) {
  // A part the compiler split off ("NAME.cold", "NAME.part.0") keeps its
  // own place: only whole functions.
  return (mangled.starts_with("_ZN4stet") || mangled.starts_with("_ZNK4stet")) &&
         mangled.find('.') == std::string::npos;
}

}  // namespace

TEST_CASE("code layout: the functions stet's commands run come first in its code", "[cli]") {
#ifndef STET_CODE_LAYOUT
  WARN("not checked: this linker links stet's code in the default order");
  return;
#else
  const std::set<std::string> listed = ListedFunctions(STET_CODE_LAYOUT);
  REQUIRE(listed.size() > 100);
  const std::vector<Function> functions = FunctionsOf(STET_BINARY);
  std::set<std::uint64_t> listed_addresses;
  std::uint64_t last_listed = 0;
  for (const Function& function : functions) {
    if (IsStetFunction(function.name) && listed.count(function.name)) {
      listed_addresses.insert(function.address);
      last_listed = std::max(last_listed, function.address);
    }
  }
  // A name that shares its code with a listed one (a constructor's or
  // destructor's two names, "C1" and "C2") is in place with it.
  std::uint64_t first_unlisted = UINT64_MAX;
  std::string first_unlisted_name;
  for (const Function& function : functions) {
    if (IsStetFunction(function.name) && !listed.count(function.name) &&
        !listed_addresses.count(function.address) && function.address < first_unlisted) {
      first_unlisted = function.address;
      first_unlisted_name = function.name;
    }
  }
  REQUIRE(listed_addresses.size() > 100);
  INFO("the first of stet's functions the list leaves out: " << first_unlisted_name);
  CHECK(last_listed < first_unlisted);

  // The list is not stale where it matters most: the functions every
  // comparison runs are on it (AnalyzeDiff, Segment, CompareSegmented,
  // CompareClaims, CompareQuotes, MeaningOf, by their mangled names).
  std::vector<std::string> run_by_a_diff = {
      "_ZN4stet11AnalyzeDiffE",   "_ZN4stet7SegmentE",        "_ZN4stet16CompareSegmentedE",
      "_ZN4stet13CompareClaimsE", "_ZN4stet13CompareQuotesE", "_ZN4stet9MeaningOfE"};
  std::erase_if(run_by_a_diff, [&](const std::string& wanted) {
    return std::any_of(listed.begin(), listed.end(),
                       [&](const std::string& name) { return name.starts_with(wanted); });
  });
  INFO("scripts/code_layout.py writes the list again");
  CHECK(run_by_a_diff.empty());
#endif
}
