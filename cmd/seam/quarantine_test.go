package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

const smallPOSMapping = `system: smallpos
type: order
role: pos
format: csv
groupBy: receipt_no
externalId: receipt_no
verb:
  path: status
  map: { Paid: paid }
status: status
occurredAt: { path: sold_at, time: "02/01/2006 15:04", zone: Europe/Amsterdam }
location: { code: store }
lines:
  each: "_rows[*]"
  sku: sku
  qty: qty
`

const smallPOSExport = "receipt_no,store,sold_at,sku,qty,status\n" +
	"R-1,AMS-1,04/03/2025 10:15,TEA-OOL-250G,2,Paid\n" +
	"R-2,AMS-1,04/03/2025 10:20,TEA-OOL-250G,1,Void\n"

// TestQuarantineListAndReplay: a record the partner's mapping cannot read is kept with
// its reason, listed over GraphQL and the CLI, and stored by a replay once the mapping
// is fixed.
func TestQuarantineListAndReplay(t *testing.T) {
	neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	maps := t.TempDir()
	if err := os.WriteFile(filepath.Join(maps, "smallpos-order.yaml"), []byte(smallPOSMapping), 0o600); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(t.TempDir(), "export.csv")
	os.WriteFile(data, []byte(smallPOSExport), 0o600)
	cfg := testConfig(t)
	cfg.Mappings = maps
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	var out bytes.Buffer
	if err := runIngest(ctx, cfg, log, []string{"--tenant", tenant, "--system", "smallpos", "--type", "order", "--quiet", data}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 accepted") || !strings.Contains(out.String(), "1 quarantined") {
		t.Fatalf("ingest summary: %s", out.String())
	}

	s := startServer(t, cfg)
	var q struct {
		Quarantine struct {
			Items []struct {
				System, Raw string
				Reasons     []struct{ Field, Rule, Message string }
			}
			HasNextPage bool
		}
	}
	res := graphQL(t, "http://"+s.Addr, tenant, `{ quarantine(first: 10) { items { system raw reasons { field rule message } } hasNextPage } }`, nil, &q)
	if len(res.Errors) > 0 || len(q.Quarantine.Items) != 1 {
		t.Fatalf("quarantine over graphql: %+v %+v", q, res.Errors)
	}
	item := q.Quarantine.Items[0]
	if item.System != "smallpos" || !strings.Contains(item.Raw, "R-2") || !strings.Contains(item.Reasons[0].Message, `"Void"`) {
		t.Fatalf("quarantined item = %+v", item)
	}

	out.Reset()
	if err := runQuarantine(ctx, cfg, log, []string{"list", "--tenant", tenant}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "smallpos") || !strings.Contains(out.String(), "1 items") {
		t.Fatalf("quarantine list: %s", out.String())
	}

	// Replay with the mapping still wrong: it stays, with its reason.
	out.Reset()
	if err := runQuarantine(ctx, cfg, log, []string{"replay", "--tenant", tenant}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "0 stored, 1 still refused") {
		t.Fatalf("replay before the fix: %s", out.String())
	}
	// The partner fixes the mapping; the replay stores the document.
	fixed := strings.Replace(smallPOSMapping, "{ Paid: paid }", "{ Paid: paid, Void: cancelled }", 1)
	os.WriteFile(filepath.Join(maps, "smallpos-order.yaml"), []byte(fixed), 0o600)
	out.Reset()
	if err := runQuarantine(ctx, cfg, log, []string{"replay", "--tenant", tenant}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 stored, 0 still refused") {
		t.Fatalf("replay after the fix: %s", out.String())
	}
	d, err := s.App.store.Document(ctx, docKey(tenant, "smallpos", "order", "R-2"))
	if err != nil || d == nil || d.Verb != "cancelled" || d.Via != "replay" {
		t.Fatalf("replayed document = %+v, %v", d, err)
	}
	res = graphQL(t, "http://"+s.Addr, tenant, `{ quarantine(status: "open") { items { system } } }`, nil, &q)
	if len(res.Errors) > 0 || len(q.Quarantine.Items) != 0 {
		t.Fatalf("open quarantine after replay: %+v %+v", q, res.Errors)
	}
}

// TestQuarantineDiscard: an operator drops the bytes of junk the quarantine holds,
// after seeing how many items the filter selects; the records stay, a replay passes them
// by, and the same bytes sent again open their item again.
func TestQuarantineDiscard(t *testing.T) {
	neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	cfg := testConfig(t)
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(ctx)
	old := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	item := func(raw string, at time.Time) ontology.Quarantined {
		return ontology.Quarantined{ID: ontology.QuarantineID(tenant, "sensor", "reading", []byte(raw)), Tenant: tenant,
			System: "sensor", Type: "reading", Raw: []byte(raw), Format: "json", Via: "mqtt", ReceivedAt: at,
			Problems: []ontology.Problem{{Field: "topic", Rule: "route", Message: "no such tenant"}}}
	}
	junk := []ontology.Quarantined{item(`{"w":1}`, old), item(`{"w":2}`, time.Now()), item(`{"w":3}`, time.Now())}
	if err := app.store.Quarantine(ctx, junk); err != nil {
		t.Fatal(err)
	}
	cli := func(args ...string) string {
		t.Helper()
		var out bytes.Buffer
		if err := runQuarantine(ctx, cfg, log, append(args, "--tenant", tenant), &out); err != nil {
			t.Fatalf("seam quarantine %s: %v", strings.Join(args, " "), err)
		}
		return out.String()
	}
	open := func(status string) map[string][]byte {
		t.Helper()
		items, err := app.store.QuarantineList(ctx, ontology.QuarantineFilter{Tenant: tenant, Status: status, First: 100})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string][]byte{}
		for _, q := range items {
			m[q.ID+" "+q.Status] = q.Raw
		}
		return m
	}

	if out := cli("discard", "--before", "2026-06-01"); !strings.Contains(out, "1 open items would be discarded") {
		t.Errorf("dry run: %s", out)
	}
	if n := len(open("open")); n != 3 {
		t.Fatalf("the dry run discarded: %d open, want 3", n)
	}
	if out := cli("discard", "--before", "2026-06-01", "--yes"); !strings.Contains(out, "1 items discarded") {
		t.Errorf("discard --before: %s", out)
	}
	all := open("")
	if raw, ok := all[junk[0].ID+" discarded"]; !ok || raw != nil || len(all) != 3 {
		t.Fatalf("after discarding the old item: %v", all)
	}
	if out := cli("discard", "--id", junk[1].ID, "--yes"); !strings.Contains(out, "1 items discarded") {
		t.Errorf("discard --id: %s", out)
	}
	if out := cli("replay"); !strings.Contains(out, "0 stored, 1 still refused") {
		t.Errorf("a replay after the discards: %s", out)
	}
	if err := app.store.Quarantine(ctx, junk[:1]); err != nil {
		t.Fatal(err)
	}
	if raw := open("open")[junk[0].ID+" open"]; string(raw) != `{"w":1}` {
		t.Errorf("the same bytes again: open item holds %q", raw)
	}
	if err := runQuarantine(ctx, cfg, log, []string{"discard", "--tenant", tenant, "--before", "soon"}, io.Discard); err == nil ||
		!strings.Contains(err.Error(), "--before") {
		t.Errorf("a bad --before: %v", err)
	}
}
