package normalize

import "strings"

// addressWords maps street-type and unit words to the abbreviation that most sources use
// (USPS Publication 28 style, plus German "strasse" and the common French, Spanish and
// Polish ones), so "12 Main Street" and "12 Main
// St." compare equal. Compass words are abbreviated too.
var addressWords = map[string]string{
	"street": "st", "road": "rd", "avenue": "ave", "av": "ave", "boulevard": "blvd", "drive": "dr",
	"lane": "ln", "court": "ct", "place": "pl", "square": "sq", "highway": "hwy", "parkway": "pkwy",
	"terrace": "ter", "crescent": "cres", "suite": "ste", "apartment": "apt", "building": "bldg",
	"floor": "fl", "room": "rm", "unit": "unit", "number": "no", "north": "n", "south": "s",
	"east": "e", "west": "w", "strasse": "str",
	// How French, Spanish and Polish customers write theirs: Bd Haussmann, Avda. de
	// América, ul. Długa (ulica), al. Jerozolimskie (aleja).
	"bd": "blvd", "boul": "blvd", "bvd": "blvd", "avenida": "ave", "avda": "ave", "route": "rte",
	"impasse": "imp", "ulica": "ul", "aleja": "al",
}

// Address returns the comparable form of a postal address, as a key and its words in
// written order: NFKC (full-width digits in Chinese addresses become ASCII), case
// folding, Latin accents removed, punctuation dropped ("#12-3," is "12 3"), white space
// collapsed, and street types abbreviated (street is st, road rd, avenue ave). CJK runs
// are kept together without spaces. Words are not reordered: unlike a name, an address
// changes meaning when its parts swap; compare word sets with Jaccard for a fuzzy match.
func Address(s string) (key string, tokens []string) {
	ws := words(strings.ReplaceAll(fold(s), ".", " "))
	for i, w := range ws {
		if a, ok := addressWords[w]; ok {
			ws[i] = a
		}
	}
	return strings.Join(ws, " "), ws
}
