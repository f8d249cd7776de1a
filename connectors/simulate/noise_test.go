package simulate

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestHardNoiseAppearsAtItsRatesAndTheTruthHolds generates four months of the hard preset,
// reads every file back as Seam would, and checks that each noise kind modelled on
// observed practice appears about as often as configured, that every mark in
// truth/noise.jsonl says what the document really holds, and that the truth stays a
// truth: every document it names exists, references name documents of the same action,
// mistyped numbers name no document, and stock booked under unlisted codes is physically
// at the store.
func TestHardNoiseAppearsAtItsRatesAndTheTruthHolds(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Days = 120
	cfg.Noise = HardNoise()
	dir := t.TempDir()
	truth, err := Generate(cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*ontology.Document{}
	readBack(t, dir, func(_ string, _ int, _ []byte, ds []*ontology.Document, _ []ontology.Problem) {
		for _, d := range ds {
			docs[docName(d.Key.System, d.Key.Type, d.Key.ExternalID)] = d
		}
	})
	actionOf := map[string]string{}
	for _, a := range truth.Actions {
		for _, d := range a.Documents {
			k := docName(d.System, d.Type, d.ExternalID)
			actionOf[k] = a.ID
			if d.Corrupt == "" && docs[k] == nil {
				t.Errorf("action %s names %s, which no file holds", a.ID, k)
			}
		}
	}
	yaml, err := os.ReadFile(filepath.Join(dir, "seam.yaml"))
	if err != nil {
		t.Fatal(err)
	}

	marks := map[string]int{} // by noise kind
	marked := map[string]map[string]bool{}
	for _, m := range truth.Noise {
		k := docName(m.System, m.Type, m.ExternalID)
		if _, ok := actionOf[k]; !ok {
			t.Errorf("noise on %s, a document of no action", k)
		}
		d := docs[k]
		if d == nil {
			continue // corrupted on purpose: in quarantine, noise and all
		}
		marks[m.Noise]++
		if marked[m.Noise] == nil {
			marked[m.Noise] = map[string]bool{}
		}
		marked[m.Noise][k] = true
		if err := checkMark(m, d, actionOf, docs, truth, string(yaml)); err != nil {
			t.Errorf("%s %s: %v", k, m.Noise, err)
		}
	}

	count := func(keep func(d *ontology.Document) bool) int {
		n := 0
		for _, d := range docs {
			if keep(d) {
				n++
			}
		}
		return n
	}
	is := func(system, typ string) func(d *ontology.Document) bool {
		return func(d *ontology.Document) bool { return d.Key.System == system && d.Key.Type == typ }
	}
	walkIns := count(func(d *ontology.Document) bool { return d.Key.System == "square" && d.Channel == "counter" })
	ringUps := count(func(d *ontology.Document) bool {
		return d.Key.System == "square" && d.Channel == "delivery" && len(d.Notes) > 0
	})
	meituan := count(is("meituan", "order"))
	declarations := count(is("china-customs", "declaration"))
	declModel := 0
	for k := range marked["decl-model"] {
		declModel += len(docs[k].Lines)
	}
	for k := range marked["decl-no-item"] {
		if !marked["decl-model"][k] {
			declModel += len(docs[k].Lines)
		}
	}
	in := func(kind, system string) int { // documents of system that carry kind
		n := 0
		for k := range marked[kind] {
			if strings.HasPrefix(k, system+"/") {
				n++
			}
		}
		return n
	}
	n := cfg.Noise
	for _, c := range []struct {
		name   string
		got, n int
		p      float64
	}{
		{"ring-ups spelled the clerk's way", marks["ref-spelling"] + marks["ref-tail"], ringUps, (1 - n.RefTypo) * n.RefSpelling},
		{"ring-ups with a digit mistyped", marks["ref-typo"], ringUps, n.RefTypo},
		{"invoices naming the order in remarks", in("free-text", "erpnext"), count(is("erpnext", "invoice")), n.FreeText},
		{"charges naming the order in free text", in("free-text", "stripe"), count(is("stripe", "charge")), n.FreeText},
		{"declarations naming the PO in NoteS", in("free-text", "china-customs"), declarations, n.FreeText},
		{"delivery orders with a buyer's remark", marks["distractor"], meituan, n.FreeText},
		{"declarations with items in GModel", len(union(marked["decl-model"], marked["decl-no-item"])), declarations, n.DeclModel},
		{"their lines without an item number", marks["decl-no-item"], declModel, n.DeclNoItem},
		{"walk-in sales at an unlisted register", in("unknown-store", "square"), walkIns, n.UnknownStore},
		{"delivery orders of an unlisted shop", in("unknown-store", "meituan"), meituan, n.UnknownStore},
	} {
		mean := c.p * float64(c.n)
		tol := 4*math.Sqrt(float64(c.n)*c.p*(1-c.p)) + 1
		t.Logf("%-40s %5d of %5d (%.3f, configured %.3f)", c.name, c.got, c.n, float64(c.got)/float64(c.n), c.p)
		if c.got == 0 || math.Abs(float64(c.got)-mean) > tol {
			t.Errorf("%s: %d of %d, want about %.0f (±%.0f)", c.name, c.got, c.n, mean, tol)
		}
	}
	checkListings(t, docs, truth, n.ItemNames)
	checkStock(t, truth)
}

var fieldIndex = regexp.MustCompile(`\[(\d+)\]`)

// checkMark checks one mark against the document it is on.
func checkMark(m NoiseMark, d *ontology.Document, actionOf map[string]string, docs map[string]*ontology.Document, truth *Truth, yaml string) error {
	index := -1
	if s := fieldIndex.FindStringSubmatch(m.Field); s != nil {
		fmt.Sscan(s[1], &index)
	}
	switch m.Noise {
	case "ref-spelling", "ref-typo", "ref-tail", "free-text", "distractor":
		if !hasNote(d, m.Wrote) {
			return fmt.Errorf("no note says %q (notes %v)", m.Wrote, d.Notes)
		}
	case "item-name":
		if index < 0 || index >= len(d.Lines) || d.Lines[index].Title != m.Wrote {
			return fmt.Errorf("line %d is not titled %q", index, m.Wrote)
		}
	case "decl-model", "decl-no-item":
		if index < 1 || index > len(d.Lines) {
			return fmt.Errorf("no line %d", index)
		}
		l := d.Lines[index-1]
		named := strings.Contains(strings.ToUpper(l.Model), m.SKU)
		if l.SKU != "" || l.Model != m.Wrote || named != (m.Expect == "item-number") {
			return fmt.Errorf("line %d: sku %q, model %q, expected %s", index, l.SKU, l.Model, m.Expect)
		}
		if !hasAlias(truth, m.SKU, "china-customs", l.DescriptionCode()) {
			return fmt.Errorf("products.jsonl does not know %q as %s", l.DescriptionCode(), m.SKU)
		}
	case "unknown-store":
		if d.Location == nil || d.Location.Code != m.Wrote || m.Location != d.Key.System+":"+m.Wrote {
			return fmt.Errorf("location %+v, mark says %s", d.Location, m.Location)
		}
		if strings.Contains(yaml, fmt.Sprintf("code: %q", m.Wrote)) {
			return fmt.Errorf("seam.yaml names %s", m.Wrote)
		}
	default:
		return fmt.Errorf("unknown noise kind")
	}
	switch {
	case m.Expect != "reference" && m.Expect != "content":
	case strings.HasPrefix(m.Names, "po:"):
		if !actionHasRef(actionOf[docName(m.System, m.Type, m.ExternalID)], "po", strings.TrimPrefix(m.Names, "po:"), actionOf, docs) {
			return fmt.Errorf("no other document of the action has %s", m.Names)
		}
	case actionOf[m.Names] != actionOf[docName(m.System, m.Type, m.ExternalID)]:
		return fmt.Errorf("names %s of action %s, not of its own action", m.Names, actionOf[m.Names])
	}
	if m.Noise == "ref-typo" {
		for _, num := range regexp.MustCompile(`\d{10,}`).FindAllString(asciiDigits(m.Wrote), -1) {
			for _, sys := range []string{"meituan", "douyin"} {
				if _, ok := actionOf[docName(sys, "order", num)]; ok {
					return fmt.Errorf("mistyped %q names a real order", m.Wrote)
				}
			}
		}
	}
	return nil
}

func hasNote(d *ontology.Document, text string) bool {
	for _, n := range d.Notes {
		if strings.TrimSpace(n.Text) == strings.TrimSpace(text) {
			return true
		}
	}
	return false
}

func hasAlias(truth *Truth, sku, system, code string) bool {
	for _, p := range truth.Products {
		if p.SKU != sku {
			continue
		}
		for _, a := range p.Aliases {
			if a == [2]string{system, code} {
				return true
			}
		}
	}
	return false
}

func actionHasRef(action, kind, value string, actionOf map[string]string, docs map[string]*ontology.Document) bool {
	for k, a := range actionOf {
		if a != action || docs[k] == nil || docs[k].Key.System == "china-customs" {
			continue
		}
		for _, r := range docs[k].Refs {
			if string(r.Kind) == kind && r.Value == value {
				return true
			}
		}
	}
	return false
}

// asciiDigits turns full-width digits into ASCII ones.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

func union(a, b map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, m := range []map[string]bool{a, b} {
		for k := range m {
			out[k] = true
		}
	}
	return out
}

// checkListings checks that about the configured share of marketplace listings carry
// their own title, and that every line titled its own way is marked.
func checkListings(t *testing.T, docs map[string]*ontology.Document, truth *Truth, share float64) {
	t.Helper()
	english := map[string]string{}
	for _, p := range truth.Products {
		english[p.SKU] = p.Title
	}
	own := map[string]bool{} // by system/SKU
	for _, d := range docs {
		switch d.Key.System {
		case "meituan", "douyin", "pinduoduo":
		default:
			continue
		}
		for _, l := range d.Lines {
			sku := strings.ToUpper(strings.ReplaceAll(l.SKU, "_", "-"))
			k := d.Key.System + "/" + sku
			own[k] = own[k] || l.Title != english[sku]
		}
	}
	n := 0
	for _, o := range own {
		if o {
			n++
		}
	}
	t.Logf("%-40s %5d of %5d (%.3f, configured %.3f)", "listings with their own titles", n, len(own), float64(n)/float64(len(own)), share)
	if n == 0 || math.Abs(float64(n)/float64(len(own))-share) > 0.3 {
		t.Errorf("%d of %d listings titled their own way, want about %.0f%%", n, len(own), 100*share)
	}
}

// checkStock checks that stock booked under unlisted codes is physically at its store:
// per product, book and physical stock differ by the shrinkage alone, and no goods are
// physically at an unlisted code.
func checkStock(t *testing.T, truth *Truth) {
	t.Helper()
	shrunk := map[string]ontology.Qty{}
	for _, d := range truth.Discrepancies {
		if d.Action == "" {
			q, err := ontology.ParseQty(d.Actual)
			if err != nil {
				t.Fatal(err)
			}
			shrunk[d.SKU] -= q
		}
	}
	diff := map[string]ontology.Qty{}
	unlisted := 0
	for _, r := range truth.Final {
		diff[r.SKU] += r.Book - r.Physical
		if strings.Contains(r.Location, ":") {
			unlisted++
			if r.Physical != 0 || r.Book == 0 {
				t.Errorf("%s at %s: book %s, physical %s", r.SKU, r.Location, r.Book, r.Physical)
			}
		}
	}
	for sku, q := range diff {
		if q != shrunk[sku] {
			t.Errorf("%s: book and physical differ by %s, shrinkage is %s", sku, q, shrunk[sku])
		}
	}
	if unlisted == 0 {
		t.Error("no stock booked under an unlisted code")
	}
}
