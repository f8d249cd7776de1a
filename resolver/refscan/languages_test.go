package refscan

import (
	"testing"
)

func TestLabelsInLanguages(t *testing.T) {
	for _, s := range []string{"Webshop bestelling 1014", "Bestellung 1014 bezahlt", "commande 1014", "pedido 1014"} {
		found := false
		for _, c := range Scan("description", s) {
			if c.Ref.ID() == "order_number:1014" && c.Strength != Weak {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: %+v", s, Scan("description", s))
		}
	}
}
