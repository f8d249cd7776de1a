package mapping_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Every built-in mapping reads the source's own clock of a version where the source has
// one (SOURCES.md), from its real-format samples: it decides which version of a document
// is current when versions arrive out of order.
func TestBuiltinSourceClocks(t *testing.T) {
	for _, c := range []struct {
		system, typ, format, file string
		time                      string // RFC 3339 in UTC; "" for none
		version                   string // "" for none
	}{
		{"shopify", "order", "", "shopify/orders_create.json", "2025-03-04T02:15:24Z", ""},
		{"shopify", "order", "", "shopify/order_rest.json", "2025-03-06T01:02:11Z", ""},
		// date_modified_gmt: UTC without an offset.
		{"woocommerce", "order", "", "woocommerce/order.json", "2025-03-04T10:16:01Z", ""},
		{"square", "order", "", "square/order.json", "2025-03-04T02:16:05.12Z", "4"},
		{"square", "order", "", "square/retrieve_order.json", "2025-03-04T02:16:05.12Z", "4"},
		{"square", "payment", "", "square/payment_updated.json", "2025-03-04T02:16:05.093Z", ""},
		// Inside an Event, the event's created (02:15:30), not the charge's (02:15:22).
		{"stripe", "charge", "", "stripe/charge_event.json", "2025-03-04T02:15:30Z", ""},
		{"stripe", "charge", "", "stripe/charge_failed.json", "2025-03-05T08:05:01Z", ""},
		// A bare charge has no clock: its own created never moves.
		{"stripe", "charge", "", "stripe/charge_jpy.json", "", ""},
		{"stripe", "payout", "", "stripe/payout_failed_event.json", "2025-03-10T00:01:40Z", ""},
		{"stripe", "payout", "", "stripe/payout.json", "", ""},
		{"stripe", "balance_transaction", "", "stripe/balance_transaction.json", "", ""},
		{"aftership", "tracking", "", "aftership/webhook.json", "2025-03-08T10:20:00Z", ""},
		{"aftership", "tracking", "", "aftership/tracking_v4.json", "2025-03-06T02:31:47Z", ""},
		{"meituan", "order", "", "meituan/order.json", "2025-03-04T02:43:42Z", ""},
		{"meituan", "order", "form", "meituan/push.form", "2025-03-04T03:13:29Z", ""},
		{"meituan", "order", "", "meituan/order_detail.json", "2025-03-05T08:01:00Z", ""},
		{"douyin", "order", "", "douyin/order.json", "2025-03-05T02:00:11Z", ""},
		// China time.
		{"pinduoduo", "order", "", "pinduoduo/order.json", "2025-03-04T10:02:11Z", ""},
		{"pinduoduo", "order", "", "pinduoduo/order_refunded.json", "2025-03-05T05:40:02Z", ""},
		{"shipbob", "receipt", "", "shipbob/wro.json", "2025-03-24T08:12:45.102331Z", ""},
		{"amazon-fba", "shipment", "", "amazon-fba/shipment.json", "2025-03-22T06:00:00Z", ""},
		{"amazon-fba", "shipment", "", "amazon-fba/shipment_in_transit.json", "2025-03-06T17:30:00Z", ""},
		{"china-customs", "order", "", "china-customs/ceb303-order.json", "2025-04-15T10:05:00Z", ""},
		{"china-customs", "order", "xml", "china-customs/ceb311-order.xml", "2025-04-12T01:30:15Z", ""},
		{"china-customs", "declaration", "xml", "china-customs/export-9810.xml", "", ""},
		// The site's local time (Amsterdam, UTC+1 in March) with microseconds.
		{"erpnext", "receipt", "", "erpnext/purchase_receipt.json", "2025-03-21T13:09:40.102331Z", ""},
		{"erpnext", "invoice", "", "erpnext/sales_invoice.json", "2025-03-04T09:20:41.918273Z", ""},
		{"erpnext", "payment", "", "erpnext/payment_entry.json", "2025-03-07T08:12:03.400115Z", ""},
	} {
		t.Run(c.file, func(t *testing.T) {
			d := one(t, c.system, c.typ, c.format, c.file)
			got, version := "", ""
			if !d.SourceTime.IsZero() {
				if d.SourceTime.Location() != time.UTC {
					t.Errorf("sourceTime %s is not UTC", d.SourceTime)
				}
				got = d.SourceTime.Format(time.RFC3339Nano)
			}
			if d.SourceVersion != nil {
				version = fmt.Sprint(*d.SourceVersion)
			}
			if got != c.time || version != c.version {
				t.Errorf("clock = %q version %q, want %q version %q", got, version, c.time, c.version)
			}
		})
	}
}

// Each built-in either reads a source clock or says in a comment why it has none, so
// that a new mapping cannot leave its versions to arrival order unnoticed.
func TestEveryBuiltinStatesItsClock(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("builtin", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no built-in files: %v", err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(raw)
		if !strings.Contains(s, "\nsourceTime:") && !strings.Contains(s, "\nsourceVersion:") && !strings.Contains(s, "# No source clock:") {
			t.Errorf("%s neither reads sourceTime/sourceVersion nor says \"# No source clock: ...\"", f)
		}
	}
}

// Stripe sends charge.captured and charge.refunded of a charge refunded at once with the
// same created second (review23 s8). Their progression (status, amount_captured,
// amount_refunded) says which came later, so the captured version arriving last does not
// become current; the charge's refunds, one version only, carry amount_refunded.
func TestStripeEventsInOneSecondOrderedByProgress(t *testing.T) {
	captured := sfOne(t, "stripe", "charge", "", "stripe/charge_captured_same_second_event.json")
	refunded := ofType(mapSample(t, "stripe", "charge", "", "stripe/charge_refunded_same_second_event.json"), "charge")[0]
	if !captured.SourceTime.Equal(refunded.SourceTime) {
		t.Fatalf("the samples' events are not in one second: %s, %s", captured.SourceTime, refunded.SourceTime)
	}
	if fmt.Sprint(captured.SourceProgress, refunded.SourceProgress) != "[1 5000 0] [1 5000 5000]" {
		t.Errorf("progress = %v, %v", captured.SourceProgress, refunded.SourceProgress)
	}
	if ontology.Supersedes(refunded.Clock(), captured.Clock()) || !ontology.Supersedes(captured.Clock(), refunded.Clock()) {
		t.Error("the captured charge arriving after the refunded one supersedes it")
	}
	auth := sfOne(t, "stripe", "charge", "", "stripe/charge_authorized_event.json")
	if fmt.Sprint(auth.SourceProgress) != "[1 0 0]" {
		t.Errorf("authorised: progress %v", auth.SourceProgress)
	}
	if r := ofType(mapSample(t, "stripe", "charge", "", "stripe/charge_refunded_same_second_event.json"), "charge_refunds"); len(r) != 1 ||
		fmt.Sprint(r[0].SourceProgress) != "[5000]" {
		t.Errorf("refunds: %+v", r)
	}
}

// A payout's events in one second (payout.created, payout.updated, payout.paid, then
// payout.failed for a payout that "might initially show as paid, then change to
// failed") are ordered by its status, pending < in_transit < paid < failed, whatever
// order they arrive in. Before, payouts had no progression: the later arrival won, and a
// payout.paid retried after payout.failed made a failed payout paid again (found by an
// outside review, review23).
func TestStripePayoutEventsInOneSecondOrderedByStatus(t *testing.T) {
	var docs []*ontology.Document
	for _, st := range []string{"pending", "in_transit", "paid", "failed"} {
		raw := editedSample(t, "stripe/payout_failed_event.json", func(r map[string]any) {
			r["type"] = "payout." + map[string]string{"pending": "created", "in_transit": "updated"}[st]
			if st == "paid" || st == "failed" {
				r["type"] = "payout." + st
			}
			r["data"].(map[string]any)["object"].(map[string]any)["status"] = st
		})
		d, ps := mapRaw(t, "stripe", "payout", "json", raw)
		if d == nil {
			t.Fatalf("%s: %v", st, ps)
		}
		docs = append(docs, d)
	}
	for i := 1; i < len(docs); i++ {
		older, newer := docs[i-1], docs[i]
		if !older.SourceTime.Equal(newer.SourceTime) {
			t.Fatalf("the events are not in one second: %s, %s", older.SourceTime, newer.SourceTime)
		}
		if ontology.Supersedes(newer.Clock(), older.Clock()) || !ontology.Supersedes(older.Clock(), newer.Clock()) {
			t.Errorf("%s arriving after %s supersedes it (progress %v, %v)", older.Status, newer.Status, older.SourceProgress, newer.SourceProgress)
		}
	}
}
