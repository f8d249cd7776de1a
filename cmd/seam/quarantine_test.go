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

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
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
