package mapping_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// The partner acceptance test: a partner adds a source with a mapping file alone, here a
// small POS that exports one CSV row per receipt line, and a broken file is refused with
// every mistake named by file, line and field.

const partnerMapping = `# A small POS's CSV export: one row per receipt line, the receipt's columns repeated.
system: smallpos
type: order
role: pos
format: csv
groupBy: receipt_no
externalId: receipt_no
verb:
  path: status
  map: { Paid: paid, Void: cancelled }
status: status
occurredAt: { path: sold_at, time: "02/01/2006 15:04", zone: Europe/Amsterdam }
channel: { const: counter }
location: { code: store }
lines:
  each: "_rows[*]"
  sku: { path: sku, transform: [trim, upper] }
  qty: qty
  unitPrice: { amount: unit_price, currency: currency }
refs:
  - { kind: receipt_number, path: receipt_no, scope: $system }
`

// partnerExport holds four receipts: on a winter day, after midnight, in the first hour
// of summer time (30 March 2025, clocks went from 02:00 to 03:00) and in summer.
const partnerExport = "receipt_no,store,sold_at,sku,qty,unit_price,currency,status\n" +
	"R-1001,AMS-1,04/03/2025 10:15,tea-ool-250g ,2,12.00,EUR,Paid\n" +
	"R-1001,AMS-1,04/03/2025 10:15,MUG-BLU-350,1,12.50,EUR,Paid\n" +
	"R-1002,AMS-1,05/03/2025 00:30,TEA-GRN-100G,0.5,9.90,EUR,Void\n" +
	"R-1003,UTR-2,30/03/2025 03:30,TEA-OOL-250G,1,12.00,EUR,Paid\n" +
	"R-1003,UTR-2,30/03/2025 03:30,\"GIFT-BOX-S\",3,2.50,EUR,Paid\n" +
	"R-1003,UTR-2,30/03/2025 03:30,MUG-BLU-350,1,12.50,EUR,Paid\n" +
	"R-1004,UTR-2,15/07/2025 18:05,TEA-OOL-250G,4,11.00,EUR,Paid\n"

func writeMapping(t *testing.T, dir, name, yml string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestPartnerAddsASourceWithAMappingFileAlone(t *testing.T) {
	dir := t.TempDir()
	writeMapping(t, dir, "smallpos-order.yaml", partnerMapping)
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if err := reg.LoadFS(os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", "smallpos", "order", "", []byte(partnerExport))
	if err != nil {
		t.Fatal(err)
	}
	val := ontology.NewValidator()
	var docs []*ontology.Document
	for _, r := range res {
		if len(r.Problems) > 0 {
			t.Fatalf("%s: %v", r.Pos, r.Problems)
		}
		if err := val.Document(r.Doc); err != nil {
			t.Fatalf("%s: %v", r.Pos, err)
		}
		docs = append(docs, r.Doc)
	}
	want := []struct {
		id, pos, store string
		verb           ontology.Verb
		at             time.Time // the local time in Amsterdam, as an instant
		lines          []string
	}{
		{"R-1001", "rows 2, 3", "AMS-1", ontology.VerbPaid, time.Date(2025, 3, 4, 9, 15, 0, 0, time.UTC),
			[]string{"TEA-OOL-250G qty=2 price=12EUR", "MUG-BLU-350 qty=1 price=12.5EUR"}},
		// Half past midnight on 5 March in Amsterdam is still 4 March in UTC.
		{"R-1002", "row 4", "AMS-1", ontology.VerbCancelled, time.Date(2025, 3, 4, 23, 30, 0, 0, time.UTC),
			[]string{"TEA-GRN-100G qty=0.5 price=9.9EUR"}},
		// 03:30 summer time (+02:00), half an hour after the clocks went forward.
		{"R-1003", "rows 5, 6, 7", "UTR-2", ontology.VerbPaid, time.Date(2025, 3, 30, 1, 30, 0, 0, time.UTC),
			[]string{"TEA-OOL-250G qty=1 price=12EUR", "GIFT-BOX-S qty=3 price=2.5EUR", "MUG-BLU-350 qty=1 price=12.5EUR"}},
		{"R-1004", "row 8", "UTR-2", ontology.VerbPaid, time.Date(2025, 7, 15, 16, 5, 0, 0, time.UTC),
			[]string{"TEA-OOL-250G qty=4 price=11EUR"}},
	}
	if len(docs) != len(want) {
		t.Fatalf("%d documents, want one per receipt (%d)", len(docs), len(want))
	}
	for i, w := range want {
		d := docs[i]
		if d.Key != (ontology.DocKey{Tenant: "acme", System: "smallpos", Type: "order", ExternalID: w.id}) ||
			d.Role != ontology.RolePOS || d.Verb != w.verb || d.Channel != "counter" || res[i].Pos != w.pos {
			t.Errorf("receipt %d = %+v at %s", i, d, res[i].Pos)
		}
		if !d.OccurredAt.Equal(w.at) || d.OccurredAt.Location() != time.UTC {
			t.Errorf("%s occurredAt = %s, want %s", w.id, d.OccurredAt, w.at)
		}
		if d.Location == nil || *d.Location != (ontology.LocationRef{System: "smallpos", Code: w.store}) {
			t.Errorf("%s location = %+v", w.id, d.Location)
		}
		var lines []string
		for _, l := range d.Lines {
			lines = append(lines, srcLine(l))
		}
		if fmt.Sprint(lines) != fmt.Sprint(w.lines) {
			t.Errorf("%s lines = %q, want %q", w.id, lines, w.lines)
		}
		if len(d.Refs) != 1 || d.Refs[0].ID() != "receipt_number:smallpos:"+w.id {
			t.Errorf("%s refs = %+v", w.id, d.Refs)
		}
	}
	if docs[1].Status != "Void" {
		t.Errorf("status = %q, want the POS's own word", docs[1].Status)
	}
	// A receipt's evidence is its own rows, as exported, under the header.
	rows := strings.SplitAfter(partnerExport, "\n")
	if string(res[0].Raw) != rows[0]+rows[1]+rows[2] || string(res[2].Raw) != rows[0]+rows[4]+rows[5]+rows[6] {
		t.Errorf("raw evidence:\n%q\n%q", res[0].Raw, res[2].Raw)
	}
	if m, _ := reg.Lookup("smallpos", "order"); m.File != "smallpos-order.yaml" {
		t.Errorf("lookup = %+v", m)
	}
	// The built-ins are still there beside the partner's mapping.
	if types := reg.Types("meituan"); strings.Join(types, ",") != "cancellation,delivery,order,refund" {
		t.Errorf("loading a partner folder dropped the built-ins: meituan types %v", types)
	}
}

// A partner file with the system and type of a built-in mapping replaces it.
func TestPartnerFileReplacesABuiltIn(t *testing.T) {
	dir := t.TempDir()
	writeMapping(t, dir, "our-payouts.yaml", `system: stripe
type: payout
role: payout
unwrap: data.object
externalId: id
verb: { path: status, map: { paid: settled }, default: ordered }
occurredAt: { path: created, time: unix }
refs:
  - { kind: payout, path: id }
`)
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if err := reg.LoadFS(os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	if m, _ := reg.Lookup("stripe", "payout"); m.File != "our-payouts.yaml" {
		t.Fatalf("lookup = %s", m.File)
	}
	d, probs := func() (*ontology.Document, []ontology.Problem) {
		res, err := reg.MapPayload("acme", "stripe", "payout", "", srcSample(t, "stripe/payout_failed_event.json"))
		if err != nil || len(res) != 1 {
			t.Fatalf("%d results, %v", len(res), err)
		}
		return res[0].Doc, res[0].Problems
	}()
	// The partner's file maps a failed payout to ordered (its default) and its time to
	// created, where the built-in said cancelled and arrival_date.
	if d == nil || d.Verb != ontology.VerbOrdered || !d.OccurredAt.Equal(time.Unix(1741478400, 0)) || d.Total != nil {
		t.Errorf("%+v %v", d, probs)
	}
}

// brokenMapping has six mistakes, each on its own line.
const brokenMapping = `# A small POS's CSV export, written in a hurry.
system: smallpos
type: order
role: sale
format: csv
groupBy: receipt_no
externalId: receipt_no
verb:
  path: status
  map: { Paid: payed, Void: cancelled }
statuz: status
occurredAt: { path: sold_at, time: "dd/MM/yyyy HH:mm", zone: Europe/Amsterdam }
location: { code: store }
lines:
  each: "_rows[*]"
  sku: { path: sku, transform: [trim, uper] }
  qty: qty
refs:
  - { kind: receipt, path: receipt_no, scope: $system }
`

func TestBrokenMappingNamesFileLineAndField(t *testing.T) {
	dir := t.TempDir()
	writeMapping(t, dir, "smallpos-order.yaml", brokenMapping)
	// A good file beside it is not loaded either: a folder loads whole or not at all.
	writeMapping(t, dir, "otherpos-order.yaml", strings.ReplaceAll(partnerMapping, "smallpos", "otherpos"))
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	err = reg.LoadFS(os.DirFS(dir))
	if err == nil {
		t.Fatal("a broken mapping loaded")
	}
	msg := err.Error()
	for _, want := range []string{
		`smallpos-order.yaml:4: role: "sale" is not one of`,
		`smallpos-order.yaml:10: verb.map.Paid: "payed" is not a business verb`,
		`smallpos-order.yaml:11: statuz: unknown key "statuz"`,
		`did you mean status?`,
		`smallpos-order.yaml:12: occurredAt.time: unknown time format "dd/MM/yyyy HH:mm"`,
		`smallpos-order.yaml:16: lines.sku.transform: unknown transform "uper"`,
		`did you mean upper?`,
		`smallpos-order.yaml:19: refs[0].kind: "receipt" is not one of`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	var le *mapping.LoadError
	if !errors.As(err, &le) || le.File != "smallpos-order.yaml" {
		t.Fatalf("error is %T, want a *mapping.LoadError of smallpos-order.yaml", err)
	}
	var at []string
	for _, p := range le.Problems {
		at = append(at, fmt.Sprintf("%d:%s", p.Line, p.Field))
	}
	if want := "[4:role 10:verb.map.Paid 11:statuz 12:occurredAt.time 16:lines.sku.transform 19:refs[0].kind]"; fmt.Sprint(at) != want {
		t.Errorf("problems at %v, want %s", at, want)
	}
	for _, system := range []string{"smallpos", "otherpos"} {
		if _, ok := reg.Lookup(system, "order"); ok {
			t.Errorf("%s was registered from a folder with a broken file", system)
		}
	}
	// The built-ins are untouched.
	if _, ok := reg.Lookup("meituan", "order"); !ok {
		t.Error("a broken partner folder dropped the built-ins")
	}
}
