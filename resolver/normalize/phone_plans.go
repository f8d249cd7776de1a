package normalize

// plan is how one country writes phone numbers: its calling code, the trunk prefix that
// national numbers carry and E.164 drops, the international call prefixes people dial
// before a foreign number, and the length of the national significant number (after the
// trunk prefix).
type plan struct {
	code     string   // country calling code, without '+'
	trunk    string   // national trunk prefix ("0"; "1" in North America; "" for none)
	intl     []string // international call prefixes besides "00", longest first
	min, max int      // length range of the national significant number
	// bare says that national numbers are commonly written without the trunk prefix,
	// as Brazil's "(11) 91234-5678": where it is not, a number without it is a local
	// one whose area code is missing, and names nobody.
	bare bool
}

// plans are the countries Seam's sources mostly come from. Italy keeps the leading 0 of
// its landline numbers in E.164, so it has no trunk prefix; Russia's trunk prefix is 8.
// Lengths keep every number within E.164's 8 to 15 digits (calling code included), so
// very short local numbers (Austria, Luxembourg) are refused rather than risk a partial
// number. Numbers from other countries are accepted in international form only.
var plans = map[string]plan{
	"CN": {code: "86", trunk: "0", min: 9, max: 11},
	"HK": {code: "852", min: 8, max: 8},
	"MO": {code: "853", min: 8, max: 8},
	"TW": {code: "886", trunk: "0", min: 8, max: 9},
	"JP": {code: "81", trunk: "0", min: 9, max: 10},
	"KR": {code: "82", trunk: "0", min: 8, max: 10},
	"SG": {code: "65", min: 8, max: 8},
	"MY": {code: "60", trunk: "0", min: 8, max: 10},
	"TH": {code: "66", trunk: "0", min: 8, max: 9},
	"VN": {code: "84", trunk: "0", min: 9, max: 10},
	// India: ten digits, a mobile's starting 6 to 9, written "98765 43210" as often as
	// "098765 43210"; a landline's area code goes with or without its 0 too.
	"IN": {code: "91", trunk: "0", min: 10, max: 10, bare: true},
	"AE": {code: "971", trunk: "0", min: 8, max: 9},
	"US": {code: "1", trunk: "1", intl: []string{"011"}, min: 10, max: 10},
	"CA": {code: "1", trunk: "1", intl: []string{"011"}, min: 10, max: 10},
	"GB": {code: "44", trunk: "0", min: 9, max: 10},
	"IE": {code: "353", trunk: "0", min: 7, max: 9},
	"DE": {code: "49", trunk: "0", min: 6, max: 13},
	"AT": {code: "43", trunk: "0", min: 6, max: 13},
	"CH": {code: "41", trunk: "0", min: 9, max: 9},
	"FR": {code: "33", trunk: "0", min: 9, max: 9},
	"NL": {code: "31", trunk: "0", min: 9, max: 9},
	"BE": {code: "32", trunk: "0", min: 8, max: 9},
	"LU": {code: "352", min: 6, max: 11},
	"IT": {code: "39", min: 6, max: 11},
	"ES": {code: "34", min: 9, max: 9},
	"PT": {code: "351", min: 9, max: 9},
	"DK": {code: "45", min: 8, max: 8},
	"NO": {code: "47", min: 8, max: 8},
	"SE": {code: "46", trunk: "0", min: 7, max: 9},
	"FI": {code: "358", trunk: "0", min: 5, max: 12},
	"PL": {code: "48", min: 9, max: 9},
	"RU": {code: "7", trunk: "8", intl: []string{"810"}, min: 10, max: 10},
	"AU": {code: "61", trunk: "0", intl: []string{"0011"}, min: 9, max: 9},
	"NZ": {code: "64", trunk: "0", min: 8, max: 10},
	// Brazil: a two-digit area code, then eight digits for a landline, nine (the first a
	// 9) for a mobile, written "(11) 91234-5678"; the trunk 0 goes before a long-distance
	// call's area code.
	"BR": {code: "55", trunk: "0", min: 10, max: 11, bare: true},
	// Mexico has dialled ten digits without a trunk prefix since 2019.
	"MX": {code: "52", min: 10, max: 10},
	"ZA": {code: "27", trunk: "0", min: 9, max: 9},
	"PH": {code: "63", trunk: "0", min: 9, max: 10},
	"ID": {code: "62", trunk: "0", min: 9, max: 12},
	"TR": {code: "90", trunk: "0", min: 10, max: 10},
	"GR": {code: "30", min: 10, max: 10},
	"CZ": {code: "420", min: 9, max: 9},
}

// plansByCode finds a plan from a calling code. North America shares +1 and the plans
// of one code agree on everything that matters here.
var plansByCode = func() map[string]plan {
	m := map[string]plan{}
	for _, p := range plans {
		m[p.code] = p
	}
	return m
}()
