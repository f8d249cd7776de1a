package resolver

import (
	"slices"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

func TestPartyKeys(t *testing.T) {
	cases := []struct {
		name          string
		p             ontology.PartyRef
		wantIdentity  []string
		wantRelation  []string
		notInIdentity []string
	}{
		{
			name:         "member number names the person, short numbers do not",
			p:            ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Li Na", LoyaltyID: " m-10442 "},
			wantIdentity: []string{"loyalty:M-10442"},
		},
		{
			name:          "a counter is not a member number",
			p:             ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Li Na", LoyaltyID: "12"},
			notInIdentity: []string{"loyalty:12"},
		},
		{
			name:          "masked marketplace phone is no identity",
			p:             ontology.PartyRef{Role: ontology.PartyCustomer, Name: "张**", Phone: "138****5678"},
			notInIdentity: []string{"phone:138****5678", "phone:1385678"},
		},
		{
			name:         "shared bank account relates companies",
			p:            ontology.PartyRef{Role: ontology.PartySupplier, Name: "Acme Trading Ltd", BankAccount: "DE89 3704 0044 0532 0130 00"},
			wantRelation: []string{"bank:" + bankKey("de89370400440532013000")},
		},
		{
			name: "a company's phone relates, a person's phone identifies",
			p:    ontology.PartyRef{Role: ontology.PartySupplier, Name: "Acme Trading Ltd", Phone: "+86 138 0013 8000"},
		},
	}
	if k := bankKey("DE89 3704 0044 0532 0130 00"); !strings.HasSuffix(k, ".3000") || strings.Contains(k, "370400440532") {
		t.Errorf("bank key %q: want a hash and the last four only", k)
	}
	if r := relationReason("bank:" + bankKey("DE89 3704 0044 0532 0130 00")); r != "shares a bank account (…3000)" {
		t.Errorf("reason %q", r)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			identity, relation := partyKeys("shopify", c.p, ProfileOf(c.p))
			for _, k := range c.wantIdentity {
				if !slices.Contains(identity, k) {
					t.Errorf("identity %v lacks %q", identity, k)
				}
			}
			for _, k := range c.wantRelation {
				if !slices.Contains(relation, k) {
					t.Errorf("relation %v lacks %q", relation, k)
				}
			}
			for _, k := range c.notInIdentity {
				if slices.Contains(identity, k) {
					t.Errorf("identity %v has %q", identity, k)
				}
			}
			for _, k := range identity {
				// Neither a company's phone nor a masked one may merge parties.
				if strings.HasPrefix(k, "phone:") && (c.p.Role == ontology.PartySupplier || strings.Contains(c.p.Phone, "*")) {
					t.Errorf("phone %q used as identity", k)
				}
			}
		})
	}
}
