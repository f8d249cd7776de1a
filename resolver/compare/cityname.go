package compare

import (
	"regexp"
	"strings"
)

// Cities written by other names. A checkout's city field is free text, and one buyer
// writes the city as its people do (München, Kraków, Hồ Chí Minh), in English (Munich,
// Cracow, Ho Chi Minh City), by its official or old name ('s-Gravenhage, Sài Gòn) or by
// the abbreviation everyone there uses (CDMX, TP.HCM, POA): one place, where the words
// differ and the comparison called the localities Different. These are the cities of
// continental Europe, Latin America and Vietnam whose names are written most
// differently; a name not listed is compared as written.

// cityNames maps a city's other names, normalised as partKey leaves them (lower case,
// accents and punctuation dropped), to one of them.
var cityNames = map[string]string{
	"munich": "munchen", "muenchen": "munchen", "cologne": "koln", "koeln": "koln", "nuremberg": "nurnberg",
	"nuernberg": "nurnberg", "vienna": "wien", "rome": "roma", "milan": "milano", "naples": "napoli",
	"turin": "torino", "florence": "firenze", "venice": "venezia", "genoa": "genova", "lisbon": "lisboa",
	"warsaw": "warszawa", "cracow": "krakow", "the hague": "den haag", "s gravenhage": "den haag",
	"brussels": "bruxelles", "brussel": "bruxelles", "antwerp": "antwerpen", "seville": "sevilla",
	"saragossa": "zaragoza", "la coruna": "a coruna", "geneva": "geneve", "genf": "geneve",
	"cdmx": "ciudad de mexico", "mexico city": "ciudad de mexico", "mexico df": "ciudad de mexico", "mexico d f": "ciudad de mexico",
	"hcmc": "ho chi minh", "tp hcm": "ho chi minh", "tphcm": "ho chi minh", "ho chi minh city": "ho chi minh",
	"tp ho chi minh": "ho chi minh", "thanh pho ho chi minh": "ho chi minh", "sai gon": "ho chi minh",
	"saigon": "ho chi minh", "ha noi": "hanoi", "tp ha noi": "hanoi", "da nang": "danang", "tp da nang": "danang",
	"rj": "rio de janeiro", "rio": "rio de janeiro", "sp": "sao paulo", "sao paulo sp": "sao paulo",
	"poa": "porto alegre", "bh": "belo horizonte", "bhz": "belo horizonte",
}

// arrondissement matches a French city with its arrondissement (Paris 11e, Lyon 3e,
// Marseille 1er): the city, as the postcode already tells the arrondissement.
var arrondissement = regexp.MustCompile(`^(paris|lyon|marseille) (\d{1,2})(e|er|eme)$`)

// cityName returns a normalised locality or city under the name cityNames files it by,
// or as given.
func cityName(key string) string {
	if m := arrondissement.FindStringSubmatch(key); m != nil {
		key = m[1]
	}
	if c, ok := cityNames[key]; ok {
		return c
	}
	if c, ok := cityNames[strings.ReplaceAll(key, " ", "")]; ok {
		return c
	}
	return key
}
