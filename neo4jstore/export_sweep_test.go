package neo4jstore

import "context"

// NextPendingTenantPlan runs one step of PendingTenants' scan (the first tenant not
// before from and after after) under PROFILE and returns its plan's operators and
// database hits, so that a test can prove a step is a seek whatever the size of the
// queue.
func NextPendingTenantPlan(ctx context.Context, s *Store, from, after string) (ops []string, dbHits int64, err error) {
	ops, dbHits, _, err = profile(ctx, s, nextPendingTenant, map[string]any{"from": from, "after": after})
	return ops, dbHits, err
}
