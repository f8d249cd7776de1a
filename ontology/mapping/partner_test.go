package mapping_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// A partner adds a source with a mapping file alone: a small POS that exports one CSV row
// per receipt line.
const partnerMapping = `# A small POS's CSV export: one row per receipt line.
system: smallpos
type: order
role: pos
format: csv
delimiter: ";"
groupBy: receipt_no
externalId: receipt_no
verb:
  path: status
  map: { Paid: paid, Void: cancelled }
status: status
occurredAt: { path: sold_at, time: "02/01/2006 15:04", zone: Europe/Amsterdam }
location: { code: store }
total: { amount: receipt_total, currency: currency }
lines:
  each: "_rows[*]"
  sku: { path: sku, transform: [trim, upper] }
  qty: qty
  unitPrice: { amount: unit_price, currency: currency }
refs:
  - { kind: receipt_number, path: receipt_no, scope: $system }
`

const partnerExport = "receipt_no;store;sold_at;sku;qty;unit_price;receipt_total;currency;status\n" +
	"R-1001;AMS-1;04/03/2025 10:15;tea-ool-250g;2;24.00;36.50;EUR;Paid\n" +
	"R-1001;AMS-1;04/03/2025 10:15;MUG-BLU-350;1;12.50;36.50;EUR;Paid\n" +
	"R-1002;AMS-1;04/03/2025 23:50;TEA-GRN-100G;0.5;9.90;4.95;EUR;Void\n"

func TestPartnerAddsASourceWithAMappingFileAlone(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "smallpos-order.yaml"), []byte(partnerMapping), 0o600); err != nil {
		t.Fatal(err)
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if err := reg.LoadFS(os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", "smallpos", "order", "", []byte(partnerExport))
	if err != nil || len(res) != 2 {
		t.Fatalf("%d documents, %v", len(res), err)
	}
	val := ontology.NewValidator()
	for _, r := range res {
		if len(r.Problems) > 0 || val.Document(r.Doc) != nil {
			t.Fatalf("%s: %v %v", r.Pos, r.Problems, val.Document(r.Doc))
		}
	}
	a, b := res[0].Doc, res[1].Doc
	if a.Key.ExternalID != "R-1001" || a.Role != ontology.RolePOS || a.Verb != ontology.VerbPaid || len(a.Lines) != 2 ||
		a.Lines[0].SKU != "TEA-OOL-250G" || a.Lines[1].Qty != ontology.Units(1) || a.Total.String() != "36.5 EUR" {
		t.Fatalf("receipt R-1001 = %+v", a)
	}
	// 10:15 in Amsterdam on 4 March is 09:15 UTC.
	if !a.OccurredAt.Equal(time.Date(2025, 3, 4, 9, 15, 0, 0, time.UTC)) {
		t.Errorf("time = %s", a.OccurredAt)
	}
	if b.Verb != ontology.VerbCancelled || b.Lines[0].Qty.String() != "0.5" || !strings.Contains(string(res[1].Raw), "R-1002") {
		t.Errorf("receipt R-1002 = %+v", b)
	}
	// A partner file overrides a built-in mapping of the same system and type.
	if m, _ := reg.Lookup("smallpos", "order"); m.File != "smallpos-order.yaml" {
		t.Errorf("lookup = %+v", m)
	}
}

func TestBrokenMappingNamesFileLineAndField(t *testing.T) {
	broken := strings.NewReplacer(
		"role: pos", "role: sale",
		"transform: [trim, upper]", "transform: [trim, uper]",
		"status: status\n", "status: status\nstatuz: x\n",
		"{ Paid: paid, Void: cancelled }", "{ Paid: payed, Void: cancelled }",
		`time: "02/01/2006 15:04", zone: Europe/Amsterdam`, `time: "dd/MM/yyyy", zone: Mars/Olympus`,
	).Replace(partnerMapping)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "smallpos-order.yaml"), []byte(broken), 0o600)
	reg, _ := mapping.NewRegistry()
	err := reg.LoadFS(os.DirFS(dir))
	if err == nil {
		t.Fatal("a broken mapping loaded")
	}
	msg := err.Error()
	for _, want := range []string{
		`smallpos-order.yaml:4: role: "sale" is not one of`,
		`smallpos-order.yaml:13: statuz: unknown key`,
		`verb.map.Paid: "payed" is not a business verb`,
		`smallpos-order.yaml:14: occurredAt.time: unknown time format "dd/MM/yyyy"`,
		`occurredAt.zone: unknown time zone "Mars/Olympus"`,
		`lines.sku.transform: unknown transform "uper"`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if _, ok := reg.Lookup("smallpos", "order"); ok {
		t.Error("the broken file was registered anyway")
	}
}
