// The reporting verbs news writing attributes speech with, in every form
// it uses them: a lexicon of base verbs, inflected by English spelling
// rules (says, said, saying; admits, admitted, admitting; replies,
// replied), with the irregular forms listed beside them. A principled list
// rather than words added one at a time: a verb joins with all its forms.
// Verbs that name their object with the quote are among them ("called the
// deal “a betrayal”", "described her as “a tourist”"): their short quote is
// speech.
#ifndef STET_SRC_ANALYSIS_REPORTING_VERBS_H_
#define STET_SRC_ANALYSIS_REPORTING_VERBS_H_

#include <string>
#include <string_view>
#include <vector>

namespace stet::attribution {

enum class VerbForm {
  kBase,        // say, tell (after an auxiliary: "would say", "did tell")
  kThird,       // says
  kPast,        // said, has said
  kParticiple,  // saying, telling: a clause of its own ("…, saying …")
};

struct VerbFormEntry {
  std::string word;  // lower case
  VerbForm form;
};

// Every form of every reporting verb, lower case.
const std::vector<VerbFormEntry>& ReportingVerbForms();

// A verb that names its object with the quote: its speaker is never the
// words after it ("dubbed the striker “the Lighthouse”").
bool IsNamingVerb(std::string_view lower);

}  // namespace stet::attribution

#endif  // STET_SRC_ANALYSIS_REPORTING_VERBS_H_
