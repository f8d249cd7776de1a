package finance

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// The seed grades a business on five levels; each needs the one below. Seam measures
// each level's figure from the graph:
//
//  1. stock accuracy: goods counted (at receipt, in counts) against what the ledger
//     expected, at least 95% of counted lines agreeing;
//  2. automated reconciliation: at least 90% of the period's business events
//     auto-reconciled (the month-end close-time proxy is shown beside it);
//  3. decisions from the system: at least 80% of the decisions that put documents
//     into business actions taken by Seam's rules or by people confirming its
//     suggestions, rather than made by hand;
//  4. anomaly response: a goods discrepancy recorded within 15 minutes of the
//     document that reveals it reaching Seam (95th percentile); how late sources send
//     their documents is shown beside it, as Seam cannot answer before it knows;
//  5. semantic integration: at least 3 external systems whose documents meet others'
//     in one business action.
const (
	stockAccuracyTarget  = "0.95"
	autoReconcileTarget  = "0.90"
	decisionShareTarget  = "0.80"
	anomalyResponseLimit = 15 * time.Minute
	systemsTarget        = 3
)

// StockCounts are the goods lines counted in a period (received into a warehouse,
// counted in stock) and how many of them differed from what the ledger expected.
type StockCounts struct {
	Lines int
	Off   int
	// Worst names the largest differences, for evidence.
	Worst []string
}

// CountedEvent is one event in which goods were counted into stock: how many products,
// the differences resolution recorded, and its receipts' statuses ("system:status").
type CountedEvent struct {
	ID            string
	Products      int
	Discrepancies []Discrepancy
	Statuses      []string
}

// worstShown bounds the differences named as evidence.
const worstShown = 5

// Counts folds counted events into stock counts. A receipt still being counted is left
// out: its shortfall is the rest to come.
func Counts(evs []CountedEvent, cfg Config) StockCounts {
	var out StockCounts
	type worst struct {
		text string
		off  ontology.Qty
	}
	var ws []worst
	for _, ev := range evs {
		if slices.ContainsFunc(ev.Statuses, func(s string) bool { return slices.Contains(cfg.Counting, s) }) {
			continue
		}
		out.Lines += ev.Products
		off := map[string]bool{}
		for _, d := range ev.Discrepancies {
			if compareAmounts(d.Expected.Decimal(), d.Actual.Decimal(), cfg.Qty, "") == disagree {
				off[d.SKU] = true
				ws = append(ws, worst{fmt.Sprintf("%s in %s: expected %s, counted %s", d.SKU, ev.ID, d.Expected, d.Actual),
					max(d.Expected-d.Actual, d.Actual-d.Expected)})
			}
		}
		out.Off += len(off)
	}
	slices.SortStableFunc(ws, func(a, b worst) int { return cmp.Compare(b.off, a.off) })
	for _, w := range ws[:min(worstShown, len(ws))] {
		out.Worst = append(out.Worst, w.text)
	}
	return out
}

// DecisionCounts are the decisions that put documents into business actions: by
// Seam's rules and scores, by a person confirming a match Seam suggested, or by a
// person on their own.
type DecisionCounts struct {
	ByRule, BySuggestion, ByPerson int
}

// Anomaly is one recorded anomaly: when the document that revealed it happened, when
// it reached Seam, and when Seam recorded the anomaly.
type Anomaly struct {
	What     string
	Occurred time.Time
	Arrived  time.Time
	Recorded time.Time
	// Status is the revealing document's "system:status": a receipt still being
	// counted reveals no shortfall yet.
	Status string
}

// SystemLinks is one source system and how many business actions join its documents
// with another system's.
type SystemLinks struct {
	System string
	Events int
}

// MaturityStore reads the graph figures the maturity levels are measured from.
type MaturityStore interface {
	// CountedEvents lists the period's events that counted goods into stock.
	CountedEvents(ctx context.Context, tenant string, from, to time.Time) ([]CountedEvent, error)
	DecisionCounts(ctx context.Context, tenant string, from, to time.Time) (DecisionCounts, error)
	Anomalies(ctx context.Context, tenant string, from, to time.Time) ([]Anomaly, error)
	// ConnectedSystems lists every system with documents in the period, with the
	// business actions it shares with another system (0 when none).
	ConnectedSystems(ctx context.Context, tenant string, from, to time.Time) ([]SystemLinks, error)
}

// Figure is one measured figure of the baseline, with the evidence it rests on.
type Figure struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	// Level is the level this figure's target gates; 0 for figures shown beside one.
	Level    int      `json:"level"`
	Target   string   `json:"target,omitempty"`
	Measured bool     `json:"measured"`
	Met      bool     `json:"met"`
	Evidence []string `json:"evidence"`
}

// Maturity is a period's five-level baseline.
type Maturity struct {
	Tenant  string    `json:"tenant"`
	From    time.Time `json:"from"`
	To      time.Time `json:"to"`
	Figures []Figure  `json:"figures"`
	// Level is the highest level whose figure and every lower level's are met.
	Level int `json:"level"`
	// Next says what the next level needs.
	Next string `json:"next"`
}

// MeasureMaturity measures a period: the graph's figures and a reconciliation of the
// period (streamed, as Run does).
func MeasureMaturity(ctx context.Context, ms MaturityStore, src Source, q Query, cfg Config) (Maturity, error) {
	counted, err := ms.CountedEvents(ctx, q.Tenant, q.From, q.To)
	if err != nil {
		return Maturity{}, fmt.Errorf("reading stock counts: %w", err)
	}
	stock := Counts(counted, cfg)
	decisions, err := ms.DecisionCounts(ctx, q.Tenant, q.From, q.To)
	if err != nil {
		return Maturity{}, fmt.Errorf("reading decisions: %w", err)
	}
	all, err := ms.Anomalies(ctx, q.Tenant, q.From, q.To)
	if err != nil {
		return Maturity{}, fmt.Errorf("reading anomalies: %w", err)
	}
	var anomalies []Anomaly
	for _, a := range all {
		if !slices.Contains(cfg.Counting, a.Status) {
			anomalies = append(anomalies, a)
		}
	}
	systems, err := ms.ConnectedSystems(ctx, q.Tenant, q.From, q.To)
	if err != nil {
		return Maturity{}, fmt.Errorf("reading connected systems: %w", err)
	}
	rep, err := RunReport(ctx, src, q, cfg, nil)
	if err != nil {
		return Maturity{}, err
	}
	closed, doc := rep.ClosedBy()
	return Baseline(q, stock, rep.Summary(), closed, doc, decisions, anomalies, systems), nil
}

// Baseline computes the figures and the level from what was measured.
func Baseline(q Query, stock StockCounts, sum Summary, closedAt time.Time, closedDoc DocRef, decisions DecisionCounts,
	anomalies []Anomaly, systems []SystemLinks) Maturity {
	m := Maturity{Tenant: q.Tenant, From: q.From.UTC(), To: q.To.UTC()}
	m.Figures = append(m.Figures, share("stock accuracy", 1, stock.Lines-stock.Off, stock.Lines, stockAccuracyTarget,
		append([]string{fmt.Sprintf("%d goods lines counted (received, or counted in stock), %d differed from what the ledger expected", stock.Lines, stock.Off)}, stock.Worst...)))
	m.Figures = append(m.Figures, share("auto-reconciliation rate", 2, sum.AutoReconciled, sum.Events, autoReconcileTarget,
		[]string{fmt.Sprintf("%d of %d business events matched, %d of them within tolerance", sum.AutoReconciled, sum.Events, statusEvents(sum, MatchedWithinTolerance)),
			"exceptions: " + exceptionText(sum)}))
	m.Figures = append(m.Figures, closeFigure(q, sum, closedAt, closedDoc))
	system := decisions.ByRule + decisions.BySuggestion
	m.Figures = append(m.Figures, share("decisions from system suggestions", 3, system, system+decisions.ByPerson, decisionShareTarget,
		[]string{fmt.Sprintf("%d documents placed by Seam's rules and scores, %d by people confirming a suggested match, %d by people on their own",
			decisions.ByRule, decisions.BySuggestion, decisions.ByPerson)}))
	m.Figures = append(m.Figures, anomalyFigure(anomalies))
	m.Figures = append(m.Figures, systemsFigure(systems))
	for level := 1; level <= 5; level++ {
		met := true
		for _, f := range m.Figures {
			if f.Level == level && !f.Met {
				met = false
				m.Next = fmt.Sprintf("level %d needs %s %s (measured: %s)", level, f.Name, f.Target, f.Value)
			}
		}
		if !met {
			break
		}
		m.Level = level
	}
	if m.Level == 5 {
		m.Next = "every level is met"
	}
	return m
}

// share is a figure that is a share of a whole with a minimum.
func share(name string, level, part, whole int, target string, evidence []string) Figure {
	f := Figure{Name: name, Level: level, Target: ">= " + percent(decimal.RequireFromString(target)), Evidence: evidence, Value: "not measured"}
	if whole == 0 {
		f.Evidence = append(f.Evidence, "nothing to measure in the period")
		return f
	}
	r := decimal.NewFromInt(int64(part)).Div(decimal.NewFromInt(int64(whole)))
	f.Value, f.Measured = percent(r), true
	f.Met = r.GreaterThanOrEqual(decimal.RequireFromString(target))
	return f
}

func percent(r decimal.Decimal) string { return r.Mul(decimal.NewFromInt(100)).StringFixed(2) + "%" }

func statusEvents(s Summary, st Status) int {
	for _, x := range s.ByStatus {
		if x.Status == st {
			return x.Events
		}
	}
	return 0
}

func exceptionText(s Summary) string {
	if len(s.Exceptions) == 0 {
		return "none"
	}
	out := ""
	for i, e := range s.Exceptions {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%s %d", e.Code, e.Events)
	}
	return out
}

// closeFigure is the month-end close-time proxy: how long after the period ended the
// last document its auto-reconciled events needed happened.
func closeFigure(q Query, sum Summary, closedAt time.Time, doc DocRef) Figure {
	f := Figure{Name: "month-end close time (proxy)", Value: "not measured"}
	if closedAt.IsZero() {
		f.Evidence = []string{"no auto-reconciled event in the period"}
		return f
	}
	after := max(closedAt.Sub(q.To), 0)
	f.Value, f.Measured, f.Met = hours(after), true, true
	f.Evidence = []string{
		fmt.Sprintf("the last document of an auto-reconciled event (%s/%s/%s) happened %s after the period's end", doc.System, doc.Type, doc.ExternalID, hours(after)),
		fmt.Sprintf("%d events still need a person", sum.Events-sum.AutoReconciled),
	}
	return f
}

func hours(d time.Duration) string {
	return decimal.NewFromInt(int64(d/time.Second)).Div(decimal.NewFromInt(3600)).StringFixed(1) + " h"
}

// anomalyFigure judges the 95th percentile of the time from the document that revealed
// an anomaly reaching Seam to Seam recording it, and shows beside it the time from the
// document's own time, which adds how late its source sent it.
func anomalyFigure(as []Anomaly) Figure {
	f := Figure{Name: "anomaly response time (p95)", Level: 4, Target: "<= 15 min", Value: "not measured"}
	if len(as) == 0 {
		f.Evidence = []string{"no anomaly recorded in the period"}
		return f
	}
	response := make([]time.Duration, len(as))
	overall := make([]time.Duration, len(as))
	for i, a := range as {
		response[i] = max(a.Recorded.Sub(a.Arrived), 0)
		overall[i] = max(a.Recorded.Sub(a.Occurred), 0)
	}
	slices.Sort(response)
	slices.Sort(overall)
	p95 := func(ds []time.Duration) time.Duration { return ds[(len(ds)*95+99)/100-1] }
	f.Value, f.Measured, f.Met = minutes(p95(response)), true, p95(response) <= anomalyResponseLimit
	f.Evidence = []string{
		fmt.Sprintf("%d anomalies; from the revealing document reaching Seam to the anomaly recorded: median %s, p95 %s, max %s",
			len(as), minutes(response[len(response)/2]), minutes(p95(response)), minutes(response[len(response)-1])),
		fmt.Sprintf("from the revealing document's own time (adding its source's delay in sending it): median %s, p95 %s",
			minutes(overall[len(overall)/2]), minutes(p95(overall))),
	}
	as = slices.Clone(as)
	slices.SortFunc(as, func(a, b Anomaly) int { return cmp.Compare(b.Recorded.Sub(b.Arrived), a.Recorded.Sub(a.Arrived)) })
	for _, a := range as[:min(3, len(as))] {
		f.Evidence = append(f.Evidence, fmt.Sprintf("%s: recorded %s after it arrived", a.What, minutes(max(a.Recorded.Sub(a.Arrived), 0))))
	}
	return f
}

func minutes(d time.Duration) string {
	return decimal.NewFromInt(int64(d/time.Second)).Div(decimal.NewFromInt(60)).StringFixed(1) + " min"
}

// systemsFigure counts the systems whose documents meet another system's in one action.
func systemsFigure(systems []SystemLinks) Figure {
	f := Figure{Name: "external systems connected semantically", Level: 5, Target: fmt.Sprintf(">= %d", systemsTarget), Measured: true}
	n := 0
	for _, s := range systems {
		if s.Events > 0 {
			n++
			f.Evidence = append(f.Evidence, fmt.Sprintf("%s: %d business actions shared with another system", s.System, s.Events))
		} else {
			f.Evidence = append(f.Evidence, fmt.Sprintf("%s: documents, but none in an action with another system", s.System))
		}
	}
	f.Value, f.Met = fmt.Sprint(n), n >= systemsTarget
	return f
}
