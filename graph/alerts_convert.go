package graph

import (
	"errors"
	"strings"
	"time"

	"github.com/seamhub/seam/graph/model"
	"github.com/seamhub/seam/inventory"
)

// alertModel converts a stored alert to its GraphQL shape. The transfer carries only its
// event id; Alert.transfer loads the event.
func alertModel(a inventory.Alert) *model.Alert {
	out := &model.Alert{
		ID: a.ID, Rule: model.AlertRule(strings.ToUpper(string(a.Rule))), Severity: model.Severity(strings.ToUpper(string(a.Severity))),
		Status: model.AlertStatus(strings.ToUpper(string(a.Status))), Sku: a.Cell.SKU, Location: a.Cell.Location, Lot: a.Cell.Lot,
		Message: a.Message, Evidence: make([]*model.Figure, 0, len(a.Evidence)), RaisedAt: a.RaisedAt, UpdatedAt: a.UpdatedAt,
		AcknowledgedBy: opt(a.AckedBy), AcknowledgedAt: optTime(a.AckedAt), ResolvedAt: optTime(a.ResolvedAt),
	}
	for _, f := range a.Evidence {
		out.Evidence = append(out.Evidence, &model.Figure{Name: f.Name, Value: f.Value})
	}
	if p := a.Proposal; p != nil {
		out.Proposal = &model.TransferProposal{Sku: p.SKU, From: p.From, To: p.To, Qty: model.Decimal(p.Qty),
			Lines: make([]*model.TransferLine, 0, len(p.Lines))}
		for _, l := range p.Lines {
			out.Proposal.Lines = append(out.Proposal.Lines, &model.TransferLine{Lot: l.Lot, Qty: model.Decimal(l.Qty)})
		}
	}
	if a.TransferID != "" {
		out.Transfer = &model.InventoryEvent{ID: a.TransferID}
	}
	return out
}

// alertError shows the caller the mistakes in its request as they are; anything else
// stays an internal error.
func alertError(err error) error {
	if errors.Is(err, inventory.ErrTransferBooked) || errors.Is(err, inventory.ErrAlertResolved) {
		// The request is sound; the alert's state stands in its way, as a reservation's
		// does for a commit after its release.
		return &codedError{"CONFLICT", err.Error()}
	}
	for _, e := range []error{inventory.ErrAlertNotFound, inventory.ErrNoProposal,
		inventory.ErrTransferQty, inventory.ErrNotEnoughToMove} {
		if errors.Is(err, e) {
			return &userError{err.Error()}
		}
	}
	return err
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
