package check

import (
	"fmt"
	"strings"
)

// countryCodes maps every accepted spelling of a country (alpha-2, alpha-3, three-digit
// numeric) to its alpha-2 code. It is built once from iso3166Table and never written
// again.
var countryCodes = func() map[string]string {
	m := map[string]string{}
	for _, f := range strings.Fields(iso3166Table) {
		a2 := f[:2]
		m[a2], m[f[2:5]], m[f[5:8]] = a2, a2, a2
	}
	for code, a2 := range countryExtras {
		m[code] = a2
	}
	return m
}()

// countryExtras are codes outside ISO 3166-1 that sources really send. UK is reserved by
// ISO for the United Kingdom (whose code is GB) and is what people type; XK and XKX are
// the user-assigned codes for Kosovo that the EU, Stripe and Shopify use.
var countryExtras = map[string]string{"UK": "GB", "XK": "XK", "XKX": "XK"}

// Country reads an ISO 3166-1 country code, alpha-2 or alpha-3 in any case ("nl", "NLD")
// or numeric ("528", also "36" for a code stored as a number), and returns the alpha-2
// code: the form the canonical model keeps. UK is read as GB, and Kosovo's XK is
// accepted.
//
// It returns ErrUnknownCode for anything else.
func Country(code string) (alpha2 string, err error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if allDigits(c) && len(c) < 3 {
		c = strings.Repeat("0", 3-len(c)) + c
	}
	if a2, ok := countryCodes[c]; ok {
		return a2, nil
	}
	return "", fmt.Errorf("country %q: %w: not an ISO 3166-1 code", code, ErrUnknownCode)
}

// chinaCustomsCountry maps the legacy three-digit country codes of China customs (海关
// 国别(地区)代码, still used for origin and destination in broker exports) to ISO 3166
// alpha-2. The first digit is a region (1 Asia, 3 Europe, 5 North America, 6 Oceania),
// and the numbers clash with ISO numeric codes: 116 is Japan here but Cambodia in ISO,
// 344 is Russia here but Hong Kong in ISO.
//
// Source: the customs parameter code list as reproduced in public broker and
// cross-border integrations (142 China, 502 United States, 116 Japan, 133 Korea, 601
// Australia and 609 New Zealand appear verbatim), cross-checked with the currency list
// (302 DKK, 303 GBP, 326 NOK, 330 SEK, 331 CHF, 344 RUB follow their issuers' codes). Only
// codes we are confident of are listed; confirm any other against the partner's broker
// export before adding it (SOURCES.md §10).
var chinaCustomsCountry = map[string]string{
	"110": "HK", "116": "JP", "121": "MO", "129": "PH", "132": "SG", "133": "KR", "136": "TH",
	"142": "CN", "143": "TW",
	"301": "BE", "302": "DK", "303": "GB", "304": "DE", "305": "FR", "307": "IT", "309": "NL",
	"312": "ES", "326": "NO", "330": "SE", "331": "CH", "344": "RU",
	"501": "CA", "502": "US",
	"601": "AU", "609": "NZ",
}

// ChinaCustomsCountry reads a country in a China customs message: an ISO 3166 alpha-2 or
// alpha-3 code (what the Single Window sends today) or a legacy customs country code
// ("502" for the United States, "142" for China), and returns the alpha-2 code. A number
// is read only as a customs code, never as an ISO numeric code, because the two lists
// give different countries to the same number; an unlisted number is refused rather than
// guessed.
//
// It returns ErrUnknownCode for anything else.
func ChinaCustomsCountry(code string) (alpha2 string, err error) {
	c := strings.TrimSpace(code)
	if allDigits(c) {
		a2, ok := chinaCustomsCountry[c]
		if !ok {
			return "", fmt.Errorf("customs country %q: %w: not a known China customs country code", code, ErrUnknownCode)
		}
		return a2, nil
	}
	return Country(c)
}
