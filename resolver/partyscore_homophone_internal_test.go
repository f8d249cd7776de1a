package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestHomophoneOnAnotherPhone: 魏林 against 魏琳 at one flat reads as the name itself
// where one side has no number of its own (a privacy number) or both have one number
// (readingAtTheFlat: a slip at the flat, nothing apart), and as a sound alike only where
// each has a phone: a brother and a sister are named so.
func TestHomophoneOnAnotherPhone(t *testing.T) {
	p := func(name, phone string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Phone: phone, Country: "CN",
			Address: "河南省郑州市中原区花园路2892号建业森林半岛34栋2205室"})
	}
	for _, c := range []struct {
		phoneB string
		want   compare.Kind
	}{{"16258658098转1067", compare.Exact}, {"18191469740", compare.Exact}, {"15566993351", compare.Phonetic}} {
		if got := CompareParties(p("魏林", "18191469740"), p("魏琳", c.phoneB))[fieldName]; got.Kind != c.want {
			t.Errorf("魏林 against 魏琳 with %s: %v (%s), want %v", c.phoneB, got.Kind, got.Why, c.want)
		}
	}
}
