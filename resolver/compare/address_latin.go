package compare

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// houseNumberWord matches a house number as Latin addresses write it before the street:
// "12", "12a", "12-14", and the Australian unit form "5/12" (unit 5 of number 12).
var houseNumberWord = regexp.MustCompile(`^(?:(\d+[A-Za-z]?)/)?(\d+[A-Za-z]?(?:-\d+[A-Za-z]?)?),?$`)

// LatinAddress builds an Address from the fields Latin sources send (FEBRL:
// street_number, address_1, address_2, suburb, postcode, state; Shopify: address1,
// address2, city, zip, province). When number is empty and line1 starts with a house
// number ("12 Main St", "5/12 Main St"), the number is taken from line1, and a unit
// before a slash goes to the detail.
func LatinAddress(number, line1, line2, locality, postcode, region string) Address {
	a := Address{Number: strings.TrimSpace(number), Street: strings.TrimSpace(line1), Detail: strings.TrimSpace(line2),
		Locality: strings.TrimSpace(locality), Postcode: strings.TrimSpace(postcode), Region: strings.TrimSpace(region)}
	if segs := strings.Split(strings.Trim(a.Street+", "+a.Detail, ", "), ","); a.Number == "" && isRomanChinese(segs) {
		// A Chinese address in English ("No. 2061 Wensan Road", Taiwan's "9F., No. 293,
		// Sec. 4, Minquan Rd."): the shop's city field holds the city, not a district.
		r := parseRomanChinese(trimmed(segs))
		a.Number, a.Street, a.Detail = r.Number, r.Street, r.Detail
		if loc := strings.ToLower(strings.TrimSuffix(a.Locality, ".")); !strings.HasSuffix(loc, "district") && !strings.HasSuffix(loc, "dist") {
			a.City, a.Locality = a.Locality, r.Locality
		}
		if a.City == "" {
			a.City = r.City
		}
		return a
	}
	a = latinUnit(a)
	if a.Number == "" {
		if first, rest, ok := strings.Cut(a.Street, " "); ok {
			if m := houseNumberWord.FindStringSubmatch(first); m != nil {
				a.Number, a.Street = m[2], strings.TrimSpace(rest)
				if m[1] != "" {
					a.Detail = strings.TrimSpace("unit " + m[1] + " " + a.Detail)
				}
			}
		}
	}
	return a
}

// ParseAddress splits an address written on one line: Chinese addresses as
// ParseChineseAddress does, others at their commas. The first comma-separated segment
// that starts with a house number gives number and street (segments before it, such as
// "Flat 3", are the detail); a segment without a number is the street when none has
// one. Of the segments after the street, the last gives the postcode (its words with
// digits) and, when other segments stand between, the region; the first in between is
// the locality and a second the city. "12 Main St, Springfield, IL 62704" is number 12,
// street "Main St", locality Springfield, region IL, postcode 62704. It is a heuristic
// for sources that send no parts; use LatinAddress where they do.
func ParseAddress(s string) Address {
	if hasHan(s) {
		return ParseChineseAddress(s)
	}
	segs := trimmed(strings.Split(s, ","))
	if len(segs) == 0 {
		return Address{}
	}
	if isRomanChinese(segs) {
		return parseRomanChinese(segs)
	}
	street, a := 0, Address{}
	found := false
	// Number first wins over number last: "Flat 3, 12 Main Street" is 12 Main Street.
	// A four- or five-digit number first in a later segment is a postcode ("Hauptstraße
	// 5a, 10115 Berlin"); in the first one it may be a house number (1600 Pennsylvania
	// Avenue).
	for _, last := range []bool{false, true} {
		for i, seg := range segs {
			if !last && i > 0 && len(leadingNumber(seg)) >= 4 {
				continue
			}
			if a, found = numberedStreet(seg, last); found {
				street = i
				break
			}
		}
		if found {
			break
		}
	}
	if !found {
		a.Street = segs[0]
	}
	a.Detail = strings.TrimSpace(strings.Join(segs[:street], " ") + " " + a.Detail)
	rest := segs[street+1:]
	if len(rest) == 0 {
		return a
	}
	var code, words []string
	last := strings.Fields(rest[len(rest)-1])
	for i, w := range last {
		switch {
		case strings.ContainsFunc(w, unicode.IsDigit):
			code = append(code, w)
		case i > 0 && len(w) == 2 && strings.ToUpper(w) == w && len(code) > 0 && len(last[i-1]) == 4 && allDigits(last[i-1]):
			code = append(code, w) // the letters of a Dutch postcode, 1015 CJ
		default:
			words = append(words, w)
		}
	}
	if len(code) == 0 { // no postcode: the last segment is a place like the others
		words, rest = nil, append(rest, "")
	}
	a.Postcode = strings.Join(code, " ")
	between := rest[:len(rest)-1]
	if len(between) > 0 {
		a.Region = strings.Join(words, " ")
	} else {
		between = []string{strings.Join(words, " ")}
	}
	between = slices.DeleteFunc(between, func(s string) bool { return s == "" })
	if len(between) == 0 {
		return a
	}
	a.Locality = between[0]
	if len(between) > 1 {
		a.City = strings.Join(between[1:], " ")
	}
	return a
}

// numberedStreet reads a segment that holds a house number and a street, with the
// number first ("12 Main St", "5/12 Main St"), or with last set, after the street
// ("Keizersgracht 123").
func numberedStreet(seg string, last bool) (Address, bool) {
	words := strings.Fields(seg)
	switch {
	case len(words) < 2:
	case !last && houseNumberWord.MatchString(words[0]):
		return LatinAddress("", seg, "", "", "", ""), true
	case last:
		if m := houseNumberWord.FindStringSubmatch(words[len(words)-1]); m != nil && m[1] == "" {
			return Address{Number: m[2], Street: strings.Join(words[:len(words)-1], " ")}, true
		}
	}
	return Address{}, false
}

// trimmed returns the segments with their spaces trimmed and the empty ones dropped.
func trimmed(segs []string) []string {
	var out []string
	for _, seg := range segs {
		if seg = strings.TrimSpace(seg); seg != "" {
			out = append(out, seg)
		}
	}
	return out
}
