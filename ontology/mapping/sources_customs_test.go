package mapping_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// The helpers below render canonical documents as short text, so that a test states the
// whole expected value of a field and a missing or extra part fails it.

// lineText renders a goods line with its non-empty fields, times in UTC.
func lineText(l ontology.Line) string {
	var b strings.Builder
	b.WriteString(l.SKU)
	add := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, " %s=%s", k, v)
		}
	}
	add("gtin", l.GTIN)
	add("hs", l.HSCode)
	add("ext", l.ExternalID)
	add("qty", l.Qty.String())
	if l.ExpectedQty != nil {
		add("expected", l.ExpectedQty.String())
	}
	if l.RejectedQty != nil {
		add("rejected", l.RejectedQty.String())
	}
	add("unit", l.Unit)
	add("lot", l.Lot)
	if l.ExpiresAt != nil {
		add("expires", l.ExpiresAt.UTC().Format(time.RFC3339))
	}
	if l.UnitPrice != nil {
		add("price", strings.ReplaceAll(l.UnitPrice.String(), " ", ""))
	}
	return b.String()
}

func wantLines(t *testing.T, d *ontology.Document, want ...string) {
	t.Helper()
	var got []string
	for _, l := range d.Lines {
		got = append(got, lineText(l))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s lines:\n got %q\nwant %q", d.Key.ExternalID, got, want)
	}
}

// partyText renders a party as role:externalId:name:taxId[:country].
func partyText(p ontology.PartyRef) string {
	s := fmt.Sprintf("%s:%s:%s:%s", p.Role, p.ExternalID, p.Name, p.TaxID)
	if p.Country != "" {
		s += ":" + p.Country
	}
	if p.Address != "" {
		s += ":" + p.Address
	}
	return s
}

func wantParties(t *testing.T, d *ontology.Document, want ...string) {
	t.Helper()
	var got []string
	for _, p := range d.Parties {
		got = append(got, partyText(p))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s parties:\n got %q\nwant %q", d.Key.ExternalID, got, want)
	}
}

// wantExactRefs asserts the document's refs, in order, and nothing else.
func wantExactRefs(t *testing.T, d *ontology.Document, want ...string) {
	t.Helper()
	if got := refs(d); got != strings.Join(want, " ") {
		t.Errorf("%s refs:\n got %q\nwant %q", d.Key.ExternalID, got, strings.Join(want, " "))
	}
}

func wantLocation(t *testing.T, d *ontology.Document, want string) {
	t.Helper()
	got := ""
	if d.Location != nil {
		got = d.Location.System + ":" + d.Location.Code
		if d.Location.Name != "" {
			got += ":" + d.Location.Name
		}
	}
	if got != want {
		t.Errorf("%s location = %q, want %q", d.Key.ExternalID, got, want)
	}
}

// mapProblems maps one sample and returns what mapping and validation refused, or nil.
func mapProblems(t *testing.T, system, typ, format string, raw []byte) []ontology.Problem {
	t.Helper()
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", system, typ, format, raw)
	if err != nil {
		return ontology.ProblemsOf(err)
	}
	var ps []ontology.Problem
	for _, r := range res {
		ps = append(ps, r.Problems...)
		if r.Doc != nil {
			if err := ontology.NewValidator().Document(r.Doc); err != nil {
				ps = append(ps, ontology.ProblemsOf(err)...)
			}
		}
	}
	return ps
}

func readSample(t testing.TB, file string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestChinaCustomsExport9810(t *testing.T) {
	d := one(t, "china-customs", "declaration", "xml", "china-customs/export-9810.xml")
	if d.Key.ExternalID != "531620250000123456" || d.Role != ontology.RoleDeclaration || d.Verb != ontology.VerbDeclared ||
		d.Direction != "outbound" || d.Status != "" {
		t.Fatalf("%+v", d)
	}
	// Declared on 20250303 in China: the day began at 16:00 UTC the day before. IEDate
	// (20250304) is the later export date and does not count.
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-02T16:00:00Z")
	// Under 9810 the overseas consignee is the overseas warehouse the goods go to.
	wantLocation(t, d, "china-customs:WH-NL-001:EU FULFIL BV")
	// ProdValidDt 20260131 is the last day the goods may be sold: the lot expires when
	// that day ends in China (16:00 UTC on the 31st).
	wantLines(t, d,
		"TEA-OOL-250G hs=0902300000 qty=1000 unit=pcs lot=B250112 expires=2026-01-31T16:00:00Z price=8.75USD",
		// No ExgNo (an empty element): the inspection model holds the item number.
		"MUG-BLU-350 hs=6912001000 qty=480.5 unit=pcs price=2.1USD")
	wantParties(t, d,
		"consignor:4403960ABC:深圳市示例贸易有限公司:91440300MA5F3K2W13:CN",
		"supplier:3302960DEF:宁波示例陶瓷制品有限公司:91330201MA2H3B9K42:CN",
		"consignee:WH-NL-001:EU FULFIL BV:",
		"broker:4403980XYZ:深圳市示例报关有限公司:91440300MA5G7H2X04:CN")
	// Master and house bill each a key; container numbers compare without case or spaces.
	// A lot number is not a ref: lots repeat across products and deliveries.
	wantExactRefs(t, d, "entry:531620250000123456", "po:PO-2025-00381", "bl:COSU6201234567", "bl:SZXNL0304",
		"container:MSKU1234565", "container:MSKU7654328")
}

func TestChinaCustomsImportGBK(t *testing.T) {
	raw := readSample(t, "china-customs/import-gbk.xml")
	if bytes.Contains(raw, []byte("咖啡")) {
		t.Fatal("the sample must be GBK, not UTF-8")
	}
	d := one(t, "china-customs", "declaration", "xml", "china-customs/import-gbk.xml")
	if d.Key.ExternalID != "220120251000321456" || d.Direction != "inbound" || d.Verb != ontology.VerbDeclared {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-16T16:00:00Z")
	// A general-trade import names no warehouse: the receipt will.
	wantLocation(t, d, "")
	// Legacy currency code 300 is EUR; five decimal places of kilograms are kept exactly.
	wantLines(t, d, "COF-BEAN-1KG hs=0901210000 qty=10240.5 unit=kg lot=R2502-HH expires=2026-02-09T16:00:00Z price=9.8EUR")
	if d.Lines[0].Title != "焙炒咖啡豆" {
		t.Errorf("GBK title read as %q", d.Lines[0].Title)
	}
	// On an import the domestic company receives: consignee, twice (收货人 and end user).
	wantParties(t, d,
		"consignee:3122960ABC:上海示例咖啡贸易有限公司:91310115MA1H7Q4R28:CN",
		"consignee:3122960ABC:上海示例咖啡贸易有限公司:91310115MA1H7Q4R28:CN",
		"consignor:DE811907980:EXAMPLE KAFFEE GMBH::Hafenstrasse 12, 20457 Hamburg",
		"broker:3122980MNO:上海示例报关有限公司:91310000MA1FL5TX85:CN")
	wantExactRefs(t, d, "entry:220120251000321456", "po:PO-2025-00417", "bl:HLCUHAM250301234", "bl:HHSHA0042",
		"container:TGHU8721340", "container:CAIU4567890")
}

func TestChinaCustomsCEBNamespaceAndAirWaybill(t *testing.T) {
	d := one(t, "china-customs", "declaration", "xml", "china-customs/import-ceb.xml")
	if d.Key.ExternalID != "310420251000087654" || d.Direction != "inbound" {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-24T16:00:00Z")
	wantLocation(t, d, "") // 1210 into a bonded warehouse: no overseas warehouse named
	wantLines(t, d, "FC-50ML hs=3304990099 qty=600 unit=pcs lot=AU25031 expires=2027-02-28T16:00:00Z price=7.15AUD")
	// An empty OverseasConsignorCode gives a party without an id, not an empty id.
	wantParties(t, d,
		"consignee:3302960GHI:宁波示例跨境电商有限公司:91330201MA2H3B9K42:CN",
		"consignee:3302960GHI:宁波示例跨境电商有限公司:91330201MA2H3B9K42:CN",
		"consignor::EXAMPLE COSMETICS PTY LTD::12 Harbour Street, Sydney NSW 2000",
		"broker:3302980JKL:宁波示例国际货运代理有限公司:91440101MA9W4N2J1L:CN")
	// An air waybill is the 11-digit master and the house after "_".
	wantExactRefs(t, d, "entry:310420251000087654", "po:PO-2025-00455", "bl:78412345675", "bl:HAWB0031")
}

func TestChinaCustomsJSON(t *testing.T) {
	// Bare JSON with numbers where XML has text: an EntryId above 2^53 stays exact, and a
	// single DecList object reads like a list of one (import.json) as a list does here.
	d := one(t, "china-customs", "declaration", "json", "china-customs/export-samples.json")
	if d.Key.ExternalID != "531620250000124001" || d.Direction != "outbound" {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-09T16:00:00Z")
	wantLocation(t, d, "") // 3010 (trade-fair samples), not an overseas warehouse
	wantLines(t, d,
		"TEA-OOL-50G hs=0902300000 qty=20 unit=pcs price=1.2USD",
		"MUG-BLU-350 hs=6912001000 qty=0.00001 unit=kg price=3USD")
	// "NO" (no overseas consignee) is not a party; an empty ContrNo is not a PO.
	wantParties(t, d, "consignor:4403960ABC:深圳市示例贸易有限公司:91440300MA5F3K2W13:CN")
	wantExactRefs(t, d, "entry:531620250000124001", "bl:78412345675")

	imp := one(t, "china-customs", "declaration", "json", "china-customs/import.json")
	if imp.Key.ExternalID != "531620251000654321" || imp.Direction != "inbound" {
		t.Fatalf("%+v", imp)
	}
	wantLines(t, imp, "COF-BEAN-1KG hs=0901210000 qty=250 unit=kg lot=R2503 price=21.5CNY")
	wantExactRefs(t, imp, "entry:531620251000654321", "po:PO-2025-00417", "bl:COSU6201234999", "container:CSQU3054383")
	// The same file saved by a Windows tool, with a byte order mark.
	bom := mapOne(t, "china-customs", "declaration", "json", append([]byte("\ufeff"), readSample(t, "china-customs/import.json")...))
	if !reflect.DeepEqual(bom, imp) {
		t.Errorf("with a byte order mark: %+v", bom)
	}
}

// The same declaration as XML and as JSON gives the same document: one mapping, two trees.
func TestChinaCustomsXMLAndJSONAgree(t *testing.T) {
	xmlDoc := one(t, "china-customs", "declaration", "xml", "china-customs/export-9810.xml")
	// The JSON a broker's export tool writes for the same declaration.
	js := `{"DecHead": {"EntryId": "531620250000123456", "IEFlag": "E", "IEDate": "20250304", "DDate": "20250303",
	  "TradeCode": "4403960ABC", "TradeCoScc": "91440300MA5F3K2W13", "TradeName": "深圳市示例贸易有限公司",
	  "OwnerCode": "3302960DEF", "OwnerCodeScc": "91330201MA2H3B9K42", "OwnerName": "宁波示例陶瓷制品有限公司",
	  "AgentCode": "4403980XYZ", "AgentCodeScc": "91440300MA5G7H2X04", "AgentName": "深圳市示例报关有限公司",
	  "OverseasConsigneeCode": "WH-NL-001", "OverseasConsigneeEname": "EU FULFIL BV", "BillNo": "COSU6201234567*SZXNL0304",
	  "TradeMode": "9810", "ContrNo": "PO-2025-00381", "NoteS": "海外仓 NL-WH1"},
	 "DecLists": {"DecList": [
	  {"GNo": 1, "CodeTS": "0902300000", "GName": "乌龙茶", "GQty": 1000, "GUnit": "007", "DeclPrice": "8.7500",
	   "TradeCurr": "502", "ExgNo": "TEA-OOL-250G", "ProdBatchNo": "B250112", "ProdValidDt": "20260131",
	   "GModel": "1|0|乌龙茶|250克/袋|SEAM|TEA-OOL-250G"},
	  {"GNo": 2, "CodeTS": "6912001000", "GName": "陶瓷杯", "GQty": 480.5, "GUnit": "011", "DeclPrice": "2.1000",
	   "TradeCurr": "USD", "ExgNo": "", "GoodsModel": "MUG-BLU-350", "GModel": "1|0|陶瓷|餐饮用|SEAM|MUG-BLU-350"}]},
	 "DecContainers": {"Container": [{"ContainerId": "MSKU1234565"}, {"ContainerId": "msku 765432 8"}]}}`
	reg, _ := mapping.NewRegistry()
	res, err := reg.MapPayload("acme", "china-customs", "declaration", "json", []byte(js))
	if err != nil || len(res) != 1 || res[0].Doc == nil {
		t.Fatalf("%v %+v", err, res)
	}
	if jsonDoc := res[0].Doc; !reflect.DeepEqual(jsonDoc, xmlDoc) {
		t.Errorf("JSON and XML differ:\njson %+v\n xml %+v", jsonDoc, xmlDoc)
	}
}

func TestChinaCustomsRefusals(t *testing.T) {
	export := string(readSample(t, "china-customs/export-9810.xml"))
	cases := []struct {
		name, from, to, field, value string
	}{
		// A container number whose check digit is wrong is refused with its value.
		{"container check digit", "MSKU1234565", "MSKU1234566", "refs[4].value", "MSKU1234566"},
		// A draft has no EntryId yet: its key would change on acceptance.
		{"no EntryId", "<EntryId>531620250000123456</EntryId>", "<EntryId></EntryId>", "key.externalId", ""},
		{"entry number shape", "<EntryId>531620250000123456</EntryId>", "<EntryId>531620252000123456</EntryId>", "refs[0].value", "531620252000123456"},
		{"domestic USCC", "91440300MA5F3K2W13", "91440300MA5F3K2W14", "parties[0].taxId", "91440300MA5F3K2W14"},
		{"unknown currency", "<TradeCurr>502</TradeCurr>", "<TradeCurr>999</TradeCurr>", "lines[0].unitPrice", ""},
		{"IEFlag", "<IEFlag>E</IEFlag>", "<IEFlag>X</IEFlag>", "direction", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := strings.Replace(export, c.from, c.to, 1)
			if raw == export {
				t.Fatalf("%q is not in the sample", c.from)
			}
			ps := mapProblems(t, "china-customs", "declaration", "xml", []byte(raw))
			for _, p := range ps {
				if p.Field == c.field && (c.value == "" || p.Value == c.value) {
					return
				}
			}
			t.Errorf("want a problem at %s (value %q), got %v", c.field, c.value, ps)
		})
	}
}

// A goods line naming the item only in its declaration elements (no ExgNo, no
// GoodsModel: the common case outside processing trade) is a valid document: the line
// carries GName, CodeTS and GModel, and resolution identifies the product.
func TestChinaCustomsItemOnlyInGModel(t *testing.T) {
	raw := strings.Replace(string(readSample(t, "china-customs/export-9810.xml")), "<ExgNo>TEA-OOL-250G</ExgNo>", "", 1)
	d := sfMap(t, "china-customs", "declaration", "xml", []byte(raw))
	l := d.Lines[0]
	if l.SKU != "" || l.Title != "乌龙茶" || l.HSCode != "0902300000" || !strings.HasSuffix(l.Model, "|TEA-OOL-250G") {
		t.Fatalf("line = %+v", l)
	}
}

func TestChinaCustomsUnreadableXML(t *testing.T) {
	for name, raw := range map[string]string{
		"truncated":        "<DecMessage><DecHead><EntryId>5316",
		"unknown encoding": `<?xml version="1.0" encoding="Big5"?><DecMessage/>`,
		"no root":          "",
	} {
		reg, _ := mapping.NewRegistry()
		if _, err := reg.MapPayload("acme", "china-customs", "declaration", "xml", []byte(raw)); err == nil {
			t.Errorf("%s: mapped without an error", name)
		}
	}
}

// FuzzMapChinaCustoms feeds mutations of the declaration samples to the mapping as XML
// and as JSON: it must never panic, and what it maps must be a whole document.
func FuzzMapChinaCustoms(f *testing.F) {
	for _, file := range []string{"export-9810.xml", "import-gbk.xml", "import-ceb.xml", "import.json", "export-samples.json"} {
		f.Add(readSample(f, "china-customs/"+file))
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, format := range []string{"xml", "json"} {
			fuzzOne(t, reg, "china-customs", "declaration", format, raw)
		}
	})
}

// fuzzOne maps raw and checks what no input may break: no panic (Map turns one into a
// "failed" problem, which is a bug too), and every mapped document complete.
func fuzzOne(t *testing.T, reg *mapping.Registry, system, typ, format string, raw []byte) {
	t.Helper()
	res, err := reg.MapPayload("fuzz", system, typ, format, raw)
	if err != nil {
		return
	}
	val := ontology.NewValidator()
	for _, r := range res {
		for _, p := range r.Problems {
			if p.Rule == "mapping" && strings.Contains(p.Message, " failed: ") {
				t.Fatalf("mapping panicked: %s", p.Message)
			}
		}
		d := r.Doc
		if d == nil {
			continue
		}
		if len(r.Problems) > 0 {
			t.Fatalf("a document and problems: %v", r.Problems)
		}
		if d.Key.ExternalID == "" || !d.Verb.Valid() || d.OccurredAt.IsZero() || d.OccurredAt.Location() != time.UTC {
			t.Fatalf("incomplete document %+v", d)
		}
		_ = val.Document(d)
	}
}

// TestChinaCustomsUnits: stock counts pieces, so a line's quantity is taken from the
// first of its declared, legal first and legal second quantities whose unit counts; a
// line measured only in kilograms keeps its kilograms with unit kg, never read as that
// many items (GUnit 035 千克, FirstUnit 035: 50 kg of tea in 250 g bags is not 50 bags).
func TestChinaCustomsUnits(t *testing.T) {
	js := `{"DecHead": {"EntryId": "220120261000123457", "IEFlag": "I", "DDate": "20261206", "ContrNo": "PUR-ORD-2026-00042"},
	 "DecLists": {"DecList": [
	  {"GNo": 1, "CodeTS": "0902300000", "GName": "乌龙茶", "GModel": "1|0|乌龙茶|已发酵|250g/袋|RV19-TEA-OOL|无品牌",
	   "GQty": "50.00000", "GUnit": "035", "FirstQty": "50.00000", "FirstUnit": "035", "DeclPrice": "40.0000", "TradeCurr": "502"},
	  {"GNo": 2, "CodeTS": "0902409000", "GName": "红茶", "GModel": "1|0|红茶|已发酵|500g/罐|无品牌",
	   "GQty": "100.00000", "GUnit": "122", "FirstQty": "50.00000", "FirstUnit": "035", "DeclPrice": "12.0000", "TradeCurr": "502"},
	  {"GNo": 3, "CodeTS": "0902300000", "GName": "乌龙茶", "ExgNo": "TEA-OOL-250G",
	   "GQty": "50.00000", "GUnit": "035", "FirstQty": "50.00000", "FirstUnit": "035", "SecondQty": "200", "SecondUnit": "136",
	   "DeclPrice": "10.0000", "TradeCurr": "502"},
	  {"GNo": 4, "CodeTS": "6912001000", "GName": "陶瓷杯", "ExgNo": "MUG-BLU-350",
	   "GQty": "40", "GUnit": "127", "FirstQty": "96", "FirstUnit": "035", "DeclPrice": "24.0000", "TradeCurr": "502"}]}}`
	reg, _ := mapping.NewRegistry()
	res, err := reg.MapPayload("acme", "china-customs", "declaration", "json", []byte(js))
	if err != nil || len(res) != 1 || res[0].Doc == nil {
		t.Fatalf("%v %+v", err, res)
	}
	d := res[0].Doc
	wantLines(t, d,
		" hs=0902300000 qty=50 unit=kg price=40USD",               // kilograms only: kept as kilograms
		" hs=0902409000 qty=100 unit=pcs price=12USD",             // 100 罐 (cans)
		"TEA-OOL-250G hs=0902300000 qty=200 unit=pcs price=10USD", // legal second unit 袋
		"MUG-BLU-350 hs=6912001000 qty=480 unit=pcs price=24USD",  // 40 打 (dozen)
	)
	if d.Lines[0].Counted() || !d.Lines[1].Counted() {
		t.Errorf("counted: kg line %v, can line %v", d.Lines[0].Counted(), d.Lines[1].Counted())
	}
}
