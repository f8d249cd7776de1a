package simulate

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
)

// Doc is one document as a source system delivers it.
type Doc struct {
	System, Type string
	Format       string // json, xml
	ExternalID   string
	At           time.Time // when the business action happened
	Deliver      time.Time // when it reaches Seam (later for late and duplicate deliveries)
	Raw          []byte
	// Corrupt names the fault injected on purpose, or "".
	Corrupt string
	// Duplicate is true for a redelivery of a document sent before.
	Duplicate bool
}

// Sink receives generated documents in delivery order.
type Sink interface {
	Put(d Doc) error
}

// generator holds the state of one run.
type generator struct {
	cfg   Config
	r     *rand.Rand
	w     *world
	truth *truth
	queue map[int][]Doc // by delivery day
	seq   map[string]int64
	// e-shop sales waiting for their payout, and the current payout window
	unpaid []unpaidCharge
}

type unpaidCharge struct {
	txn, invoice string
	net          int64
}

func (g *generator) next(kind string) int64 {
	g.seq[kind]++
	return g.seq[kind]
}

func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

func (g *generator) dayOf(t time.Time) int {
	return int(t.Sub(g.cfg.Start) / (24 * time.Hour))
}

// emit queues a document for delivery, applying lateness, duplication and corruption,
// and records it in the truth under its action.
func (g *generator) emit(a *action, role string, d Doc, payload any) {
	if d.Raw == nil {
		b, err := json.Marshal(payload)
		if err != nil {
			panic(fmt.Sprintf("encoding %s/%s: %v", d.System, d.Type, err)) // only plain maps are encoded
		}
		d.Raw = b
		d.Format = "json"
	}
	d.Deliver = d.At
	if g.chance(g.cfg.Noise.Late) {
		d.Deliver = d.At.Add(time.Duration(24+g.r.IntN(48)) * time.Hour)
	}
	if g.chance(g.cfg.Noise.Corrupt) {
		d.Raw, d.Corrupt = corrupt(g.r, d)
	}
	g.truth.document(a, role, d)
	g.put(d)
	if d.Corrupt == "" && g.chance(g.cfg.Noise.Duplicate) {
		dup := d
		dup.Duplicate = true
		dup.Deliver = d.Deliver.Add(time.Duration(1+g.r.IntN(36)) * time.Hour)
		g.put(dup)
	}
}

func (g *generator) put(d Doc) {
	day := g.dayOf(d.Deliver)
	g.queue[day] = append(g.queue[day], d)
}

// corrupt breaks a document the way real feeds break, and says how.
func corrupt(r *rand.Rand, d Doc) ([]byte, string) {
	raw := string(d.Raw)
	switch r.IntN(3) {
	case 0:
		return []byte(raw[:len(raw)/2]), "truncated"
	case 1:
		if d.Format == "xml" {
			return []byte(strings.Replace(raw, "<TradeCurr>502</TradeCurr>", "<TradeCurr>999</TradeCurr>", 1)), "unknown currency"
		}
		if strings.Contains(raw, `"currency":"EUR"`) {
			return []byte(strings.Replace(raw, `"currency":"EUR"`, `"currency":"EUX"`, 1)), "unknown currency"
		}
		fallthrough
	default:
		// The source's own id goes missing: nothing can key the document.
		if d.ExternalID != "" && strings.Contains(raw, d.ExternalID) {
			return []byte(strings.ReplaceAll(raw, d.ExternalID, "")), "missing id"
		}
		return []byte(raw[:len(raw)/2]), "truncated"
	}
}

// Run generates the whole period into sink, and returns the truth.
func Run(cfg Config, sink Sink) (*Truth, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("simulator options: %w", err)
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x5eab))
	g := &generator{cfg: cfg, r: r, w: newWorld(cfg, r), queue: map[int][]Doc{}, seq: map[string]int64{}}
	g.truth = newTruth(cfg, g.w)
	for day := 0; day < cfg.Days; day++ {
		date := cfg.Start.Add(time.Duration(day) * 24 * time.Hour)
		g.simulateDay(day, date)
		if err := g.flush(day, sink); err != nil {
			return nil, err
		}
		g.truth.closeDay(day, date)
	}
	// Late documents of the last days arrive after the period.
	days := make([]int, 0, len(g.queue))
	for d := range g.queue {
		days = append(days, d)
	}
	sort.Ints(days)
	for _, d := range days {
		if err := g.flush(d, sink); err != nil {
			return nil, err
		}
	}
	return g.truth.finish(), nil
}

func (g *generator) flush(day int, sink Sink) error {
	docs := g.queue[day]
	delete(g.queue, day)
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Deliver.Before(docs[j].Deliver) })
	for _, d := range docs {
		if err := sink.Put(d); err != nil {
			return err
		}
	}
	return nil
}

// simulateDay runs one day of every side of the business.
func (g *generator) simulateDay(day int, date time.Time) {
	if day%7 == 0 {
		g.storeDeliveries(date)
		g.imports(date)
	}
	for _, s := range g.w.stores {
		g.storeDay(s, date)
		if g.chance(g.cfg.Noise.Shrinkage) {
			p := g.w.packaged[g.r.IntN(min(4, len(g.w.packaged)))]
			g.truth.shrink(s.ID, p, int64(1+g.r.IntN(2)), date.Add(12*time.Hour))
		}
	}
	g.eshopDay(date)
	if day%2 == 1 {
		g.payout(date.Add(20 * time.Hour))
	}
	g.pallets(date)
}

// clock returns a time in the day's opening hours (07:00 to 21:00 China time for stores,
// every hour for the e-shop), increasing with i.
func clock(date time.Time, i, n int, from, to int) time.Time {
	span := time.Duration(to-from) * time.Hour
	return date.Add(time.Duration(from)*time.Hour + span*time.Duration(i)/time.Duration(n+1))
}

func (g *generator) pick(ps []*product) *product { return ps[g.r.IntN(len(ps))] }

func (g *generator) basket(ps []*product, max int) []line {
	n := 1 + g.r.IntN(max)
	seen := map[string]bool{}
	var out []line
	for i := 0; i < n; i++ {
		p := g.pick(ps)
		if seen[p.SKU] {
			continue
		}
		seen[p.SKU] = true
		out = append(out, line{p: p, qty: int64(1 + g.r.IntN(2))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].p.SKU < out[j].p.SKU })
	return out
}
