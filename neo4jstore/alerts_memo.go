package neo4jstore

import (
	"crypto/sha256"
	"sync"
)

// alertPrints remembers, per tenant/sku, a digest of the alert conditions this process
// last wrote or found stored. Only products with conditions are kept: an empty set
// forgets the product, so the memo grows with the alerts that are open, not with the
// catalogue.
type alertPrints struct {
	mu sync.Mutex
	m  map[string][sha256.Size]byte
}

func newAlertPrints() *alertPrints { return &alertPrints{m: map[string][sha256.Size]byte{}} }

// last returns the digest of the product's conditions as this process last stored or
// found them; false when it knows of none.
func (p *alertPrints) last(product string) ([sha256.Size]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	d, ok := p.m[product]
	return d, ok
}

// set records the digest of what is now stored for the product, of conditions many; no
// conditions removes it.
func (p *alertPrints) set(product string, digest [sha256.Size]byte, conditions int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if conditions == 0 {
		delete(p.m, product)
		return
	}
	p.m[product] = digest
}

// alertPrint digests the rows SyncAlerts writes (sorted by key): what the comparison with
// the stored alerts looks at, key, severity, evidence and proposal.
func alertPrint(rows []map[string]any) [sha256.Size]byte {
	h := sha256.New()
	for _, r := range rows {
		for _, f := range []string{"key", "severity", "evidence", "proposal"} {
			v, _ := r[f].(string)
			h.Write([]byte(v))
			h.Write([]byte{0})
		}
		h.Write([]byte{1})
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}
