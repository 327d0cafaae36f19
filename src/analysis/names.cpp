#include "analysis/names.h"

#include <string>

#include "base/word_list.h"

namespace stet::attribution {
namespace {

#include "person_nouns.inc"

// Capitalised at the start of a sentence or clause, never a name: function
// words, openers, weekdays, months that are not also given names, number
// words, and participles that open a clause ("Asked about ...").
constexpr std::string_view kNeverInName =
    "a an the this that these those his her its their our my your as at in on of for "
    "from by with without into onto over under after before since until while when "
    "whenever where wherever why how what which who whom whose if unless although "
    "though because despite during among amid amongst between about against along "
    "around behind beyond like near through throughout toward towards upon within "
    "and but or nor so yet still also then now later earlier meanwhile however "
    "instead indeed moreover furthermore nevertheless nonetheless otherwise thus "
    "therefore yesterday today tomorrow tonight last next once twice there here it "
    "we they you i he she some many most few several all both each every no not none "
    "one two three four five six seven eight nine ten asked speaking according "
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "september october november december jan. feb. aug. sept. oct. nov. dec. ";

// Heads of place and organisation names.
constexpr std::string_view kOrganisationWords =
    "utilities rail foods transit alliance steel industries systems technologies partners capital "
    "media pharmaceuticals insurance logistics ventures labs solutions electric power mining "
    "telecom athletic rovers united wanderers albion fc afc embassy consulate creek reservoir "
    "stadium arena museum gallery hotel theatre theater centre center building plaza canal guild "
    "states kingdom republic union nations emirates department ministry council "
    "committee commission authority agency bureau office service services board "
    "party parliament congress senate assembly court police army navy force guard "
    "university college school academy institute hospital clinic foundation trust "
    "fund bank company corp corp. corporation inc inc. ltd ltd. llc plc group "
    "holdings association federation league club society network news times post "
    "herald journal gazette press radio television tv airlines airways lines railway "
    "railways motors energy city county province district region street avenue road "
    "square river lake island islands mountains valley bay coast harbour harbor port "
    "airport station church cathedral campaign chamber government administration "
    "team firm family prosecutors organisers organizers ";

constexpr std::string_view kMaleWords =
    "mr. mr he him his himself sir lord king prince duke baron spokesman chairman "
    "congressman councilman assemblyman alderman headmaster father son husband "
    "brother uncle nephew grandson grandfather boyfriend widower actor ";

constexpr std::string_view kFemaleWords =
    "ms. ms mrs. mrs miss she her hers herself dame lady queen princess duchess "
    "baroness spokeswoman chairwoman congresswoman councilwoman assemblywoman "
    "headmistress actress mother daughter wife sister aunt niece granddaughter "
    "grandmother girlfriend widow mum mom madam madame ";

}  // namespace

bool NeverInName(std::string_view lower) {
  static const WordSet words(kNeverInName);
  return words.Contains(lower);
}

bool NamesAPerson(std::string_view lower) {
  auto noun = [](std::string_view word) { return InSortedList(kWordNetPersonNouns, word); };
  if (noun(lower)) return true;
  // A plural: "residents", "lifeguards", "deputies".
  if (lower.size() > 4 && lower.ends_with("ies")) {
    return noun(std::string(lower.substr(0, lower.size() - 3)) + "y");
  }
  return lower.size() > 3 && lower.ends_with("s") && noun(lower.substr(0, lower.size() - 1));
}

bool IsOrganisationWord(std::string_view lower) {
  static const WordSet words(kOrganisationWords);
  return words.Contains(lower);
}

Gender GenderOfWord(std::string_view lower) {
  static const WordSet male(kMaleWords), female(kFemaleWords);
  if (male.Contains(lower)) return Gender::kMale;
  if (female.Contains(lower)) return Gender::kFemale;
  return Gender::kUnknown;
}

bool IsGenderedPronoun(std::string_view lower) {
  return lower == "he" || lower == "him" || lower == "his" || lower == "himself" ||
         lower == "she" || lower == "her" || lower == "hers" || lower == "herself";
}

}  // namespace stet::attribution
