package resolver

import (
	"context"
	"sync"
	"time"

	"github.com/seamhub/seam/ontology"
)

// PartyModelSource reads a tenant's stored party model: the version named, or the active
// one when version is empty; ok is false when the tenant has none.
type PartyModelSource interface {
	PartyModel(ctx context.Context, tenant, version string) (PartyModel, bool, error)
}

// modelTTL is how long a process trusts a tenant's model it read: `seam parties train`
// in another process is picked up within it.
const modelTTL = 30 * time.Second

// partyModels caches each tenant's model.
type partyModels struct {
	source PartyModelSource
	pins   map[string]string // tenant -> pinned version
	mu     sync.Mutex
	cached map[string]cachedModel
}

type cachedModel struct {
	pm PartyModel
	at time.Time
}

// SetPartyModels makes the matcher score each tenant's parties with its stored model
// (the prior when it has none), or with the version pins names for it: a pinned tenant
// keeps its model when someone trains a new one.
func (m *Matcher) SetPartyModels(source PartyModelSource, pins map[string]string) {
	m.models = &partyModels{source: source, pins: pins, cached: map[string]cachedModel{}}
}

// partyModelOf returns the model a tenant's parties are scored with. A model that
// cannot be read leaves the previous one (or the default) in use and is tried again
// after the TTL: party scoring must not stop resolution.
func (m *Matcher) partyModelOf(ctx context.Context, tenant string) PartyModel {
	pms := m.models
	if pms == nil {
		return m.partyModel
	}
	pms.mu.Lock()
	c, ok := pms.cached[tenant]
	pms.mu.Unlock()
	if ok && m.Now().Sub(c.at) < modelTTL {
		return c.pm
	}
	pm, found, err := pms.source.PartyModel(ctx, tenant, pms.pins[tenant])
	switch {
	case err != nil:
		m.log.Warn("reading the tenant's party model; using the last one", "tenant", tenant, "err", err)
		if !ok {
			c.pm = m.partyModel
		}
	case found:
		c.pm = pm
	default:
		c.pm = m.partyModel
	}
	c.at = m.Now()
	pms.mu.Lock()
	pms.cached[tenant] = c
	pms.mu.Unlock()
	return c.pm
}

// TrainOnMentions fits a party model to what a tenant's documents say of their parties
// (see Train), starting from the default model.
func TrainOnMentions(mentions []ontology.PartyRef, seed uint64) (PartyModel, int, int) {
	profiles := make([]PartyProfile, len(mentions))
	eachIndexed(len(mentions), 256, func(i int) { profiles[i] = ProfileOf(mentions[i]) })
	pairs := BlockedPairs(profiles, 50)
	return Train(profiles, pairs, trainingRandomPairs, seed, DefaultPartyModel()), len(profiles), len(pairs)
}

// trainingRandomPairs is how many random pairs u is estimated on: about two seconds of
// comparisons here, and enough that a level one pair in a thousand reaches is seen tens
// of times (levels rarer than that keep a smoothed estimate).
const trainingRandomPairs = 40_000
