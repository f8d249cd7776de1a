package graph

import (
	"context"
	"encoding/base64"
	"errors"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/seamhub/seam/graph/model"
	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// opt points to a copy of s, or is nil for "". The copy is made in the branch: taking
// &s would move s to the heap on entry, an allocation even for "" (six a stock read).
func opt(s string) *string {
	if s == "" {
		return nil
	}
	p := new(string)
	*p = s
	return p
}

// stockRow is a cell as the API shows it, in its location's zone, at time now, with
// hold kept back from what is available.
func stockRow(s inventory.Stock, zone string, hold ontology.Qty, now time.Time) *model.StockRow {
	row := new(model.StockRow)
	fillStockRow(row, &s, zone, hold, now)
	return row
}

// stockRows is stockRow for a whole answer, in one allocation: a live read returns a
// product's cells on every request. The rows' times point into rows, which the caller
// hands over.
func stockRows(rows []inventory.Stock, zone func(location string) string, hold func(s *inventory.Stock) ontology.Qty, now time.Time) []*model.StockRow {
	buf := make([]model.StockRow, len(rows))
	out := make([]*model.StockRow, len(rows))
	// The zones the rows point to, in one allocation rather than one each, and none
	// when no location has a zone.
	var zones []string
	for i := range rows {
		fillStockRow(&buf[i], &rows[i], "", hold(&rows[i]), now)
		if z := zone(rows[i].Location); z != "" {
			if zones == nil {
				zones = make([]string, len(rows))
			}
			zones[i] = z
			buf[i].Zone = &zones[i]
		}
		out[i] = &buf[i]
	}
	return out
}

// fillStockRow writes s into row; row's times point into s. hold is the cell's safety
// hold: reserve never grants it, so the row does not call it available either.
func fillStockRow(row *model.StockRow, s *inventory.Stock, zone string, hold ontology.Qty, now time.Time) {
	available := s.Available() - hold
	if !s.ExpiresAt.IsZero() && !s.ExpiresAt.After(now) && available > 0 {
		available = 0 // an expired lot may not be sold
	}
	*row = model.StockRow{
		Sku: s.SKU, Location: s.Location, Lot: s.Lot,
		OnHand: model.Decimal(s.OnHand), Reserved: model.Decimal(s.Reserved),
		Available: model.Decimal(available), Incoming: model.Decimal(s.Incoming),
		InTransit: model.Decimal(s.InTransit), OnHold: model.Decimal(s.OnHold), Zone: opt(zone),
	}
	if !s.ExpiresAt.IsZero() {
		row.ExpiresAt = &s.ExpiresAt
	}
	if !s.UpdatedAt.IsZero() {
		row.UpdatedAt = &s.UpdatedAt
	}
}

// text shows raw bytes as they are when they are UTF-8, else base64 (GBK customs XML,
// protobuf sensor payloads).
func text(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return "base64:" + base64.StdEncoding.EncodeToString(b)
}

func sourceDocument(d *ontology.StoredDocument) *model.SourceDocument {
	doc := &model.SourceDocument{
		System: d.Key.System, Type: d.Key.Type, ExternalID: d.Key.ExternalID, Role: d.Role, Verb: d.Verb,
		Status: opt(d.Status), ReceivedAt: d.ReceivedAt, Via: d.Via, Format: opt(d.Format),
		Version: int(d.Version), Raw: text(d.Raw), Canonical: d.Canonical, Pending: d.Pending,
	}
	if !d.OccurredAt.IsZero() {
		t := d.OccurredAt
		doc.OccurredAt = &t
	}
	if d.EventID != "" {
		doc.Event = &model.InventoryEvent{ID: d.EventID}
	}
	return doc
}

func documentVersion(v ontology.DocumentVersion) *model.DocumentVersion {
	out := &model.DocumentVersion{Version: int(v.Version), ReceivedAt: v.ReceivedAt, Current: v.Current, Raw: text(v.Raw)}
	if !v.Clock.Time.IsZero() {
		t := v.Clock.Time
		out.SourceTime = &t
	}
	if v.Clock.Version != nil {
		n := strconv.FormatInt(*v.Clock.Version, 10)
		out.SourceVersion = &n
	}
	return out
}

// docKeyOf is the key of a document the API answered with, in the request's tenant.
func docKeyOf(ctx context.Context, d *model.SourceDocument) (ontology.DocKey, error) {
	tenant, err := tenantOf(ctx)
	if err != nil {
		return ontology.DocKey{}, err
	}
	return ontology.DocKey{Tenant: tenant, System: d.System, Type: d.Type, ExternalID: d.ExternalID}, nil
}

func eventIDOf(d *model.SourceDocument) string {
	if d.Event == nil {
		return ""
	}
	return d.Event.ID
}

func quarantineItem(q ontology.Quarantined) *model.QuarantineItem {
	item := &model.QuarantineItem{
		ID: q.ID, System: q.System, Type: q.Type, ExternalID: opt(q.ExternalID), Via: q.Via, Format: opt(q.Format),
		ReceivedAt: q.ReceivedAt, Count: int(q.Count), Status: q.Status, ReplayedAs: opt(q.ReplayedAs),
		Raw: text(q.Raw), Reasons: []*model.Problem{},
	}
	for _, p := range q.Problems {
		item.Reasons = append(item.Reasons, &model.Problem{Field: p.Field, Rule: p.Rule, Value: opt(p.Value), Message: p.Message})
	}
	return item
}

// detail loads an event through the operation's loader: the three lazy fields of one
// event share one load, and sibling events load in one query.
func (r *inventoryEventResolver) detail(ctx context.Context, id string) (*resolver.EventDetail, error) {
	l, err := r.loaders(ctx)
	if err != nil {
		return nil, err
	}
	return l.event(ctx, id)
}

func evidence(doc, decidedBy string, e resolver.Evidence) *model.Evidence {
	out := &model.Evidence{
		Document: doc, DecidedBy: decidedBy, Rule: e.Rule, Score: e.Score,
		Keys: append([]string{}, e.Keys...), Fields: []*model.FieldScore{}, Note: opt(e.Note),
	}
	if e.Threshold != 0 {
		th := e.Threshold
		out.Threshold = &th
	}
	for _, f := range e.Fields {
		out.Fields = append(out.Fields, &model.FieldScore{Field: f.Field, Weight: f.Weight, Values: opt(f.Values)})
	}
	return out
}

func movement(m ontology.Movement) *model.Movement {
	return &model.Movement{ID: m.ID, Sku: m.SKU, Location: m.Location, Lot: m.Lot,
		Bucket: string(m.Bucket), Qty: model.Decimal(m.Qty), At: m.At, Reason: m.Reason}
}

// decide runs a person's decision and answers with both events.
func (r *mutationResolver) decide(ctx context.Context, key model.DocumentKey, event string,
	fn func(ctx context.Context, tenant string, doc ontology.DocKey, eventID, by string) (resolver.Decided, error)) (*model.MatchDecision, error) {
	tenant, err := tenantOf(ctx)
	if err != nil {
		return nil, err
	}
	doc := ontology.DocKey{Tenant: tenant, System: key.System, Type: key.Type, ExternalID: key.ExternalID}
	d, err := fn(ctx, tenant, doc, event, userOf(ctx))
	if err != nil {
		return nil, asUserError(err)
	}
	if l, err := r.loaders(ctx); err == nil {
		l.reset() // events read earlier in this operation changed
	}
	out := &model.MatchDecision{Movements: []*model.Movement{}}
	for _, m := range d.Movements {
		out.Movements = append(out.Movements, movement(m))
	}
	q := &queryResolver{r.Resolver}
	if out.Event, err = q.InventoryEvent(ctx, d.EventID); err != nil {
		return nil, err
	}
	if d.Other != "" {
		if out.Other, err = q.InventoryEvent(ctx, d.Other); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pageSize reads a connection's first argument: 50 by default, at most 500.
func pageSize(first *int) (int, error) {
	n := 50
	if first != nil {
		n = *first
	}
	if n < 1 || n > 500 {
		return 0, &userError{"first must be between 1 and 500"}
	}
	return n, nil
}

// partyLinks converts party link reasons; a key-decided link has no score.
func partyLinks(ls []resolver.PartyLinkReason) []*model.PartyLink {
	out := make([]*model.PartyLink, 0, len(ls))
	for _, l := range ls {
		out = append(out, &model.PartyLink{Party: l.Party, Reason: l.Reason, Score: scoreOrNil(l.Score)})
	}
	return out
}

func stockCount(c inventory.CountRecord) *model.StockCount {
	loc := c.Location
	return &model.StockCount{
		ID: c.ID, Sku: c.SKU, Location: c.Location, Lot: c.Lot, Counted: model.Decimal(c.Counted),
		Ledger: model.Decimal(c.Ledger), Difference: model.Decimal(c.Difference()), CountedBy: c.CountedBy,
		RecordedBy: opt(c.RecordedBy), CountedAt: c.At,
		Event: &model.InventoryEvent{ID: c.EventID, Kind: string(ontology.KindAdjustment), OccurredAt: c.At,
			Status: string(ontology.VerbAdjusted), Location: &loc},
	}
}

// maxNetworkDepth and maxNetworkParties bound partyNetwork: a ring of shell companies
// is a few steps and a few dozen parties; a walk past that is reading the whole graph.
const (
	maxNetworkDepth   = 4
	maxNetworkParties = 200
)

// asUserError shows a decision's or lookup's own refusal (an unknown id, a conflict) to
// the caller as it is; other errors stay internal.
func asUserError(err error) error {
	if errors.Is(err, resolver.ErrNotFound) || errors.Is(err, resolver.ErrNotMember) || errors.Is(err, resolver.ErrConflict) {
		return &userError{err.Error()}
	}
	return err
}

// decideParties runs a person's decision on two parties.
func (r *mutationResolver) decideParties(ctx context.Context, a, b string,
	fn func(ctx context.Context, tenant, a, b, by string) (resolver.PartyDecided, error)) (*model.PartyDecisionResult, error) {
	tenant, err := tenantOf(ctx)
	if err != nil {
		return nil, err
	}
	if a == "" || b == "" {
		return nil, &userError{"party and other must not be empty"}
	}
	d, err := fn(ctx, tenant, a, b, userOf(ctx))
	if err != nil {
		return nil, asUserError(err)
	}
	out := &model.PartyDecisionResult{Party: d.Party, Other: d.Other}
	if d.Cut != nil {
		out.Cut = &model.PartyLinkCut{From: d.Cut.From, To: d.Cut.To, Reason: d.Cut.Reason, Score: scoreOrNil(d.Cut.Score)}
	}
	return out, nil
}

func partyNetwork(n resolver.PartyNetwork) *model.PartyNetwork {
	out := &model.PartyNetwork{Root: n.Root, Truncated: n.Truncated, Parties: []*model.NetworkParty{}, Links: []*model.NetworkLink{}}
	for _, p := range n.Parties {
		out.Parties = append(out.Parties, &model.NetworkParty{ID: p.ID, Name: opt(p.Name), Kind: opt(p.Kind), TaxID: opt(p.TaxID),
			Depth: p.Depth, Merged: p.Merged})
	}
	for _, l := range n.Links {
		out.Links = append(out.Links, &model.NetworkLink{From: l.From, To: l.To, Reason: l.Reason, Score: scoreOrNil(l.Score)})
	}
	return out
}

// scoreOrNil is a probabilistic link's weight; a link a key decided has none.
func scoreOrNil(s float64) *float64 {
	if s == 0 {
		return nil
	}
	return &s
}
