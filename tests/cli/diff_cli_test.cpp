// `stet diff`: the sample article against git's word diff, the archive's
// revisions, JSON, and the messages for what cannot be compared.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "report/wrap.h"
#include "stet/segment.h"
#include "stet/text.h"
#include "test_support.h"

using stet::test::ReadFile;
using stet::test::Run;
using stet::test::RunResult;
using stet::test::SamplePath;
using stet::test::ScratchDir;
using stet::test::Snapshot;
using stet::test::Stet;
using stet::test::WriteFile;

namespace {

constexpr const char* kUrl = "https://news.example.com/world/vance-ukraine";

struct Range {
  std::size_t start, end;
};

// The byte ranges git's word diff marks as deleted (in OLD) and inserted
// (in NEW), found by walking its porcelain output through both texts.
void GitWordDiff(const std::string& old_path, const std::string& new_path,
                 std::vector<Range>& deleted, std::vector<Range>& inserted) {
  const std::string old_text = ReadFile(old_path), new_text = ReadFile(new_path);
  const RunResult git = Run({"git", "diff", "--no-index", "--word-diff=porcelain", "-U100000",
                             "--no-color", old_path, new_path});
  REQUIRE(git.exit_code == 1);  // differences found
  std::size_t old_at = 0, new_at = 0;
  bool in_hunk = false;
  std::size_t line_start = 0;
  while (line_start < git.out.size()) {
    std::size_t line_end = git.out.find('\n', line_start);
    if (line_end == std::string::npos) line_end = git.out.size();
    const std::string line = git.out.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    if (line.rfind("@@", 0) == 0) {
      in_hunk = true;
      continue;
    }
    if (!in_hunk || line.empty() || line[0] == '~') continue;
    // Context keeps the spacing of one side only, so segments are located
    // without their outer white space.
    const std::size_t first = line.find_first_not_of(" \t", 1);
    if (first == std::string::npos) continue;
    const std::string segment = line.substr(first, line.find_last_not_of(" \t") + 1 - first);
    auto locate = [&](const std::string& text, std::size_t& at) {
      const std::size_t found = text.find(segment, at);
      REQUIRE(found != std::string::npos);
      at = found + segment.size();
      return Range{found, at};
    };
    if (line[0] == ' ') {
      locate(old_text, old_at);
      locate(new_text, new_at);
    } else if (line[0] == '-') {
      deleted.push_back(locate(old_text, old_at));
    } else if (line[0] == '+') {
      inserted.push_back(locate(new_text, new_at));
    }
  }
}

// Whether one of our changes falls inside or touches git's changed range.
// git's words are runs of non-space, so where git replaces "are" by "are,"
// stet inserts only "," (an empty deletion at the end of "are"): touching.
bool Overlaps(const std::vector<Range>& ours, Range theirs) {
  for (const Range& range : ours) {
    if (range.start <= theirs.end && theirs.start <= range.end) return true;
  }
  return false;
}

// How many sentences the sample's hand labels say changed from r2 to r3:
// the sentence each label names (by its before text or quote fragment in
// r2, or its after text in r3 for one added), counted once. The labels list
// no moved, split or merged sentence; the rest of r2 is unchanged.
nlohmann::json LabelledSentenceCounts() {
  const std::string before = ReadFile(SamplePath("r2.txt")), after = ReadFile(SamplePath("r3.txt"));
  const nlohmann::json labels =
      nlohmann::json::parse(ReadFile(SamplePath("expected.json")))["changes"]["r2->r3"];
  auto sentence_holding = [](const std::string& text, const std::string& fragment) {
    const std::vector<stet::Span> spans = *stet::Sentences(text);
    for (std::size_t i = 0; i < spans.size(); ++i) {
      const std::string sentence =
          stet::MatchingForm(text.substr(spans[i].start, spans[i].end - spans[i].start));
      if (sentence.find(stet::MatchingForm(fragment)) != std::string::npos) return i;
    }
    FAIL("no sentence holds the label's text: " << fragment);
    return spans.size();
  };
  std::set<std::size_t> edited, added, removed;
  for (const char* group : {"quotes", "claims"}) {
    for (const nlohmann::json& label : labels[group]) {
      const std::string kind = label["kind"];
      const std::string fragment = label.value("fragment", "");
      auto text_or_fragment = [&](const char* side) {
        return fragment.empty() ? label[side].get<std::string>() : fragment;
      };
      if (kind == "quote_added" || kind == "claim_added" || kind == "correction_added") {
        added.insert(sentence_holding(after, text_or_fragment("after")));
      } else if (kind == "quote_removed" || kind == "claim_removed") {
        removed.insert(sentence_holding(before, text_or_fragment("before")));
      } else {
        edited.insert(sentence_holding(before, text_or_fragment("before")));
      }
    }
  }
  const std::size_t total = stet::Sentences(before)->size();
  return {{"edited", edited.size()},
          {"added", added.size()},
          {"removed", removed.size()},
          {"unchanged", total - edited.size() - removed.size()}};
}

// The summary agrees with the edits listed: one text edit per counted
// sentence change, one change per quote or claim change counted.
void CheckSummaryMatchesLists(const nlohmann::json& out) {
  std::map<std::string, int> kinds;
  for (const nlohmann::json& edit : out["text_edits"]) ++kinds[edit["kind"].get<std::string>()];
  for (const char* kind : {"edited", "added", "removed", "moved", "split", "merged"}) {
    INFO(kind);
    CHECK(out["summary"][kind] == kinds[kind]);
  }
  int quotes = 0, claims = 0;
  for (const nlohmann::json& change : out["changes"])
    ++(change["kind"].get<std::string>().rfind("quote_", 0) == 0 ? quotes : claims);
  CHECK(out["summary"]["quotes_changed"] == quotes);
  CHECK(out["summary"]["claims_changed"] == claims);
}

}  // namespace

TEST_CASE("diff: the sample's r2 to r3 shows every edit git's word diff shows", "[diff]") {
  for (const auto& [from, to] : {std::pair{"r1.txt", "r2.txt"}, std::pair{"r2.txt", "r3.txt"}}) {
    const std::string old_path = SamplePath(from), new_path = SamplePath(to);
    RunResult diff = Stet("unused", {"diff", "--files", old_path, new_path, "--format", "json"});
    REQUIRE(diff.exit_code == 0);
    const nlohmann::json out = nlohmann::json::parse(diff.out);
    std::vector<Range> ours_deleted, ours_inserted;
    for (const nlohmann::json& edit : out["text_edits"]) {
      const std::string kind = edit["kind"];
      if (kind == "removed")
        ours_deleted.push_back({edit["before"]["start"], edit["before"]["end"]});
      if (kind == "added") ours_inserted.push_back({edit["after"]["start"], edit["after"]["end"]});
      for (const nlohmann::json& word : edit["words"]) {
        ours_deleted.push_back({word["before_start"], word["before_end"]});
        ours_inserted.push_back({word["after_start"], word["after_end"]});
      }
    }
    std::vector<Range> git_deleted, git_inserted;
    GitWordDiff(old_path, new_path, git_deleted, git_inserted);
    REQUIRE(!git_deleted.empty());
    const std::string old_text = ReadFile(old_path), new_text = ReadFile(new_path);
    for (const Range& range : git_deleted) {
      INFO(from << ": git deleted \"" << old_text.substr(range.start, range.end - range.start)
                << "\"");
      CHECK(Overlaps(ours_deleted, range));
    }
    for (const Range& range : git_inserted) {
      INFO(to << ": git inserted \"" << new_text.substr(range.start, range.end - range.start)
              << "\"");
      CHECK(Overlaps(ours_inserted, range));
    }
  }

  // The sentences new in r3 are named as added, and the rest of the text
  // output groups the word changes by sentence.
  RunResult text = Stet(
      "unused", {"diff", "--files", SamplePath("r2.txt"), SamplePath("r3.txt"), "--width", "0"});
  REQUIRE(text.exit_code == 0);
  const nlohmann::json labelled = LabelledSentenceCounts();
  // 8 edited, 3 added, 1 removed, 10 unchanged by the labels.
  CHECK(text.out.find("TEXT  " + std::to_string(labelled["edited"].get<int>()) +
                      " sentences edited, " + std::to_string(labelled["added"].get<int>()) +
                      " added, " + std::to_string(labelled["removed"].get<int>()) +
                      " removed, 0 moved; " + std::to_string(labelled["unchanged"].get<int>()) +
                      " unchanged\n") != std::string::npos);
  CHECK(text.out.find("  added     {+Correction: An earlier version of this article misstated the "
                      "day of the Munich meeting.+}\n") != std::string::npos);
  CHECK(text.out.find("  added     {+Zelensky, speaking at the conference on Saturday, pushed "
                      "back on any talks held without Kyiv.+}\n") != std::string::npos);
  CHECK(text.out.find("[-ruled-]{+did not rule+} out the possibility of US ground forces") !=
        std::string::npos);
  CHECK(text.out.find("into the [-G-7-]{+G-8+}.") != std::string::npos);
  CHECK(text.out.find("\x1b[") == std::string::npos);  // no colour off a terminal
  RunResult colour = Stet("unused", {"diff", "--files", SamplePath("r2.txt"), SamplePath("r3.txt"),
                                     "--color", "always", "--width", "0"});
  CHECK(colour.out.find("\x1b[31m[-ruled-]\x1b[0m\x1b[32m{+did not rule+}\x1b[0m") !=
        std::string::npos);
  // On a terminal: colour by default, none when NO_COLOR is set (not
  // empty) or --color never.
  const std::vector<std::string> on_terminal = {
      STET_BINARY, "diff", "--files", SamplePath("r2.txt"), SamplePath("r3.txt"), "--width", "0"};
  RunResult terminal = stet::test::RunInTerminal(on_terminal, {"NO_COLOR"});
  CHECK(terminal.exit_code == 0);
  CHECK(terminal.out.find("\x1b[31m[-ruled-]\x1b[0m\x1b[32m{+did not rule+}\x1b[0m") !=
        std::string::npos);
  RunResult empty_no_color = stet::test::RunInTerminal(on_terminal, {"NO_COLOR="});
  CHECK(empty_no_color.out.find("\x1b[31m[-ruled") != std::string::npos);
  RunResult no_color = stet::test::RunInTerminal(on_terminal, {"NO_COLOR=1"});
  CHECK(no_color.exit_code == 0);
  CHECK(no_color.out.find("[-ruled-]{+did not rule+}") != std::string::npos);
  CHECK(no_color.out.find("\x1b[") == std::string::npos);
  std::vector<std::string> never = on_terminal;
  never.insert(never.end(), {"--color", "never"});
  CHECK(stet::test::RunInTerminal(never, {"NO_COLOR"}).out.find("\x1b[") == std::string::npos);
}

TEST_CASE("diff: revisions of an archived article, JSON with text_edits", "[diff]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  REQUIRE(stet::test::AddSampleRevisions(archive, kUrl, "Vance: US could use sanctions"));
  const std::string before = Snapshot(archive);

  RunResult latest = Stet(archive, {"diff", kUrl, "--format", "json"});
  REQUIRE(latest.exit_code == 0);
  const nlohmann::json out = nlohmann::json::parse(latest.out);
  CHECK(out["from"]["number"] == 2);
  CHECK(out["to"]["number"] == 3);
  CheckSummaryMatchesLists(out);
  const nlohmann::json labelled = LabelledSentenceCounts();
  for (const char* kind : {"edited", "added", "removed", "unchanged"}) {
    INFO(kind);
    CHECK(out["summary"][kind] == labelled[kind]);
  }
  // As many quote and claim changes as the labels list.
  const nlohmann::json labels =
      nlohmann::json::parse(ReadFile(SamplePath("expected.json")))["changes"]["r2->r3"];
  CHECK(out["summary"]["quotes_changed"] == labels["quotes"].size());
  CHECK(out["summary"]["claims_changed"] == labels["claims"].size());
  bool found = false;
  for (const nlohmann::json& edit : out["text_edits"]) {
    if (edit["kind"] != "edited" || edit["words"].size() != 1) continue;
    if (edit["words"][0]["before"] == "Vance" && edit["words"][0]["after"] == "Rubio") {
      found = true;
      const std::string r3 = ReadFile(SamplePath("r3.txt"));
      const std::size_t start = edit["after"]["start"], end = edit["after"]["end"];
      CHECK(r3.substr(start, end - start) == edit["after"]["text"]);
      CHECK(edit["inline"] ==
            "Reflecting on President Trump’s approach to peace talks between Kyiv and Moscow, "
            "[-Vance-]{+Rubio+} stated, “The president is not going to go in this with blinders "
            "on.");
    }
  }
  CHECK(found);

  RunResult first = Stet(archive, {"diff", kUrl, "1", "2"});
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.find("revision 1 (2025-02-13T14:05:00Z) -> revision 2 (2025-02-13T18:40:00Z)") !=
        std::string::npos);
  // One revision given: that one against the latest.
  RunResult one = Stet(archive, {"diff", kUrl, "1", "--format", "json"});
  REQUIRE(one.exit_code == 0);
  CHECK(nlohmann::json::parse(one.out)["to"]["number"] == 3);
  CHECK(Snapshot(archive) == before);  // diff only reads
}

TEST_CASE("diff: nothing to compare and bad sides get one line and exit 1", "[diff][errors]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  REQUIRE(Stet(archive, {"add", SamplePath("r1.txt"), "--url", kUrl}).exit_code == 0);
  WriteFile(dir / "empty.txt", " \n\n");
  WriteFile(dir / "binary.bin", std::string("PK\x03\x04\0\0", 6));
  WriteFile(dir / "a.txt", "One sentence here. Another one.\n");
  const std::string before = Snapshot(archive);

  struct Case {
    std::vector<std::string> args;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {{"diff", kUrl},
       std::string("stet: diff ") + kUrl + ": only one revision is stored (" + kUrl +
           "); nothing to compare"},
      {{"diff", kUrl, "1", "-1"},
       std::string("stet: diff ") + kUrl + ": both sides are revision 1; nothing to compare"},
      {{"diff", "--files", dir / "empty.txt", dir / "a.txt"},
       "stet: diff " + dir / "empty.txt" + ": empty text"},
      {{"diff", "--files", dir / "a.txt", dir / "binary.bin"},
       "stet: diff " + dir / "binary.bin" + ": binary data (NUL byte at offset 4)"},
      {{"diff", "--files", dir / "a.txt", dir / "missing.txt"},
       "stet: diff " + dir / "missing.txt" + ": No such file or directory"},
  };
  for (const Case& c : cases) {
    RunResult result = Stet(archive, c.args);
    INFO(c.args.back());
    CHECK(result.exit_code == 1);
    CHECK(result.err == c.expected + "\n");
    CHECK(result.out.empty());
  }
  RunResult usage = Stet(archive, {"diff", "--files", dir / "a.txt"});
  CHECK(usage.exit_code == 2);
  CHECK(usage.err == "stet: diff --files: give two files, OLD and NEW\n");
  CHECK(Stet(archive, {"diff", kUrl, "1", "2", "3"}).exit_code == 2);
  RunResult unknown = Stet(archive, {"diff", "https://example.org/none"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err == "stet: diff article https://example.org/none: not in the archive\n");
  CHECK(unknown.out.empty());
  RunResult bad_rev = Stet(archive, {"diff", kUrl, "7", "1"});
  CHECK(bad_rev.exit_code == 1);
  CHECK(bad_rev.err ==
        "stet: diff revision 7 of abb10fe6e31147cc: the article has 1 revision(s)\n");
  CHECK(bad_rev.out.empty());
  CHECK(Snapshot(archive) == before);
}

TEST_CASE("diff: identical texts say so and exit 0", "[diff]") {
  ScratchDir dir;
  WriteFile(dir / "a.txt", "“We don’t,” he said. Nothing more.\n");
  WriteFile(dir / "b.txt", "\"We don't,\" he said.\nNothing   more.\n");
  RunResult same = Stet("unused", {"diff", "--files", dir / "a.txt", dir / "a.txt"});
  CHECK(same.exit_code == 0);
  CHECK(same.out ==
        "no changes: " + dir / "a.txt" + " and " + dir / "a.txt" + " have the same text\n");
  RunResult style = Stet("unused", {"diff", "--files", dir / "a.txt", dir / "b.txt"});
  CHECK(style.exit_code == 0);
  CHECK(style.out == "no changes: " + dir / "a.txt" + " and " + dir / "b.txt" +
                         " differ only in spacing, Unicode form or quote and dash style\n");
  RunResult json =
      Stet("unused", {"diff", "--files", dir / "a.txt", dir / "b.txt", "--format", "json"});
  CHECK(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out)["text_edits"].empty());
  CHECK(nlohmann::json::parse(json.out)["summary"]["unchanged"] == 2);
}

TEST_CASE("diff --files: saved pages are compared as their articles, --raw as text",
          "[diff][regression]") {
  ScratchDir dir;
  auto page = [](const std::string& day) {
    return "<!DOCTYPE html><html><head><title>Talks</title></head><body>"
           "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
           "<div class=\"media-placeholder\" data-id=\"" +
           day + "\"></div><article><p>The minister said on " + day +
           " that the talks, which began in March, would go on for another week at least.</p>"
           "<p>Officials from both sides met in Geneva, where they discussed trade, borders "
           "and the exchange of prisoners, according to a statement.</p></article>"
           "<footer>Copyright Daily Planet</footer></body></html>";
  };
  WriteFile(dir / "old.html", page("Thursday"));
  WriteFile(dir / "new.html", page("Friday"));
  RunResult diff = Stet(
      dir / "none", {"diff", "--files", dir / "old.html", dir / "new.html", "--color", "never"});
  REQUIRE(diff.exit_code == 0);
  CHECK(diff.out.find("[-Thursday-]{+Friday+}") != std::string::npos);
  CHECK(diff.out.find("media-placeholder") == std::string::npos);
  CHECK(diff.out.find("<") == std::string::npos);
  CHECK(diff.out.find("1 sentences edited") != std::string::npos);
  RunResult raw = Stet(dir / "none", {"diff", "--files", "--raw", dir / "old.html",
                                      dir / "new.html", "--color", "never"});
  REQUIRE(raw.exit_code == 0);
  CHECK(raw.out.find("media-placeholder") != std::string::npos);
}

namespace {

// `stet diff --files` of two texts, with `options` added.
RunResult DiffTexts(const std::string& before, const std::string& after,
                    const std::vector<std::string>& options) {
  ScratchDir dir;
  WriteFile(dir / "old.txt", before);
  WriteFile(dir / "new.txt", after);
  std::vector<std::string> args = {"diff", "--files", dir / "old.txt", dir / "new.txt"};
  args.insert(args.end(), options.begin(), options.end());
  return Stet(dir / "none", args);
}

// The same as JSON, parsed; the diff must succeed.
nlohmann::json DiffTextsJson(const std::string& before, const std::string& after) {
  RunResult diff = DiffTexts(before, after, {"--format", "json"});
  REQUIRE(diff.exit_code == 0);
  return nlohmann::json::parse(diff.out);
}

// The CLAIMS lines of `stet diff --files` of two texts.
std::string ClaimLines(const std::string& before, const std::string& after) {
  RunResult diff = DiffTexts(before, after, {"--color", "never", "--width", "0"});
  const std::size_t claims = diff.out.find("\nCLAIMS");
  const std::size_t text = diff.out.find("\nTEXT");
  if (diff.exit_code != 0 || claims == std::string::npos || text == std::string::npos) return "";
  return diff.out.substr(claims + 1, text - claims - 1);
}

}  // namespace

TEST_CASE("diff: a denial or a number changed inside a quote is a claim change with its speaker",
          "[diff][regression]") {
  const nlohmann::json inside =
      DiffTextsJson("\"We did not break the law,\" John Smith said on Monday.\n",
                    "\"We did break the law,\" John Smith said on Monday.\n");
  const nlohmann::json* denial = nullptr;
  for (const nlohmann::json& change : inside["changes"]) {
    if (change["kind"] == "negation_changed") denial = &change;
  }
  REQUIRE(denial != nullptr);
  CHECK((*denial)["speaker"] == "John Smith");
  CHECK((*denial)["detail"] == "negation removed");
  const nlohmann::json outside =
      DiffTextsJson("John Smith said on Monday that they did not break the law.\n",
                    "John Smith said on Monday that they did break the law.\n");
  CHECK(inside["summary"]["materiality"].get<double>() >=
        outside["summary"]["materiality"].get<double>());
  CHECK(inside["summary"]["materiality_label"] == "high");
  CHECK(ClaimLines("\"We lost 5 soldiers,\" the general said.\n",
                   "\"We lost 7 soldiers,\" the general said.\n")
            .find("number") != std::string::npos);
}

TEST_CASE("diff: claim lines show the change in its sentence, where it stands",
          "[diff][regression]") {
  // A pure insertion: the sentence, not the word alone.
  CHECK(
      ClaimLines("The minister said the council will approve the plan.\n",
                 "The minister said the council will not approve the plan.\n")
          .find("denial            The minister said the council will {+not+} approve the plan.") !=
      std::string::npos);
  // A deletion is marked where the words stood, not at the sentence start.
  CHECK(ClaimLines("The minister said the council will not approve the plan.\n",
                   "The minister said the council will approve the plan.\n")
            .find("The minister said the council will [-not-] approve the plan.") !=
        std::string::npos);
  // After a split, the half that holds the change.
  const std::string split = ClaimLines(
      "The council met on Monday, and the minister said the plan would cost 5 million dollars.\n",
      "The council met on Monday. The minister said the plan would cost 7 million dollars.\n");
  CHECK(split.find("cost [-5 million dollars-]{+7 million dollars+}") != std::string::npos);
  CHECK(split.find("The council met on Monday.") == std::string::npos);
  // Numbers read as written.
  CHECK(ClaimLines("The Mets won 5-4 on Sunday.\n", "The Mets won 6-3 on Sunday.\n")
            .find("5-4 -> 6-3") != std::string::npos);
  CHECK(ClaimLines("The fund holds $3.2 billion.\n", "The fund holds $3.4 billion.\n")
            .find("$3.2 billion -> $3.4 billion") != std::string::npos);
}

TEST_CASE("diff JSON: every change has every field, null where a side has none",
          "[diff][regression]") {
  const nlohmann::json json = DiffTextsJson(
      "The council met on Monday.\n\nThe mayor spoke briefly.\n",
      "The council met on Monday.\n\n\"We will rebuild the bridge,\" the mayor said.\n\n"
      "The mayor spoke briefly.\n");
  REQUIRE(!json["changes"].empty());
  for (const nlohmann::json& change : json["changes"]) {
    for (const char* field : {"kind", "before", "after", "speaker", "before_start", "before_end",
                              "after_start", "after_end", "detail"}) {
      INFO(change.dump() << " " << field);
      CHECK(change.contains(field));
    }
  }
  const nlohmann::json& added = json["changes"][0];
  CHECK(added["kind"] == "quote_added");
  CHECK(added["before_start"].is_null());
  CHECK(added["after_start"].is_number());
  // Sentences are numbered from 1, as in the text output.
  bool found = false;
  for (const nlohmann::json& edit : json["text_edits"]) {
    if (edit["kind"] == "added") {
      CHECK(edit["after"]["sentences"] == nlohmann::json::array({2}));
      found = true;
    }
  }
  CHECK(found);
}

TEST_CASE("diff: a quote whose speaker is no longer named is not re-attributed",
          "[diff][regression]") {
  const nlohmann::json json = DiffTextsJson(
      "The mayor spoke on Monday.\n\nAna Ortiz said: \"We will rebuild the bridge before "
      "winter.\"\n",
      "The mayor spoke on Monday.\n\n\"We will rebuild the bridge before winter.\"\n");
  REQUIRE(!json["changes"].empty());
  for (const nlohmann::json& change : json["changes"]) {
    CHECK(change["kind"] != "quote_reattributed");
  }
}

TEST_CASE("diff: a negation removed is reported as removed, n't with a curly apostrophe too",
          "[diff][regression]") {
  for (const auto& [before, after] : {std::pair{"Officials said the plan was not ready.\n",
                                                "Officials said the plan was ready.\n"},
                                      std::pair{"Officials said the plan wasn\u2019t ready.\n",
                                                "Officials said the plan was ready.\n"}}) {
    const nlohmann::json changes = DiffTextsJson(before, after)["changes"];
    INFO(before);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0]["kind"] == "negation_changed");
    CHECK(changes[0]["detail"] == "negation removed");
  }
}

TEST_CASE("diff: the latest headline heads the output, a headline of two sentences in place",
          "[diff]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  WriteFile(dir / "a.txt", "The talks went on all day. Nobody left early.\n");
  auto add = [&](const std::string& title) {
    REQUIRE(Stet(archive, {"add", dir / "a.txt", "--key", "talks", "--title", title}).exit_code ==
            0);
  };
  add("Talks stall. Leaders leave");
  add("Talks collapse. Leaders stay");
  RunResult both = Stet(archive, {"diff", "key:talks", "--color", "never"});
  REQUIRE(both.exit_code == 0);
  // The title line first, then the article, then the revisions compared.
  CHECK(both.out.rfind("Talks collapse. Leaders stay\nkey:talks\nrevision 1 (", 0) == 0);
  // Both sentences changed: the headline before and after, whole.
  CHECK(both.out.find("\n  headline  [-Talks stall. Leaders leave-]{+Talks collapse. Leaders "
                      "stay+}\n") != std::string::npos);
  add("Talks collapse. Leaders stay!");
  RunResult one = Stet(archive, {"diff", "key:talks", "--color", "never"});
  REQUIRE(one.exit_code == 0);
  // One sentence changed: marked inside the whole headline.
  CHECK(one.out.find("\n  headline  Talks collapse. Leaders stay{+!+}\n") != std::string::npos);
  CHECK(one.out.rfind("Talks collapse. Leaders stay!\nkey:talks\nrevision 2 (", 0) == 0);
}

TEST_CASE("quotes: the text listing names speakers and marks partial quotes", "[quotes][cli]") {
  ScratchDir dir;
  WriteFile(dir / "a.txt",
            "“We will rebuild the bridge,” Mayor Anna Berg said. The plan is “dead on arrival,” "
            "according to the Daily Planet. It is a “truce” in name only.\n");
  RunResult listed = Stet("unused", {"analyze", dir / "a.txt"});
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.out.find("\n  Anna Berg                    “We will rebuild the bridge,”\n") !=
        std::string::npos);
  CHECK(listed.out.find("\n  Daily Planet, partial        “dead on arrival,”\n") !=
        std::string::npos);
  CHECK(listed.out.find("\n  (not speech)                 “truce”\n") != std::string::npos);
}

TEST_CASE("quotes --explain: the sample's quotes each name their rule and words", "[quotes][cli]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  REQUIRE(stet::test::AddSampleRevisions(archive, kUrl, "Vance: US could use sanctions"));
  const nlohmann::json labels =
      nlohmann::json::parse(ReadFile(SamplePath("expected.json")))["quotes_in"]["r2"];
  RunResult listed =
      Stet(archive, {"quotes", std::string(kUrl) + "@2", "--explain", "--format", "json"});
  REQUIRE(listed.exit_code == 0);
  const nlohmann::json out = nlohmann::json::parse(listed.out);
  std::size_t speech = 0;
  for (const nlohmann::json& quote : out["quotes"]) {
    if (!quote["speech"].get<bool>()) continue;
    ++speech;
    INFO(quote["text"]);
    // Every speech quote of the sample has its speaker from a rule that
    // says which words it read.
    const std::string explanation = quote["explanation"];
    CHECK_FALSE(quote["speaker"].is_null());
    CHECK(quote["speaker_kind"] == "person");
    CHECK((quote["attribution"] == "cue" || quote["attribution"] == "pronoun" ||
           quote["attribution"] == "continuation"));
    CHECK(explanation.find(':') != std::string::npos);
    const bool names_words = explanation.find("\u201C") != std::string::npos ||
                             explanation.rfind("continuation", 0) == 0;
    CHECK(names_words);
    if (quote["attribution"] == "pronoun") {
      CHECK(explanation.find(" is " + quote["speaker"].get<std::string>()) != std::string::npos);
    }
  }
  CHECK(speech == labels.size());
  // Without --explain the JSON has no explanation; the text listing shows
  // one line under each quote with it.
  const nlohmann::json plain = nlohmann::json::parse(
      Stet(archive, {"quotes", std::string(kUrl) + "@2", "--format", "json"}).out);
  CHECK_FALSE(plain["quotes"][0].contains("explanation"));
  RunResult text = Stet(archive, {"quotes", std::string(kUrl) + "@2", "--explain"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("cue after the quote: \u201C") != std::string::npos);
  CHECK(text.out.find("is Pete Hegseth") != std::string::npos);
}

TEST_CASE("diff: text fits 80 columns off a terminal, --width and --only shape it",
          "[diff][render]") {
  const std::vector<std::string> sample = {"diff", "--files", SamplePath("r2.txt"),
                                           SamplePath("r3.txt")};
  auto with = [&](const std::vector<std::string>& options) {
    std::vector<std::string> args = sample;
    args.insert(args.end(), options.begin(), options.end());
    RunResult run = Stet("unused", args);
    REQUIRE(run.exit_code == 0);
    return run.out;
  };
  auto longest = [](const std::string& text) {
    std::size_t widest = 0, start = 0;
    while (start < text.size()) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      widest = std::max(widest, stet::report::Columns(text.substr(start, end - start)));
      start = end + 1;
    }
    return widest;
  };
  CHECK(longest(with({})) == 80);
  CHECK(longest(with({"--width", "50"})) == 50);
  CHECK(longest(with({"--width", "0"})) > 200);
  // --only: the sections asked for, no other.
  const std::string claims = with({"--only", "claims"});
  CHECK(claims.find("\nCLAIMS  8 changed") != std::string::npos);
  CHECK(claims.find("\nQUOTES") == std::string::npos);
  CHECK(claims.find("\nTEXT") == std::string::npos);
  const std::string two = with({"--only", "quotes,text"});
  CHECK(two.find("\nQUOTES") != std::string::npos);
  CHECK(two.find("\nTEXT") != std::string::npos);
  CHECK(two.find("\nCLAIMS") == std::string::npos);
  std::vector<std::string> bad = sample;
  bad.insert(bad.end(), {"--only", "verbs"});
  CHECK(Stet("unused", bad).exit_code == 2);
  bad = sample;
  bad.insert(bad.end(), {"--width", "5"});
  RunResult narrow = Stet("unused", bad);
  CHECK(narrow.exit_code == 2);
  CHECK(narrow.err.find("--width: 5 is not 0 (no wrapping) or a width from 20 to 10000") !=
        std::string::npos);

  // A section with nothing in it is left out: no quote changed here.
  RunResult plain = DiffTexts("The council met on Monday. It approved 5 permits.\n",
                              "The council met on Monday. It approved 7 permits.\n", {});
  REQUIRE(plain.exit_code == 0);
  CHECK(plain.out.find("QUOTES") == std::string::npos);
  CHECK(plain.out.find("\nCLAIMS  1 changed") != std::string::npos);

  // On a terminal that cannot show colour (TERM=dumb), brackets alone.
  const std::vector<std::string> on_terminal = {STET_BINARY, "diff", "--files",
                                                SamplePath("r2.txt"), SamplePath("r3.txt")};
  RunResult dumb = stet::test::RunInTerminal(on_terminal, {"NO_COLOR", "TERM=dumb"});
  CHECK(dumb.exit_code == 0);
  CHECK(dumb.out.find("\x1b[") == std::string::npos);
  CHECK(dumb.out.find("[-G-7-]{+G-8+}") != std::string::npos);
  RunResult colour = stet::test::RunInTerminal(on_terminal, {"NO_COLOR", "TERM=xterm"});
  CHECK(colour.out.find("\x1b[31m[-G-7-]\x1b[0m\x1b[32m{+G-8+}\x1b[0m") != std::string::npos);
}
