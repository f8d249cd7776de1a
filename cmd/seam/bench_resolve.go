package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/simulate"
	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
	"github.com/seamhub/seam/resolver/quality"
)

// benchResolve runs the simulator at several seeds and noise levels, ingests its files
// through the real pipeline, and scores resolution against the truth.
func benchResolve(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("bench resolve", stdout)
	seeds := fs.String("seeds", "1,2", "simulator seeds")
	noises := fs.String("noise", "default,hard", "noise levels: default, hard")
	days := fs.Int("days", 14, "simulated days per run")
	perDay := fs.Int("orders-per-day", 40, "simulator volume")
	scale := fs.String("scale", "", "also measure cost per document at these sizes (e.g. 10000,100000,1000000)")
	keep := fs.String("keep", "", "keep each run's simulated data in this folder, and its tenant in Neo4j, for inspection")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	fmt.Fprintf(stdout, "%-6s %-8s %7s | %-24s | %-24s | %-24s | %-15s %-15s | %-7s | %s\n",
		"seed", "noise", "docs", "same action P/R/F1", "parties P/R/F1", "products P/R/F1", "stock error", "naive sum", "docs/s",
		"fitted ring-up delay")
	for _, seed := range strings.Split(*seeds, ",") {
		for _, noise := range strings.Split(*noises, ",") {
			sc := simulate.DefaultConfig()
			fmt.Sscan(seed, &sc.Seed)
			sc.Days, sc.OrdersPerDay = *days, *perDay
			if noise == "hard" {
				sc.Noise = simulate.HardNoise()
			}
			r, err := resolveRun(ctx, app, sc, *keep)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%-6s %-8s %7d | %s | %s | %s | %-15s %-15s | %7.0f | mean %.0f s, %.0f%% of pairs\n", seed, noise, r.docs,
				prf(r.actions), prf(r.parties), prf(r.products), pct(r.stock), pct(r.naive), r.rate, r.delayMean, 100*r.matchShare)
			fmt.Fprintf(stdout, "    party model: u from random pairs, m by EM on %d block pairs (match share %.2f): %s\n", r.partyPairs, r.partyShare, r.partyFit.String())
			for _, ex := range r.stock.Examples {
				fmt.Fprintf(stdout, "    differs: %s\n", ex)
			}
		}
	}
	if *scale == "" {
		return nil
	}
	// Data grows as a business grows (scaleConfig).
	fmt.Fprintf(stdout, "\ncost per document as data grows (hard noise, 30 days, more stores):\n%10s %7s %12s %14s\n",
		"documents", "stores", "docs/s", "µs/document")
	for _, s := range strings.Split(*scale, ",") {
		var n int
		fmt.Sscan(s, &n)
		sc := scaleConfig(n)
		r, err := resolveRun(ctx, app, sc, "")
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%10d %7d %12.0f %14.1f\n", r.docs, sc.Stores, r.rate, 1e6/r.rate)
	}
	return nil
}

func prf(s quality.Scores) string {
	return fmt.Sprintf("%.4f/%.4f/%.4f", s.Precision, s.Recall, s.F1)
}

func pct(e quality.StockError) string {
	return fmt.Sprintf("%.3f%% (%d/%d)", 100*e.Rate(), e.Differ, e.Cells)
}

type runResult struct {
	docs                       int
	delayMean, matchShare      float64
	actions, parties, products quality.Scores
	stock, naive               quality.StockError
	rate                       float64
	partyFit                   resolver.PartyModel
	partyShare                 float64
	partyPairs                 int
}

var dayFile = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})\.jsonl$`)

// resolveRun simulates one business into a fresh tenant, ingests it day by day, and
// scores what Seam made of it.
func resolveRun(ctx context.Context, app *App, sc simulate.Config, keep string) (runResult, error) {
	var r runResult
	sc.Tenant = fmt.Sprintf("bench-%d-%d", sc.Seed, time.Now().UnixNano()%1e9)
	dir, err := os.MkdirTemp(keep, "seam-resolve-")
	if err != nil {
		return r, err
	}
	if keep == "" {
		defer os.RemoveAll(dir)
		defer dropTenant(ctx, app, sc.Tenant)
	} else {
		fmt.Fprintf(os.Stderr, "data of tenant %s kept in %s\n", sc.Tenant, dir)
	}
	truth, err := simulate.Generate(sc, dir)
	if err != nil {
		return r, err
	}
	// The business's master data goes into the registry, as its config file would.
	reg, err := masterData(filepath.Join(dir, "seam.yaml"), sc.Tenant)
	if err != nil {
		return r, err
	}
	matcher := resolver.NewMatcher(app.store, reg, app.log)
	worker := resolver.NewWorker(matcher, app.projector, app.store, app.log, resolver.WorkerConfig{})

	files, err := dataFiles(dir)
	if err != nil {
		return r, err
	}
	// Deliver day by day: XML declarations (one file each) first, then each day's files.
	sort.SliceStable(files, func(i, j int) bool { return dayOf(files[i].path) < dayOf(files[j].path) })
	start := time.Now()
	var stored int
	for i := 0; i < len(files); {
		j := i
		for j < len(files) && dayOf(files[j].path) == dayOf(files[i].path) {
			j++
		}
		var payloads []connectors.Payload
		for _, f := range files[i:j] {
			raw, err := os.ReadFile(f.path)
			if err != nil {
				return r, err
			}
			payloads = append(payloads, connectors.Payload{Tenant: sc.Tenant, System: f.system, Type: f.typ, Raw: raw, Format: f.format, Via: "file"})
		}
		res, err := app.intake.Accept(ctx, payloads)
		if err != nil {
			return r, err
		}
		stored += res.Accepted + res.Updated
		if _, err := worker.Drain(ctx, sc.Tenant); err != nil {
			return r, err
		}
		i = j
	}
	r.rate = float64(stored) / time.Since(start).Seconds()
	r.docs = stored
	got, err := app.store.ReadResolution(ctx, sc.Tenant)
	if err != nil {
		return r, err
	}
	score(&r, sc.Tenant, truth, got, reg)
	totals, err := app.store.Totals(ctx, sc.Tenant)
	if err != nil {
		return r, err
	}
	seam := map[ontology.Cell]ontology.Qty{}
	for _, t := range totals {
		seam[t.Cell] = t.OnHand
	}
	want := map[ontology.Cell]ontology.Qty{}
	for _, row := range truth.Final {
		want[row.Cell] = row.Book
	}
	r.stock = quality.CompareStock(byPlace(want), byPlace(seam))
	r.naive = quality.CompareStock(byPlace(want), byPlace(naiveStock(sc.Tenant, got, reg)))
	r.delayMean, r.matchShare = resolver.EstimateDelay(candidateDelays(sc.Tenant, got, reg), 3600)
	profiles := partyProfiles(got)
	pairs := resolver.BlockedPairs(profiles, 50)
	r.partyPairs = len(pairs)
	r.partyFit = resolver.Train(profiles, pairs, 200_000, uint64(sc.Seed), resolver.DefaultPartyModel())
	r.partyShare = r.partyFit.Lambda
	return r, nil
}

// partyProfiles returns every party mention's profile, in document order, so that the
// same data gives the same fit.
func partyProfiles(got *neo4jstore.Resolution) []resolver.PartyProfile {
	uids := make([]string, 0, len(got.Documents))
	for uid := range got.Documents {
		uids = append(uids, uid)
	}
	sort.Strings(uids)
	var all []resolver.PartyProfile
	for _, uid := range uids {
		for _, p := range got.Documents[uid].Parties {
			all = append(all, resolver.ProfileOf(p))
		}
	}
	return all
}

func dayOf(path string) string {
	if m := dayFile.FindStringSubmatch(path); m != nil {
		return m[1]
	}
	return "0000"
}

// score compares the resolution with the truth: documents per action, mentions per
// party, product codes per product. A document or mention Seam lost counts as a
// singleton, so losing data lowers recall.
func score(r *runResult, tenant string, truth *simulate.Truth, got *neo4jstore.Resolution, reg *resolver.Registry) {
	uid := func(d simulate.DocRef) string { return tenant + "/" + d.System + "/" + d.Type + "/" + d.ExternalID }
	tAct, pAct := map[string]string{}, map[string]string{}
	for _, a := range truth.Actions {
		for _, d := range a.Documents {
			if d.Corrupt != "" {
				continue
			}
			u := uid(d)
			tAct[u] = a.ID
			pAct[u] = "lost:" + u
			if ev, ok := got.EventOf[u]; ok {
				pAct[u] = ev
			}
		}
	}
	r.actions = quality.Pairwise(tAct, pAct)

	tP, pP := map[string]string{}, map[string]string{}
	for _, m := range truth.Mentions {
		u := uid(m.DocRef)
		if _, stored := got.Documents[u]; !stored {
			continue // a corrupted document is in quarantine, with its mention
		}
		k := u + "#" + m.Role
		tP[k] = m.Party
		pP[k] = "lost:" + k
		if p, ok := got.PartyOf[k]; ok {
			pP[k] = p
		}
	}
	r.parties = quality.Pairwise(tP, pP)

	truthSKU := map[[2]string]string{}
	for _, p := range truth.Products {
		for _, a := range p.Aliases {
			truthSKU[a] = p.SKU
		}
	}
	tPr, pPr := map[string]string{}, map[string]string{}
	for _, d := range got.Documents {
		for _, l := range d.Lines {
			code := l.SKU
			if code == "" {
				code = l.ExternalID
			}
			if code == "" {
				// A line without codes of its own (a customs line naming its goods in
				// GModel) is known by its description code, as the truth lists it.
				code = l.DescriptionCode()
			}
			item := d.Key.System + "/" + code
			if _, seen := tPr[item]; seen {
				continue
			}
			want, ok := truthSKU[[2]string{d.Key.System, code}]
			if !ok {
				want = code
			}
			tPr[item] = want
			pPr[item] = predictSKU(tenant, d.Key.System, l, got.ProductKeys, reg)
		}
	}
	r.products = quality.Pairwise(tPr, pPr)
}

// predictSKU is the product resolution gave a line: a configured alias, else the first
// of its keys resolution stored. A line without codes of its own has the product its
// description code was identified as, or none: it waits as an unresolved product.
func predictSKU(tenant, system string, l ontology.Line, keys map[string]string, reg *resolver.Registry) string {
	if l.SKU == "" && l.GTIN == "" && l.ExternalID == "" {
		code := l.DescriptionCode()
		if sku, ok := reg.Alias(tenant, system, ontology.Line{ExternalID: code}); ok {
			return sku
		}
		if sku, ok := keys["desc:"+system+":"+code]; ok { // the resolver's key of a description
			return sku
		}
		return "unresolved:" + system + ":" + code
	}
	if sku, ok := reg.Alias(tenant, system, l); ok {
		return sku
	}
	for _, k := range resolver.ProductKeys(system, l) {
		if sku, ok := keys[k]; ok {
			return sku
		}
	}
	return reg.SKU(tenant, system, l)
}

// candidateDelays are the delays between every marketplace order and POS sale of the same
// store and basket within an hour: the unlabelled pairs the delay model is fitted on.
func candidateDelays(tenant string, got *neo4jstore.Resolution, reg *resolver.Registry) []float64 {
	type sale struct {
		at   time.Time
		role ontology.Role
	}
	groups := map[string][]sale{}
	for _, d := range got.Documents {
		if d.Role != ontology.RoleOrder && d.Role != ontology.RolePOS {
			continue
		}
		var parts []string
		for _, l := range d.Lines {
			parts = append(parts, predictSKU(tenant, d.Key.System, l, got.ProductKeys, reg)+"x"+l.Qty.String())
		}
		sort.Strings(parts)
		k := reg.Location(tenant, d.Location) + "|" + strings.Join(parts, ",")
		groups[k] = append(groups[k], sale{d.OccurredAt, d.Role})
	}
	var dts []float64
	for _, g := range groups {
		for _, a := range g {
			if a.role != ontology.RoleOrder {
				continue
			}
			for _, b := range g {
				if b.role == ontology.RolePOS {
					if dt := b.at.Sub(a.at).Seconds(); dt >= -600 && dt <= 3600 {
						dts = append(dts, max(dt, 0))
					}
				}
			}
		}
	}
	return dts
}

// byPlace sums stock over lots: the simulator books sales to lot "", where Seam takes
// them from the lot that expires first, so books agree per product and location.
func byPlace(cells map[ontology.Cell]ontology.Qty) map[ontology.Cell]ontology.Qty {
	out := map[ontology.Cell]ontology.Qty{}
	for c, q := range cells {
		out[ontology.Cell{SKU: c.SKU, Location: c.Location}] += q
	}
	return out
}

// naiveStock is what summing every document on its own gives: no two documents are ever
// one action, so a delivery order rung up at the POS leaves stock twice. Products and
// locations are named as resolution names them, so only the double counting differs.
func naiveStock(tenant string, got *neo4jstore.Resolution, reg *resolver.Registry) map[ontology.Cell]ontology.Qty {
	out := map[ontology.Cell]ontology.Qty{}
	for uid, d := range got.Documents {
		m := inventory.Member{UID: uid, System: d.Key.System, Type: d.Key.Type, Role: d.Role, Verb: d.Verb, OccurredAt: d.OccurredAt,
			Location: reg.Location(tenant, d.Location)}
		for _, l := range d.Lines {
			m.Lines = append(m.Lines, inventory.Line{SKU: predictSKU(tenant, d.Key.System, l, got.ProductKeys, reg), Lot: l.Lot,
				Qty: l.Qty, ExpectedQty: l.ExpectedQty})
		}
		eff, _ := inventory.Plan([]inventory.Member{m}, tenantBook{reg, tenant})
		for k, q := range eff {
			if k.Bucket == ontology.BucketOnHand {
				out[k.Cell] += q
			}
		}
	}
	return out
}

// tenantBook gives the ledger one tenant's recipes.
type tenantBook struct {
	reg    *resolver.Registry
	tenant string
}

func (b tenantBook) Recipe(sku string) []inventory.Ingredient { return b.reg.Recipe(b.tenant, sku) }
