package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// cn.csv-shaped rows: one person at a Shopify shop (pinyin, the flat in address2), at a
// WooCommerce shop and at Pinduoduo (decrypted); someone else at Pinduoduo, masked.
const cnSample = `key,source,entity,given_name,surname,street_number,address_1,address_2,suburb,postcode,state,date_of_birth,soc_sec_id,full_name,phone,email,address,country,tags,province,city,town,receiver_address
cn-00000,shopify,p1,Na,Li,,西湖区文三路478号,华星花园2栋1201,Hangzhou,310012,ZJ,1990-05-04,,,+86 139 1234 2222,lina90@163.com,,CN,first;kind:cn,,,,
cn-00001,woocommerce,p1,娜,李,,西湖区文三路478号华星花园2栋1201,,杭州市,310012,CN12,,,,13912342222,lina90@163.com,,CN,dup;kind:cn,,,,
cn-00002,pinduoduo,p1,,,,,,,,,,,李娜,13912342222,,浙江省杭州市西湖区文三路478号华星花园2栋1201,CN,dup;kind:cn,浙江省,杭州市,西湖区,文三路478号华星花园2栋1201
cn-00003,pinduoduo,p2,,,,,,,,,,,王**,138****5678,,北京市北京市朝阳区****,CN,first;masked,北京市,北京市,朝阳区,建国路***
`

func TestReadCN(t *testing.T) {
	recs, err := readCN(strings.NewReader(cnSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4", len(recs))
	}
	want := cnRecord{Key: "cn-00002", Source: "pinduoduo", Entity: "p1", FullName: "李娜", Phone: "13912342222",
		Address: "浙江省杭州市西湖区文三路478号华星花园2栋1201", Country: "CN", Province: "浙江省", City: "杭州市", Town: "西湖区",
		ReceiverAddress: "文三路478号华星花园2栋1201"}
	if recs[2] != want {
		t.Fatalf("record 3:\n got %+v\nwant %+v", recs[2], want)
	}
	for _, bad := range []struct{ csv, want string }{
		{strings.Replace(cnSample, ",receiver_address\n", "\n", 1), `"receiver_address"`},
		{strings.Replace(cnSample, "cn-00001,woocommerce", "cn-00001,magento", 1), `"magento"`},
		{strings.Replace(cnSample, "cn-00003,pinduoduo,p2", "cn-00003,pinduoduo,", 1), "no key or entity"},
	} {
		if _, err := readCN(strings.NewReader(bad.csv)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("reading a bad file: %v, want an error with %s", err, bad.want)
		}
	}
}

// TestCNRecordsBecomeTheirSystemsOrders maps each record's order with the built-in
// mappings: the customer is what the record holds, read where each system keeps it.
func TestCNRecordsBecomeTheirSystemsOrders(t *testing.T) {
	recs, err := readCN(strings.NewReader(cnSample))
	if err != nil {
		t.Fatal(err)
	}
	mapper, t0 := benchMapper(t)
	payloads, keyOf, err := cnPayloads("t1", recs, t0)
	if err != nil {
		t.Fatal(err)
	}
	wants := []struct {
		system, id string
		customer   ontology.PartyRef
	}{
		{"shopify", "5830000000000", ontology.PartyRef{Name: "Na Li", GivenName: "Na", FamilyName: "Li",
			Email: "lina90@163.com", Phone: "+86 139 1234 2222", Country: "CN", BirthDate: "1990-05-04",
			Address: "西湖区文三路478号, 310012, Hangzhou", Place: &ontology.AddressPart{Street: "西湖区文三路478号",
				Line2: "华星花园2栋1201", Locality: "Hangzhou", Postcode: "310012", Region: "ZJ"}}},
		{"woocommerce", "50000", ontology.PartyRef{Name: "娜 李", GivenName: "娜", FamilyName: "李",
			Email: "lina90@163.com", Phone: "13912342222", Country: "CN", Address: "西湖区文三路478号华星花园2栋1201, 310012, 杭州市",
			Place: &ontology.AddressPart{Street: "西湖区文三路478号华星花园2栋1201", Locality: "杭州市", Postcode: "310012", Region: "CN12"}}},
		{"pinduoduo", "250303-183746500000000", ontology.PartyRef{Name: "李娜", Phone: "13912342222", Country: "CN",
			Address: "浙江省杭州市西湖区文三路478号华星花园2栋1201"}},
		// Nothing decrypted: the masks, where the platform puts them.
		{"pinduoduo", "250303-183746500000001", ontology.PartyRef{Name: "王**", Phone: "138****5678", Country: "CN",
			Address: "北京市北京市朝阳区****"}},
	}
	if len(payloads) != len(wants) || len(keyOf) != len(wants) {
		t.Fatalf("%d payloads, %d keys, want %d", len(payloads), len(keyOf), len(wants))
	}
	for i, w := range wants {
		p := payloads[i]
		if p.System != w.system || p.Type != "order" {
			t.Fatalf("payload %d is %s/%s, want %s/order", i, p.System, p.Type, w.system)
		}
		ms, err := mapper.Map(p)
		if err != nil || len(ms) != 1 || ms[0].Doc == nil || len(ms[0].Problems) > 0 {
			t.Fatalf("mapping payload %d: %v %+v\n%s", i, err, ms, p.Raw)
		}
		d := ms[0].Doc
		if d.Key.ExternalID != w.id || keyOf[d.Key] != recs[i].Key || !d.OccurredAt.Equal(t0.Add(time.Duration(i)*time.Minute)) {
			t.Fatalf("payload %d is %+v at %s (record %q), want %s of %s", i, d.Key, d.OccurredAt, keyOf[d.Key], w.id, recs[i].Key)
		}
		if len(d.Parties) != 1 || len(d.Lines) != 1 || d.Lines[0].SKU != cnSKU {
			t.Fatalf("payload %d: parties %+v, lines %+v; want its customer and one %s", i, d.Parties, d.Lines, cnSKU)
		}
		got, want := d.Parties[0], w.customer
		want.Role = ontology.PartyCustomer
		got.ExternalID = "" // Shopify's customer account: one per order, so it joins nothing
		if !samePartyRef(got, want) {
			t.Fatalf("payload %d's customer:\n got %+v %+v\nwant %+v %+v", i, got, got.Place, want, want.Place)
		}
	}
	if strings.Contains(string(payloads[3].Raw), `"receiver_name"`) || !strings.Contains(string(payloads[2].Raw), `"receiver_name_mask":"李*"`) {
		t.Fatalf("a masked order carries plain fields, or a decrypted one lacks the masks:\n%s\n%s", payloads[3].Raw, payloads[2].Raw)
	}
}

func samePartyRef(a, b ontology.PartyRef) bool {
	if (a.Place == nil) != (b.Place == nil) || (a.Place != nil && *a.Place != *b.Place) {
		return false
	}
	a.Place, b.Place = nil, nil
	return a == b
}

// TestExportPartySetsFromData: a set found in --data is read from there, and nothing
// needs Python when Splink does not run on it.
func TestExportPartySetsFromData(t *testing.T) {
	data := t.TempDir()
	if err := os.WriteFile(filepath.Join(data, "cn.csv"), []byte(cnSample), 0o644); err != nil {
		t.Fatal(err)
	}
	files, py, err := exportPartySets(context.Background(), slog.New(slog.DiscardHandler), []string{cnSet},
		exportOptions{python: "/nonexistent/python", scripts: "/nonexistent", data: data, work: t.TempDir(), splink: true})
	if err != nil || py != "" || files[cnSet] != filepath.Join(data, "cn.csv") || len(files) != 1 {
		t.Fatalf("files %v, python %q, %v; want cn.csv from --data and no Python", files, py, err)
	}
	set, err := loadPartySet(cnSet, files[cnSet])
	if err != nil || len(set.Records) != 4 || set.CrossOnly || set.Records[3] != (truthRecord{"cn-00003", "pinduoduo", "p2"}) {
		t.Fatalf("set %+v, %v; want the 4 records, scored as deduplication", set, err)
	}
}

// TestSeamPartiesOnCN runs the cn sample through Seam: one person's three orders from
// three systems are one party, the masked stranger another.
func TestSeamPartiesOnCN(t *testing.T) {
	neo4jtest.Open(t)
	redistest.Open(t)
	ctx := context.Background()
	app, err := openReady(ctx, testConfig(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(ctx)
	data := t.TempDir()
	if err := os.WriteFile(filepath.Join(data, "cn.csv"), []byte(cnSample), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := loadPartySet(cnSet, filepath.Join(data, "cn.csv"))
	if err != nil {
		t.Fatal(err)
	}
	row, _, err := seamParties(ctx, app, set, t.TempDir(), seamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if row.Records != 4 || row.Quarantined != 0 || row.Unresolved != 0 || row.TruePairs != 3 ||
		row.PredictedPairs != 3 || row.CommonPairs != 3 {
		t.Fatalf("got %+v, want 4 records, the 3 pairs of one person found, nothing else", row)
	}
}
