package mapping_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/seamhub/seam/ontology/mapping"
)

// A mapping with a mistake does not load, and every mistake is named with its file,
// line and field, in line order.
func TestLoadErrorsNameFileLineAndField(t *testing.T) {
	const base = "system: t\ntype: x\nrole: order\nexternalId: id\nverb: {const: paid}\noccurredAt: {path: at}\n"
	for _, c := range []struct{ name, yaml, want string }{
		{"yaml syntax", "system: a\n  type: b\n", "m.yaml:2: (yaml): not valid YAML"},
		{"not a mapping", "- a\n", "m.yaml:1: (file): want a mapping of keys"},
		{"empty", "", "m.yaml:1: (file): empty mapping file"},
		{"required", "system: t\ntype: x\n", "m.yaml:1: role: is required"},
		{"required all", "system: t\ntype: x\n", "m.yaml:1: occurredAt: is required"},
		{"bad name", strings.Replace(base, "system: t", "system: My Shop", 1), `m.yaml:1: system: "My Shop" must be`},
		{"role", strings.Replace(base, "role: order", "role: sale", 1), `m.yaml:3: role: "sale" is not one of declaration, fulfilment`},
		{"unknown key", base + "statuz: x\n", `m.yaml:7: statuz: unknown key "statuz" (known here: system,`},
		{"suggestion", base + "statuz: x\n", "did you mean status?"},
		{"repeated key", base + "status: a\nstatus: b\n", "m.yaml:8: status: repeated key"},
		{"verb map", strings.Replace(base, "verb: {const: paid}", "verb:\n  path: s\n  map: {ok: payed}", 1),
			`m.yaml:7: verb.map.ok: "payed" is not a business verb`},
		{"verb const", strings.Replace(base, "{const: paid}", "{const: sold}", 1), `m.yaml:5: verb.const: "sold" is not a business verb`},
		{"verb rule", strings.Replace(base, "verb: {const: paid}", "verb:\n  rules: [{when: c, present: true, verb: canceled}]\n  const: paid", 1),
			`m.yaml:6: verb.rules[0].verb: "canceled" is not one of adjusted, cancelled,`},
		{"rule test", strings.Replace(base, "verb: {const: paid}", "verb:\n  rules: [{when: c, verb: cancelled}]\n  const: paid", 1),
			"m.yaml:6: verb.rules[0]: a test needs exactly one of present"},
		{"contains nothing", strings.Replace(base, "verb: {const: paid}", "verb:\n  rules: [{when: c, contains: \"\", verb: cancelled}]\n  const: paid", 1),
			"m.yaml:6: verb.rules[0]: contains: needs a text to look for"},
		{"time layout", strings.Replace(base, "{path: at}", "{path: at, time: YYYY-MM-DD}", 1), `m.yaml:6: occurredAt.time: unknown time format "YYYY-MM-DD"`},
		{"time zone", strings.Replace(base, "{path: at}", "{path: at, zone: China}", 1), `m.yaml:6: occurredAt.zone: unknown time zone "China"`},
		{"source time layout", base + "sourceTime: {path: updated_at, time: yyyy-MM-dd}\n", `m.yaml:7: sourceTime.time: unknown time format "yyyy-MM-dd"`},
		{"source time const", base + "sourceTime: {const: \"2025-03-04T10:15:22Z\"}\n", "m.yaml:7: sourceTime: a constant clock orders nothing"},
		{"source version const", base + "sourceVersion: {const: \"3\"}\n", "m.yaml:7: sourceVersion: a constant clock orders nothing"},
		{"source progress const", base + "sourceProgress: [amount, {const: \"3\"}]\n", "m.yaml:7: sourceProgress[1]: a constant clock orders nothing"},
		{"source progress not a list", base + "sourceProgress: amount\n", "m.yaml:7: sourceProgress: want a list of value specs"},
		{"source version key", base + "sourceVersion: {path: version, time: unix}\n", `m.yaml:7: sourceVersion.time: "time" is not allowed here`},
		{"source key hint", base + "sourceTim: updated_at\n", "did you mean sourceTime?"},
		{"transform", base + "lines:\n  each: items[*]\n  sku: {path: sku, transform: [trim, digitz]}\n  qty: q\n",
			`m.yaml:9: lines.sku.transform: unknown transform "digitz" (known: trim, upper,`},
		{"transform hint", base + "status: {path: s, transform: digitz}\n", "did you mean digits?"},
		{"transform arg", base + "status: {path: s, transform: \"stripPrefix:\"}\n", `transform "stripPrefix:" needs its text after the colon`},
		{"lines key", base + "lines:\n  each: items[*]\n  sku: sku\n  qyt: q\n", "m.yaml:10: lines.qyt: unknown key \"qyt\""},
		{"lines key hint", base + "lines:\n  each: items[*]\n  sku: sku\n  qyt: q\n", "did you mean qty?"},
		{"lines need qty", base + "lines:\n  each: items[*]\n  sku: sku\n", "m.yaml:8: lines: needs qty"},
		{"line location code", base + "lines:\n  each: items[*]\n  sku: sku\n  qty: q\n  location: {name: n}\n", "m.yaml:11: lines.location: needs a code"},
		{"line lots", base + "lines:\n  each: items[*]\n  sku: sku\n  qty: q\n  lots: {each: bundle.entries, lot: batch_no}\n",
			"m.yaml:11: lines.lots: needs each (the list in the line naming its lots), lot and qty"},
		{"line rejected lots", base + "lines:\n  each: items[*]\n  sku: sku\n  qty: q\n  rejectedLots: {each: rejected.entries, qty: q}\n",
			"m.yaml:11: lines.rejectedLots: needs each (the list in the line naming its lots), lot and qty"},
		{"skip why", base + "skip: [{when: docstatus, equals: \"0\"}]\n", "m.yaml:7: skip[0]: a skip needs when (the value tested), a test and why"},
		{"skip test", base + "skip: [{when: docstatus, why: draft}]\n", "m.yaml:7: skip[0]: a test needs exactly one of present"},
		{"lines need product", base + "lines:\n  each: items[*]\n  qty: q\n", "m.yaml:8: lines: needs sku, gtin, externalId, title or model"},
		{"path", base + "status: \"items[\"\n", `m.yaml:7: status: path "items[": unclosed [`},
		{"filter", base + "status: \"items[=x].v\"\n", `m.yaml:7: status: path "items[=x].v": filter [=x] has no key`},
		{"two sources", base + "status: {path: a, const: b}\n", "m.yaml:7: status: has path and const: give only one source"},
		{"no source", base + "status: {transform: trim}\n", "m.yaml:7: status: needs a source"},
		{"misplaced key", base + "status: {path: a, time: unix}\n", `m.yaml:7: status.time: "time" is not allowed here: time and zone belong to time fields`},
		{"whole needs concat", base + "status: {path: a, whole: true}\n", "m.yaml:7: status.whole: whole: true makes every part of concat required"},
		{"json needs path", base + "status: {const: a, json: true}\n", "m.yaml:7: status.json: json: true decodes"},
		{"split index", base + "status: {path: a, split: \"|\"}\n", "m.yaml:7: status.split: split needs index"},
		{"money", base + "total: {amount: a}\n", "m.yaml:7: total: money needs amount and currency"},
		{"scale", base + "total: {amount: a, currency: c, scale: cents}\n", `m.yaml:7: total.scale: want decimal`},
		{"sum", base + "total: {amount: a, currency: c, sum: yes}\n", `m.yaml:7: total.sum: want true or false`},
		{"currency const", base + "total: {amount: a, currency: {const: RMB}}\n", `m.yaml:7: total.currency: currency "RMB"`},
		{"currency codes", base + "total: {amount: a, currency: c, currencyCodes: hs}\n", "m.yaml:7: total.currencyCodes: want iso"},
		{"factor", base + "lines:\n  each: items[*]\n  sku: sku\n  qty: {path: q, factor: 0}\n", "m.yaml:10: lines.qty.factor: want a positive number"},
		{"party role", base + "parties:\n  - {role: buyer, name: n}\n", `m.yaml:8: parties[0].role: "buyer" is not one of`},
		{"parties list", base + "parties: {role: customer}\n", "m.yaml:7: parties: want a list of parties"},
		{"ref kind", base + "refs:\n  - {kind: tracking_no, path: t}\n", `m.yaml:8: refs[0].kind: "tracking_no" is not one of`},
		{"ref kind hint", base + "refs:\n  - {kind: hubref, path: t}\n", "did you mean hub_ref?"},
		{"outcome", base + "lines:\n  each: items[*]\n  sku: sku\n  qty: q\n  outcome: {path: r, map: {return: back}}\n",
			`m.yaml:11: lines.outcome.map.return: "back" is not a refund line outcome (returned, kept, unshipped)`},
		{"keepsRefunds", base + "lines:\n  each: items[*]\n  sku: sku\n  qty: q\n  keepsRefunds: {path: c, equal: x}\n", "m.yaml:11: lines.keepsRefunds"},
		{"split", base + "split: {list: \"returns[*]\"}\n", "m.yaml:7: split: needs list and id"},
		{"channel", base + "channel: {const: web}\n", `m.yaml:7: channel.const: "web" is not a channel (counter, delivery, online)`},
		{"direction map", base + "direction: {path: f, map: {I: in}}\n", `m.yaml:7: direction.map.I: "in" is not a direction`},
		{"groupBy", base + "groupBy: receipt\n", "m.yaml:7: groupBy: only CSV rows can be grouped"},
		{"records path", base + "records: \"orders[*]\"\n", `m.yaml:7: records[0]: want the keys of the list, such as orders or data.trackings, got "orders[*]"`},
		{"records format", strings.Replace(base, "role: order", "role: order\nformat: csv\nrecords: orders", 1), "m.yaml:5: records[0]: only a JSON answer holds its records in a list (format is csv)"},
		{"delimiter", strings.Replace(base, "role: order", "role: order\nformat: csv\ndelimiter: \";;\"", 1), "m.yaml:5: delimiter: want one character"},
		{"format", strings.Replace(base, "role: order", "role: order\nformat: yaml", 1), `m.yaml:4: format: "yaml" is not one of csv, form, json, jsonl, xml`},
		{"location", base + "location: {name: n}\n", "m.yaml:7: location: needs a code"},
		{"each", base + "refs:\n  - {kind: po, each: {path: x, json: yes}, path: p}\n", "m.yaml:8: refs[0].each.json: want true or false"},
		{"if", base + "refs:\n  - {kind: po, if: {path: x}, path: p}\n", "m.yaml:8: refs[0].if: a test needs exactly one of"},
		{"role rules default", strings.Replace(base, "role: order", "role:\n  rules: [{when: f, present: true, role: pos}]", 1),
			"m.yaml:4: role: needs default"},
		{"role rule role", strings.Replace(base, "role: order", "role:\n  rules: [{when: f, present: true, role: till}]\n  default: pos", 1),
			`m.yaml:4: role.rules[0].role: "till" is not one of`},
		{"record if", base + "if: {path: x}\n", "m.yaml:7: if: a test needs exactly one of"},
		{"also name", base + "also: [Return]\n", `m.yaml:7: also[0]: "Return" is not a type name`},
		{"keeps returns", base + "saleKeepsReturns: yes\n", "m.yaml:7: saleKeepsReturns: want true or false"},
		{"money parts and amount", base + "total: {amount: a, currency: c, add: [{amount: b, currency: c}]}\n",
			"m.yaml:7: total.amount: amount belongs in each part"},
		{"money first and add", base + "total: {first: [{amount: a, currency: c}], add: [{amount: b, currency: c}]}\n",
			"m.yaml:7: total: first and add do not go together"},
		{"money part", base + "total: {add: [{amount: b}]}\n", "m.yaml:7: total.add[0]: money needs amount and currency"},
		{"convert to", base + "total: {amount: a, currency: c, convert: {from: {amount: b, currency: d}}}\n",
			"m.yaml:7: total.convert: convert needs from and to"},
		{"not stock", base + "lines:\n  each: items[*]\n  sku: sku\n  qty: q\n  notStock: [{path: g}]\n", "m.yaml:11: lines.notStock[0]: a test needs exactly one of"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := mapping.Parse("m.yaml", []byte(c.yaml))
			var le *mapping.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("want a *LoadError, got %v", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error lacks %q:\n%v", c.want, err)
			}
		})
	}
}

// One load reports every mistake of a file, sorted by line.
func TestLoadCollectsEveryProblem(t *testing.T) {
	_, err := mapping.Parse("shopify-order.yaml", []byte(`system: shopify
type: order
role: order
externalId: id
verb: {path: financial_status, map: {paid: payed}}
occurredAt: {path: created_at, time: rfc3339, zone: Mars/Olympus}
lines:
  each: "line_items[*]"
  sku: sku
  qty: {path: quantity, transform: digitz}
refs:
  - {kind: order_no, path: name}
`))
	var le *mapping.LoadError
	if !errors.As(err, &le) {
		t.Fatal(err)
	}
	var got []string
	for _, p := range le.Problems {
		got = append(got, p.Field)
	}
	if strings.Join(got, " ") != "verb.map.paid occurredAt.zone lines.qty.transform refs[0].kind" {
		t.Errorf("fields = %q\n%v", got, err)
	}
	if first := strings.SplitN(err.Error(), "\n", 2)[0]; !strings.HasPrefix(first, `shopify-order.yaml:5: verb.map.paid: "payed"`) {
		t.Errorf("first line = %q", first)
	}
	if !strings.Contains(err.Error(), `shopify-order.yaml:10: lines.qty.transform: unknown transform "digitz" (known: trim,`) {
		t.Errorf("error = %v", err)
	}
}

func TestEveryBuiltinLoadsAndHasSamples(t *testing.T) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"shopify/order", "woocommerce/order", "square/order", "square/payment"} {
		sys, typ, _ := strings.Cut(want, "/")
		if _, ok := reg.Lookup(sys, typ); !ok {
			t.Errorf("no built-in mapping for %s", want)
		}
	}
	for _, sys := range reg.Systems() {
		files, _ := filepath.Glob(filepath.Join("testdata", sys, "*"))
		if len(files) == 0 {
			t.Errorf("built-in system %s has no samples in testdata/%s", sys, sys)
		}
	}
}

const partnerOrder = "system: shopify\ntype: order\nrole: order\nexternalId: id\nverb: {const: paid}\noccurredAt: {path: at}\ndescription: partner's own\n"

func TestRegistryPartnerFolderOverridesBuiltins(t *testing.T) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	builtin, _ := reg.Lookup("shopify", "order")
	err = reg.LoadFS(fstest.MapFS{
		"shopify.yml":              {Data: []byte(partnerOrder)},
		"nested/acme-receipt.yaml": {Data: []byte(strings.NewReplacer("shopify", "acme", "order", "receipt").Replace(partnerOrder))},
		"README.md":                {Data: []byte("not a mapping")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := reg.Lookup("shopify", "order"); m == builtin || m.Description != "partner's own" || m.File != "shopify.yml" {
		t.Errorf("partner file did not replace the built-in: %+v", m)
	}
	if _, ok := reg.Lookup("acme", "receipt"); !ok || !contains(reg.Systems(), "acme") || !contains(reg.Systems(), "square") {
		t.Errorf("systems = %v", reg.Systems())
	}
	if ts := reg.Types("square"); strings.Join(ts, ",") != "order,payment,payment_refunds,refund,return" {
		t.Errorf("square types = %v", ts)
	}
	if _, err := reg.MapPayload("acme", "nobody", "order", "", []byte(`{}`)); err == nil || !strings.Contains(err.Error(), `no mapping for system "nobody"`) {
		t.Errorf("unknown system: %v", err)
	}
}

// A folder with one wrong file changes nothing, and two files for one (system, type)
// are refused rather than one silently winning.
// A mapping's also: must name another type of its system that some mapping reads: a
// slip would leave every record of that part unread.
func TestRegistryAlsoNamesAMappedType(t *testing.T) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	const m = "system: shopify\ntype: order\nrole: order\nexternalId: id\nverb: {const: paid}\noccurredAt: {path: at}\n"
	for also, want := range map[string]string{
		"[returns]": `also: no other mapping reads system "shopify" type "returns"`,
		"[order]":   `also: no other mapping reads system "shopify" type "order"`,
	} {
		err := reg.LoadFS(fstest.MapFS{"shopify.yml": {Data: []byte(m + "also: " + also + "\n")}})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("also: %s: %v, want %q", also, err, want)
		}
	}
	if err := reg.LoadFS(fstest.MapFS{"shopify.yml": {Data: []byte(m + "also: [refund]\n")}}); err != nil {
		t.Errorf("also: [refund]: %v", err)
	}
}

func TestRegistryLoadIsAllOrNothing(t *testing.T) {
	reg, _ := mapping.NewRegistry()
	before, _ := reg.Lookup("shopify", "order")
	err := reg.LoadFS(fstest.MapFS{
		"a.yaml": {Data: []byte(partnerOrder)},
		"b.yaml": {Data: []byte(strings.Replace(partnerOrder, "role: order", "role: sale", 1))},
	})
	if err == nil || !strings.Contains(err.Error(), "b.yaml:3: role:") {
		t.Errorf("error = %v", err)
	}
	if after, _ := reg.Lookup("shopify", "order"); after != before {
		t.Error("a failed load changed the registry")
	}
	err = reg.LoadFS(fstest.MapFS{"a.yaml": {Data: []byte(partnerOrder)}, "c.yaml": {Data: []byte(partnerOrder)}})
	if err == nil || !strings.Contains(err.Error(), `c.yaml: system "shopify" type "order" is mapped by a.yaml too`) {
		t.Errorf("two files for one system and type: %v", err)
	}
	if err := reg.LoadFS(os.DirFS(t.TempDir())); err != nil {
		t.Errorf("an empty folder: %v", err)
	}
	if err := reg.LoadFS(fstest.MapFS{"x.yaml": {Mode: fs.ModeDir}}); err != nil {
		t.Errorf("a folder named x.yaml: %v", err)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestSentTypes: a type another mapping reads alongside itself is not one a sender
// chooses: Meituan's refund push comes to the order's URL, so Meituan is sent as one type.
func TestSentTypes(t *testing.T) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for sys, want := range map[string]string{"meituan": "order", "pinduoduo": "order", "square": "order,payment,refund",
		"shopify": "fulfillment,order,refund"} {
		if got := strings.Join(reg.SentTypes(sys), ","); got != want {
			t.Errorf("%s sent as %q, want %q", sys, got, want)
		}
	}
}
