package resolver

import "github.com/seamhub/seam/ontology"

// fanOutCap is the most events one key or block is read for. A business action has a
// handful of documents; a key that names this many events names no action in
// particular (a pickup number that repeats every day, a mapping that put a constant
// in a ref), so it is not followed, and a block this full is too ambiguous to match
// on. Either way the cost of a document stays bounded whatever the data's size.
const fanOutCap = 64

// candidates returns the live events that share an identifying key with d and that d
// may join (none a person rejected it from, none where its role is already taken), the
// keys that led to them, and how many of d's keys lead to each, by event id.
func (b *batch) candidates(uid string, d *ontology.Document) ([]*EventState, []string, map[string]int) {
	shared := map[string]int{}
	var out []*EventState
	var matched []string
	for _, r := range d.Refs {
		if !identifies(d, r) {
			continue
		}
		evs := b.keyEvents[b.keyUID(r)]
		if len(evs) >= fanOutCap {
			b.m.log.Debug("key too common to identify an action", "key", r.ID(), "events", len(evs))
			continue
		}
		counted := map[string]bool{} // one key counts once an event, whatever merged into it
		for _, id := range evs {
			ev := b.live(id)
			if ev == nil || counted[ev.ID] || !b.fits(ev, uid, d) {
				continue
			}
			counted[ev.ID] = true
			matched = appendUnique(matched, r.ID())
			if shared[ev.ID] == 0 {
				out = append(out, ev)
			}
			shared[ev.ID]++
		}
	}
	return out, matched, shared
}

// uniqueRoles are the roles an event holds at most one document of: a sale has one
// order (one buyer's request) and one POS ring-up. This is what keeps chains of weak
// links from snowballing many actions into one.
var uniqueRoles = []ontology.Role{ontology.RoleOrder, ontology.RolePOS}

// fits reports whether the document may join the event.
func (b *batch) fits(ev *EventState, uid string, d *ontology.Document) bool {
	rej := b.rejected[uid]
	for _, m := range ev.Members {
		if m.UID == uid {
			continue
		}
		if rej[m.UID] {
			return false
		}
		for _, r := range uniqueRoles {
			if d.Role == r && m.Doc.Role == r && !sameSubject(d.Key, m.Doc.Key) {
				return false
			}
		}
	}
	return true
}

// sameSubject reports whether two documents are their source's records of one thing
// under two types: the same system and id (Meituan's order and its cancellation push,
// both keyed by order_id). Such an order-role pair is one buyer's request, not two, so
// the one-order rule of uniqueRoles does not keep them apart.
func sameSubject(a, b ontology.DocKey) bool {
	return a.Tenant == b.Tenant && a.System == b.System && a.ExternalID == b.ExternalID
}

// rejectedAcross reports whether a person kept a document of a apart from one of b.
func (b *batch) rejectedAcross(x, y *EventState) bool {
	for _, m := range x.Members {
		for _, n := range y.Members {
			if b.rejected[m.UID][n.UID] || b.rejected[n.UID][m.UID] {
				return true
			}
		}
	}
	return false
}

// clash names a unique role both events hold, or "" when they may merge.
func clash(a, b *EventState) string {
	for _, r := range uniqueRoles {
		for _, x := range a.Members {
			for _, y := range b.Members {
				if x.Doc.Role == r && y.Doc.Role == r && !sameSubject(x.Doc.Key, y.Doc.Key) {
					return string(r)
				}
			}
		}
	}
	return ""
}

// memberWithRole is the event's document of role r: the one that lists goods where two
// records of one order are members (Meituan's order and its cancellation push, which
// names none), so that content is compared with the order's basket.
func memberWithRole(ev *EventState, r ontology.Role) *Member {
	var found *Member
	for i := range ev.Members {
		m := &ev.Members[i]
		if m.Doc.Role != r {
			continue
		}
		if len(m.Doc.Lines) > 0 {
			return m
		}
		if found == nil {
			found = m
		}
	}
	return found
}

func appendNote(note, more string) string {
	if note == "" {
		return more
	}
	return note + "; " + more
}

// identifies reports whether a reference names the document's own business action. On
// top of identifying's rule by kind, a money document that names several invoices or
// orders of one kind settles a batch of sales (a payout booked against many invoices):
// each of those references points at another action, and following them as identity
// would merge every sale of the batch into one.
func identifies(d *ontology.Document, r ontology.Ref) bool {
	if !identifying(d.Role, r.Kind) {
		return false
	}
	batchable := r.Kind == ontology.RefInvoice || r.Kind == ontology.RefOrderNumber || r.Kind == ontology.RefOrderID
	switch d.Role {
	case ontology.RolePayment, ontology.RolePayout, ontology.RoleSettlement:
		for _, o := range d.Refs {
			if !batchable {
				break
			}
			if o.Kind == r.Kind && o.Value != r.Value && o.Scope == r.Scope {
				return false
			}
		}
	}
	return true
}

// identifying reports whether a reference of this kind on a document of this role names
// the document's own business action, rather than another action it merely points at.
// A balance transaction names the payout that includes it, a payout names many
// charges, a container carries goods of many declarations: following those as identity
// would chain unrelated actions into one.
func identifying(role ontology.Role, k ontology.RefKind) bool {
	switch k {
	case ontology.RefContainer:
		return false
	case ontology.RefPayout:
		// The payout itself, and the ERP's payment entry that books it, are the payout.
		return role == ontology.RolePayout || role == ontology.RolePayment
	case ontology.RefBalanceTxn:
		return role == ontology.RoleSettlement
	}
	if role == ontology.RolePayout {
		return k == ontology.RefPayout
	}
	return true
}
