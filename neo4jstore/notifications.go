package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
)

// SaveNotification keeps a delivery that makes no document, with why. The same bytes
// from the same tenant and system under the same topic are one notification however
// often they arrive (a count grows); the delivery id is remembered so a redelivery is answered as a
// duplicate. It reports whether the notification was known already.
func (s *Store) SaveNotification(ctx context.Context, n ontology.Notification) (bool, error) {
	now := s.Now().UTC()
	received := n.ReceivedAt
	if received.IsZero() {
		received = now
	}
	var delivery any
	if n.DeliveryID != "" {
		delivery = n.Tenant + "/" + n.System + "/" + n.DeliveryID
	}
	uid := n.Tenant + "/" + n.System + "/" + ontology.Hash([]byte(n.Topic+"\n"+ontology.Hash(n.Raw)))
	seen, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (bool, error) {
		recs, err := run(ctx, tx, `
MERGE (x:Notification {uid: $uid})
  ON CREATE SET x.tenant = $tenant, x.system = $system, x.topic = $topic, x.reason = $reason,
                x.raw = $raw, x.receivedAt = $received, x.count = 0, x.new = true
  ON MATCH SET x.new = false
SET x.count = x.count + 1, x.lastAt = $now
WITH x, x.new AS created
REMOVE x.new
FOREACH (d IN CASE WHEN $delivery IS NULL THEN [] ELSE [$delivery] END |
  MERGE (dl:Delivery {uid: d}) ON CREATE SET dl.at = $now, dl.notification = $uid, dl.tenant = $tenant)
RETURN created`, map[string]any{"uid": uid, "tenant": n.Tenant, "system": n.System, "topic": n.Topic,
			"reason": n.Reason, "raw": n.Raw, "received": received.UTC(), "now": now, "delivery": delivery})
		if err != nil || len(recs) == 0 {
			return false, err
		}
		return !get[bool](recs[0], "created"), nil
	})
	if err != nil {
		return false, fmt.Errorf("saving a %s notification (%s): %w", n.System, n.Topic, err)
	}
	return seen, nil
}

// NotificationCounts counts a tenant's kept notifications by system and topic.
func (s *Store) NotificationCounts(ctx context.Context, tenant string) (map[string]int64, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (map[string]int64, error) {
		recs, err := run(ctx, tx, `
MATCH (x:Notification {tenant: $tenant})
RETURN x.system + ' ' + x.topic AS k, sum(x.count) AS n`, map[string]any{"tenant": tenant})
		if err != nil {
			return nil, err
		}
		out := map[string]int64{}
		for _, r := range recs {
			out[get[string](r, "k")] = get[int64](r, "n")
		}
		return out, nil
	})
}
