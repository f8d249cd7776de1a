package mapping_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// hdr is the smallest complete mapping; tests add the keys they exercise.
const hdr = `system: t
type: x
role: payment
externalId: id
verb: {const: paid}
`

const when = "occurredAt: {const: \"2025-03-04T10:15:22Z\"}\n"

func compile(t *testing.T, yml string) *mapping.Mapping {
	t.Helper()
	m, err := mapping.Parse("test.yaml", []byte(yml))
	if err != nil {
		t.Fatalf("mapping does not load:\n%v\n%s", err, yml)
	}
	return m
}

// run maps one JSON record; it returns the document or the problems.
func run(t *testing.T, m *mapping.Mapping, js string) (*ontology.Document, []ontology.Problem) {
	t.Helper()
	recs, err := mapping.Decode(mapping.JSON, []byte(js), mapping.DecodeOptions{})
	if err != nil || len(recs) != 1 {
		t.Fatalf("decode: %v", err)
	}
	d, err := m.Map("acme", recs[0])
	if err != nil {
		return nil, ontology.ProblemsOf(err)
	}
	return d, nil
}

const record = `{"id": 9007199254740993, "name": " #SO-01047 ", "first": "Mei", "last": "Lin", "empty": "",
 "zero": "0.00", "amount": 58.6, "model": "1|TEA-OOL-250G|250g", "status": "wc-processing", "code": "E", "no": "NO",
 "detail": "[{\"sku\": \"A\", \"quantity\": 2}, {\"sku\": \"B\", \"quantity\": 1}]", "bad": "[{",
 "attrs": [{"name": "x", "value": "1"}, {"name": "erp_ref", "value": "SO-7781"}],
 "a.b": {"c": "dotted"}, "nested": {"deep": [{"v": "first"}, {"v": "second"}]}, "flag": true,
 "el": {"@lang": "zh", "#text": "拿铁"},
 "items": [{"sku": "A1", "meta": {"kind": "a"}}, {"sku": "B2", "meta": {"kind": "b"}}]}`

func TestValueSpecs(t *testing.T) {
	for _, c := range []struct{ spec, want string }{
		{`name`, " #SO-01047 "},
		{`id`, "9007199254740993"}, // above 2^53, every digit kept
		{`amount`, "58.6"},         // a JSON number as written
		{`flag`, "true"},
		{`el`, "拿铁"}, // an XML element with attributes reads as its text
		{`el.@lang`, "zh"},
		{`{path: name, transform: trim}`, "#SO-01047"},
		{`{path: name, transform: [trim, lower]}`, "#so-01047"},
		{`{path: name, transform: orderNumber}`, "1047"},
		{`{path: name, transform: digits}`, "01047"},
		{`{path: name, transform: [trim, "stripPrefix:#SO-"]}`, "01047"},
		{`{path: model, transform: "stripSuffix:|250g"}`, "1|TEA-OOL-250G"},
		{`{path: status, transform: "ifPrefix:wc-"}`, "wc-processing"},
		{`{path: status, transform: "ifPrefix:po_"}`, ""},
		{`{path: status, transform: "unlessPrefix:wc-"}`, ""},
		{`{path: zero, transform: nonZero}`, ""},
		{`{path: id, transform: "as:present"}`, "present"},
		{`{path: missing, transform: "as:present"}`, ""},
		{`{concat: [first, last], sep: " "}`, "Mei Lin"},
		{`{concat: [first, empty, last], sep: " ", transform: [nospace, upper]}`, "MEILIN"},
		{`{concat: [first, last], sep: ":", whole: true}`, "Mei:Lin"},
		{`{concat: [first, empty, last], sep: ":", whole: true}`, ""}, // a compound key missing a part
		{`{const: fixed}`, "fixed"},
		{`{first: [empty, missing, first]}`, "Mei"},
		{`{first: [empty, {const: fallback}]}`, "fallback"},
		{`"attrs[name=erp_ref].value"`, "SO-7781"},
		{`"attrs[name='erp_ref'].value"`, "SO-7781"},
		{`"attrs[1].value"`, "SO-7781"},
		{`"attrs[name!=x].value"`, "SO-7781"},                // != keeps the others
		{`"attrs[name!=x][name!=erp_ref].value"`, ""},        // filters one after the other
		{`"attrs[value!=1][name=erp_ref].value"`, "SO-7781"}, // both hold
		{`"nested.deep[v=second].v"`, "second"},
		{`"items[meta.kind=b].sku"`, "B2"},  // a nested field
		{`"items[meta.kind!=b].sku"`, "A1"}, // missing on none
		{`"items[meta.none=x].sku"`, ""},    // a nested field that is not there
		{`"'a.b'.c"`, "dotted"},
		{`"nested.deep[1].v"`, "second"},
		{`"nested.deep[*].v"`, "first"}, // a single field takes the first of several
		{`"detail@json[1].sku"`, "B"},
		{`{path: model, split: "|", index: 1}`, "TEA-OOL-250G"},
		{`{path: model, split: "|", index: -1}`, "250g"},
		{`{path: model, split: {sep: "|", index: 0}}`, "1"},
		{`{path: model, split: "|", index: 7}`, ""},
		{`{path: code, map: {E: outbound, I: inbound}}`, "outbound"},
		{`{path: status, map: {paid: x}, default: other}`, "other"},
		{`{path: missing, default: none}`, "none"},
		{`{path: no, ignore: [NO, "N/A"]}`, ""},
		{`{path: no, ignore: [NO], default: unknown}`, "unknown"},
		{`{path: no, transform: lower, ignore: [no]}`, ""},
	} {
		m := compile(t, hdr+when+"status: "+c.spec+"\n")
		d, ps := run(t, m, record)
		if ps != nil {
			t.Errorf("%s: %v", c.spec, ps)
			continue
		}
		if d.Status != c.want {
			t.Errorf("%s = %q, want %q", c.spec, d.Status, c.want)
		}
	}
}

func TestTimes(t *testing.T) {
	for _, c := range []struct{ spec, value, want string }{
		{`{path: v}`, "2025-03-04T10:15:22+08:00", "2025-03-04T02:15:22Z"},
		{`{path: v, time: rfc3339}`, "2025-03-04T02:15:22.481Z", "2025-03-04T02:15:22.481Z"},
		// WooCommerce date_created_gmt: UTC without the Z.
		{`{path: v, time: rfc3339, zone: UTC}`, "2025-03-04T10:15:22", "2025-03-04T10:15:22Z"},
		// AfterShip checkpoint_time: carrier-local, no offset.
		{`{path: v, time: rfc3339, zone: Asia/Shanghai}`, "2025-03-04T10:15:22", "2025-03-04T02:15:22Z"},
		{`{path: v, time: unix}`, "1741054522", "2025-03-04T02:15:22Z"},
		{`{path: n, time: unix}`, "", "2025-03-04T02:15:22Z"},
		{`{path: v, time: unixMilli}`, "1741054522481", "2025-03-04T02:15:22.481Z"},
		{`{path: v, time: yyyyMMdd, zone: Asia/Shanghai}`, "20250304", "2025-03-03T16:00:00Z"},
		{`{path: v, time: yyyyMMddHHmmss, zone: Asia/Shanghai}`, "20250304101522", "2025-03-04T02:15:22Z"},
		// PDD: a local time string.
		{`{path: v, time: "2006-01-02 15:04:05", zone: Asia/Shanghai}`, "2025-03-04 10:15:22", "2025-03-04T02:15:22Z"},
		{`{path: v, time: datetime, zone: Europe/Amsterdam}`, "2025-07-04 10:15:22", "2025-07-04T08:15:22Z"},
		{`{path: v, time: "02/01/2006 15:04", zone: Europe/Amsterdam}`, "04/03/2025 10:15", "2025-03-04T09:15:00Z"},
		{`{path: v, time: date}`, "2025-03-04", "2025-03-04T00:00:00Z"},
	} {
		m := compile(t, hdr+"occurredAt: "+c.spec+"\n")
		js := `{"id": 1, "v": "` + c.value + `", "n": 1741054522}`
		d, ps := run(t, m, js)
		if ps != nil {
			t.Errorf("%s %q: %v", c.spec, c.value, ps)
			continue
		}
		want, _ := time.Parse(time.RFC3339Nano, c.want)
		if !d.OccurredAt.Equal(want) || d.OccurredAt.Location() != time.UTC {
			t.Errorf("%s %q = %s, want %s", c.spec, c.value, d.OccurredAt.Format(time.RFC3339Nano), c.want)
		}
	}
}

// A placeholder for "no date" (.NET's and Go's zero time, as ERPs export it) is a problem,
// never a document dated in year 1 that sorts before everything its source sent.
func TestPlaceholderTimesAreRefused(t *testing.T) {
	for _, c := range []struct{ spec, value string }{
		{`{path: v, time: rfc3339}`, "0001-01-01 0:00:00"},
		{`{path: v, time: rfc3339}`, "0001-01-01T00:00:00Z"},
		{`{path: v, time: datetime}`, "0001-01-01 00:00:00"},
		{`{path: v, time: date}`, "1000-01-01"},
		{`{path: v, time: date}`, "9999-12-31"},
		{`{path: v, time: datetime}`, "0000-00-00 00:00:00"},
		{`{path: v, time: unix}`, "0"},
	} {
		m := compile(t, hdr+"occurredAt: "+c.spec+"\n")
		d, ps := run(t, m, `{"id": 1, "v": "`+c.value+`"}`)
		if len(ps) != 1 || !strings.Contains(ps[0].String(), "placeholder") {
			t.Errorf("%s %q: read as %s with %v, want a placeholder problem", c.spec, c.value, d.OccurredAt, ps)
		}
	}
}

// In an optional field (the source's clock here) a placeholder for no date means the
// source has none: the document is kept, without the field. A date that cannot be read
// at all is still a problem there.
func TestPlaceholderTimesInOptionalFieldsAreAbsent(t *testing.T) {
	for _, c := range []struct{ spec, value, problem string }{
		{`{path: v, time: rfc3339}`, "0001-01-01T00:00:00Z", ""},
		{`{path: v, time: datetime}`, "0000-00-00 00:00:00", ""},
		{`{path: v, time: date}`, "9999-12-31", ""},
		{`{path: v, time: yyyyMMdd}`, "00000000", ""},
		{`{path: v, time: unixMilli}`, "0", ""},
		{`{path: v, time: date}`, "2025-13-45", "does not match"},
		{`{path: v, time: unix}`, "1741054522481", "not a plausible Unix time"}, // milliseconds as seconds
	} {
		m := compile(t, hdr+when+"sourceTime: "+c.spec+"\n")
		d, ps := run(t, m, `{"id": 1, "v": "`+c.value+`"}`)
		switch {
		case c.problem == "" && (ps != nil || !d.SourceTime.IsZero()):
			t.Errorf("%s %q: source time %s, problems %v; want none and no problem", c.spec, c.value, d.SourceTime, ps)
		case c.problem != "" && (len(ps) != 1 || !strings.Contains(ps[0].String(), c.problem)):
			t.Errorf("%s %q: problems %v, want %q", c.spec, c.value, ps, c.problem)
		}
	}
}

// sourceTime and sourceVersion read the source's own clock of a version; a clock that
// cannot be read is a problem, never a silently missing clock.
func TestSourceClock(t *testing.T) {
	m := compile(t, hdr+when+"sourceTime: {path: updated, time: rfc3339, zone: UTC}\nsourceVersion: version\n")
	for _, c := range []struct {
		js, time, version, problem string
	}{
		{js: `{"id": 1, "updated": "2025-03-04T10:15:22+08:00", "version": 4}`, time: "2025-03-04T02:15:22Z", version: "4"},
		{js: `{"id": 1, "updated": "2025-03-04T10:15:22", "version": "12"}`, time: "2025-03-04T10:15:22Z", version: "12"},
		{js: `{"id": 1, "version": 0}`, version: "0"},
		{js: `{"id": 1}`},
		{js: `{"id": 1, "updated": "yesterday"}`, problem: `sourceTime: "yesterday" is not an RFC 3339 time (source updated, mapped at test.yaml:7)`},
		{js: `{"id": 1, "version": 3.5}`, problem: `sourceVersion: "3.5" is not a version number`},
		{js: `{"id": 1, "version": -1}`, problem: `sourceVersion: "-1" is not a version number`},
	} {
		d, ps := run(t, m, c.js)
		if c.problem != "" {
			if len(ps) != 1 || !strings.Contains(ps[0].String(), c.problem) {
				t.Errorf("%s: problems %v, want %q", c.js, ps, c.problem)
			}
			continue
		}
		if ps != nil {
			t.Errorf("%s: %v", c.js, ps)
			continue
		}
		gotTime, gotVersion := "", ""
		if !d.SourceTime.IsZero() {
			gotTime = d.SourceTime.Format(time.RFC3339Nano)
		}
		if d.SourceVersion != nil {
			gotVersion = fmt.Sprint(*d.SourceVersion)
		}
		if gotTime != c.time || gotVersion != c.version {
			t.Errorf("%s: clock = %q %q, want %q %q", c.js, gotTime, gotVersion, c.time, c.version)
		}
	}
}

func TestMoney(t *testing.T) {
	for _, c := range []struct{ spec, amount, currency, want string }{
		{`{amount: a, currency: c}`, `"49.00"`, "USD", "49.00 USD"},
		// Meituan's float yuan, read from the JSON text: never 58.599999...
		{`{amount: a, currency: c}`, `58.6`, "CNY", "58.6 CNY"},
		{`{amount: a, currency: c, scale: decimal}`, `0.1`, "EUR", "0.1 EUR"},
		{`{amount: a, currency: c, scale: minor}`, `10350`, "usd", "103.50 USD"},
		{`{amount: a, currency: c, scale: minor}`, `4500`, "JPY", "4500 JPY"},
		{`{amount: a, currency: c, scale: minor}`, `12345`, "KWD", "12.345 KWD"},
		{`{amount: a, currency: c, scale: minor}`, `-500`, "USD", "-5.00 USD"},
		// Stripe's own exponents: ISO 4217's, but ISK keeps two places and MGA has none.
		{`{amount: a, currency: c, scale: stripe}`, `10350`, "usd", "103.50 USD"},
		{`{amount: a, currency: c, scale: stripe}`, `4500`, "jpy", "4500 JPY"},
		{`{amount: a, currency: c, scale: stripe}`, `5130`, "kwd", "5.130 KWD"},
		{`{amount: a, currency: c, scale: stripe}`, `500`, "isk", "5.00 ISK"},
		{`{amount: a, currency: c, scale: stripe}`, `5000`, "mga", "5000 MGA"},
		{`{amount: a, currency: c, scale: minor}`, `500`, "ISK", "500 ISK"},
		// Douyin's fen, whatever the currency field says.
		{`{amount: a, currency: {const: CNY}, scale: 2}`, `12400`, "", "124.00 CNY"},
		{`{amount: a, currency: c, currencyCodes: customs}`, `"1.5"`, "502", "1.5 USD"},
		{`{amount: a, currency: c, currencyCodes: customs}`, `"1.5"`, "142", "1.5 CNY"},
		{`{amount: a, currency: c}`, `"1.5"`, "840", "1.5 USD"},
	} {
		m := compile(t, hdr+when+"total: "+c.spec+"\n")
		d, ps := run(t, m, `{"id": 1, "a": `+c.amount+`, "c": "`+c.currency+`"}`)
		if ps != nil {
			t.Errorf("%s %s %s: %v", c.spec, c.amount, c.currency, ps)
			continue
		}
		if got := d.Total.Amount.StringFixedBank(-d.Total.Amount.Exponent()) + " " + d.Total.Currency; got != c.want {
			t.Errorf("%s %s %s = %s, want %s", c.spec, c.amount, c.currency, got, c.want)
		}
	}
	// No amount is no total; an amount in a currency nobody has is a problem.
	m := compile(t, hdr+when+"total: {amount: a, currency: c}\n")
	if d, ps := run(t, m, `{"id": 1, "c": "USD"}`); ps != nil || d.Total != nil {
		t.Errorf("missing amount: %v %v", d, ps)
	}
	for js, want := range map[string]ontology.Problem{
		`{"id": 1, "a": "1.00", "c": "XXY"}`:    {Field: "total", Rule: "currency", Value: "XXY"},
		`{"id": 1, "a": "1,00", "c": "EUR"}`:    {Field: "total", Rule: "money", Value: "1,00"},
		`{"id": 1, "a": "1.00"}`:                {Field: "total", Rule: "currency", Value: "1.00"},
		`{"id": 1, "a": "1e99999", "c": "EUR"}`: {Field: "total", Rule: "money", Value: "1e99999"},
	} {
		_, ps := run(t, m, js)
		if len(ps) != 1 || ps[0].Field != want.Field || ps[0].Rule != want.Rule || ps[0].Value != want.Value {
			t.Errorf("%s: problems %+v, want %+v", js, ps, want)
		}
	}
	minor := compile(t, hdr+when+"total: {amount: a, currency: c, scale: minor}\n")
	if _, ps := run(t, minor, `{"id": 1, "a": 10.5, "c": "USD"}`); len(ps) != 1 || ps[0].Rule != "money" {
		t.Errorf("fractional minor units: %v", ps)
	}
}

// sum: true adds every amount the path reaches, with one currency for all or one each.
func TestMoneySum(t *testing.T) {
	perTxn := compile(t, hdr+when+"total: {amount: \"t[*].a\", currency: \"t[*].c\", sum: true}\n")
	oneCur := compile(t, hdr+when+"total: {amount: \"t[*].a\", currency: {const: JPY}, scale: minor, sum: true}\n")
	for _, c := range []struct {
		m    *mapping.Mapping
		js   string
		want string
	}{
		{perTxn, `{"id": 1, "t": [{"a": "20.00", "c": "EUR"}, {"a": "34.00", "c": "EUR"}]}`, "54.00 EUR"},
		{perTxn, `{"id": 1, "t": [{"a": 0.1, "c": "eur"}, {"a": 0.2, "c": "EUR"}]}`, "0.3 EUR"},
		{perTxn, `{"id": 1, "t": [{"a": "5.90", "c": "EUR"}]}`, "5.90 EUR"},
		{oneCur, `{"id": 1, "t": [{"a": 1200}, {"a": 300}]}`, "1500 JPY"},
		{perTxn, `{"id": 1, "t": []}`, ""},
	} {
		d, ps := run(t, c.m, c.js)
		if ps != nil {
			t.Errorf("%s: %v", c.js, ps)
			continue
		}
		got := ""
		if d.Total != nil {
			got = d.Total.Amount.StringFixedBank(-d.Total.Amount.Exponent()) + " " + d.Total.Currency
		}
		if got != c.want {
			t.Errorf("%s = %q, want %q", c.js, got, c.want)
		}
	}
	// Amounts in two currencies, or currencies that cannot be paired with the amounts,
	// are not added up: the record is a problem rather than a wrong total.
	for _, js := range []string{
		`{"id": 1, "t": [{"a": "20.00", "c": "EUR"}, {"a": "34.00", "c": "USD"}]}`,
		`{"id": 1, "t": [{"a": "20.00", "c": "EUR"}, {"a": "34.00", "c": "EUR"}, {"a": "1.00"}]}`,
	} {
		if _, ps := run(t, perTxn, js); len(ps) != 1 || ps[0].Field != "total" || ps[0].Rule != "currency" {
			t.Errorf("%s: problems %+v, want one currency problem on total", js, ps)
		}
	}
	if _, ps := run(t, perTxn, `{"id": 1, "t": [{"a": "20.00", "c": "EUR"}, {"a": "3,40", "c": "EUR"}]}`); len(ps) != 1 || ps[0].Rule != "money" || ps[0].Value != "3,40" {
		t.Errorf("a bad amount among several: %+v", ps)
	}
}

const linesMapping = hdr + when + `lines:
  each: items[*]
  sku: sku
  qty: q
  expectedQty: {path: cases, factor: 12}
  unitPrice: {amount: p, currency: $.currency}
`

func TestQuantitiesAndLines(t *testing.T) {
	m := compile(t, linesMapping)
	d, ps := run(t, m, `{"id": 1, "currency": "EUR", "items": [
		{"sku": "A", "q": 3, "p": "1.50"}, {"sku": "B", "q": "1.70000", "cases": 2}, {"sku": "C", "q": 0.25, "cases": "0.5"}]}`)
	if ps != nil {
		t.Fatal(ps)
	}
	got := []string{}
	for _, l := range d.Lines {
		s := l.SKU + " " + l.Qty.String()
		if l.ExpectedQty != nil {
			s += " expected " + l.ExpectedQty.String()
		}
		if l.UnitPrice != nil {
			s += " at " + l.UnitPrice.String()
		}
		got = append(got, s)
	}
	if strings.Join(got, "; ") != "A 3 at 1.5 EUR; B 1.7 expected 24; C 0.25 expected 6" {
		t.Errorf("lines = %q", got)
	}
}

// TestFactorReadFromTheRecord: a factor that is not a number is read from the record
// (ERPNext's per-line conversion_factor); one that cannot convert is a problem.
func TestFactorReadFromTheRecord(t *testing.T) {
	m := compile(t, hdr+when+`lines:
  each: items[*]
  sku: sku
  qty: q
  rejectedQty: {path: r, factor: cf}
`)
	d, ps := run(t, m, `{"id": 1, "items": [{"sku": "A", "q": 24, "r": 1.0, "cf": 12.0}, {"sku": "B", "q": 2, "r": 3, "cf": "0.5"}]}`)
	if ps != nil {
		t.Fatal(ps)
	}
	if got := d.Lines[0].RejectedQty.String() + " " + d.Lines[1].RejectedQty.String(); got != "12 1.5" {
		t.Errorf("rejected = %s, want 12 1.5", got)
	}
	// Nothing needs no unit: a zero quantity without a factor is zero.
	if d, ps := run(t, m, `{"id": 1, "items": [{"sku": "A", "q": 24, "r": 0}]}`); ps != nil || d.Lines[0].RejectedQty.String() != "0" {
		t.Errorf("zero without a factor: %v %v", ps, d)
	}
	for _, cf := range []string{`"cf": 0`, `"cf": -12`, `"cf": "box"`, `"x": 1`} {
		_, ps := run(t, m, `{"id": 1, "items": [{"sku": "A", "q": 24, "r": 1, `+cf+`}]}`)
		if len(ps) != 1 || ps[0].Field != "lines[0].rejectedQty" || ps[0].Rule != "qty" {
			t.Errorf("%s: problems %+v, want one qty problem on rejectedQty", cf, ps)
		}
	}
}

// A problem names the canonical field, the rule, the source value, the concrete source
// path and the mapping line, so that a person knows what to fix without reading code.
func TestProblemsArePrecise(t *testing.T) {
	m := compile(t, linesMapping)
	_, ps := run(t, m, `{"id": 1, "currency": "EUR", "items": [{"sku": "A", "q": 1}, {"sku": "B", "q": "two"}, {"sku": "C"}]}`)
	if len(ps) != 2 {
		t.Fatalf("problems = %v", ps)
	}
	if p := ps[0]; p.Field != "lines[1].qty" || p.Rule != "qty" || p.Value != "two" ||
		!strings.Contains(p.Message, "source items[1].q, mapped at test.yaml:10") {
		t.Errorf("bad quantity: %+v", p)
	}
	if p := ps[1]; p.Field != "lines[2].qty" || p.Rule != "required" || !strings.Contains(p.Message, "items[2].q") {
		t.Errorf("missing quantity: %+v", p)
	}
	// Every missing required value is reported, not only the first.
	m = compile(t, "system: t\ntype: x\nrole: payment\nexternalId: order.id\nverb: {path: state, map: {DONE: paid}}\noccurredAt: {path: at, time: unix}\n")
	_, ps = run(t, m, `{"state": "LOST", "at": "yesterday"}`)
	fields := []string{}
	for _, p := range ps {
		fields = append(fields, p.Field+"/"+p.Rule+"/"+p.Value)
	}
	if strings.Join(fields, " ") != "key.externalId/required/ verb/map/LOST occurredAt/time/yesterday" {
		t.Errorf("problems = %q", fields)
	}
	if !strings.Contains(ps[1].Message, `"LOST" is not in the business verb map (mapped: DONE)`) {
		t.Errorf("verb message = %q", ps[1].Message)
	}
	// Malformed embedded JSON is named as such.
	m = compile(t, hdr+when+"lines: {each: {path: detail, json: true}, sku: sku, qty: quantity}\n")
	if _, ps = run(t, m, `{"id": 1, "detail": "[{"}`); len(ps) != 1 || ps[0].Rule != "json" || ps[0].Field != "lines" {
		t.Errorf("bad embedded JSON: %v", ps)
	}
	if d, ps := run(t, m, record); ps != nil || len(d.Lines) != 2 || d.Lines[1].SKU != "B" {
		t.Errorf("json: true lines = %v %v", d, ps)
	}
}

func TestVerbRulesAndConditions(t *testing.T) {
	m := compile(t, `system: t
type: x
role: order
externalId: id
occurredAt: {const: "2025-03-04T10:15:22Z"}
verb:
  rules:
    - { when: cancelled_at, present: true, verb: cancelled }
    - { when: fulfillment_status, in: [fulfilled, partial], verb: fulfilled }
    - { when: paid_at, present: false, verb: ordered }
  path: financial_status
  map: { paid: paid, refunded: refunded }
parties:
  - { role: customer, if: { path: party_type, equals: Customer }, externalId: party }
  - { role: supplier, if: { path: party_type, equals: Supplier }, externalId: party }
lines:
  each: items
  if: { path: type, in: [ITEM] }
  sku: sku
  qty: q
refs:
  - { kind: tracking, each: "shipments[*]", if: carrier, path: number, scope: carrier }
`)
	for js, want := range map[string]ontology.Verb{
		`{"id": 1, "financial_status": "paid", "paid_at": "x", "cancelled_at": "y", "fulfillment_status": "partial"}`: ontology.VerbCancelled,
		`{"id": 1, "financial_status": "paid", "paid_at": "x", "fulfillment_status": "partial"}`:                      ontology.VerbFulfilled,
		`{"id": 1, "financial_status": "paid"}`:                     ontology.VerbOrdered,
		`{"id": 1, "financial_status": "refunded", "paid_at": "x"}`: ontology.VerbRefunded,
	} {
		if d, ps := run(t, m, js); ps != nil || d.Verb != want {
			t.Errorf("%s: %v %v, want %s", js, d, ps, want)
		}
	}
	d, ps := run(t, m, `{"id": 1, "financial_status": "paid", "paid_at": "x", "party_type": "Supplier", "party": "SUP-1",
		"items": [{"type": "ITEM", "sku": "A", "q": 1}, {"type": "GIFT_CARD", "sku": "G", "q": 1}, {"type": "ITEM", "sku": "B", "q": 2}],
		"shipments": [{"carrier": "ups", "number": "1z 999"}, {"number": "NOCARRIER"}]}`)
	if ps != nil {
		t.Fatal(ps)
	}
	if len(d.Parties) != 1 || d.Parties[0].Role != ontology.PartySupplier || len(d.Lines) != 2 || d.Lines[1].SKU != "B" ||
		len(d.Refs) != 1 || d.Refs[0].ID() != "tracking:ups:1Z999" {
		t.Errorf("conditions: parties %+v lines %+v refs %+v", d.Parties, d.Lines, d.Refs)
	}
}

// Map never panics, whatever the record holds.
func TestMapOddRecords(t *testing.T) {
	m := compile(t, linesMapping)
	for _, rec := range []mapping.Record{
		{}, {Tree: []any{1, 2}}, {Tree: "text"}, {Tree: map[string]any{}},
		{Tree: map[string]any{"id": map[string]any{"x": 1}, "items": "not a list"}},
		{Tree: map[string]any{"id": "1", "items": []any{nil, "x", []any{}, map[string]any{"q": []any{}}}}},
		{Err: errBad{}, Pos: "line 3"},
	} {
		if d, err := m.Map("acme", rec); err == nil {
			t.Errorf("%+v mapped to %+v", rec, d)
		} else if ps := ontology.ProblemsOf(err); len(ps) == 0 || strings.Contains(ps[0].Message, "failed:") {
			t.Errorf("%+v: %v", rec, err)
		}
	}
}

type errBad struct{}

func (errBad) Error() string { return "bad line" }
