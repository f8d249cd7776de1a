package neo4jstore

import (
	"sync"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// Lot balances kept between batches. Planning reads the lots on hand at every product
// and place a batch's events may take goods from (LotStock), and a batch of POS sales
// spans as many places as the tenant has stores: with 4 stores 500 sales share a few
// dozen places, with 175 they need about 900, whose balances were read again in every
// batch (seam bench backlog: 800 database hits a batch at 10k documents, 14,400 at
// 300k). The balances one batch read and wrote are what the next batch of the same
// stores needs, so this process keeps them, with the expiry of their lots, and a batch
// reads only the places and lots it has not seen.
//
// Kept balances are right only while nobody else changed them. Every writer of lot
// balances holds the tenant's resolution lock (resolution, a count, a transfer; lot
// expiries are written by resolution alone), and every holder of the lock counts
// itself: the Lock node's seq goes up by one in each transaction that takes it, and its
// epoch is drawn when the node is created (a tenant removed and made again starts a
// new one). The balances a transaction leaves are kept
// with the seq it took; the next transaction uses them only if the seq it takes is the
// next one, so that no transaction, in this process or another, took the lock between.
// Otherwise it starts from nothing and reads every place, as before.

// keptLotsMax bounds the balances kept for one tenant: past it the tenant's are dropped
// and read again, so a tenant with every product in thousands of places costs reads, not
// memory.
const keptLotsMax = 200_000

// keptTenantsMax bounds how many tenants' balances a process keeps.
const keptTenantsMax = 64

// keptLots are one tenant's lot balances as the transaction that took the lock at seq
// left them: for each place read, every lot with a balance other than zero (a place
// with none is known to have none); and the expiry of the lots read, by lot uid (zero:
// none known).
type keptLots struct {
	epoch   string
	seq     int64
	places  map[inventory.Place]map[string]ontology.Qty
	expires map[string]time.Time
	size    int
}

// lotKeeper holds the kept balances of the tenants this process resolves.
type lotKeeper struct {
	mu      sync.Mutex
	tenants map[string]*keptLots
}

func newLotKeeper() *lotKeeper { return &lotKeeper{tenants: map[string]*keptLots{}} }

// take hands the tenant's kept balances to a transaction that took the lock at seq of
// epoch, if they are the balances the transaction before it left, or else fresh ones.
// Either way nobody else holds them until put: those of a transaction that fails are
// dropped.
func (k *lotKeeper) take(tenant, epoch string, seq int64) *keptLots {
	k.mu.Lock()
	kept := k.tenants[tenant]
	delete(k.tenants, tenant)
	k.mu.Unlock()
	if kept == nil || kept.epoch != epoch || kept.seq != seq-1 || epoch == "" {
		kept = &keptLots{places: map[inventory.Place]map[string]ontology.Qty{}, expires: map[string]time.Time{}}
	}
	kept.epoch, kept.seq = epoch, seq
	return kept
}

// put keeps the balances a committed transaction left.
func (k *lotKeeper) put(tenant string, kept *keptLots) {
	if kept == nil || kept.size > keptLotsMax {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.tenants[tenant]; !ok && len(k.tenants) >= keptTenantsMax {
		for t := range k.tenants {
			delete(k.tenants, t) // any one: a process resolving this many tenants reads more
			break
		}
	}
	k.tenants[tenant] = kept
}

// has reports whether the balances of p are kept.
func (l *keptLots) has(p inventory.Place) bool {
	_, ok := l.places[p]
	return ok
}

// knows reports whether the expiry of the lot uid is kept.
func (l *keptLots) knows(uid string) bool {
	_, ok := l.expires[uid]
	return ok
}

// read records what was read of a place: its lots with a balance other than zero.
func (l *keptLots) read(p inventory.Place, lots map[string]ontology.Qty) {
	if lots == nil {
		lots = map[string]ontology.Qty{}
	}
	l.size += len(lots) + 1
	l.places[p] = lots
}

// expiry records what was read of a lot's expiry.
func (l *keptLots) expiry(uid string, at time.Time) {
	if _, ok := l.expires[uid]; !ok {
		l.size++
	}
	l.expires[uid] = at
}

// apply adds what a transaction wrote to what is kept: net on-hand lot movements, as
// lotBalanceRows gives them, to the places kept, and lot facts, as lotFactRows gives
// them, to the expiries kept, as lotFactsCypher does (the earliest counts). A place or
// lot not kept is read when a batch needs it, with what was written.
func (l *keptLots) apply(balances, facts []map[string]any) {
	for _, r := range facts {
		uid := r["uid"].(string)
		was, ok := l.expires[uid]
		at, given := r["expiresAt"].(time.Time)
		if ok && given && (was.IsZero() || at.Before(was)) {
			l.expires[uid] = at
		}
	}
	rows := balances
	for _, r := range rows {
		p := inventory.Place{SKU: r["sku"].(string), Location: r["location"].(string)}
		lots, ok := l.places[p]
		if !ok {
			continue
		}
		lot := r["lot"].(string)
		q := lots[lot] + ontology.Qty(r["qty"].(int64))
		if q == 0 {
			delete(lots, lot)
			l.size--
			continue
		}
		if _, had := lots[lot]; !had {
			l.size++
		}
		lots[lot] = q
	}
}
