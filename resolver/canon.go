package resolver

import (
	"strings"
	"sync"
	"unicode"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// LocationAlias says that a system's code names a canonical location.
type LocationAlias struct {
	Tenant   string `yaml:"tenant"` // "" for every tenant
	System   string `yaml:"system"`
	Code     string `yaml:"code"`
	Location string `yaml:"location"`
}

// ProductAlias says that a system's item code (a Square catalog object id, a Meituan
// app_food_code, a marketplace SKU, a GTIN) names a canonical product.
type ProductAlias struct {
	Tenant string `yaml:"tenant"` // "" for every tenant
	System string `yaml:"system"`
	Code   string `yaml:"code"`
	SKU    string `yaml:"sku"`
	// Evidence says why resolution made the alias (a scored match of a line that names
	// its product in words); empty for declared ones.
	Evidence string `yaml:"-"`
}

// Recipe says what making one unit of a product consumes.
type Recipe struct {
	Tenant      string                 `yaml:"tenant"` // "" for every tenant
	SKU         string                 `yaml:"sku"`
	Ingredients []inventory.Ingredient `yaml:"ingredients"`
}

// NoteFields says which free-text fields of one source's documents are searched for
// other systems' identifiers (see notes.go), for a tenant whose clerks use some fields
// for something else: a Square ticket name that holds table numbers.
type NoteFields struct {
	Tenant string   `yaml:"tenant"` // "" for every tenant
	System string   `yaml:"system"`
	Type   string   `yaml:"type"` // "" for every type of the system
	Fields []string `yaml:"fields"`
}

// Registry is the canonical naming of locations and products: per-system aliases that
// configuration (and, later, people over GraphQL) declare. It is safe for concurrent use.
type Registry struct {
	mu        sync.RWMutex
	locations map[[3]string]string // tenant, system, code -> canonical location
	products  map[[3]string]string // tenant, system, item code -> canonical SKU
	recipes   map[[2]string][]inventory.Ingredient
	notes     map[[3]string][]string // tenant, system, type -> searched note fields
}

// NewRegistry builds a registry from configured location aliases.
func NewRegistry(locations []LocationAlias, products []ProductAlias, recipes ...Recipe) *Registry {
	r := &Registry{locations: map[[3]string]string{}, products: map[[3]string]string{},
		recipes: map[[2]string][]inventory.Ingredient{}, notes: map[[3]string][]string{}}
	for _, rc := range recipes {
		r.recipes[[2]string{rc.Tenant, rc.SKU}] = rc.Ingredients
	}
	for _, a := range locations {
		r.SetLocation(a)
	}
	for _, a := range products {
		r.SetProduct(a)
	}
	return r
}

// SetProduct adds or replaces one product alias.
func (r *Registry) SetProduct(a ProductAlias) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.products[[3]string{a.Tenant, a.System, a.Code}] = a.SKU
}

// ConfiguredSKU implements Canon: a product alias of the configuration (for this tenant or
// every tenant) whose SKU reduces to key.
func (r *Registry) ConfiguredSKU(tenant, key string) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for k, sku := range r.products {
		if (k[0] == tenant || k[0] == "") && skuKey(sku) == key {
			return sku, true
		}
	}
	return "", false
}

// SetNoteFields restricts the note fields searched in one source's documents.
func (r *Registry) SetNoteFields(n NoteFields) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.notes[[3]string{n.Tenant, n.System, n.Type}] = append([]string(nil), n.Fields...)
}

// NoteFields implements Canon: the most specific setting wins (tenant and type, then
// tenant, then every tenant).
func (r *Registry) NoteFields(tenant, system, typ string) ([]string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, k := range [][3]string{{tenant, system, typ}, {tenant, system, ""}, {"", system, typ}, {"", system, ""}} {
		if f, ok := r.notes[k]; ok {
			return f, true
		}
	}
	return nil, false
}

// SetLocation adds or replaces one location alias.
func (r *Registry) SetLocation(a LocationAlias) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.locations[[3]string{a.Tenant, a.System, a.Code}] = a.Location
}

// Location returns the canonical location a source's location reference names. Without
// an alias it is "system:code", so that stock is never silently booked to a wrong place;
// the location then shows up under that name until someone declares the alias.
func (r *Registry) Location(tenant string, ref *ontology.LocationRef) string {
	if ref == nil || ref.Code == "" {
		return ""
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, k := range [][3]string{{tenant, ref.System, ref.Code}, {"", ref.System, ref.Code}} {
		if loc, ok := r.locations[k]; ok {
			return loc
		}
	}
	return ref.System + ":" + ref.Code
}

// Alias returns the product a configured alias names for the line: its item id, GTIN or
// SKU declared under its system (a synced Square catalog).
func (r *Registry) Alias(tenant, system string, l ontology.Line) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, code := range []string{l.ExternalID, l.GTIN, l.SKU} {
		if code == "" {
			continue
		}
		for _, k := range [][3]string{{tenant, system, code}, {"", system, code}} {
			if sku, ok := r.products[k]; ok {
				return sku, true
			}
		}
	}
	return "", false
}

// SKU names the product a new goods line founds: a configured alias, else the merchant
// SKU as the source wrote it, else the GTIN, else the source's own item id qualified by
// its system.
func (r *Registry) SKU(tenant, system string, l ontology.Line) string {
	if sku, ok := r.Alias(tenant, system, l); ok {
		return sku
	}
	switch {
	case l.SKU != "":
		return CanonicalSKU(l.SKU)
	case l.GTIN != "":
		return "gtin:" + l.GTIN
	default:
		return system + ":" + l.ExternalID
	}
}

// Recipe returns the ingredients of one unit of sku, or nil when it has no recipe.
func (r *Registry) Recipe(tenant, sku string) []inventory.Ingredient {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if in, ok := r.recipes[[2]string{tenant, sku}]; ok {
		return in
	}
	return r.recipes[[2]string{"", sku}]
}

// CanonicalSKU is how Seam names a product first seen under a merchant code: upper case,
// separators as hyphens ("tea_ool_250g" and "TEA-OOL-250G" are both TEA-OOL-250G), so
// that the name never depends on which system happened to mention it first.
func CanonicalSKU(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToUpper(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			sep = false
			b.WriteRune(r)
		default:
			sep = true
		}
	}
	if b.Len() == 0 {
		return s
	}
	return b.String()
}
