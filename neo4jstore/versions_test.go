package neo4jstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// versions is a test's one document, saved in versions with the source's clock.
type versions struct {
	t      *testing.T
	ctx    context.Context
	s      *neo4jstore.Store
	tenant string
	key    ontology.DocKey
}

func newVersions(t *testing.T) *versions {
	s := neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	return &versions{t: t, ctx: context.Background(), s: s, tenant: tenant,
		key: ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: "1047"}}
}

var t0 = time.Date(2025, 3, 4, 2, 15, 22, 0, time.UTC)

// env is a version of the order: sold at t0, with its verb, the source's clock at t0
// plus the given minutes (none when negative) and an optional revision number.
func (v *versions) env(verb ontology.Verb, minutes int, rev *int64) ontology.Envelope {
	d := ontology.Document{Key: v.key, Role: ontology.RoleOrder, Verb: verb, OccurredAt: t0, SourceVersion: rev,
		Location: &ontology.LocationRef{System: "shopify", Code: "online"},
		Lines:    []ontology.Line{{SKU: "TEA-OOL-250G", Qty: ontology.Units(2)}}}
	if minutes >= 0 {
		d.SourceTime = t0.Add(time.Duration(minutes) * time.Minute)
	}
	raw := fmt.Sprintf(`{"id":1047,"status":%q,"updated":%d,"rev":%v}`, verb, minutes, int64OrZero(rev))
	return ontology.Envelope{Doc: d, Raw: []byte(raw), Format: "json", Via: "webhook"}
}

func int64OrZero(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func rev(n int64) *int64 { return &n }

func (v *versions) save(envs ...ontology.Envelope) []string {
	v.t.Helper()
	got, err := v.s.SaveDocuments(v.ctx, envs)
	if err != nil {
		v.t.Fatal(err)
	}
	return got
}

func (v *versions) saveOne(e ontology.Envelope, want string) {
	v.t.Helper()
	if got := v.save(e); got[0] != want {
		v.t.Fatalf("saving %s: outcome %s, want %s", e.Raw, got[0], want)
	}
}

func (v *versions) doc() *ontology.StoredDocument {
	v.t.Helper()
	d, err := v.s.Document(v.ctx, v.key)
	if err != nil || d == nil {
		v.t.Fatalf("document: %+v %v", d, err)
	}
	return d
}

// history renders the versions newest first: "raw#number*" with * on the current one.
func (v *versions) history() []string {
	v.t.Helper()
	vs, err := v.s.DocumentVersions(v.ctx, v.key)
	if err != nil {
		v.t.Fatal(err)
	}
	out := make([]string, len(vs))
	for i, x := range vs {
		out[i] = fmt.Sprintf("%s#%d", x.Raw, x.Version)
		if x.Current {
			out[i] += "*"
		}
		if x.Hash != ontology.Hash(x.Raw) {
			v.t.Errorf("version %d: hash %s is not its bytes' hash", x.Version, x.Hash)
		}
	}
	return out
}

func (v *versions) wantHistory(want ...string) {
	v.t.Helper()
	if got := v.history(); fmt.Sprint(got) != fmt.Sprint(want) {
		v.t.Fatalf("versions =\n  %v\nwant\n  %v", got, want)
	}
}

// resolve runs resolution of the tenant's pending documents.
func (v *versions) resolve() resolver.Stats {
	v.t.Helper()
	st, err := resolver.NewMatcher(v.s, resolver.NewRegistry(nil, nil), nil).Process(v.ctx, v.tenant, 500)
	if err != nil {
		v.t.Fatal(err)
	}
	return st
}

func (v *versions) stock() string {
	v.t.Helper()
	tot, err := v.s.Totals(v.ctx, v.tenant)
	if err != nil {
		v.t.Fatal(err)
	}
	return fmt.Sprintf("%+v", tot)
}

// A stale version (older by the source's clock) arriving after the newer one is kept as
// history and changes nothing else: the document, its resolution and stock stay.
func TestStaleVersionIsKeptAsHistoryOnly(t *testing.T) {
	v := newVersions(t)
	shipped, reserved := v.env(ontology.VerbFulfilled, 20, nil), v.env(ontology.VerbPaid, 10, nil)
	v.saveOne(shipped, neo4jstore.OutcomeNew)
	if st := v.resolve(); st.Documents != 1 {
		t.Fatalf("resolution: %+v", st)
	}
	before := v.doc()
	stockBefore := v.stock()

	v.saveOne(reserved, neo4jstore.OutcomeStale)
	after := v.doc()
	if after.Pending || after.Verb != "fulfilled" || string(after.Raw) != string(shipped.Raw) ||
		after.Canonical != before.Canonical || after.Version != 1 || after.ReceivedAt != before.ReceivedAt || after.EventID != before.EventID {
		t.Fatalf("a stale version changed the document: %+v", after)
	}
	if st := v.resolve(); st.Documents != 0 || len(st.Movements) != 0 {
		t.Fatalf("a stale version was resolved: %+v", st)
	}
	if got := v.stock(); got != stockBefore {
		t.Fatalf("stock moved: %s, was %s", got, stockBefore)
	}
	v.wantHistory(string(shipped.Raw)+"#1*", string(reserved.Raw)+"#2")
	vs, _ := v.s.DocumentVersions(v.ctx, v.key)
	if !vs[0].Clock.Time.Equal(t0.Add(20*time.Minute)) || !vs[1].Clock.Time.Equal(t0.Add(10*time.Minute)) ||
		vs[1].Via != "webhook" || vs[1].Format != "json" || vs[1].ReceivedAt.IsZero() {
		t.Fatalf("versions lost their facts: %+v", vs)
	}
}

// A newer version arriving after an older one becomes current, and the older one is
// kept with its bytes.
func TestNewerVersionBecomesCurrent(t *testing.T) {
	v := newVersions(t)
	reserved, shipped := v.env(ontology.VerbPaid, 10, nil), v.env(ontology.VerbFulfilled, 20, nil)
	v.saveOne(reserved, neo4jstore.OutcomeNew)
	v.resolve()
	v.saveOne(shipped, neo4jstore.OutcomeUpdated)
	d := v.doc()
	if !d.Pending || d.Verb != "fulfilled" || string(d.Raw) != string(shipped.Raw) || d.Version != 2 {
		t.Fatalf("the newer version is not current: %+v", d)
	}
	v.wantHistory(string(shipped.Raw)+"#2*", string(reserved.Raw)+"#1")
}

// The same bytes again are a duplicate, whether they are the current version or one
// kept as history, and in any batch.
func TestRedeliveredVersionIsDuplicate(t *testing.T) {
	v := newVersions(t)
	a, b, c := v.env(ontology.VerbPaid, 10, nil), v.env(ontology.VerbFulfilled, 30, nil), v.env(ontology.VerbPaid, 20, nil)
	if got := v.save(a, b, c); fmt.Sprint(got) != "[new updated stale]" {
		t.Fatalf("outcomes %v", got)
	}
	if got := v.save(c, a, b, a); fmt.Sprint(got) != "[duplicate duplicate duplicate duplicate]" {
		t.Fatalf("redelivery outcomes %v", got)
	}
	v.wantHistory(string(b.Raw)+"#2*", string(c.Raw)+"#3", string(a.Raw)+"#1")
	if d := v.doc(); d.Version != 2 || string(d.Raw) != string(b.Raw) {
		t.Fatalf("document = version %d %s", d.Version, d.Raw)
	}
}

// A revision number decides before times: Square's version 5 stays current against a
// version 4 stamped later.
func TestSourceVersionDecidesBeforeTime(t *testing.T) {
	v := newVersions(t)
	five, four := v.env(ontology.VerbPaid, 10, rev(5)), v.env(ontology.VerbCancelled, 50, rev(4))
	v.saveOne(five, neo4jstore.OutcomeNew)
	v.saveOne(four, neo4jstore.OutcomeStale)
	six := v.env(ontology.VerbCancelled, 5, rev(6))
	v.saveOne(six, neo4jstore.OutcomeUpdated)
	v.wantHistory(string(six.Raw)+"#3*", string(five.Raw)+"#1", string(four.Raw)+"#2")
	vs, _ := v.s.DocumentVersions(v.ctx, v.key)
	if vs[0].Clock.Version == nil || *vs[0].Clock.Version != 6 || vs[2].Clock.Version == nil || *vs[2].Clock.Version != 4 {
		t.Fatalf("version numbers lost: %+v", vs)
	}
}

// Without a clock on both sides, the later arrival wins, as before versions were ordered.
func TestWithoutClockTheLaterArrivalWins(t *testing.T) {
	v := newVersions(t)
	a, b := v.env(ontology.VerbPaid, -1, nil), v.env(ontology.VerbCancelled, -1, nil)
	v.saveOne(a, neo4jstore.OutcomeNew)
	v.saveOne(b, neo4jstore.OutcomeUpdated)
	same1, same2 := v.env(ontology.VerbPaid, 10, nil), v.env(ontology.VerbFulfilled, 10, nil)
	v.saveOne(same1, neo4jstore.OutcomeUpdated) // a clock on one side only cannot prove it older
	v.saveOne(same2, neo4jstore.OutcomeUpdated) // equal clocks
	v.wantHistory(string(same2.Raw)+"#4*", string(same1.Raw)+"#3", string(b.Raw)+"#2", string(a.Raw)+"#1")
}

// A document stored before versions were kept keeps working: its first new version
// makes what it holds the first entry of its history. Its clock was not stored, so that
// first new version wins by arrival, as every version did before.
func TestDocumentStoredBeforeVersionsGetsHistory(t *testing.T) {
	for _, c := range []struct {
		name    string
		minutes int
		outcome string
	}{{"newer", 30, neo4jstore.OutcomeUpdated}, {"no clock", -1, neo4jstore.OutcomeUpdated}} {
		t.Run(c.name, func(t *testing.T) {
			v := newVersions(t)
			old := v.env(ontology.VerbPaid, -1, nil)
			v.saveOne(old, neo4jstore.OutcomeNew)
			if err := v.s.AsStoredBeforeVersions(v.ctx, v.key, 3); err != nil {
				t.Fatal(err)
			}
			v.wantHistory(string(old.Raw) + "#3*")
			next := v.env(ontology.VerbFulfilled, c.minutes, nil)
			v.saveOne(next, c.outcome)
			v.saveOne(old, neo4jstore.OutcomeDuplicate)
			v.wantHistory(string(next.Raw)+"#4*", string(old.Raw)+"#3")
		})
	}
}

// Versions delivered concurrently in any order end with the newest by the source's
// clock current and every version kept once.
func TestConcurrentVersionsEndWithTheNewest(t *testing.T) {
	v := newVersions(t)
	const n = 8
	envs := make([]ontology.Envelope, n)
	for i := range envs {
		envs[i] = v.env(ontology.VerbPaid, i, nil)
	}
	order := rand.Perm(n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for _, i := range order {
		wg.Go(func() {
			if _, err := v.s.SaveDocuments(v.ctx, []ontology.Envelope{envs[i]}); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if d := v.doc(); string(d.Raw) != string(envs[n-1].Raw) {
		t.Fatalf("arrival order %v left %s current, want %s", order, d.Raw, envs[n-1].Raw)
	}
	vs, err := v.s.DocumentVersions(v.ctx, v.key)
	if err != nil || len(vs) != n {
		t.Fatalf("%d versions kept, want %d: %v", len(vs), n, err)
	}
	for i, x := range vs {
		if want := envs[n-1-i].Raw; string(x.Raw) != string(want) {
			t.Errorf("version %d = %s, want %s", i, x.Raw, want)
		}
	}
}

func TestDocumentVersionsOfUnknownDocument(t *testing.T) {
	v := newVersions(t)
	if vs, err := v.s.DocumentVersions(v.ctx, v.key); err != nil || vs != nil {
		t.Fatalf("versions of nothing = %v, %v", vs, err)
	}
}

// Two versions with the same source time (Stripe's charge.captured and charge.refunded
// sharing their event's created second) are told apart by their progression: the
// refunded version stays current when the captured one arrives after it, and the
// progression is kept with each version. Before, the later arrival won: the captured
// charge became current again.
func TestProgressionBreaksATieOfTheClock(t *testing.T) {
	v := newVersions(t)
	at := func(verb ontology.Verb, progress ...int64) ontology.Envelope {
		e := v.env(verb, 10, nil)
		e.Doc.SourceProgress = progress
		e.Raw = fmt.Appendf(nil, `{"id":1047,"status":%q,"progress":%v}`, verb, progress)
		return e
	}
	authorised, captured, refunded := at(ontology.VerbOrdered, 1, 0, 0), at(ontology.VerbPaid, 1, 5000, 0), at(ontology.VerbRefunded, 1, 5000, 5000)
	v.saveOne(authorised, neo4jstore.OutcomeNew)
	v.saveOne(refunded, neo4jstore.OutcomeUpdated)
	v.saveOne(captured, neo4jstore.OutcomeStale)
	if d := v.doc(); d.Verb != string(ontology.VerbRefunded) {
		t.Fatalf("current verb %s, want refunded", d.Verb)
	}
	v.wantHistory(string(refunded.Raw)+"#2*", string(captured.Raw)+"#3", string(authorised.Raw)+"#1")
	vs, _ := v.s.DocumentVersions(v.ctx, v.key)
	if fmt.Sprint(vs[0].Clock.Progress, vs[1].Clock.Progress, vs[2].Clock.Progress) != "[1 5000 5000] [1 5000 0] [1 0 0]" {
		t.Errorf("progressions lost: %v %v %v", vs[0].Clock.Progress, vs[1].Clock.Progress, vs[2].Clock.Progress)
	}
}
