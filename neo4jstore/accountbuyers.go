package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/seamhub/seam/resolver"
)

// An account's buyers are kept on the alias node of its key, as a list of "doc<US>name"
// strings, one per document in the order first seen (an order that names no one adds
// "<US>c" where it gives the buyer's own contact, or "<US>", and "<US>" and its desk's
// building where it gives one): what resolution reads to tell the
// account's holder (the name most of its orders bear) from the receivers of its gifts
// (see resolver/partyholder.go). A list of strings is what a Neo4j property holds; the
// unit separator is in no name a checkout accepts.
const buyerSep = "\x1f"

// buyerContact marks an order that names no one but gives the buyer's own contact.
const buyerContact = "c"

// AccountBuyers returns the buyers kept for each of the listed account keys that has any.
func (t *resolutionTx) AccountBuyers(ctx context.Context, keys []string) (map[string][]resolver.AccountBuyer, error) {
	out := map[string][]resolver.AccountBuyer{}
	if len(keys) == 0 {
		return out, nil
	}
	uids := make([]string, len(keys))
	for i, k := range keys {
		uids[i] = t.tenant + "/party/" + k
	}
	recs, err := run(ctx, t.tx, `UNWIND $uids AS u
MATCH (al:Alias {uid: u}) USING INDEX SEEK al:Alias(uid) WHERE al.tenant = $tenant AND al.buyers IS NOT NULL
RETURN al.code AS key, al.buyers AS buyers`, map[string]any{"uids": uids, "tenant": t.tenant})
	if err != nil {
		return nil, fmt.Errorf("account buyers: %w", err)
	}
	for _, r := range recs {
		raw, _ := r.Get("buyers")
		list, _ := raw.([]any)
		var bs []resolver.AccountBuyer
		for _, v := range list {
			s, _ := v.(string)
			if b, ok := parseAccountBuyer(s); ok {
				bs = append(bs, b)
			}
		}
		out[get[string](r, "key")] = bs
	}
	return out, nil
}

// formatAccountBuyer is the stored form of one order of an account.
func formatAccountBuyer(b resolver.AccountBuyer) string {
	s := b.Doc + buyerSep + b.Name
	if b.Contact || b.Desk != "" {
		s += buyerSep
		if b.Contact {
			s += buyerContact
		}
	}
	if b.Desk != "" {
		s += buyerSep + b.Desk
	}
	return s
}

// parseAccountBuyer reads one stored order of an account, the form written before the
// contact and the desk were kept (doc and name only) as well.
func parseAccountBuyer(s string) (resolver.AccountBuyer, bool) {
	f := strings.SplitN(s, buyerSep, 4)
	if len(f) < 2 {
		return resolver.AccountBuyer{}, false
	}
	b := resolver.AccountBuyer{Doc: f[0], Name: f[1]}
	if len(f) > 2 {
		b.Contact = f[2] == buyerContact
	}
	if len(f) > 3 {
		b.Desk = f[3]
	}
	return b, true
}

// accountBuyersCypher writes each changed account's buyers whole: the batch read them
// under the tenant's lock and added its own.
const accountBuyersCypher = `UNWIND $rows AS r
MATCH (al:Alias {uid: r.uid}) USING INDEX SEEK al:Alias(uid) WHERE al.tenant = $tenant
SET al.buyers = r.buyers`

func accountBuyerRows(ch *resolver.Changes) []map[string]any {
	keys := make([]string, 0, len(ch.AccountBuyers))
	for k := range ch.AccountBuyers {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	rows := make([]map[string]any, 0, len(keys))
	for _, k := range keys {
		list := make([]string, 0, len(ch.AccountBuyers[k]))
		for _, b := range ch.AccountBuyers[k] {
			list = append(list, formatAccountBuyer(b))
		}
		rows = append(rows, map[string]any{"uid": ch.Tenant + "/party/" + k, "buyers": list})
	}
	return rows
}

// accountMoveCypher points an account key at the account's holder: the party it named
// keeps its id and whatever else names it (a receiver's phone and her own orders).
const accountMoveCypher = `UNWIND $rows AS r
MATCH (al:Alias {uid: r.uid}) USING INDEX SEEK al:Alias(uid) WHERE al.tenant = $tenant
OPTIONAL MATCH (al)-[n:NAMES]->()
DELETE n
WITH DISTINCT al, r
MERGE (p:Party {uid: $tenant + '/' + r.party}) ON CREATE SET p.id = r.party, p.tenant = $tenant
MERGE (al)-[:NAMES]->(p)`

func accountMoveRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.AccountMoves))
	for _, a := range ch.AccountMoves {
		rows = append(rows, map[string]any{"uid": ch.Tenant + "/party/" + a.Key, "party": a.PartyID})
	}
	return rows
}

// requeueCypher puts documents back in the queue after the batch cleared their marks:
// resolved again, they are filed by what the batch learnt (an account's holder).
const requeueCypher = `UNWIND $rows AS r
MATCH (d:SourceDocument {uid: r.doc}) USING INDEX SEEK d:SourceDocument(uid) WHERE d.tenant = $tenant
SET d:Pending`

func requeueRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Requeued))
	for _, uid := range ch.Requeued {
		rows = append(rows, map[string]any{"doc": uid})
	}
	return rows
}
