// Package graph is Seam's GraphQL API (gqlgen, schema first): thin resolvers over the
// services below it. The schema lives in schema/*.graphqls, one resolvers file per
// schema file; run `go generate ./graph` after changing it.
package graph

import (
	"context"
	"log/slog"
	"time"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/predict"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// StockReader serves live stock and its changes.
type StockReader interface {
	Stock(ctx context.Context, tenant, sku, location string) ([]inventory.Stock, error)
	Subscribe(ctx context.Context, tenant string) (<-chan ontology.Cell, error)
}

// DocumentReader serves stored documents and quarantine.
type DocumentReader interface {
	// Documents returns a tenant's documents by key, keyed by uid; keys it has no
	// document for (another tenant's included) are absent.
	Documents(ctx context.Context, tenant string, keys []ontology.DocKey) (map[string]*ontology.StoredDocument, error)
	QuarantineList(ctx context.Context, f ontology.QuarantineFilter) ([]ontology.Quarantined, error)
}

// VersionReader serves every version of a stored document, newest first by the
// source's own order, with its raw bytes; nil when there is no such document.
type VersionReader interface {
	DocumentVersions(ctx context.Context, key ontology.DocKey) ([]ontology.DocumentVersion, error)
}

// PartyReader serves the parties documents mention, with the evidence that resolved them.
type PartyReader interface {
	// DocumentsParties returns the parties each of a tenant's documents mentions, keyed
	// by uid, in one query; a document that mentions none is absent.
	DocumentsParties(ctx context.Context, tenant string, keys []ontology.DocKey) (map[string][]resolver.DocumentParty, error)
}

// EventReader serves business events with their evidence.
type EventReader interface {
	// EventDetails returns a tenant's events by the ids asked for (a merged id maps to
	// its survivor); ids of no event of the tenant are absent.
	EventDetails(ctx context.Context, tenant string, ids []string) (map[string]*resolver.EventDetail, error)
}

// Decisions are people's verdicts on matches, and the queue of matches awaiting one.
type Decisions interface {
	Confirm(ctx context.Context, tenant string, doc ontology.DocKey, eventID, by string) (resolver.Decided, error)
	Reject(ctx context.Context, tenant string, doc ontology.DocKey, eventID, by string) (resolver.Decided, error)
	Reviews(ctx context.Context, tenant, after string, first int) ([]resolver.Review, error)
}

// PartyDecisions are people's verdicts on parties.
type PartyDecisions interface {
	ConfirmParties(ctx context.Context, tenant, a, b, by string) (resolver.PartyDecided, error)
	RejectParties(ctx context.Context, tenant, a, b, by string) (resolver.PartyDecided, error)
	PartyDecisions(ctx context.Context, tenant string, first int) ([]resolver.PartyDecision, error)
}

// PartyNetworks walks the RELATED links around a party.
type PartyNetworks interface {
	PartyNetwork(ctx context.Context, tenant, partyID string, depth, limit int) (resolver.PartyNetwork, error)
}

// Products resolves any spelling of a SKU to its canonical product.
type Products interface {
	CanonicalSKU(ctx context.Context, tenant, sku string) (string, error)
}

// ProductSuggestions are goods lines no rule identified, and people's answers to them.
type ProductSuggestions interface {
	ProductSuggestions(ctx context.Context, tenant string, first int) ([]resolver.ProductSuggestion, error)
	SetProductAlias(ctx context.Context, a resolver.ProductAlias) (int64, error)
}

// Locations is the location registry.
type Locations interface {
	SetLocationAlias(ctx context.Context, a resolver.LocationAlias) error
	// LocationAliases returns the aliases that apply to a tenant.
	LocationAliases(ctx context.Context, tenant string) ([]resolver.LocationAlias, error)
	LocationSuggestions(ctx context.Context, tenant string) ([]resolver.LocationSuggestion, error)
}

// SetAside lists the documents resolution set aside and puts them back in the queue.
type SetAside interface {
	// SetAsideDocuments lists set-aside documents: of every system when systems is nil,
	// else of those systems only (none when it is empty).
	SetAsideDocuments(ctx context.Context, tenant, after string, first int, systems []string) ([]resolver.SetAsideDocument, error)
	// RetrySetAside requeues the listed documents (all when uids is nil) and returns how
	// many it queued.
	RetrySetAside(ctx context.Context, tenant string, uids []string) (int64, error)
}

// Zones name locations' temperature zones.
type Zones interface {
	// Zone returns a location's zone, "" when none is configured.
	Zone(tenant, location string) string
}

// Counts books people's counts of stock cells and reports stock accuracy.
type Counts interface {
	Record(ctx context.Context, c inventory.Count) (inventory.CountRecord, error)
	Accuracy(ctx context.Context, tenant, location string, tolerance ontology.Qty, since time.Time) (inventory.Accuracy, error)
}

// Replenishments are a product's latest arrivals at its locations.
type Replenishments interface {
	Replenishments(ctx context.Context, tenant, sku, location string, first int) ([]inventory.Replenishment, error)
}

// Alerts are conditions on stock to act on, and the transfers they propose.
type Alerts interface {
	Alerts(ctx context.Context, tenant string, status inventory.AlertStatus, first int) ([]inventory.Alert, error)
	Acknowledge(ctx context.Context, tenant, id, by string) (*inventory.Alert, error)
	// CreateTransfer books an alert's proposed transfer; qty 0 takes the proposal's.
	CreateTransfer(ctx context.Context, tenant, alertID string, qty ontology.Qty, by string) (inventory.TransferResult, error)
	// SubscribeAlerts delivers the tenant's raised alerts until ctx ends.
	SubscribeAlerts(ctx context.Context, tenant string) (<-chan inventory.Alert, error)
}

// Forecasts serves forecasts, their accuracy, order proposals and the sandbox.
type Forecasts interface {
	// Forecast is the kept forecast of one series; nil when there is none.
	Forecast(ctx context.Context, tenant, sku, location string) (*predict.Stored, error)
	ForecastAccuracy(ctx context.Context, tenant string) ([]*predict.Stored, error)
	ForecastRuns(ctx context.Context, tenant string, first int) ([]predict.RunSummary, error)
	OrderProposals(ctx context.Context, tenant string, status predict.ProposalStatus, first int) ([]predict.Proposal, error)
	ApproveProposal(ctx context.Context, tenant, id, by string) (*predict.Proposal, error)
	Sandbox(ctx context.Context, tenant string, from, to time.Time, settings []string) (predict.Report, error)
}

// Finance serves reconciliation, the maturity baseline and the contract-drift breaker
// (finance.Service).
type Finance interface {
	Reconciliation(ctx context.Context, tenant string, from, to time.Time, statuses []finance.Status, after finance.Cursor, first int) ([]finance.Result, bool, error)
	Summary(ctx context.Context, tenant string, from, to time.Time) (finance.Summary, error)
	MaturityOf(ctx context.Context, tenant string, from, to time.Time) (finance.Maturity, error)
	Suppliers(ctx context.Context, tenant, supplier string) ([]finance.SupplierBreakers, error)
	Approve(ctx context.Context, tenant string, req finance.ApprovalRequest, by string) (finance.Approval, error)
	Lift(ctx context.Context, tenant, supplier string, rule finance.Rule, by, reason string) (finance.BreakerState, error)
	SetTerms(ctx context.Context, tenant, supplier string, days int, by string) error
}

// Services are what the API reads and writes.
type Services struct {
	// Stock is Redis's live stock, read exactly: subscriptions read it after each change.
	Stock StockReader
	// LiveStock answers the stock query; it may keep answers in memory until Redis says
	// they changed (rediscache.Near). Nil means Stock.
	LiveStock StockReader
	// SafetyHolds keep stock back from reservations; the stock rows' available leaves
	// them out as reserve does. Nil holds nothing back.
	SafetyHolds inventory.SafetyHolds
	Documents   DocumentReader
	Versions    VersionReader
	Parties     PartyReader
	Events      EventReader
	Decisions   Decisions
	// PartyDecisions serves confirmPartyMatch, rejectPartyMatch and partyDecisions;
	// Networks serves partyNetwork.
	PartyDecisions PartyDecisions
	Networks       PartyNetworks
	Locations      Locations
	Products       Products
	SetAside       SetAside
	// Suggestions serves productSuggestions and setProductAlias.
	Suggestions ProductSuggestions
	// Reservations serves reserve, commitReservation, releaseReservation and reservation.
	Reservations Reservations
	// Counts serves recordCount and stockAccuracy.
	Counts Counts
	// Zones fill stock rows' zone; nil for none.
	Zones Zones
	// Alerts serves alerts, acknowledgeAlert, createTransfer and alertRaised.
	Alerts Alerts
	// Replenishments serves replenishments.
	Replenishments Replenishments
	// Forecasts serves forecast, forecastAccuracy, orderProposals, sandbox and
	// approveProposal.
	Forecasts Forecasts
	// Finance serves reconciliation, the maturity baseline and the breakers.
	Finance Finance
	Log     *slog.Logger
	// KeyRecheck is how often a live websocket's API key is checked again, so that a
	// key revoked meanwhile ends its subscriptions; 0 means half apikey.DefaultTTL.
	KeyRecheck time.Duration
}

// Resolver is gqlgen's root resolver; it holds the services. gqlgen never regenerates
// this file.
type Resolver struct {
	svc Services
}

// zone is a location's temperature zone, "" when unknown.
// holds gives the safety hold of a tenant's stock cell (nothing without SafetyHolds, or
// when reading it fails: the row then shows what the ledger holds, as before holds).
func (r *Resolver) holds(ctx context.Context, tenant string) func(s *inventory.Stock) ontology.Qty {
	if r.svc.SafetyHolds == nil {
		return func(*inventory.Stock) ontology.Qty { return 0 }
	}
	return func(s *inventory.Stock) ontology.Qty {
		h, err := r.svc.SafetyHolds.SafetyHold(ctx, tenant, ontology.Cell{SKU: s.SKU, Location: s.Location, Lot: s.Lot})
		if err != nil {
			r.svc.Log.Warn("reading a safety hold", "sku", s.SKU, "location", s.Location, "lot", s.Lot, "err", err)
			return 0
		}
		return h
	}
}

func (r *Resolver) zone(tenant, location string) string {
	if r.svc.Zones == nil {
		return ""
	}
	return r.svc.Zones.Zone(tenant, location)
}
