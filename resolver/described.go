package resolver

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/productmatch"
)

// Lines that name their product only in words. A customs declaration's goods line often
// has no item number field: the merchant's SKU stands somewhere in its declaration
// elements (GModel "1|0|乌龙茶|250g|TEA-OOL-250G"), beside a Chinese goods name and an HS
// code. Such a line is identified, in order:
//
//  1. by an alias of its description code (ontology.Line.DescriptionCode) that the
//     configuration, a person (setProductAlias) or an earlier accepted match declared;
//  2. by a declaration element that is a known SKU or product key, when exactly one
//     product is named that way;
//  3. by a scored match of its title, HS code and size against the catalogue
//     (resolver/productmatch), accepted only above the threshold and with a margin.
//
// A line none of these identifies is never a reason to refuse its document: the document
// is stored and resolved, the line moves no stock, and it waits as an unresolved product
// with its best candidates, until a person confirms one and its documents are resolved
// again (which moves their stock).

// catalogueCap bounds the products read for scoring one batch's described lines: a
// catalogue larger than this is scored on the products that share the line's HS chapter.
const catalogueCap = 5000

// describedResult is what identifying one described line gave.
type describedResult struct {
	sku        string
	rule       string // alias, declaration-element, score
	evidence   string
	candidates []productmatch.Candidate
	reason     string // why it stays unresolved
}

// ownless reports whether a line carries no code of its own: no SKU, GTIN or item id.
func ownless(l ontology.Line) bool { return l.SKU == "" && l.GTIN == "" && l.ExternalID == "" }

// descKey is the product key of a described line's description code.
func descKey(system string, l ontology.Line) string {
	return "desc:" + system + ":" + l.DescriptionCode()
}

// modelKeys are the product keys a described line's declaration elements could be: each
// token of an element that has the shape of an item number (a letter and a digit, or six
// digits and more), as a SKU key. Brokers label elements their own way ("型号:TEA-PUE-357G",
// "货号 tea-ool-250g"), so the tokens are read out of each element, labels left aside.
func modelKeys(l ontology.Line) []string {
	var out []string
	for _, e := range productmatch.ModelElements(l.Model) {
		for _, tok := range itemToken.FindAllString(e, -1) {
			k := skuKey(tok)
			if len(k) < 4 || !itemShaped(k) {
				continue
			}
			out = appendUnique(out, "sku:"+k)
		}
	}
	return out
}

// itemToken is an item number written in ASCII letters, digits and the separators SKUs
// use, inside a declaration element.
var itemToken = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9]`)

func itemShaped(k string) bool {
	letters, digits := 0, 0
	for _, r := range k {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'A' && r <= 'Z':
			letters++
		}
	}
	return letters > 0 && digits > 0 || digits >= 6 && letters == 0
}

// described identifies a line without codes of its own, once per batch and description.
func (b *batch) described(system string, l ontology.Line) describedResult {
	key := descKey(system, l)
	if r, ok := b.products.described[key]; ok {
		return r
	}
	r := b.identify(system, l, key)
	b.products.described[key] = r
	if r.sku != "" && r.rule != "alias" {
		// Remember the decision as an alias of the description, so the next line that
		// says the same is identified at once, and the evidence stays with it.
		if _, ok := b.products.known[key]; !ok {
			b.products.known[key] = r.sku
			b.products.added = append(b.products.added, ProductAlias{Tenant: b.tenant, System: system, Code: key, SKU: r.sku,
				Evidence: r.rule + ": " + r.evidence})
		}
	}
	return r
}

func (b *batch) identify(system string, l ontology.Line, key string) describedResult {
	if sku, ok := b.m.canon.Alias(b.tenant, system, ontology.Line{ExternalID: l.DescriptionCode()}); ok {
		return describedResult{sku: sku, rule: "alias", evidence: "configured alias of " + l.DescriptionCode()}
	}
	if sku, ok := b.products.known[key]; ok {
		return describedResult{sku: sku, rule: "alias", evidence: "declared alias of " + l.DescriptionCode()}
	}
	named := map[string]string{}
	for _, k := range modelKeys(l) {
		if sku, ok := b.products.known[k]; ok {
			named[sku] = k
		} else if sku, ok := b.m.canon.ConfiguredSKU(b.tenant, strings.TrimPrefix(k, "sku:")); ok {
			named[sku] = k // a product the configuration declares (a synced catalog's SKU)
		}
	}
	if len(named) == 1 {
		for sku, k := range named {
			return describedResult{sku: sku, rule: "declaration-element",
				evidence: fmt.Sprintf("declaration element %s of %q is product %s", strings.TrimPrefix(k, "sku:"), l.Model, sku)}
		}
	}
	q := productmatch.Query{Title: l.Title, Other: l.Model, HS: l.HSCode}
	d := productmatch.Rank(b.m.productWeights, q, b.products.catalogue)
	if len(named) > 1 {
		d.Accepted = nil
		d.Reason = fmt.Sprintf("declaration elements name %d products", len(named))
	}
	if d.Accepted != nil {
		return describedResult{sku: d.Accepted.SKU, rule: "score", candidates: d.Candidates,
			evidence: fmt.Sprintf("score %.1f: %s", d.Accepted.Score, fieldsText(d.Accepted.Fields))}
	}
	return describedResult{candidates: d.Candidates, reason: d.Reason}
}

func fieldsText(fs []productmatch.Field) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%s %+.1f (%s)", f.Field, f.Weight, f.Values)
	}
	return strings.Join(parts, ", ")
}

// loadCatalogue reads what is known of the tenant's products (titles, HS codes) when the
// batch holds described lines, for scoring them.
func (b *batch) loadCatalogue(ctx context.Context, docs []PendingDoc) error {
	need := false
	for i := range docs {
		for _, l := range docs[i].Doc.Lines {
			need = need || ownless(l) && !l.NotStock
		}
	}
	if !need {
		return nil
	}
	ps, err := b.tx.Catalogue(ctx, catalogueCap)
	if err != nil {
		return fmt.Errorf("loading the product catalogue: %w", err)
	}
	for i := range ps {
		for _, t := range ps[i].Titles {
			ps[i].Specs = append(ps[i].Specs, productmatch.ParseSpecs(t)...)
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].SKU < ps[j].SKU })
	b.products.catalogue = ps
	return nil
}

// noteFacts records what a line resolved by its own codes says of its product (its title
// and HS code), which later described lines are scored against.
func (b *batch) noteFacts(sku string, l ontology.Line) {
	if sku == "" || (l.Title == "" && l.HSCode == "") || strings.Contains(sku, ":") {
		return
	}
	k := [3]string{sku, strings.TrimSpace(l.Title), l.HSCode}
	if b.products.facts[k] {
		return
	}
	b.products.facts[k] = true
	b.changes.ProductFacts = append(b.changes.ProductFacts, ProductFact{SKU: sku, Title: k[1], HS: l.HSCode})
}

// unresolvedLines records the described lines of a document that no rule identified.
func (b *batch) unresolvedLines(uid string, d *ontology.Document) {
	for _, l := range d.Lines {
		if !ownless(l) || l.NotStock {
			continue
		}
		r := b.described(d.Key.System, l)
		if r.sku != "" {
			continue
		}
		b.changes.Unresolved = append(b.changes.Unresolved, UnresolvedLine{DocUID: uid, System: d.Key.System,
			Code: l.DescriptionCode(), Title: l.Title, HS: l.HSCode, Model: l.Model, Reason: r.reason,
			Candidates: mustJSON(r.candidates), Keys: modelKeys(l)})
	}
}

// ProductFact is what one line said of a product: a title it goes by, its HS code.
type ProductFact struct {
	SKU, Title, HS string
}

// UnresolvedLine is a described goods line no rule identified: it moves no stock and
// waits, with its best candidates, for a person (setProductAlias).
type UnresolvedLine struct {
	DocUID     string
	System     string
	Code       string // its description code, what setProductAlias takes
	Title      string
	HS         string
	Model      string
	Reason     string
	Candidates string // JSON list of productmatch.Candidate
	// Keys are the product keys its declaration elements could be: when a product
	// becomes known under one of them, its documents are resolved again.
	Keys []string
}

// ProductSuggestion is a described goods line no rule identified, with its best
// candidates: what productSuggestions shows and setProductAlias answers.
type ProductSuggestion struct {
	System, Code, Title, HS, Model, Reason string
	Documents                              int64
	Candidates                             []productmatch.Candidate
	UpdatedAt                              time.Time
}
