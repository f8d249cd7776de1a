package graph

import (
	"context"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/seamhub/seam/graph/generated"
	"github.com/seamhub/seam/graph/model"
)

// maxDepth bounds how deeply fields may nest. The schema has cycles (a document's event,
// the event's sources, each source's document, ...), so without a bound one small query
// could ask for the whole graph. The deepest useful query today, a review item's event's
// sources' parties' links, nests 7 deep.
const maxDepth = 10

// complexityLimit bounds a query's estimated cost (see costs); the default page of 50
// review items, each with its event's sources' documents and their events, costs about
// 3,500.
const complexityLimit = 5000

// listCost is the fan-out assumed for lists without a page size: an event's sources,
// movements and evidence, a document's parties, stock rows of one SKU.
const listCost = 10

// depthLimit refuses operations nested deeper than max before any resolver runs, so a
// refused query never touches the store.
type depthLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if n := depth(oc.Operation.SelectionSet, map[*ast.FragmentDefinition]bool{}); n > d.max {
		err := gqlerror.Errorf("the query nests %d levels deep; at most %d are allowed", n, d.max)
		err.Extensions = map[string]any{"code": "DEPTH_LIMIT_EXCEEDED", "depth": n, "limit": d.max}
		return err
	}
	return nil
}

// depth is how many fields deep a selection set nests. Fragments add no level of their
// own. Introspection (__schema, __type, __typename) is not counted: its nesting is the
// schema's, bounded, and GraphiQL's own introspection query nests about 13 deep.
func depth(set ast.SelectionSet, visiting map[*ast.FragmentDefinition]bool) int {
	deepest := 0
	for _, sel := range set {
		n := 0
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			n = 1 + depth(s.SelectionSet, visiting)
		case *ast.InlineFragment:
			n = depth(s.SelectionSet, visiting)
		case *ast.FragmentSpread:
			// Validation refuses fragment cycles; the guard only keeps this walk finite.
			if s.Definition == nil || visiting[s.Definition] {
				continue
			}
			visiting[s.Definition] = true
			n = depth(s.Definition.SelectionSet, visiting)
			delete(visiting, s.Definition)
		}
		deepest = max(deepest, n)
	}
	return deepest
}

// costs prices the fields that fan out and the root fields that read the store. A root
// field of Query costs readCost (scanCost when it reads a whole period or every series)
// before what it asks for; a page costs its size (its first, default 50) times what each
// item asks for; lists without a page size count listCost items. Every root field of
// Query has a price (TestEveryRootQueryFieldIsPriced): gqlgen's default, 1 plus its
// fields, would let one query of thousands of aliases start thousands of reads at once.
func costs(c *generated.ComplexityRoot) {
	page := func(child int, first *int) int { return readCost + pageItems(first)*child }
	read := func(child int) int { return readCost + child }
	scan := func(child int) int { return scanCost + child }
	list := func(child int) int { return 1 + listCost*child }
	readList := func(child int) int { return readCost + listCost*child }

	c.Query.Document = func(child int, _, _, _ string) int { return read(child) }
	c.Query.InventoryEvent = func(child int, _ string) int { return read(child) }
	c.Query.Reservation = func(child int, _ string) int { return read(child) }
	c.Query.Forecast = func(child int, _, _ string) int { return read(child) }
	c.Query.StockAccuracy = func(child int, _ string, _ *model.Decimal, _ *time.Time) int { return read(child) }
	c.Query.Stock = func(child int, _ string, _ *string) int { return readList(child) }
	c.Query.Locations = readList
	c.Query.LocationSuggestions = readList
	c.Query.Quarantine = func(child int, first *int, _, _, _, _ *string) int { return page(child, first) }
	c.Query.ReviewQueue = func(child int, first *int, _ *string) int { return page(child, first) }
	c.Query.PartyDecisions = func(child int, first *int) int { return page(child, first) }
	c.Query.Alerts = func(child int, _ *model.AlertStatus, first *int) int { return page(child, first) }
	c.Query.Replenishments = func(child int, _ string, _ *string, first *int) int { return page(child, first) }
	c.Query.OrderProposals = func(child int, _ *model.ProposalStatus, first *int) int { return page(child, first) }
	c.Query.ProductSuggestions = func(child int, first *int) int { return page(child, first) }
	c.Query.SetAside = func(child int, first *int, _ *string) int { return page(child, first) }
	// A network walks depth steps from its party, and each step may multiply the
	// parties it reaches (up to maxNetworkParties): a read that doubles with each step.
	// Its parties and links lists carry the fan-out of the answer.
	c.Query.PartyNetwork = func(child int, _ string, depth *int) int {
		d := 2 // the schema's default
		if depth != nil {
			d = min(max(*depth, 1), maxNetworkDepth) // out of range is refused; priced at the bound
		}
		return readCost<<(d-1) + child
	}
	// Breakers of every supplier evaluate every supplier's rules; one supplier's is a read.
	c.Query.Breakers = func(child int, supplier *string) int {
		if supplier == nil {
			return scan(child)
		}
		return read(child)
	}
	c.Query.ReconciliationSummary = func(child int, _, _ string) int { return scan(child) }
	c.Query.Maturity = func(child int, _, _ string) int { return scan(child) }
	// The board reads every series' accuracy. Its series and runs lists count listCost
	// items each; first and runs say how many they may hold, so the board scales them.
	c.Query.ForecastAccuracy = func(child int, first, runs *int) int {
		n := max(pageItems(first), pageItems(runs))
		return scanCost + (child*n+listCost-1)/listCost
	}
	c.ForecastAccuracy.Series = list
	c.ForecastAccuracy.Runs = list
	// A sandbox reads the tenant's whole history and replays it: price it like a full
	// page, whatever it asks for.
	c.Query.Sandbox = func(child int, _, _ time.Time, _ []string) int { return sandboxCost + child }
	c.InventoryEvent.Sources = list
	c.InventoryEvent.Movements = list
	c.InventoryEvent.Evidence = list
	c.InventoryEvent.Lots = list
	c.StockAccuracy.Counts = list
	c.MatchDecision.Movements = list
	c.SourceDocument.Parties = list
	c.PartyNetwork.Parties = list
	c.PartyNetwork.Links = list
	c.Forecast.Daily = list
	c.Forecast.Weekly = list
	c.SandboxReport.Series = list
	financeCosts(c, page)
}

// pageItems is how many items a page of first holds: its first, or the usual default.
func pageItems(first *int) int {
	if first != nil && *first > 0 {
		return *first
	}
	return 50
}

// readCost is what a root field that reads the store costs before what it asks for:
// gqlgen resolves a query's root fields at once, each with its own Neo4j (or Redis)
// query on a connection of the driver's pool, so each is priced like a page of 50 flat
// items rather than like one field.
const readCost = 50

// scanCost is what a root field costs that reads a whole period or every series of the
// tenant before answering (a reconciliation summary, the maturity baseline, every
// supplier's breakers, the forecast board): a tenth of the limit, so that a query holds
// a few.
const scanCost = complexityLimit / 10

// sandboxCost is what a sandbox query costs before its fields: a fifth of the limit,
// so a query holds at most a few.
const sandboxCost = complexityLimit / 5

// maxRootFields bounds the root fields of one operation, each alias counted: whatever
// each costs, a query's root fields run at once, and a request of hundreds of aliases
// would take the store's connections from every other request. The documented queries
// ask for at most four.
const maxRootFields = 20

// rootFieldLimit refuses operations with more than max root fields (introspection's
// __schema, __type and __typename read no store and are not counted) before any
// resolver runs.
type rootFieldLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = rootFieldLimit{}

func (rootFieldLimit) ExtensionName() string                   { return "RootFieldLimit" }
func (rootFieldLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (l rootFieldLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	// Collected as the executor collects them: fragments spread, @skip and @include
	// applied, and fields of one response key merged into one.
	n := 0
	for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, nil) {
		if !strings.HasPrefix(f.Name, "__") {
			n++
		}
	}
	if n > l.max {
		err := gqlerror.Errorf("the operation asks for %d root fields (aliases counted); at most %d are allowed: send several requests", n, l.max)
		err.Extensions = map[string]any{"code": "ROOT_FIELD_LIMIT_EXCEEDED", "fields": n, "limit": l.max}
		return err
	}
	return nil
}

// useLimits installs the limits on a server or an executor, in the order they are
// checked: all of them refuse in CreateOperationContext, before any resolver runs and
// before the direct stock path may plan the operation.
func useLimits(s interface {
	Use(graphql.HandlerExtension)
}) {
	s.Use(depthLimit{max: maxDepth})
	s.Use(extension.FixedComplexityLimit(complexityLimit))
	s.Use(rootFieldLimit{max: maxRootFields})
}
