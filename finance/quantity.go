package finance

import (
	"fmt"
	"slices"
	"strings"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// product is one product's quantity on a document.
type product struct {
	name string // as reports show it: the canonical SKU, else the line's own code
	qty  ontology.Qty
	// price is the line's unit price, where it has one.
	price *ontology.Money
	// unit is what qty is in: "" for pieces, else a unit of measure's base unit (kg, l,
	// m, m2; another measure as its lines write it), the lines' quantities converted
	// to it. mixed is set when the product's lines use units of different kinds.
	unit  string
	mixed bool
}

// lineUnit is the unit a line's quantity is summed in, and the quantity in it.
func lineUnit(l ontology.Line) (string, ontology.Qty) {
	switch k := ontology.KindOf(l.Unit); k {
	case ontology.KindCount:
		return "", l.Qty
	case ontology.KindOther:
		return strings.ToLower(strings.TrimSpace(l.Unit)), l.Qty
	default:
		if q, ok := ontology.InBaseUnit(l.Qty, l.Unit); ok {
			return baseUnits[k], q
		}
		return strings.ToLower(strings.TrimSpace(l.Unit)), l.Qty
	}
}

var baseUnits = map[ontology.UnitKind]string{
	ontology.KindMass: "kg", ontology.KindVolume: "l", ontology.KindLength: "m", ontology.KindArea: "m2",
}

func unitMismatch(sku string, w, g *product, note string, docs []Doc) Reason {
	return Reason{Code: UnitMismatch, SKU: sku, Expected: w.shown(), Actual: g.shown(),
		Note: strings.TrimPrefix(note+"; quantities in different units are not compared", "; "), Documents: refsOf(docs)}
}

// shown is a product's quantity with its unit, for a unit_mismatch reason.
func (p *product) shown() string {
	switch {
	case p.mixed:
		return p.qty.String() + " (lines in several units)"
	case p.unit == "":
		return p.qty.String() + " pcs"
	}
	return p.qty.String() + " " + p.unit
}

// lineProducts sums a document's lines by product. Lines are the same product when
// resolution named them one (Doc.Products), else when their merchant SKU is the same in
// any spelling, else their GTIN or item id.
func lineProducts(d Doc) (map[string]*product, []string) {
	out := map[string]*product{}
	var order []string
	for i, l := range d.Lines {
		key, name := productKey(d, i)
		if key == "" || l.NotStock || !l.ComesBack() {
			continue
		}
		unit, qty := lineUnit(l)
		p, ok := out[key]
		if !ok {
			p = &product{name: name, unit: unit}
			out[key] = p
			order = append(order, key)
		}
		p.mixed = p.mixed || p.unit != unit
		p.qty += qty
		if l.UnitPrice != nil {
			up := *l.UnitPrice
			p.price = &up
		}
	}
	return out, order
}

func productKey(d Doc, i int) (key, name string) {
	l := d.Lines[i]
	if i < len(d.Products) && d.Products[i] != "" {
		return resolver.CanonicalSKUKey(d.Products[i]), d.Products[i]
	}
	if l.SKU != "" {
		if k := resolver.CanonicalSKUKey(l.SKU); k != "sku:" {
			return k, l.SKU
		}
	}
	if keys := resolver.ProductKeys(d.Key.System, l); len(keys) > 0 {
		return keys[0], keys[0]
	}
	return "", ""
}

// compareLines compares two documents' quantities product by product. Documents
// without lines say nothing about quantities.
func (c *recon) compareLines(expected, actual Doc, note string) {
	c.compareLinesSum(expected, []Doc{actual}, note)
}

// compareLinesSum compares a document's quantities with the sum of several documents'
// (an order invoiced in parts), product by product, once. When one of them lists no
// lines, what it covered is not known, and nothing is compared.
func (c *recon) compareLinesSum(expected Doc, actual []Doc, note string) {
	if len(expected.Lines) == 0 || len(actual) == 0 || slices.ContainsFunc(actual, func(d Doc) bool { return len(d.Lines) == 0 }) {
		return
	}
	want, order := lineProducts(expected)
	got, more := sumProducts(actual)
	for _, k := range more {
		if !slices.Contains(order, k) {
			order = append(order, k)
		}
	}
	docs := append([]Doc{expected}, actual...)
	for _, k := range order {
		w, g := want[k], got[k]
		var e, a ontology.Qty
		name := ""
		if w != nil {
			e, name = w.qty, w.name
		}
		if g != nil {
			a = g.qty
			if name == "" {
				name = g.name
			}
		}
		if w != nil && g != nil && (w.mixed || g.mixed || w.unit != g.unit) {
			// Fifty kilograms and twenty-four pieces say nothing about each other: the
			// difference is in the units, not (as far as Seam can tell) in the goods.
			c.judge(disagree, unitMismatch(name, w, g, note, docs))
			continue
		}
		c.compareQty(name, e, a, note, docs...)
	}
}

// compareUnits reports the products expected and the actual documents give in units
// that cannot be compared (a customs line in kilograms, a receipt in pieces): such a
// line announces no stock, so no quantity difference stands for it; this is its
// difference. Products in the same units are left to the quantity comparisons.
func (c *recon) compareUnits(expected Doc, actual []Doc, note string) {
	if len(expected.Lines) == 0 || len(actual) == 0 {
		return
	}
	docs := append([]Doc{expected}, actual...)
	want, order := lineProducts(expected)
	got, _ := sumProducts(actual)
	for _, k := range order {
		w, g := want[k], got[k]
		if g == nil || !w.mixed && !g.mixed && w.unit == g.unit {
			continue
		}
		c.judge(disagree, unitMismatch(w.name, w, g, note, docs))
	}
	// A line named only by its description (a customs line whose item number stands in
	// its declaration elements) has no product key here; in a unit of measure beside
	// documents that count pieces, it is a unit difference all the same.
	counted := slices.ContainsFunc(actual, func(d Doc) bool { return slices.ContainsFunc(d.Lines, ontology.Line.Counted) })
	for i, l := range expected.Lines {
		if key, _ := productKey(expected, i); key != "" || l.Counted() || l.NotStock || !counted {
			continue
		}
		unit, qty := lineUnit(l)
		name := l.Title
		if name == "" {
			name = l.Model
		}
		c.judge(disagree, Reason{Code: UnitMismatch, SKU: name, Expected: qty.String() + " " + unit, Actual: "pieces",
			Note: note + "; quantities in different units are not compared", Documents: refsOf(docs)})
	}
}

// sumProducts sums several documents' lines by product, in the order products first
// appear.
func sumProducts(docs []Doc) (map[string]*product, []string) {
	out := map[string]*product{}
	var order []string
	for _, d := range docs {
		got, keys := lineProducts(d)
		for _, k := range keys {
			if out[k] == nil {
				out[k] = &product{name: got[k].name, unit: got[k].unit}
				order = append(order, k)
			}
			out[k].mixed = out[k].mixed || got[k].mixed || out[k].unit != got[k].unit
			out[k].qty += got[k].qty
		}
	}
	return out, order
}

// compareQty judges one product's quantities under the quantity tolerance.
func (c *recon) compareQty(sku string, expected, actual ontology.Qty, note string, docs ...Doc) {
	c.judge(compareAmounts(expected.Decimal(), actual.Decimal(), c.cfg.Qty, ""), Reason{
		Code: QuantityMismatch, SKU: sku, Expected: expected.String(), Actual: actual.String(), Note: note, Documents: refsOf(docs),
	})
}

// shippedQty compares what the shipments that list their goods shipped with what was
// ordered: never more than ordered, and all of it once the order says it is fulfilled.
// A partial shipment of an order still open is not a difference: the rest is to come.
func (c *recon) shippedQty(o Doc) {
	var listed []Doc
	for _, f := range c.p.fulfilments {
		if len(f.Lines) > 0 {
			listed = append(listed, f)
		}
	}
	if len(listed) == 0 || len(o.Lines) == 0 {
		c.agreed++
		return
	}
	ordered, order := lineProducts(o)
	shipped, keys := sumProducts(listed)
	for _, k := range keys {
		if !slices.Contains(order, k) {
			order = append(order, k)
		}
	}
	complete := shippedVerb(o.Verb)
	docs := append([]Doc{o}, listed...)
	returned, kept := c.refundedGoods()
	for _, k := range order {
		var want, got ontology.Qty
		name := ""
		if p := ordered[k]; p != nil {
			want, name = p.qty, p.name
		}
		if p := shipped[k]; p != nil {
			got = p.qty
			if name == "" {
				name = p.name
			}
		}
		if got < want && !complete {
			c.await("rest of the shipment")
			continue
		}
		if got > want && (got-want <= returned[k] || kept) {
			// A refund lowers the order's current quantity after the goods left: what
			// came back (or was refunded and kept, which refunds() reports) explains
			// the difference.
			c.agreed++
			continue
		}
		c.compareQty(name, want, got, "ordered against shipped", docs...)
	}
}

// totalQty is a document's quantity over all lines, for messages.
func totalQty(d Doc) string {
	var q ontology.Qty
	for _, l := range d.Lines {
		q += l.Qty
	}
	if len(d.Lines) == 0 {
		return "its"
	}
	return q.String()
}

// comparePrices compares the unit prices two documents give each product they share (a
// supplier's invoice against the purchase order): a different price is a different
// amount whatever the quantities.
func (c *recon) comparePrices(expected, actual Doc, note string) {
	want, order := lineProducts(expected)
	got, _ := lineProducts(actual)
	for _, k := range order {
		w, g := want[k], got[k]
		if g == nil || w.price == nil || g.price == nil {
			continue
		}
		before := len(c.reasons)
		c.compareMoney(AmountMismatch, *w.price, *g.price, nil, c.cfg.Amount, fmt.Sprintf("%s: unit price of %s", note, w.name), expected, actual)
		if len(c.reasons) > before {
			c.reasons[len(c.reasons)-1].SKU = w.name
		}
	}
}

// refundedGoods sums by product the goods the event's refunds took back, and reports
// whether a refund gave money back for goods the buyer kept (a refund with no lines, or
// with lines whose goods did not come back).
func (c *recon) refundedGoods() (map[string]ontology.Qty, bool) {
	back := map[string]ontology.Qty{}
	kept := false
	for _, r := range c.p.refunds {
		if !slices.ContainsFunc(r.Lines, ontology.Line.ComesBack) {
			kept = true
			continue
		}
		got, keys := lineProducts(r)
		for _, k := range keys {
			back[k] += got[k].qty
		}
	}
	return back, kept
}
