package compare

import "testing"

// TestZIPPlusFourIsTheZIP: 62745 and 62745-6247 are one ZIP code, the second with the
// block a checkout asked for; 62745-6247 and 62745-6248 are two blocks of it.
func TestZIPPlusFourIsTheZIP(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Kind
	}{
		{"62745", "62745-6247", Exact},
		{"62745-6247", "62745", Exact},
		{"62745-6247", "62745-6247", Exact},
		{"62746", "62745-6247", Partial}, // a neighbouring ZIP: the first three digits alone
		{"62745-6247", "62745-6248", Typo},
	} {
		if got := AddressPartLevel(PartPostcode, Address{Postcode: c.a}, Address{Postcode: c.b}); got.Kind != c.want {
			t.Errorf("%s against %s: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}
