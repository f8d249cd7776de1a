package mapping

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

func TestDecodeJSONKeepsBigIntegersExact(t *testing.T) {
	recs, err := Decode(JSON, []byte(`{"order_id": 27061900338318741, "total": 58.6}`), DecodeOptions{})
	if err != nil || len(recs) != 1 {
		t.Fatal(recs, err)
	}
	m := recs[0].Tree.(map[string]any)
	if m["order_id"].(json.Number).String() != "27061900338318741" || m["total"].(json.Number).String() != "58.6" {
		t.Fatalf("numbers = %v", m)
	}
}

func TestDecodeJSONArrayAndLines(t *testing.T) {
	recs, err := Decode(JSON, []byte(`[{"id":1},{"id":2}]`), DecodeOptions{})
	if err != nil || len(recs) != 2 || string(recs[1].Raw) != `{"id":2}` {
		t.Fatalf("array: %+v %v", recs, err)
	}
	recs, err = Decode(JSONL, []byte("{\"id\":1}\n\n{\"id\":\n{\"id\":3}\n"), DecodeOptions{})
	if err != nil || len(recs) != 3 {
		t.Fatalf("lines: %+v %v", recs, err)
	}
	if recs[1].Err == nil || !strings.Contains(recs[1].Err.Error(), "line 3") || recs[2].Err != nil || recs[2].Pos != "line 4" {
		t.Fatalf("a bad line must fail alone, naming its line: %+v", recs)
	}
	if _, err := Decode(JSON, []byte(`{"id":`), DecodeOptions{}); err == nil {
		t.Fatal("truncated JSON accepted")
	}
}

// A list answer gives one record per element of its list, each with its own bytes; a
// payload without the list is one record.
func TestDecodeJSONListAnswers(t *testing.T) {
	opt := DecodeOptions{Lists: [][]string{{"orders"}, {"data", "trackings"}}}
	recs, err := Decode(JSON, []byte(`{"cursor": "c", "orders": [ {"id": 1, "x": [1, 2]} , {"id":2}], "more": {"orders": 3}}`), opt)
	if err != nil || len(recs) != 2 || string(recs[0].Raw) != `{"id": 1, "x": [1, 2]}` || string(recs[1].Raw) != `{"id":2}` ||
		recs[1].Pos != "orders item 2" || recs[1].Tree.(map[string]any)["id"].(json.Number) != "2" {
		t.Fatalf("orders: %+v %v", recs, err)
	}
	recs, err = Decode(JSON, []byte(`{"meta": {"code": 200}, "data": {"page": 1, "trackings": [{"id": "a"}]}}`), opt)
	if err != nil || len(recs) != 1 || string(recs[0].Raw) != `{"id": "a"}` || recs[0].Pos != "data.trackings item 1" {
		t.Fatalf("nested: %+v %v", recs, err)
	}
	// The list is only where its keys say: not an object there, a list elsewhere, or
	// another key of the same name deeper down.
	for _, js := range []string{`{"id": 1}`, `{"orders": {"id": 1}}`, `{"data": [{"id": 1}]}`, `{"x": {"orders": [{"id": 1}]}}`, `[{"orders": [1]}]`} {
		recs, err := Decode(JSON, []byte(js), opt)
		if err != nil || len(recs) != 1 || (js[0] == '{' && string(recs[0].Raw) != js) {
			t.Errorf("%s: %+v %v, want the payload as one record", js, recs, err)
		}
	}
	if recs, err := Decode(JSON, []byte(`{"orders": []}`), opt); err != nil || len(recs) != 0 {
		t.Errorf("an empty list answer: %+v %v", recs, err)
	}
	if _, err := Decode(JSON, []byte(`{"orders": [{"id": 1},]}`), opt); err == nil {
		t.Error("a malformed list answer was accepted")
	}
}

func TestDecodeCSVGroups(t *testing.T) {
	raw := "receipt_no,sku,qty\nR-1,A,1\nR-2,B,2\nR-1,C,3\n"
	recs, err := Decode(CSV, []byte(raw), DecodeOptions{GroupBy: "receipt_no"})
	if err != nil || len(recs) != 2 {
		t.Fatalf("%+v %v", recs, err)
	}
	rows := recs[0].Tree.(map[string]any)["_rows"].([]any)
	if len(rows) != 2 || rows[1].(map[string]any)["sku"] != "C" {
		t.Fatalf("group R-1 = %+v", rows)
	}
	if string(recs[1].Raw) != "receipt_no,sku,qty\nR-2,B,2\n" {
		t.Fatalf("raw of R-2 = %q", recs[1].Raw)
	}
	recs, _ = Decode(CSV, []byte("a,b\n1\n"), DecodeOptions{})
	if len(recs) != 1 || recs[0].Err == nil {
		t.Fatalf("short row: %+v", recs)
	}
}

func TestDecodeXMLNamespacesListsAndGBK(t *testing.T) {
	doc := `<?xml version="1.0"?><DecMessage xmlns="http://www.chinaport.gov.cn/ceb"><DecHead><EntryId>531620250000123456</EntryId></DecHead>` +
		`<DecLists><DecList><GNo>1</GNo></DecList><DecList><GNo>2</GNo></DecList></DecLists><Note a="x">hi</Note></DecMessage>`
	recs, err := Decode(XML, []byte(doc), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tree := recs[0].Tree
	p, _ := parsePath("DecLists.DecList[*].GNo")
	if got := p.eval(origin{root: tree, record: tree}, tree); len(got) != 2 || got[1] != "2" {
		t.Fatalf("repeated elements = %v", got)
	}
	p, _ = parsePath("Note.@a")
	if got := p.eval(origin{root: tree, record: tree}, tree); len(got) != 1 || got[0] != "x" {
		t.Fatalf("attribute = %v", got)
	}
	// 深圳 in GBK.
	gbk := append([]byte(`<?xml version="1.0" encoding="GBK"?><M><DecHead><TradeName>`), 0xC9, 0xEE, 0xDB, 0xDA)
	gbk = append(gbk, []byte(`</TradeName></DecHead></M>`)...)
	recs, err = Decode(XML, gbk, DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ = parsePath("DecHead.TradeName")
	if got := p.eval(origin{root: recs[0].Tree, record: recs[0].Tree}, recs[0].Tree); len(got) != 1 || got[0] != "深圳" {
		t.Fatalf("GBK text = %v", got)
	}
}

func TestDecodeForm(t *testing.T) {
	recs, err := Decode(Form, []byte(`order_id=27061900338318741&detail=%5B%7B%22app_food_code%22%3A%22LATTE%22%7D%5D`), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := parsePath("detail@json[*].app_food_code")
	tree := recs[0].Tree
	if got := p.eval(origin{root: tree, record: tree}, tree); len(got) != 1 || got[0] != "LATTE" {
		t.Fatalf("embedded JSON = %v", got)
	}
}

func TestParsePath(t *testing.T) {
	for _, bad := range []string{"", "a[", "a[x y]", "a.", "a[-1]", "'open"} {
		if _, err := parsePath(bad); err == nil {
			t.Errorf("path %q accepted", bad)
		}
	}
	tree := map[string]any{"note_attributes": []any{
		map[string]any{"name": "x", "value": "1"}, map[string]any{"name": "erp_ref", "value": "SO-7781"},
	}, "a.b": map[string]any{"c": "dotted"}}
	for path, want := range map[string]string{
		"note_attributes[name=erp_ref].value": "SO-7781",
		"note_attributes[1].value":            "SO-7781",
		"'a.b'.c":                             "dotted",
	} {
		p, err := parsePath(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.eval(origin{root: tree, record: tree}, tree); len(got) != 1 || got[0] != want {
			t.Errorf("%s = %v, want %s", path, got, want)
		}
	}
	// * reaches every value of an object, in key order: metadata keys differ by merchant.
	meta := map[string]any{"metadata": map[string]any{"shop_order": "#1047", "erp": "SO-7781", "empty": nil}}
	p, err := parsePath("metadata.*")
	if err != nil {
		t.Fatal(err)
	}
	if got := p.eval(origin{root: meta, record: meta}, meta); len(got) != 2 || got[0] != "SO-7781" || got[1] != "#1047" {
		t.Errorf("metadata.* = %v", got)
	}
	if locs := p.locate(origin{root: meta, record: meta}, meta, ""); len(locs) != 2 || locs[0] != "metadata.erp" {
		t.Errorf("metadata.* located at %v", locs)
	}
}

// A filter written [key=@path] matches the value path reaches from where the path is
// read (a line inside each:), and a dotted key searches through lists on its way: the
// fulfillment that shipped a line is the one listing the line's id.
func TestFilterByTheCurrentElement(t *testing.T) {
	line := func(id string) map[string]any { return map[string]any{"id": json.Number(id)} }
	order := map[string]any{"fulfillments": []any{
		map[string]any{"location_id": "A", "line_items": []any{line("1"), line("2")}},
		map[string]any{"location_id": "B", "line_items": []any{line("3")}},
		map[string]any{"location_id": "C", "line_items": map[string]any{"id": "4"}},
	}}
	for _, c := range []struct {
		path string
		cur  map[string]any
		want []string
	}{
		{"$.fulfillments[line_items.id=@id].location_id", line("2"), []string{"A"}},
		{"$.fulfillments[line_items.id=@id].location_id", line("3"), []string{"B"}},
		{"$.fulfillments[line_items.id=@id].location_id", line("4"), []string{"C"}}, // one object where a list may stand
		{"$.fulfillments[line_items.id=@id].location_id", line("9"), nil},
		{"$.fulfillments[line_items.id=@id].location_id", map[string]any{}, nil}, // the line has no id: nothing, not the lines without one
		{"$.fulfillments[line_items.id!=@id].location_id", line("3"), []string{"A", "C"}},
		{"$.fulfillments[line_items.id!=@id].location_id", map[string]any{}, []string{"A", "B", "C"}},
		{"$.fulfillments[line_items.id='@id'].location_id", line("1"), nil}, // quoted: the text @id itself
	} {
		p, err := parsePath(c.path)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range p.eval(origin{root: order, record: order}, c.cur) {
			got = append(got, scalar(v))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s at %v = %v, want %v", c.path, c.cur, got, c.want)
		}
		if locs := p.locate(origin{root: order, record: order}, c.cur, ""); len(locs) != len(c.want) {
			t.Errorf("%s at %v located at %v, want %d places", c.path, c.cur, locs, len(c.want))
		}
	}
	for _, bad := range []string{"a[k=@]", "a[k=@$.id]", "a[k=@x[*]]", "a[k=@$received]"} {
		if _, err := parsePath(bad); err == nil {
			t.Errorf("path %q accepted", bad)
		}
	}
}

// $. starts at the record after unwrap, $$. at the record as received: a Stripe event's
// created is not its object's.
func TestRootAndRecordPaths(t *testing.T) {
	object := map[string]any{"created": "100", "object": "charge"}
	event := map[string]any{"created": "200", "object": "event", "data": map[string]any{"object": object}}
	bare := object
	for _, c := range []struct {
		path, want string
		record     map[string]any
	}{
		{"$.created", "100", event},
		{"$$.created", "200", event},
		{"$$[object=event].created", "200", event},
		{"$$[object=event].created", "", bare},
		{"$$.data.object.created", "100", event},
	} {
		p, err := parsePath(c.path)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if vs := p.eval(origin{root: object, record: c.record}, object); len(vs) > 0 {
			got = scalar(vs[0])
		}
		if got != c.want {
			t.Errorf("%s on %v = %q, want %q", c.path, c.record["object"], got, c.want)
		}
		if locs := p.locate(origin{root: object, record: c.record}, object, ""); c.want != "" && (len(locs) != 1 || !strings.HasPrefix(locs[0], "$")) {
			t.Errorf("%s located at %v", c.path, locs)
		}
	}
}

func TestOrderNumber(t *testing.T) {
	for in, want := range map[string]string{"#1047": "1047", "1047": "1047", "SO-1047": "1047", "so1047": "1047",
		"ORD-0001047": "1047", "order 1047": "1047", "AB-1047": "AB-1047", "No. 1047": "1047"} {
		if got := OrderNumber(in); got != want {
			t.Errorf("OrderNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("json", []byte(`{"id": 1, "a": [1, 2]}`))
	f.Add("jsonl", []byte("{\"id\":1}\n{\"id\":2}\n"))
	f.Add("csv", []byte("a,b\n1,2\n"))
	f.Add("xml", []byte(`<M><DecHead><EntryId>1</EntryId></DecHead></M>`))
	f.Add("form", []byte(`a=1&b=2`))
	f.Fuzz(func(t *testing.T, format string, raw []byte) {
		recs, err := Decode(Format(format), raw, DecodeOptions{GroupBy: "a"})
		if err != nil {
			return
		}
		for _, r := range recs {
			if r.Err == nil && r.Tree == nil && format != "json" && format != "jsonl" {
				t.Fatalf("record without tree or error: %+v", r)
			}
		}
	})
}

func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"a.b[*].c", "x[k=v].y", "d@json[0]", "$.c", "$$[k=v].c", "'q.k'.z", "$.a[b.c=@b].b", "a[b!=@a]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parsePath(s)
		if err == nil {
			top := origin{root: map[string]any{"a": []any{map[string]any{"b": "1"}, map[string]any{"b": []any{map[string]any{"c": "1"}}}}}}
			_ = p.eval(top, nil)
			_ = p.eval(top, map[string]any{"b": "1", "a": []any{"x"}})
			_ = p.locate(top, map[string]any{"b": "1"}, "")
		}
	})
}

func TestMapPayloadSniffsJSONForAnXMLMapping(t *testing.T) {
	reg, err := NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"DecHead":{"EntryId":"531620251000654321","IEFlag":"I","DDate":"20250317"},"DecLists":{"DecList":{"GNo":"1","ExgNo":"A","GQty":"1","DeclPrice":"1","TradeCurr":"USD"}}}`)
	res, err := reg.MapPayload("t", "china-customs", "declaration", "", body)
	if err != nil || len(res) != 1 || res[0].Doc == nil || res[0].Doc.Key.ExternalID != "531620251000654321" {
		t.Fatalf("a JSON declaration without a format: %+v %v", res, err)
	}
}

func TestTypedReferencesCompareInOneForm(t *testing.T) {
	for _, c := range []struct {
		kind     ontology.RefKind
		in, want string
	}{
		{ontology.RefPO, "PO-2025-00417", "PO-2025-00417"},
		{ontology.RefPO, "po 2025-00417", "PO-2025-00417"},
		{ontology.RefPO, "PO#2025-00417", "PO-2025-00417"},
		{ontology.RefPO, "PO2025-00417", "PO-2025-00417"},
		{ontology.RefPO, "PO No. 2025-00417", "PO-2025-00417"},
		{ontology.RefPO, "PUR-ORD-2025-00001", "PUR-ORD-2025-00001"},
		{ontology.RefPO, "POS-123", "POS-123"},
		{ontology.RefHubRef, " pos-sh-20250304-0112 ", "POS-SH-20250304-0112"},
	} {
		if got := normalise(c.kind, c.in); got != c.want {
			t.Errorf("normalise(%s, %q) = %q, want %q", c.kind, c.in, got, c.want)
		}
	}
}
