package simulate

import "hash/fnv"

// NoiseMark records one place where a document carries noise of the kinds modelled on
// observed practice (Noise.RefSpelling and below), so that a resolution failure can be
// traced to what the document says. Expect says what a perfect integration does with it:
//
//   - "reference": the text names the document Names in full; reading it links them.
//   - "content": the text names no document (a mistyped digit, only the last digits);
//     the ring-up is one action with Names all the same, and only its content (same
//     store, same basket, within minutes, tendered as a delivery) can link it.
//   - "none": numbers that are no reference (a phone, a room, a card's last digits);
//     nothing may be linked through them.
//   - "item-number": the line's item number stands among its declaration elements.
//   - "description": the line names no item number; its HS code and size are those of
//     one product only in the catalogue, so a perfect integration that has seen the
//     catalogue's HS codes and titles (earlier declarations, listings) identifies it.
//   - "ambiguous": the line names no item number and another product has the same HS
//     code and size; it stays an unresolved product until a person decides (no stock
//     moves through a declaration line either way: the warehouse's receipt counts).
//   - "title": a listing's own title; its line keeps its merchant code, which decides.
//   - "unlisted": a store code seam.yaml lacks; a perfect integration of this
//     configuration books the stock under Location ("system:code"), the truth's book
//     stock does the same and its physical stock stays at the store.
type NoiseMark struct {
	System     string `json:"system"`
	Type       string `json:"type"`
	ExternalID string `json:"externalId"`
	Noise      string `json:"noise"`
	// Field is where the noise is ("reference_id", "DecList[3].GModel").
	Field string `json:"field"`
	// Wrote is what the field says.
	Wrote string `json:"wrote"`
	// Names is the document (system/type/externalId) or key (po:PO-2025-00003) the text
	// means, for references.
	Names string `json:"names,omitempty"`
	// SKU is the product a goods line really is.
	SKU string `json:"sku,omitempty"`
	// Location is where a perfect integration books the stock of an unlisted code.
	Location string `json:"location,omitempty"`
	Expect   string `json:"expect"`
}

// maybe is chance for the noise kinds added after the first presets: with probability
// 0 it draws nothing, so a preset without them gives the same bytes as before they
// existed.
func (g *generator) maybe(p float64) bool { return p > 0 && g.r.Float64() < p }

// mark records noise carried by document d.
func (g *generator) mark(d Doc, m NoiseMark) {
	m.System, m.Type, m.ExternalID = d.System, d.Type, d.ExternalID
	g.truth.out.Noise = append(g.truth.out.Noise, m)
}

// docName names a document in NoiseMark.Names.
func docName(system, typ, id string) string { return system + "/" + typ + "/" + id }

// hashShare maps a key to [0, 1) without drawing from the simulation's random stream,
// for choices that belong to a thing (a listing, a store) rather than to one document.
func hashShare(key string) float64 { return float64(fnv32(key)%10000) / 10000 }

func fnv32(key string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32()
}

// hashCode is an uppercase code of n letters and digits derived from key.
func hashCode(key string, n int) string {
	h := fnv.New64a()
	b := make([]byte, n)
	for i := range b {
		h.Write([]byte(key))
		b[i] = alnum[h.Sum64()%uint64(len(alnum))]
	}
	return string(b)
}
