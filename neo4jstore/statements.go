package neo4jstore

import (
	"context"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// StatementProfile adds up, per place in the code that runs a statement, how often it
// ran, how long the client waited for it, how long the server said it took and, when
// asked, the database hits of its plan. Issue 14's ingest and backlog work was guided by
// throwaway patches that timed statements one by one; this is that instrument kept,
// switched on per context (WithStatementProfile) so that the ordinary path pays one
// context lookup a statement and nothing else.
//
// The database hits come from running each statement under PROFILE, which makes Neo4j
// count its work row by row: the times of such a run are dearer than the ordinary
// ones, so compare hits with hits and times with times from a run without them.
type StatementProfile struct {
	dbHits bool
	mu     sync.Mutex
	sites  map[string]*StatementStat
	// commits times what a write transaction takes beyond its function: the COMMIT's
	// round trip and the server's work to make the transaction durable.
	commits StatementStat
}

// StatementStat is one site's sums.
type StatementStat struct {
	// Site is the function that ran the statement and its line.
	Site string
	// Head is the statement's first words, to tell two statements of one site apart.
	Head  string
	Calls int
	Rows  int
	// Wait is what the client waited from sending the statement to its last record.
	Wait time.Duration
	// Server is what Neo4j reported: until the first record was available plus until
	// the last was consumed.
	Server time.Duration
	// DBHits is the plan's database hits, summed over the plan's operators; 0 unless
	// the profile was asked for them.
	DBHits int64
	// Shapes is how many different plans Neo4j may have made for the site: its
	// statement texts times the types of their parameters, which Neo4j keys its plan
	// cache by. An empty list is not of the type of a list of strings, so a statement
	// whose list parameters are empty in some calls and not in others is planned once
	// for each pattern: 0.3-3 s each for a statement of ten subqueries on two busy
	// cores. More than one shape is worth a look.
	Shapes int
	shapes map[string]struct{}
}

// NewStatementProfile returns an empty profile; with dbHits, statements run under
// PROFILE and their database hits are counted.
func NewStatementProfile(dbHits bool) *StatementProfile {
	return &StatementProfile{dbHits: dbHits, sites: make(map[string]*StatementStat)}
}

type profileKey struct{}

// WithStatementProfile returns a context under which the store's statements are added to
// p. Work started from it (a benchmark's drain, one request) is what p measures.
func WithStatementProfile(ctx context.Context, p *StatementProfile) context.Context {
	return context.WithValue(ctx, profileKey{}, p)
}

func profileOf(ctx context.Context) *StatementProfile {
	p, _ := ctx.Value(profileKey{}).(*StatementProfile)
	return p
}

// statementRunner runs one statement: a transaction's Run, or a session's for an
// auto-commit read.
type statementRunner func(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error)

// profiledRun runs one statement with runner under p, collecting its records when
// collect is set. skip is how many frames above profiledRun the statement's site is.
func (p *StatementProfile) profiledRun(ctx context.Context, runner statementRunner, cypher string, params map[string]any, collect bool, skip int) ([]*neo4j.Record, error) {
	site := callerSite(skip + 1)
	text := cypher
	if p.dbHits && profilable(cypher) {
		text = "PROFILE " + cypher
	}
	start := time.Now()
	res, err := runner(ctx, text, params)
	if err != nil {
		return nil, err
	}
	var recs []*neo4j.Record
	if collect {
		if recs, err = res.Collect(ctx); err != nil {
			return nil, err
		}
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	p.add(site, cypher, params, len(recs), time.Since(start), sum)
	return recs, nil
}

func (p *StatementProfile) add(site, cypher string, params map[string]any, rows int, wait time.Duration, sum neo4j.ResultSummary) {
	head := statementHead(cypher)
	key := site + "\x00" + head
	shape := cypher + "\x00" + paramTypes(params)
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.sites[key]
	if st == nil {
		st = &StatementStat{Site: site, Head: head, shapes: map[string]struct{}{}}
		p.sites[key] = st
	}
	if _, ok := st.shapes[shape]; !ok {
		st.shapes[shape] = struct{}{}
		st.Shapes++
	}
	st.Calls++
	st.Rows += rows
	st.Wait += wait
	if sum != nil {
		st.Server += sum.ResultAvailableAfter() + sum.ResultConsumedAfter()
		if pl := sum.Profile(); pl != nil {
			st.DBHits += planHits(pl)
		}
	}
}

// addCommit counts one write transaction's time beyond its function.
func (p *StatementProfile) addCommit(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.commits.Calls++
	p.commits.Wait += d
}

// Stats returns every site's sums, the dearest first (by wait), and the commits' as the
// last value.
func (p *StatementProfile) Stats() ([]StatementStat, StatementStat) {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]StatementStat, 0, len(p.sites))
	for _, st := range p.sites {
		c := *st
		c.shapes = nil
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b StatementStat) int {
		if a.Wait != b.Wait {
			return int(b.Wait - a.Wait)
		}
		return strings.Compare(a.Site+a.Head, b.Site+b.Head)
	})
	c := p.commits
	c.Site, c.Head = "(commit)", "COMMIT of a write transaction"
	return out, c
}

// Print writes the n dearest sites as a table, then the commits and the totals; n <= 0
// prints every site.
func (p *StatementProfile) Print(w io.Writer, n int) {
	stats, commits := p.Stats()
	var all StatementStat
	for _, st := range stats {
		all.Calls += st.Calls
		all.Rows += st.Rows
		all.Wait += st.Wait
		all.Server += st.Server
		all.DBHits += st.DBHits
	}
	fmt.Fprintf(w, "%-9s %7s %9s %9s %11s %6s  %s\n", "wait ms", "calls", "rows", "server ms", "db hits", "shapes", "site: statement")
	for i, st := range stats {
		if n > 0 && i == n {
			fmt.Fprintf(w, "… %d more sites\n", len(stats)-n)
			break
		}
		fmt.Fprintf(w, "%9.1f %7d %9d %9.1f %11d %6d  %s: %s\n", ms(st.Wait), st.Calls, st.Rows, ms(st.Server), st.DBHits, st.Shapes, st.Site, st.Head)
	}
	fmt.Fprintf(w, "%9.1f %7d %9s %9s %11s %6s  %s\n", ms(commits.Wait), commits.Calls, "", "", "", "", commits.Head)
	fmt.Fprintf(w, "%9.1f %7d %9d %9.1f %11d %6s  all statements\n", ms(all.Wait), all.Calls, all.Rows, ms(all.Server), all.DBHits, "")
}

// paramTypes describes the types of a statement's parameters as Neo4j's plan cache
// tells them apart, as far as the client can know: lists as empty or not (with the type
// of their first element); a map is a map whatever it holds (measured: a map of lists,
// some empty, is planned once).
func paramTypes(params map[string]any) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(params)) {
		b.WriteString(k)
		b.WriteString(":")
		writeType(&b, params[k])
		b.WriteString(",")
	}
	return b.String()
}

func writeType(b *strings.Builder, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case map[string]any:
		b.WriteString("map")
	case []string:
		if len(v) == 0 {
			b.WriteString("[]")
		} else {
			b.WriteString("[string]")
		}
	case []map[string]any:
		if len(v) == 0 {
			b.WriteString("[]")
		} else {
			b.WriteString("[map]")
		}
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
		} else {
			b.WriteString("[")
			writeType(b, v[0])
			b.WriteString("]")
		}
	default:
		fmt.Fprintf(b, "%T", v)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// planHits sums the database hits of a profiled plan's operators.
func planHits(pl neo4j.ProfiledPlan) int64 {
	n := pl.DbHits()
	for _, c := range pl.Children() {
		n += planHits(c)
	}
	return n
}

// profilable says whether PROFILE may be put before a statement: not before one that
// already starts with a query option, EXPLAIN or PROFILE, nor before one that commits
// in batches of its own (PROFILE cannot run those).
func profilable(cypher string) bool {
	t := strings.ToUpper(strings.TrimSpace(cypher))
	for _, p := range []string{"CYPHER", "EXPLAIN", "PROFILE", "//", "SHOW", "CREATE INDEX", "CREATE CONSTRAINT", "DROP"} {
		if strings.HasPrefix(t, p) {
			return false
		}
	}
	return !strings.Contains(t, "IN TRANSACTIONS")
}

// statementHead is a statement's first words, at most 60 characters on one line.
func statementHead(cypher string) string {
	s := strings.Join(strings.Fields(cypher), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}

// callerSite names the function skip frames above callerSite, with its line, without
// the module path: "neo4jstore.(*resolutionTx).Apply:412".
func callerSite(skip int) string {
	pc, _, line, ok := runtime.Caller(skip + 1)
	if !ok {
		return "?"
	}
	name := "?"
	if fn := runtime.FuncForPC(pc); fn != nil {
		name = fn.Name()
		if i := strings.LastIndex(name, "/"); i >= 0 {
			name = name[i+1:]
		}
	}
	return fmt.Sprintf("%s:%d", name, line)
}
