package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// TestMain lets a test run the real seam binary's main in a child process (the test
// binary itself), so that a test can kill it mid-run.
func TestMain(m *testing.M) {
	if args := os.Getenv("SEAM_TEST_MAIN_ARGS"); args != "" {
		os.Args = append([]string{"seam"}, strings.Split(args, "\x1f")...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func writeOrders(t *testing.T, dir string, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		body := fmt.Sprintf(`{"id": %d, "name": "#%d", "order_number": %d, "created_at": "2025-03-04T10:15:22+08:00",
 "currency": "EUR", "financial_status": "paid", "total_price": "24.00",
 "line_items": [{"id": %d, "sku": "SKU-%d", "title": "Item", "quantity": 1, "price": "24.00"}]}`, 7000000000000+i, 1000+i, 1000+i, 9000000+i, i%50)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("order-%05d.json", i)), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIngestKilledMidwayThenRerunStoresEachDocumentOnce(t *testing.T) {
	store := neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	dir := t.TempDir()
	const n = 1500
	writeOrders(t, dir, n)
	args := strings.Join([]string{"ingest", "--tenant", tenant, "--system", "shopify", "--type", "order", "--batch", "50", dir}, "\x1f")

	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "SEAM_TEST_MAIN_ARGS="+args, "SEAM_LOG_LEVEL=error")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once the progress bar shows some files done, well before the end.
	killed := make(chan struct{})
	go func() {
		defer close(killed)
		r := bufio.NewReader(stderr)
		buf := make([]byte, 256)
		for {
			k, err := r.Read(buf)
			if k > 0 && bytes.Contains(buf[:k], []byte("/1500 files")) && !bytes.Contains(buf[:k], []byte(" 0/1500")) {
				_ = cmd.Process.Signal(syscall.SIGKILL)
				_, _ = io.Copy(io.Discard, r)
				return
			}
			if err != nil {
				return
			}
		}
	}()
	<-killed
	_ = cmd.Wait()
	ctx := context.Background()
	mid, err := store.Stats(ctx, tenant)
	if err != nil {
		t.Fatal(err)
	}
	if mid.Documents == 0 || mid.Documents >= n {
		t.Fatalf("the kill came at %d of %d documents; the test needs it midway", mid.Documents, n)
	}

	cfg := testConfig(t)
	var out bytes.Buffer
	if err := runIngest(ctx, cfg, slog.New(slog.DiscardHandler),
		[]string{"--tenant", tenant, "--system", "shopify", "--type", "order", "--quiet", dir}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	st, err := store.Stats(ctx, tenant)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != n || st.Pending != 0 || st.Events != n || st.Quarantined != 0 {
		t.Fatalf("after the rerun: %+v (killed at %d); summary: %s", st, mid.Documents, out.String())
	}
	want := fmt.Sprintf("%d accepted, 0 updated, %d duplicates", n-mid.Documents, mid.Documents)
	if !strings.Contains(out.String(), want) {
		t.Fatalf("summary %q, want %q", out.String(), want)
	}
	// Every sale's movement is in the cache exactly once: the cache equals the ledger.
	p := inventory.NewProjector(store, rediscache.New(redistest.Open(t)))
	if diffs, err := p.Verify(ctx, tenant); err != nil || len(diffs) != 0 {
		t.Fatalf("cache differs from the ledger: %+v, %v", diffs, err)
	}
}

// TestIngestRefusesWhatItCannotRun: a batch size below one (which crashed, or looped for
// ever) and a system or type no mapping reads (which quarantined every file) are usage
// errors before anything is stored, naming what there is.
func TestIngestRefusesWhatItCannotRun(t *testing.T) {
	neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	dir := t.TempDir()
	writeOrders(t, dir, 1)
	cfg := testConfig(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--system", "shopify", "--type", "order", "--batch", "0"}, "--batch 0: want 1 or more"},
		{[]string{"--system", "shopify", "--type", "order", "--batch", "-1"}, "--batch -1: want 1 or more"},
		{[]string{"--system", "shopfy", "--type", "order"}, `no mapping reads system "shopfy"; systems: `},
		{[]string{"--system", "shopify", "--type", "orders"}, `no mapping reads type "orders" of system "shopify"; its types: `},
		{[]string{"--system", "iot", "--type", "weight"}, `system iot has type reading only`},
	} {
		err := runIngest(context.Background(), cfg, slog.New(slog.DiscardHandler), append(append([]string{"--tenant", tenant, "--quiet"}, c.args...), dir), io.Discard, io.Discard)
		var u usageError
		if !errors.As(err, &u) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("seam ingest %s: %v, want a usage error with %q", strings.Join(c.args, " "), err, c.want)
		}
	}
	var out bytes.Buffer
	err := runIngest(context.Background(), cfg, slog.New(slog.DiscardHandler), []string{"--tenant", tenant, "--quiet", "--system", "shopfy", "--type", "order", dir}, &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "shopify") {
		t.Errorf("the systems named: %v", err)
	}
	if st, err := neo4jtest.Open(t).Stats(context.Background(), tenant); err != nil || st.Documents != 0 || st.Quarantined != 0 {
		t.Errorf("refused runs stored %+v (%v)", st, err)
	}
}

// TestIngestCarriesOnPastAnUnreadableFile: a file that cannot be read (here a link to
// nothing) is named and the run goes on; the rest are stored and resolved, and the
// command fails so that a script sees it. A quarantined file names its path, and a
// replay of it does not count as the bytes arriving again.
func TestIngestCarriesOnPastAnUnreadableFile(t *testing.T) {
	store := neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	dir := t.TempDir()
	writeOrders(t, dir, 2)
	if err := os.Symlink(filepath.Join(dir, "gone.json"), filepath.Join(dir, "order-00000b.json")); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "order-00001b.json")
	if err := os.WriteFile(bad, []byte(`{"id": 1, "line_items": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	var out bytes.Buffer
	err := runIngest(ctx, cfg, log, []string{"--tenant", tenant, "--quiet", "--batch", "1", "--system", "shopify", "--type", "order", dir}, &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "1 of 4 files could not be read") {
		t.Errorf("error %v, want one file not read", err)
	}
	if s := out.String(); !strings.Contains(s, "ingested 3 files") || !strings.Contains(s, "2 accepted") ||
		!strings.Contains(s, "1 quarantined; 2 resolved") || !strings.Contains(s, "not read: open "+filepath.Join(dir, "order-00000b.json")) {
		t.Errorf("summary:\n%s", s)
	}
	items, err := store.QuarantineList(ctx, ontology.QuarantineFilter{Tenant: tenant, First: 10})
	if err != nil || len(items) != 1 || items[0].Source != bad || items[0].Count != 1 {
		t.Fatalf("quarantined %+v (%v), want one item from %s", items, err, bad)
	}
	out.Reset()
	if err := runQuarantine(ctx, cfg, log, []string{"replay", "--tenant", tenant}, &out); err != nil {
		t.Fatal(err)
	}
	items, err = store.QuarantineList(ctx, ontology.QuarantineFilter{Tenant: tenant, First: 10})
	if err != nil || len(items) != 1 || items[0].Count != 1 || items[0].Source != bad {
		t.Errorf("after a replay: %+v (%v), want the count still 1 and the source kept", items, err)
	}
}

// TestIngestSaysWhoResolvedTheRest: a server serving the tenant takes up what an ingest
// stores (its sweep), so the ingest's own count of what it resolved may be anything
// down to 0, which read as if nothing was; the summary then says that nothing is left
// pending and who resolved the rest.
func TestIngestSaysWhoResolvedTheRest(t *testing.T) {
	if got := resolvedByOthers("acme", 40, 40); got != "" {
		t.Errorf("all resolved here: %q", got)
	}
	if got, want := resolvedByOthers("acme", 40, 0), "nothing of tenant acme is left pending: a running server resolved the other 40"; got != want {
		t.Errorf("none resolved here: %q, want %q", got, want)
	}
	// An order and its newer version stored in one run are one document, resolved once.
	order := ontology.DocKey{Tenant: "acme", System: "shopify", Type: "order", ExternalID: "820982911946154508"}
	other := order
	other.ExternalID = "820982911946154509"
	if n := distinctDocuments([]ontology.DocKey{order, other, order}); n != 2 {
		t.Errorf("two documents, one stored twice, counted as %d", n)
	}
	if got := resolvedByOthers("acme", distinctDocuments([]ontology.DocKey{order, other, order}), 2); got != "" {
		t.Errorf("both documents resolved here, one of them in two versions: %q", got)
	}
	if got := resolvedByOthers("acme", 40, 25); !strings.Contains(got, "the other 15") {
		t.Errorf("some resolved here: %q", got)
	}
}
