package main

import (
	"context"
	"fmt"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// decisions serves people's match decisions to the API.
type decisions struct{ a *App }

func (d decisions) Confirm(ctx context.Context, tenant string, doc ontology.DocKey, eventID, by string) (resolver.Decided, error) {
	return d.a.worker.Confirm(ctx, tenant, doc, eventID, by)
}

func (d decisions) Reject(ctx context.Context, tenant string, doc ontology.DocKey, eventID, by string) (resolver.Decided, error) {
	return d.a.worker.Reject(ctx, tenant, doc, eventID, by)
}

func (d decisions) Reviews(ctx context.Context, tenant, after string, first int) ([]resolver.Review, error) {
	return d.a.store.Reviews(ctx, tenant, after, first)
}

// partyDecisions serves people's verdicts on parties: the worker decides (under the
// tenant's resolution lock), the store lists.
type partyDecisions struct{ a *App }

func (d partyDecisions) ConfirmParties(ctx context.Context, tenant, x, y, by string) (resolver.PartyDecided, error) {
	out, err := d.a.worker.ConfirmParties(ctx, tenant, x, y, by)
	if err == nil {
		d.a.log.Info("parties confirmed as one", "tenant", tenant, "party", x, "other", y, "by", by, "survivor", out.Party)
	}
	return out, err
}

func (d partyDecisions) RejectParties(ctx context.Context, tenant, x, y, by string) (resolver.PartyDecided, error) {
	out, err := d.a.worker.RejectParties(ctx, tenant, x, y, by)
	if err == nil {
		d.a.log.Info("parties kept apart", "tenant", tenant, "party", x, "other", y, "by", by, "split", out.Cut != nil)
	}
	return out, err
}

func (d partyDecisions) PartyDecisions(ctx context.Context, tenant string, first int) ([]resolver.PartyDecision, error) {
	return d.a.store.PartyDecisions(ctx, tenant, first)
}

// locations serves the location registry to the API: aliases from the config file and
// those people declared, which are kept in Neo4j.
type locations struct{ a *App }

func (l locations) SetLocationAlias(ctx context.Context, al resolver.LocationAlias) error {
	n, err := l.a.store.SetLocationAlias(ctx, al)
	if err != nil {
		return fmt.Errorf("storing location alias: %w", err)
	}
	l.a.registry.SetLocation(al)
	l.a.log.Info("location alias set", "tenant", al.Tenant, "system", al.System, "code", al.Code,
		"location", al.Location, "documents_to_replan", n)
	l.a.worker.Notify(al.Tenant)
	return nil
}

// LocationAliases returns the aliases that apply to tenant: its own from the config file,
// those configured for every tenant (no tenant named), and those its people declared.
func (l locations) LocationAliases(ctx context.Context, tenant string) ([]resolver.LocationAlias, error) {
	stored, err := l.a.store.LocationAliases(ctx, tenant)
	if err != nil {
		return nil, err
	}
	var out []resolver.LocationAlias
	for _, al := range l.a.cfg.Locations {
		if al.Tenant == tenant || al.Tenant == "" {
			out = append(out, al)
		}
	}
	return append(out, stored...), nil
}

// LocationSuggestions proposes aliases for codes no alias names: from the business actions
// that joined them with another location (learned), then from names and addresses.
func (l locations) LocationSuggestions(ctx context.Context, tenant string) ([]resolver.LocationSuggestion, error) {
	codes, err := l.a.store.LocationCodes(ctx, tenant)
	if err != nil {
		return nil, err
	}
	learned, err := l.a.store.LearnedLocations(ctx, tenant)
	if err != nil {
		return nil, err
	}
	// A code aliased since it was learned needs no suggestion any more.
	open := learned[:0:0]
	for _, x := range learned {
		if ref := (&ontology.LocationRef{System: x.System, Code: x.Code}); l.a.registry.Location(tenant, ref) == x.System+":"+x.Code {
			open = append(open, x)
		}
	}
	out := resolver.LearnedSuggestions(open, l.a.cfg.LocationLearning)
	seen := map[string]bool{}
	for _, s := range out {
		seen[s.System+"/"+s.Code] = true
	}
	for _, s := range l.a.registry.SuggestLocations(tenant, codes) {
		if !seen[s.System+"/"+s.Code] {
			out = append(out, s)
		}
	}
	return out, nil
}

// loadAliases puts the aliases people declared into the registry.
func (a *App) loadAliases(ctx context.Context) error {
	stored, err := a.store.AllLocationAliases(ctx)
	if err != nil {
		return fmt.Errorf("loading location aliases: %w", err)
	}
	for _, al := range stored {
		a.registry.SetLocation(al)
	}
	return nil
}
