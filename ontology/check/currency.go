package check

import (
	"fmt"
	"strings"
)

// currency is one ISO 4217 currency: its numeric code and the exponent of its minor unit.
type currency struct {
	numeric  string
	exponent int32
}

// iso4217 maps an alphabetic code to its currency; iso4217Numeric maps a numeric code to
// the alphabetic one. Both are built once from iso4217Table and never written again.
var iso4217, iso4217Numeric = func() (map[string]currency, map[string]string) {
	byAlpha := map[string]currency{}
	byNumeric := map[string]string{}
	for _, f := range strings.Fields(iso4217Table) {
		byAlpha[f[:3]] = currency{numeric: f[3:6], exponent: int32(f[7] - '0')}
		byNumeric[f[3:6]] = f[:3]
	}
	return byAlpha, byNumeric
}()

// Currency reads an ISO 4217 currency code, alphabetic in any case ("usd", "USD") or
// numeric ("840", also "36" for a code stored as a number), and returns the alphabetic
// code and the exponent of its minor unit: 2 for USD, 0 for JPY, KRW and VND, 3 for BHD,
// KWD, JOD, OMR and TND. The exponent is the scale of amounts that sources send in minor
// units (Stripe, Square, Douyin).
//
// It returns ErrUnknownCode for anything that is not an active ISO 4217 currency.
func Currency(code string) (alpha string, exponent int32, err error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if allDigits(c) && len(c) <= 3 {
		a, ok := iso4217Numeric[strings.Repeat("0", 3-len(c))+c]
		if !ok {
			return "", 0, fmt.Errorf("currency %q: %w: not an active ISO 4217 numeric code", code, ErrUnknownCode)
		}
		c = a
	}
	cur, ok := iso4217[c]
	if !ok {
		return "", 0, fmt.Errorf("currency %q: %w: not an active ISO 4217 code", code, ErrUnknownCode)
	}
	return c, cur.exponent, nil
}

// chinaCustomsCurrency maps the legacy three-digit currency codes of China customs (海关
// 币制代码, from the customs parameter code list that broker software used before the
// Single Window moved to ISO 4217 alphabetic codes) to ISO 4217. Each number is the
// customs country code of the issuer (502 United States: USD; 300 Europe: EUR), not an
// ISO number: 344 is RUB here but HKD in ISO, and 116 is JPY here but KHR in ISO.
//
// Source: the list as reproduced in public broker and cross-border integrations, where
// 142, 502 and 300 appear verbatim; the others are kept because each agrees with the
// customs country code of its issuer (see chinaCustomsCountry). Codes we could not confirm
// (Indonesia, Malaysia, ...) are left out: confirm them against the partner's broker
// export before adding them (SOURCES.md §10).
var chinaCustomsCurrency = map[string]string{
	"110": "HKD", "116": "JPY", "121": "MOP", "129": "PHP", "132": "SGD", "133": "KRW",
	"136": "THB", "142": "CNY", "143": "TWD", "300": "EUR", "302": "DKK", "303": "GBP",
	"326": "NOK", "330": "SEK", "331": "CHF", "344": "RUB", "501": "CAD", "502": "USD",
	"601": "AUD", "609": "NZD",
}

// ChinaCustomsCurrency reads the currency of a China customs message: an ISO 4217
// alphabetic code ("USD", what the Single Window sends today) or a legacy customs currency
// code ("502" for USD, "142" for CNY). A number is read only as a customs code, never as
// an ISO numeric code, because the two lists give different currencies to the same
// number; an unlisted number is refused rather than guessed.
//
// It returns ErrUnknownCode for anything else.
func ChinaCustomsCurrency(code string) (alpha string, exponent int32, err error) {
	c := strings.TrimSpace(code)
	if allDigits(c) {
		a, ok := chinaCustomsCurrency[c]
		if !ok {
			return "", 0, fmt.Errorf("customs currency %q: %w: not a known China customs currency code", code, ErrUnknownCode)
		}
		return Currency(a)
	}
	return Currency(c)
}
