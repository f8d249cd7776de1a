package neo4jstore

import "context"

// NextPendingTenantPlan runs one step of PendingTenants' scan under PROFILE and returns
// its plan's operators and database hits, so that a test can prove a step is a seek
// whatever the size of the queue.
func NextPendingTenantPlan(ctx context.Context, s *Store, after string) (ops []string, dbHits int64, err error) {
	ops, dbHits, _, err = profile(ctx, s, nextPendingTenant, map[string]any{"after": after})
	return ops, dbHits, err
}
