package main

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// fakeSample is the head of Splink's fake_1000, as published (a person with no name at
// all, known by the date of birth, city and e-mail, is record 7).
const fakeSample = `unique_id,first_name,surname,dob,city,email,cluster
0,Robert,Alan,1971-06-24,,robert255@smith.net,0
2,Rob,Allen,1971-06-24,London,roberta25@smith.net,0
7,,,2015-03-03,Portsmouth,evied56@harris-bailey.net,3
`

// TestFakeRecordsBecomeGuestOrders: each record of fake_1000 is one British guest order
// whose customer carries what the record holds (name, city, e-mail, date of birth), so
// that Seam's own mapping and resolution meet it as a shop would deliver it.
func TestFakeRecordsBecomeGuestOrders(t *testing.T) {
	recs, err := readFake(strings.NewReader(fakeSample))
	if err != nil {
		t.Fatal(err)
	}
	set := fakePartySet(recs)
	if len(set.Records) != 3 || set.Records[1] != (truthRecord{Key: "fake1000-2", Entity: "0"}) || set.CrossOnly {
		t.Fatalf("truth %+v, want three records named fake1000-<unique_id>, scored as dedup", set.Records)
	}
	mapper, t0 := benchMapper(t)
	payloads, keyOf, err := set.Payloads("t1", t0)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ key, name, email, city, dob string }{
		{"fake1000-0", "Robert Alan", "robert255@smith.net", "", "1971-06-24"},
		{"fake1000-2", "Rob Allen", "roberta25@smith.net", "London", "1971-06-24"},
		{"fake1000-7", "", "evied56@harris-bailey.net", "Portsmouth", "2015-03-03"},
	}
	for i, w := range want {
		res, err := mapper.Map(payloads[i])
		if err != nil || len(res) != 1 || res[0].Doc == nil || len(res[0].Problems) > 0 {
			t.Fatalf("mapping record %s: %v %+v\n%s", w.key, err, res, payloads[i].Raw)
		}
		d := res[0].Doc
		if keyOf[d.Key] != w.key || len(d.Parties) != 1 {
			t.Fatalf("record %s became %+v (%q) with parties %+v", w.key, d.Key, keyOf[d.Key], d.Parties)
		}
		c := d.Parties[0]
		if c.Role != ontology.PartyCustomer || c.Name != w.name || c.Email != w.email || c.Country != "GB" ||
			c.Address != w.city || c.BirthDate != w.dob {
			t.Errorf("record %s's customer %+v, want %q <%s> in %q, GB, born %s", w.key, c, w.name, w.email, w.city, w.dob)
		}
	}
	if _, err := readFake(strings.NewReader("unique_id,first_name\n1,x\n")); err == nil || !strings.Contains(err.Error(), `"surname"`) {
		t.Fatalf("a file without the surname column: %v, want an error naming it", err)
	}
}
