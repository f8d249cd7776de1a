package check

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ChinaEntryID checks a China customs declaration number (报关单号, EntryId): 18 digits
// made of the customs office (4), the year (4, 1990 to 2100), 1 for an import or 0 for an
// export, and a sequence number (9). There is no check digit, so a well-formed typo
// passes; the year and direction catch values that are some other number altogether.
//
// It returns ErrLength, ErrCharset, or ErrUnknownCode for an implausible year or
// direction.
func ChinaEntryID(id string) error {
	if len(id) != 18 {
		return fmt.Errorf("EntryId %q: %w: want 18 digits, got %d characters", id, ErrLength, utf8.RuneCountInString(id))
	}
	if !allDigits(id) {
		return fmt.Errorf("EntryId %q: %w: digits only, found %s", id, ErrCharset, firstNonDigit(id))
	}
	if y := id[4:8]; y < "1990" || y > "2100" {
		return fmt.Errorf("EntryId %q: %w: characters 5-8 must be a year from 1990 to 2100, got %s", id, ErrUnknownCode, y)
	}
	if id[8] != '0' && id[8] != '1' {
		return fmt.Errorf("EntryId %q: %w: character 9 must be 1 (import) or 0 (export), got %c", id, ErrUnknownCode, id[8])
	}
	return nil
}

// ChinaEntryDirection returns "import" or "export" for a valid declaration number, read
// from its ninth character. It returns the errors of ChinaEntryID.
func ChinaEntryDirection(id string) (string, error) {
	if err := ChinaEntryID(id); err != nil {
		return "", err
	}
	if id[8] == '1' {
		return "import", nil
	}
	return "export", nil
}

// HSCode reads a Harmonized System commodity code as customs systems write it ("8471.30",
// "8471 30 01 00", "8471300000") and returns its digits: 6 (the international HS
// subheading), 8 (EU CN, China's tariff line), 10 (China CodeTS, US HTSUS, EU TARIC) and
// up to 14 (TARIC with additional codes). Dots, spaces and dashes are dropped. Codes that
// a spreadsheet stored as numbers lose their leading zero ("0101.21" becomes "10121")
// and cannot be repaired here; such a value is refused or, if still 6 digits or more,
// names another heading.
//
// It returns ErrCharset, ErrLength for fewer than 6 or more than 14 digits, and
// ErrUnknownCode for chapter 00, which does not exist.
func HSCode(code string) (digits string, err error) {
	s := strings.Map(func(r rune) rune {
		switch r {
		case '.', ' ', '-':
			return -1
		}
		return r
	}, strings.TrimSpace(code))
	if s == "" {
		return "", fmt.Errorf("HS code %q: %w: want 6 to 14 digits, got none", code, ErrLength)
	}
	if !allDigits(s) {
		return "", fmt.Errorf("HS code %q: %w: digits only, found %s", code, ErrCharset, firstNonDigit(s))
	}
	if len(s) < 6 || len(s) > 14 {
		return "", fmt.Errorf("HS code %q: %w: want 6 to 14 digits, got %d", code, ErrLength, len(s))
	}
	if s[:2] == "00" {
		return "", fmt.Errorf("HS code %q: %w: there is no chapter 00", code, ErrUnknownCode)
	}
	return s, nil
}

// HS6 returns the six-digit HS subheading of code, the part every country shares and the
// level at which codes from different countries compare. It returns "" when code is not
// a valid HS code.
func HS6(code string) string {
	d, err := HSCode(code)
	if err != nil {
		return ""
	}
	return d[:6]
}
