package main

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
)

// fakeSet is Splink's tutorial set, fake_1000 (moj-analytical-services/splink_datasets,
// data/fake_1000.csv): 1,000 records of 251 British people with a first name, surname,
// date of birth, city and e-mail, each field mistyped, swapped or missing on its own.
// Seam was not tuned on it: it checks the party rules on data written by others, with
// e-mail addresses (which FEBRL lacks) that are themselves mistyped.
const fakeSet = "fake1000"

// fakeRecord is one row of fake_1000 as Splink publishes it.
type fakeRecord struct {
	Key, Entity                          string
	FirstName, Surname, DOB, City, Email string
}

// readFake reads fake_1000's CSV as published (unique_id, first_name, surname, dob,
// city, email, cluster); a record's key is the set's name and its unique_id, as
// parties.py names it for Splink.
func readFake(r io.Reader) ([]fakeRecord, error) {
	var out []fakeRecord
	err := readCSVByName(r, []string{"unique_id", "first_name", "surname", "dob", "city", "email", "cluster"}, func(v func(string) string) error {
		rec := fakeRecord{Key: fakeSet + "-" + v("unique_id"), Entity: v("cluster"), FirstName: v("first_name"),
			Surname: v("surname"), DOB: v("dob"), City: v("city"), Email: v("email")}
		if v("unique_id") == "" || rec.Entity == "" {
			return fmt.Errorf("record %d has no unique_id or cluster", len(out)+1)
		}
		out = append(out, rec)
		return nil
	})
	return out, err
}

// fakePartySet is fake_1000 as one British Shopify shop's guest orders, in the file's
// order: the customer's name, city and e-mail as checkout takes them, the date of
// birth as a checkout attribute, no account and no phone.
func fakePartySet(recs []fakeRecord) partySet {
	set := partySet{Name: fakeSet, Records: make([]truthRecord, len(recs))}
	for i, r := range recs {
		set.Records[i] = truthRecord{Key: r.Key, Entity: r.Entity}
	}
	set.Payloads = func(tenant string, t0 time.Time) ([]connectors.Payload, map[ontology.DocKey]string, error) {
		london, err := time.LoadLocation("Europe/London")
		if err != nil {
			london = time.UTC
		}
		payloads := make([]connectors.Payload, 0, len(recs))
		keyOf := make(map[ontology.DocKey]string, len(recs))
		for n, r := range recs {
			at := t0.Add(time.Duration(n) * time.Minute)
			var attrs []nameValue
			if r.DOB != "" {
				attrs = append(attrs, nameValue{"date_of_birth", r.DOB})
			}
			id := 5_830_000_000_000 + n
			raw, err := shopifySaleOrder(shopifySale{ID: id, Number: 3001 + n, Currency: "GBP", Price: febrlPrice,
				SKU: febrlSKU, Title: "Classic tee", VariantID: 44_100_000_001, LineID: 13_500_000_000_000 + n,
				Email: r.Email, At: at, Zone: london, Attributes: attrs,
				Address: shopifyAddress{FirstName: r.FirstName, LastName: r.Surname, City: r.City,
					Country: "United Kingdom", CountryCode: "GB"}})
			if err != nil {
				return nil, nil, fmt.Errorf("encoding record %s: %w", r.Key, err)
			}
			payloads = append(payloads, connectors.Payload{Tenant: tenant, System: "shopify", Type: "order", Raw: raw,
				Format: "json", Via: "webhook", ReceivedAt: at})
			keyOf[ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: strconv.Itoa(id)}] = r.Key
		}
		return payloads, keyOf, nil
	}
	return set
}
