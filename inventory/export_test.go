package inventory

import (
	"context"
	"time"
)

// SetMarkClock gives the held marks' flush a clock of the test's own.
func (p *Projector) SetMarkClock(now func() time.Time) { p.markClock = now }

// FlushDueMarks runs the held marks' timer flush now.
func (p *Projector) FlushDueMarks(ctx context.Context) { p.flushDue(ctx) }
