package main

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

func TestPairwiseScores(t *testing.T) {
	rec := func(source, truth, pred string) scoredRecord { return scoredRecord{source, truth, pred} }
	cases := []struct {
		name                    string
		recs                    []scoredRecord
		crossOnly               bool
		truePairs, pred, common int64
		precision, recall       float64
	}{
		{name: "perfect dedup, clusters of 1, 2 and 3",
			recs: []scoredRecord{rec("", "1", "x"), rec("", "2", "y"), rec("", "2", "y"),
				rec("", "3", "z"), rec("", "3", "z"), rec("", "3", "z")},
			truePairs: 4, pred: 4, common: 4, precision: 1, recall: 1},
		{name: "all singletons: nothing predicted is precise, nothing found",
			recs:      []scoredRecord{rec("", "1", "a"), rec("", "1", "b"), rec("", "2", "c")},
			truePairs: 1, pred: 0, common: 0, precision: 1, recall: 0},
		{name: "one cluster of everything",
			recs:      []scoredRecord{rec("", "1", "c"), rec("", "1", "c"), rec("", "2", "c"), rec("", "3", "c")},
			truePairs: 1, pred: 6, common: 1, precision: 1.0 / 6, recall: 1},
		{name: "a person split in two: 4 duplicates found as 2+2",
			recs:      []scoredRecord{rec("", "1", "p"), rec("", "1", "p"), rec("", "1", "q"), rec("", "1", "q")},
			truePairs: 6, pred: 2, common: 2, precision: 1, recall: 2.0 / 6},
		{name: "lost records are singletons, not one cluster of the lost",
			recs:      []scoredRecord{rec("", "1", ""), rec("", "1", ""), rec("", "2", "a"), rec("", "2", "a")},
			truePairs: 2, pred: 1, common: 1, precision: 1, recall: 0.5},
		{name: "identical cluster labels of two systems do not matter, only co-membership",
			recs:      []scoredRecord{rec("", "1", "2"), rec("", "1", "2"), rec("", "2", "1")},
			truePairs: 1, pred: 1, common: 1, precision: 1, recall: 1},
		{name: "linkage: perfect one-to-one",
			recs:      []scoredRecord{rec("a", "1", "x"), rec("b", "1", "x"), rec("a", "2", "y"), rec("b", "2", "y")},
			crossOnly: true, truePairs: 2, pred: 2, common: 2, precision: 1, recall: 1},
		{name: "linkage: a merge within file A is not a link, and finds nothing",
			recs:      []scoredRecord{rec("a", "1", "x"), rec("a", "2", "x"), rec("b", "1", "y"), rec("b", "2", "z")},
			crossOnly: true, truePairs: 2, pred: 0, common: 0, precision: 1, recall: 0},
		{name: "linkage: a chain a1-b1-a2 counts both A-B pairs",
			recs:      []scoredRecord{rec("a", "1", "x"), rec("b", "1", "x"), rec("a", "2", "x"), rec("b", "2", "w")},
			crossOnly: true, truePairs: 2, pred: 2, common: 1, precision: 0.5, recall: 0.5},
		{name: "dedup scoring of the same chain counts every pair",
			recs:      []scoredRecord{rec("a", "1", "x"), rec("b", "1", "x"), rec("a", "2", "x"), rec("b", "2", "w")},
			truePairs: 2, pred: 3, common: 1, precision: 1.0 / 3, recall: 0.5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := pairwiseScores(c.recs, c.crossOnly)
			if s.TruePairs != c.truePairs || s.PredictedPairs != c.pred || s.CommonPairs != c.common || s.Items != len(c.recs) {
				t.Fatalf("pairs: true %d predicted %d common %d items %d, want %d %d %d %d",
					s.TruePairs, s.PredictedPairs, s.CommonPairs, s.Items, c.truePairs, c.pred, c.common, len(c.recs))
			}
			f1 := 0.0
			if c.precision+c.recall > 0 {
				f1 = 2 * c.precision * c.recall / (c.precision + c.recall)
			}
			for _, v := range [][2]float64{{s.Precision, c.precision}, {s.Recall, c.recall}, {s.F1, f1}} {
				if math.Abs(v[0]-v[1]) > 1e-12 {
					t.Fatalf("precision/recall/F1 %.4f/%.4f/%.4f, want %.4f/%.4f/%.4f",
						s.Precision, s.Recall, s.F1, c.precision, c.recall, f1)
				}
			}
		})
	}
}

// FEBRL-shaped rows: a person, a duplicate with a typo and no surname, someone else.
const febrlSample = `key,source,entity,given_name,surname,street_number,address_1,address_2,suburb,postcode,state,date_of_birth,soc_sec_id
t4a-00000,a,17,mitchell,green,7,wallaby place,delmar,cleveland,2119,sa,19560409,1804974
t4b-00000,b,17,mitchel,,7,wallaby place,,cleveland,2119,sa,19560409,1804974
t4a-00001,a,52,harley,mccarthy,,pridhamstreet,milton,marsden,3165,nsw,,
t4b-00001,b,52,harley,mccarthy,177,pridham street,milton,marsden,3165,nsw,19080419,6089216
`

func TestReadFebrl(t *testing.T) {
	recs, err := readFebrl(strings.NewReader(febrlSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4", len(recs))
	}
	want := febrlRecord{Key: "t4b-00000", Source: "b", Entity: "17", GivenName: "mitchel", StreetNumber: "7",
		Address1: "wallaby place", Suburb: "cleveland", Postcode: "2119", State: "sa", DateOfBirth: "19560409", SocSecID: "1804974"}
	if recs[1] != want {
		t.Fatalf("record 2:\n got %+v\nwant %+v", recs[1], want)
	}
	if _, err := readFebrl(strings.NewReader("key,source,given_name\nx,,y\n")); err == nil || !strings.Contains(err.Error(), `"entity"`) {
		t.Fatalf("a file without the entity column: %v, want an error naming it", err)
	}
	if _, err := readFebrl(strings.NewReader(strings.Replace(febrlSample, "t4a-00001,a,52", ",a,52", 1))); err == nil {
		t.Fatal("a record without a key was read")
	}
}

func TestFebrlRecordsBecomeStorefrontOrders(t *testing.T) {
	recs, err := readFebrl(strings.NewReader(febrlSample))
	if err != nil {
		t.Fatal(err)
	}
	mapper, t0 := benchMapper(t)
	payloads, keyOf, err := febrlPayloads("t1", interleave(recs), t0)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		system, id, key, name, address, ref string
		at                                  time.Time
	}
	wants := []want{
		{"shopify", "5820000000000", "t4a-00000", "mitchell green", "7 wallaby place, 2119, cleveland", "1001", t0},
		{"woocommerce", "40000", "t4b-00000", "mitchel", "7 wallaby place, 2119, cleveland", "60001", t0.Add(time.Minute)},
		{"shopify", "5820000000001", "t4a-00001", "harley mccarthy", "pridhamstreet, 3165, marsden", "1002", t0.Add(2 * time.Minute)},
		{"woocommerce", "40001", "t4b-00001", "harley mccarthy", "177 pridham street, 3165, marsden", "60002", t0.Add(3 * time.Minute)},
	}
	if len(payloads) != len(wants) || len(keyOf) != len(wants) {
		t.Fatalf("%d payloads, %d keys, want %d", len(payloads), len(keyOf), len(wants))
	}
	for i, w := range wants {
		p := payloads[i]
		if p.System != w.system || p.Type != "order" || p.Format != "json" {
			t.Fatalf("payload %d is %s/%s (%s), want %s/order (json)", i, p.System, p.Type, p.Format, w.system)
		}
		// FEBRL's other fields travel where each shop keeps them, for a mapping to use.
		if !strings.Contains(string(p.Raw), `"19560409"`) && w.key == "t4a-00000" {
			t.Fatalf("the date of birth is not in %s", p.Raw)
		}
		recs, err := mapper.Map(p)
		if err != nil || len(recs) != 1 || recs[0].Doc == nil || len(recs[0].Problems) > 0 {
			t.Fatalf("mapping payload %d: %v %+v\n%s", i, err, recs, p.Raw)
		}
		d := recs[0].Doc
		if d.Key.ExternalID != w.id || keyOf[d.Key] != w.key {
			t.Fatalf("payload %d is document %+v (record %q), want id %s of %s", i, d.Key, keyOf[d.Key], w.id, w.key)
		}
		if !d.OccurredAt.Equal(w.at) {
			t.Fatalf("payload %d placed at %s, want %s", i, d.OccurredAt, w.at)
		}
		if len(d.Parties) != 1 {
			t.Fatalf("payload %d names %d parties, want its customer: %+v", i, len(d.Parties), d.Parties)
		}
		c := d.Parties[0]
		if c.Role != ontology.PartyCustomer || c.Name != w.name || c.Address != w.address || c.Country != "AU" || c.Email != "" || c.Phone != "" {
			t.Fatalf("payload %d's customer is %+v, want %q at %q in AU, no e-mail or phone", i, c, w.name, w.address)
		}
		if len(d.Lines) != 1 || d.Lines[0].SKU != febrlSKU || d.Lines[0].Qty.String() != "1" {
			t.Fatalf("payload %d's lines: %+v, want one %s", i, d.Lines, febrlSKU)
		}
		var ref bool
		for _, r := range d.Refs {
			ref = ref || (r.Kind == "order_number" && r.Value == w.ref)
		}
		if !ref {
			t.Fatalf("payload %d's refs %+v lack order number %s", i, d.Refs, w.ref)
		}
	}
}

// benchMapper is the built-in mappings, and the time the sample orders start at.
func benchMapper(t *testing.T) (*Mapper, time.Time) {
	t.Helper()
	mapper, err := NewMapper("")
	if err != nil {
		t.Fatal(err)
	}
	return mapper, time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
}

// TestSeamPartiesStoresResolvesAndReadsBack runs the Seam side of the benchmark on a
// few records against the real Neo4j: every record's customer is read back, the same
// description is one party, another person is not, and the tenant is gone afterwards.
func TestSeamPartiesStoresResolvesAndReadsBack(t *testing.T) {
	store := neo4jtest.Open(t)
	redistest.Open(t)
	ctx := context.Background()
	app, err := openReady(ctx, testConfig(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(ctx)
	recs, err := readFebrl(strings.NewReader(`key,source,entity,given_name,surname,street_number,address_1,address_2,suburb,postcode,state,date_of_birth,soc_sec_id
x4a-00000,a,17,mitchell,green,7,wallaby place,delmar,cleveland,2119,sa,19560409,1804974
x4b-00000,b,17,mitchell,green,7,wallaby place,delmar,cleveland,2119,sa,19560409,1804974
x4a-00001,a,52,harley,mccarthy,177,pridham street,milton,marsden,3165,nsw,19080419,6089216
x4b-00001,b,52,joanne,tran,4,kirkpatrick crescent,,gowrie,2900,act,,
x4a-00002,a,88,isabelle,snell,23,gundulu place,currin ga,utakarra,2193,wa,19921119,4314184
`))
	if err != nil {
		t.Fatal(err)
	}
	profile := neo4jstore.NewStatementProfile(false)
	row, _, err := seamParties(ctx, app, febrlPartySet("febrl4", recs), t.TempDir(), seamOptions{statements: profile})
	if err != nil {
		t.Fatal(err)
	}
	// --statements: the resolution's statements are profiled, its one write among them.
	stats, commits := profile.Stats()
	if len(stats) == 0 || commits.Calls == 0 {
		t.Errorf("profiled %d statement sites and %d commits of the resolution, want them all", len(stats), commits.Calls)
	}
	if row.Records != 5 || row.Quarantined != 0 || row.Unresolved != 0 || row.TruePairs != 2 ||
		row.PredictedPairs != 1 || row.CommonPairs != 1 || row.Recall != 0.5 || row.Precision != 1 {
		t.Fatalf("got %+v, want 5 records, the one identical pair of 2 true pairs linked, nothing else", row)
	}
	if row.Seconds <= 0 || row.StoreSeconds <= 0 || row.ResolveSeconds <= 0 || row.ReadSeconds <= 0 {
		t.Fatalf("timings missing: %+v", row)
	}
	st, err := store.Stats(ctx, row.Tenant)
	if err != nil || st.Documents != 0 {
		t.Fatalf("tenant %s after the run: %+v, %v; want it removed", row.Tenant, st, err)
	}
}

// TestWriteClustersNamesClustersByTheirLeastKey: two runs that cluster alike but name
// their parties differently write the same file; a record without a party has no cluster.
func TestWriteClustersNamesClustersByTheirLeastKey(t *testing.T) {
	set := partySet{Records: []truthRecord{{Key: "c"}, {Key: "a"}, {Key: "b"}, {Key: "d"}}}
	dir := t.TempDir()
	var files []string
	for i, partyOf := range []map[string]string{
		{"a": "p1", "c": "p1", "b": "p2"},
		{"c": "zz", "a": "zz", "b": "yy"},
	} {
		path := filepath.Join(dir, fmt.Sprintf("run%d.csv", i))
		if err := writeClusters(path, set, partyOf); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, string(b))
	}
	const want = "key,cluster\na,a\nb,b\nc,a\nd,\n"
	if files[0] != want || files[1] != want {
		t.Fatalf("got %q and %q, want %q for both", files[0], files[1], want)
	}
}
