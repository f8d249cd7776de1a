package normalize

import "testing"

// TestIndianNumbersWithoutTheTrunkPrefix: Indian buyers write a mobile's ten digits
// bare as often as after 0 or +91, and a landline's area code without its 0: all are
// one number. A number too short for the plan still names nobody.
func TestIndianNumbersWithoutTheTrunkPrefix(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"8462071852", "+918462071852"},
		{"84620 71852", "+918462071852"},
		{"+91 84620 71852", "+918462071852"},
		{"08462071852", "+918462071852"},
		{"918462071852", "+918462071852"},
		{"20419 97188", "+912041997188"},
		{"02041997188", "+912041997188"},
		{"846207185", ""},
	} {
		got, ok := Phone(c.in, "IN")
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Phone(%q, IN) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}
