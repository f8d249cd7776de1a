package graph

import (
	"context"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
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

// costs prices the fields that fan out: a page costs its size times what each item asks
// for; lists without a page size count listCost items.
func costs(c *generated.ComplexityRoot) {
	page := func(child int, first *int) int {
		n := 50
		if first != nil && *first > 0 {
			n = *first
		}
		return 1 + n*child
	}
	list := func(child int) int { return 1 + listCost*child }
	c.Query.Quarantine = func(child int, first *int, _, _, _, _ *string) int { return page(child, first) }
	c.Query.ReviewQueue = func(child int, first *int, _ *string) int { return page(child, first) }
	c.Query.Stock = func(child int, _ string, _ *string) int { return list(child) }
	c.Query.Locations = list
	c.Query.LocationSuggestions = list
	c.InventoryEvent.Sources = list
	c.InventoryEvent.Movements = list
	c.InventoryEvent.Evidence = list
	c.InventoryEvent.Lots = list
	c.StockAccuracy.Counts = list
	c.MatchDecision.Movements = list
	c.SourceDocument.Parties = list
	c.Query.PartyDecisions = func(child int, first *int) int { return page(child, first) }
	c.Query.Alerts = func(child int, _ *model.AlertStatus, first *int) int { return page(child, first) }
	c.PartyNetwork.Parties = list
	c.PartyNetwork.Links = list
	c.Query.Replenishments = func(child int, _ string, _ *string, first *int) int { return page(child, first) }
	c.Query.OrderProposals = func(child int, _ *model.ProposalStatus, first *int) int { return page(child, first) }
	// The board is one object; its series and runs lists carry the fan-out.
	c.Query.ForecastAccuracy = func(child int, _, _ *int) int { return 1 + child }
	c.ForecastAccuracy.Series = list
	// A sandbox reads the tenant's whole history and replays it: price it like a full
	// page, whatever it asks for.
	c.Query.Sandbox = func(child int, _, _ time.Time, _ []string) int { return sandboxCost + child }
	c.Forecast.Daily = list
	c.Forecast.Weekly = list
	c.ForecastAccuracy.Runs = list
	c.SandboxReport.Series = list
	financeCosts(c, page)
}

// sandboxCost is what a sandbox query costs before its fields: a fifth of the limit,
// so a query holds at most a few.
const sandboxCost = complexityLimit / 5
