// Package cnpeople reads the customer data set scripts/bench/cnpeople.py writes (Chinese
// and mixed Latin/Chinese customers of Shopify, WooCommerce and Pinduoduo, with the
// person each record is) into party mentions, filled as the built-in mappings fill them.
// Tests of party resolution use it; no data set is kept in the repository.
package cnpeople

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"

	"github.com/seamhub/seam/ontology"
)

// Record is one row of cn.csv: its key, the system it comes from, the person it is, what
// the generator did to it, and the party mention its source's mapping would give.
type Record struct {
	Key, Source, Entity, Tags string
	Ref                       ontology.PartyRef
}

// Read reads cn.csv.
func Read(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s is empty", path)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	out := make([]Record, 0, len(rows)-1)
	for _, r := range rows[1:] {
		g := func(k string) string {
			if i, ok := col[k]; ok && i < len(r) {
				return strings.TrimSpace(r[i])
			}
			return ""
		}
		out = append(out, Record{Key: g("key"), Source: g("source"), Entity: g("entity"), Tags: g("tags"), Ref: partyRef(g)})
	}
	return out, nil
}

// partyRef fills a customer as ontology/mapping/builtin fills it: Shopify and
// WooCommerce name the customer "first last" and give the parts, the address as
// "address1, zip, city" and in its parts; Pinduoduo has one name, one phone and the
// receiver's address on one line.
func partyRef(g func(string) string) ontology.PartyRef {
	join := func(sep string, parts ...string) string {
		var keep []string
		for _, p := range parts {
			if p != "" {
				keep = append(keep, p)
			}
		}
		return strings.Join(keep, sep)
	}
	ref := ontology.PartyRef{Role: ontology.PartyCustomer, Phone: g("phone"), Country: g("country")}
	if g("source") == "pinduoduo" {
		ref.Name, ref.Address = g("full_name"), g("address")
		return ref
	}
	ref.Name = join(" ", g("given_name"), g("surname"))
	ref.GivenName, ref.FamilyName = g("given_name"), g("surname")
	ref.Email, ref.BirthDate = g("email"), g("date_of_birth")
	ref.Address = join(", ", g("address_1"), g("postcode"), g("suburb"))
	ref.Place = &ontology.AddressPart{Street: g("address_1"), Line2: g("address_2"), Locality: g("suburb"),
		Postcode: g("postcode"), Region: g("state")}
	return ref
}
