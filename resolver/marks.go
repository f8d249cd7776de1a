package resolver

import "context"

// HeldMarks is where the Unprojected marks of movements already applied to live stock
// wait to be cleared (inventory.Projector.DeferMarks). A resolution batch takes them and
// clears them in its own write (Changes.Projected), so that while a tenant's documents
// keep coming no write transaction of their own runs beside the next document's
// storage and resolution on the same cores, each with a commit to wait for.
type HeldMarks interface {
	// TakeMarks hands over the marks held for tenant; they are no longer held.
	TakeMarks(tenant string) []string
	// ReturnMarks holds again, or clears at once, marks taken that no write cleared.
	ReturnMarks(ctx context.Context, tenant string, ids []string)
	// MarksCleared says that a committed write cleared marks taken.
	MarksCleared(ctx context.Context, tenant string, ids []string)
}

// SetHeldMarks lets resolution clear the marks h holds (see HeldMarks); nil stops it.
func (m *Matcher) SetHeldMarks(h HeldMarks) { m.marks = h }

// takeMarks takes the marks held for tenant, if any are lent.
func (m *Matcher) takeMarks(tenant string) []string {
	if m.marks == nil {
		return nil
	}
	return m.marks.TakeMarks(tenant)
}

// marksCleared says that a committed write cleared marks takeMarks took.
func (m *Matcher) marksCleared(ctx context.Context, tenant string, ids []string) {
	if m.marks != nil && len(ids) > 0 {
		m.marks.MarksCleared(ctx, tenant, ids)
	}
}

// returnMarks gives back marks takeMarks took that no committed write cleared.
func (m *Matcher) returnMarks(ctx context.Context, tenant string, ids []string) {
	if m.marks != nil && len(ids) > 0 {
		m.marks.ReturnMarks(ctx, tenant, ids)
	}
}
