package resolver

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/check"
	"github.com/seamhub/seam/resolver/productmatch"
)

// Product resolution: every system names a product its own way (a merchant SKU written
// "TEA-OOL-250G" or "tea_ool_250g", a GTIN, a Square catalog id, a Meituan
// app_food_code). Each goods line's codes are turned into product keys:
//
//	gtin:<GTIN-14>         check digit verified, so a typo never matches another product
//	sku:<letters+digits>   the merchant SKU upper-cased without separators
//	item:<system>:<id>     the source's own item id, unique only within its system
//
// A key already known names its product; a line whose keys are all new founds a product
// named by its SKU as written (or its GTIN, or its item id), and all its keys become
// aliases of it. A later line that shares any key (a marketplace line with only the GTIN,
// a warehouse receipt with the SKU in lower case) lands on the same product. Aliases are
// stored with the resolution transaction, so ids never change once given.
//
// Aliases declared in configuration (a synced Square catalog) come first.

// ProductKeys returns a line's product keys, strongest first: what resolution looks a
// product up by.
func ProductKeys(system string, l ontology.Line) []string { return productKeys(system, l) }

// productKeys returns a line's product keys, strongest first.
func productKeys(system string, l ontology.Line) []string {
	var keys []string
	if g, err := check.GTIN14(l.GTIN); err == nil {
		keys = append(keys, "gtin:"+g)
	}
	if k := skuKey(l.SKU); k != "" {
		keys = append(keys, "sku:"+k)
	}
	if l.ExternalID != "" {
		keys = append(keys, "item:"+system+":"+l.ExternalID)
	}
	return keys
}

// skuKey is a merchant SKU reduced to upper-case letters and digits.
func skuKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(strings.TrimSpace(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// productBook is the product keys known to one resolution batch.
type productBook struct {
	known map[string]string // key -> canonical SKU
	added []ProductAlias    // new aliases to store
	// described caches the identification of lines without codes of their own, by
	// description key; catalogue is what they are scored against.
	described map[string]describedResult
	catalogue []productmatch.Product
	facts     map[[3]string]bool // product facts recorded in this batch
	// asked are the keys whose aliases the batch read already: the store's answer for
	// them cannot change within the batch's transaction.
	asked map[string]bool
}

func newProductBook() *productBook {
	return &productBook{known: map[string]string{}, described: map[string]describedResult{}, facts: map[[3]string]bool{},
		asked: map[string]bool{}}
}

// CanonicalSKUKey is the key under which any spelling of a merchant SKU finds its product.
// Every live stock read asks it, so an ASCII spelling, the common one, is reduced in one
// pass and one allocation, to what skuKey makes of it (upper-case letters and digits;
// TestCanonicalSKUKeyOfASCIIIsSkuKeys); any other byte takes skuKey's Unicode way.
func CanonicalSKUKey(sku string) string {
	var b strings.Builder
	b.Grow(len("sku:") + len(sku))
	b.WriteString("sku:")
	for i := range len(sku) {
		switch c := sku[i]; {
		case c >= utf8.RuneSelf:
			return "sku:" + skuKey(sku)
		case 'a' <= c && c <= 'z':
			b.WriteByte(c - ('a' - 'A'))
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			b.WriteByte(c)
		}
	}
	return b.String()
}

// loadProducts loads the product aliases of every line in play: the given documents and
// the members of every loaded event. Keys read before in the batch are not read again,
// and nothing is asked when no key is new: the second load, after the candidates, asked
// again for every key of the batch's own documents, and for a live webhook's document,
// which rarely has a candidate event, that was all it asked.
func (b *batch) loadProducts(ctx context.Context, docs []ontology.Document) error {
	for _, evs := range []map[string]*EventState{b.events, b.seen} {
		for _, ev := range evs {
			for _, m := range ev.Members {
				docs = append(docs, m.Doc)
			}
		}
	}
	seen := map[string]bool{}
	var keys []string
	for _, d := range docs {
		for _, l := range d.Lines {
			if l.NotStock {
				continue
			}
			ks := productKeys(d.Key.System, l)
			if ownless(l) {
				ks = append(append(ks, descKey(d.Key.System, l)), modelKeys(l)...)
			}
			for _, k := range ks {
				if !seen[k] && !b.products.asked[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	known, err := b.tx.ProductAliases(ctx, keys)
	if err != nil {
		return fmt.Errorf("loading product aliases: %w", err)
	}
	for _, k := range keys {
		b.products.asked[k] = true
	}
	// Keys decided earlier in this batch stay: the second load (with the candidates'
	// members) must not forget the first's new aliases.
	for k, v := range known {
		b.products.known[k] = v
	}
	return nil
}

// sku resolves a goods line to its canonical product, founding one when it is new. A
// line without codes of its own is identified by what it says (described.go); "" means
// it waits as an unresolved product and moves no stock.
func (b *batch) sku(system string, l ontology.Line) string {
	if l.NotStock {
		return "" // a gift card, a tip, a custom amount: money, not goods
	}
	if ownless(l) {
		return b.described(system, l).sku
	}
	sku := b.codedSKU(system, l)
	b.noteFacts(sku, l)
	return sku
}

func (b *batch) codedSKU(system string, l ontology.Line) string {
	keys := productKeys(system, l)
	// A configured alias (synced catalog) decides first; otherwise a known key does.
	sku, ok := b.m.canon.Alias(b.tenant, system, l)
	own := skuKey(l.SKU)
	for _, k := range keys {
		if ok {
			break
		}
		sku, ok = b.products.known[k]
		// An item id is weaker than a SKU: when the line has a SKU of its own and the id
		// names a product with another SKU, the id was reused, and the SKU decides.
		if ok && strings.HasPrefix(k, "item:") && own != "" && skuKey(sku) != own {
			ok = false
		}
	}
	if !ok {
		sku = b.m.canon.SKU(b.tenant, system, l)
	}
	// The product's own SKU is a key too, so that another system spelling it its own
	// way ("latte" for LATTE) finds it even when this line named it by a catalog id.
	if k := skuKey(sku); k != "" && !strings.Contains(sku, ":") {
		keys = append(keys, "sku:"+k)
	}
	for _, k := range keys {
		if _, ok := b.products.known[k]; !ok {
			b.products.known[k] = sku
			b.products.added = append(b.products.added, ProductAlias{Tenant: b.tenant, System: system, Code: k, SKU: sku})
		}
	}
	return sku
}
