package main

import (
	"bufio"
	"bytes"
	"context"
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
