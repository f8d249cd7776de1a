package refscan_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/refscan"
)

// FuzzScan checks that Scan never panics and that every candidate is evidence of the
// text: Raw is the substring at Start:End, the key is a valid, non-empty value, and the
// rule and strength are set.
func FuzzScan(f *testing.F) {
	for _, table := range [][]scanCase{spellingTests, chineseTests, englishTests} {
		for _, tt := range table {
			f.Add(tt.in)
		}
	}
	for _, in := range notIdentifiers {
		f.Add(in)
	}
	for _, mk := range mappedKeys {
		for _, in := range mk.texts {
			f.Add(in)
		}
	}
	f.Add("\xff1Z999AA1\xfe0123456784 MT\x80-27061900338491023")
	f.Fuzz(func(t *testing.T, text string) {
		seen := map[string]bool{}
		for _, c := range refscan.Scan("note", text) {
			if c.Start < 0 || c.End > len(text) || c.Start >= c.End || text[c.Start:c.End] != c.Raw {
				t.Fatalf("Scan(%q): raw %q at %d:%d is not the text there", text, c.Raw, c.Start, c.End)
			}
			if !strings.Contains(text, c.Raw) {
				t.Fatalf("Scan(%q): raw %q is not in the text", text, c.Raw)
			}
			v := c.Ref.Value
			if v == "" || !utf8.ValidString(v) || len(v) > 200 || strings.TrimSpace(v) != v {
				t.Fatalf("Scan(%q): bad value %q", text, v)
			}
			if c.Ref.Kind == "" || c.Rule == "" || c.Strength < refscan.Weak || c.Strength > refscan.Specific || c.Field != "note" {
				t.Fatalf("Scan(%q): incomplete candidate %+v", text, c)
			}
			if seen[c.Ref.ID()] {
				t.Fatalf("Scan(%q): %s twice", text, c.Ref.ID())
			}
			seen[c.Ref.ID()] = true
		}
	})
}
