package compare

import (
	"fmt"
	"testing"
)

// dateDigitTests are the DateDigits table, also the seeds of FuzzDateDigits.
var dateDigitTests = []struct {
	in, want string
	ok       bool
}{
	{"19870312", "19870312", true},
	{"1987-03-12", "19870312", true},
	{"1987/3/12", "19870312", true},
	{"1987.03.12", "19870312", true},
	{"1987年3月12日", "19870312", true},
	{"１９８７-０３-１２", "19870312", true}, // full-width
	{"1987-03-12T08:30:00+08:00", "19870312", true},
	{"1987-03-12 08:30", "19870312", true},
	{"12/03/1987", "19870312", true}, // day first
	{"03/25/1987", "19870325", true}, // 25 cannot be a month
	{"19871303", "19871303", true},   // shape, not calendar: a typo still compares
	{"", "", false},
	{"unknown", "", false},
	{"1987-03", "", false},
	{"87-03-12", "", false},
	{"1987-003-12", "", false},
	{"1987-03-12-01", "", false},
}

func TestDateDigits(t *testing.T) {
	for _, tt := range dateDigitTests {
		got, ok := DateDigits(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("DateDigits(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDateLevel(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want Kind
	}{
		{"1987-03-12", "19870312", Exact},
		{"1987-03-12", "1987-12-03", Transposed},
		{"12/03/1987", "1987-12-03", Transposed},
		{"1987-03-12", "1987-03-13", Typo},
		{"1987-03-12", "1978-03-12", Typo}, // two digits swapped
		{"1987-03-12", "1987-03-21", Typo}, // also a swap of neighbours, not a transposed date
		{"1987-03-12", "1988-03-12", Typo}, // a year apart, but one digit first
		{"1989-03-12", "1990-03-12", YearOff},
		{"1987-03-12", "1991-07-30", Different},
		{"1987-03-03", "1987-03-03", Exact},
		{"", "1987-03-12", Null},
		{"n/a", "1987-03-12", Null},
	} {
		checkLevel(t, fmt.Sprintf("DateLevel(%q, %q)", tt.a, tt.b), DateLevel(tt.a, tt.b), DateLevel(tt.b, tt.a), tt.want, DateKinds())
	}
	if got := DateLevel("1987-03-12", "1987-12-03").Why; got != "date: transposed (19870312 and 19871203: day and month swapped)" {
		t.Errorf("explanation %q", got)
	}
}

func FuzzDateDigits(f *testing.F) {
	for _, tt := range dateDigitTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := DateDigits(s)
		if !ok {
			return
		}
		if len(d) != 8 || !allDigits(d) {
			t.Fatalf("DateDigits(%q) = %q", s, d)
		}
		if again, ok := DateDigits(d); !ok || again != d {
			t.Fatalf("DateDigits(%q) = %q, but DateDigits(%q) = %q, %v", s, d, d, again, ok)
		}
	})
}

func BenchmarkDateLevel(b *testing.B) {
	for b.Loop() {
		DateLevel("1987-03-12", "1987-12-03")
	}
}
