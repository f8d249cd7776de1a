package mapping

import "testing"

// A format with a day and no time of day is a best-before date (the lot expires when
// that day ends); any hour, minute or second makes it an instant.
func TestDateOnlyFormats(t *testing.T) {
	for layout, want := range map[string]bool{
		"20060102":            true,
		"2006-01-02":          true,
		"2006年01月02日":         true,
		"02/01/2006":          true,
		"Jan _2 2006":         true,
		"2006010215":          false,
		"20060102150405":      false,
		"2006-01-02 15:04:05": false,
		"02/01/2006 3PM":      false,
		"2006-01-02 03:04":    false,
		"rfc3339":             false,
		"unix":                false,
		"unixMilli":           false,
	} {
		if got := (&timeSpec{layout: layout}).dateOnly(); got != want {
			t.Errorf("dateOnly(%q) = %v, want %v", layout, got, want)
		}
	}
}
