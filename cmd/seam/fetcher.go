package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/seamhub/seam/connectors/pull"
	"github.com/seamhub/seam/connectors/webhook"
	"github.com/seamhub/seam/ontology"
)

// storedDocuments reads a document's current stored version.
type storedDocuments interface {
	Document(ctx context.Context, key ontology.DocKey) (*ontology.StoredDocument, error)
}

// apiFetcher reads the objects summary webhooks name through the partner APIs the
// config's pull entries give credentials for: a Square order.updated names the order,
// and the square pull entry of the same tenant holds the access token. A deletion
// notice (WooCommerce order.deleted) is answered from the store: the order's last
// version, trashed.
type apiFetcher struct {
	pulls  []PullConfig
	client *http.Client
	docs   storedDocuments
}

func newAPIFetcher(pulls []PullConfig, docs storedDocuments) *apiFetcher {
	// The webhook is answered within 4 s; the fetch gets most of it.
	return &apiFetcher{pulls: pulls, client: &http.Client{Timeout: 3 * time.Second}, docs: docs}
}

// Fetch implements webhook.Fetcher.
func (f *apiFetcher) Fetch(ctx context.Context, tenant, system string, x webhook.Fetch) ([]byte, bool, error) {
	if x.Trashed {
		return f.trashed(ctx, ontology.DocKey{Tenant: tenant, System: system, Type: x.Type, ExternalID: x.ID})
	}
	for _, p := range f.pulls {
		if p.Tenant != tenant || p.System != system || p.API != "square" || x.Type != "order" || p.Token == "" {
			continue
		}
		raw, err := pull.SquareOrders{BaseURL: p.BaseURL, Token: string(p.Token)}.RetrieveOrder(ctx, f.client, x.ID)
		return raw, err == nil, err
	}
	return nil, false, nil
}

// trashed is a WooCommerce order's last stored version as WooCommerce shows it once in
// the trash: status "trash", changed one second after that version (date_modified_gmt),
// so that it supersedes it and any change the shop makes later (order.restored, an
// update of the restored order) supersedes it in turn. Every other field keeps its value,
// so the goods it lists and whether it was completed are what the shop last said.
// ok is false when no version is stored (or it is not a WooCommerce order): nothing to
// withdraw.
func (f *apiFetcher) trashed(ctx context.Context, key ontology.DocKey) ([]byte, bool, error) {
	if f.docs == nil || key.System != "woocommerce" {
		return nil, false, nil
	}
	d, err := f.docs.Document(ctx, key)
	if err != nil {
		return nil, false, fmt.Errorf("reading %s to trash it: %w", key, err)
	}
	if d == nil {
		return nil, false, nil
	}
	var order map[string]json.RawMessage
	if err := json.Unmarshal(d.Raw, &order); err != nil {
		return nil, false, fmt.Errorf("reading %s's stored body to trash it: %w", key, err)
	}
	order["status"] = json.RawMessage(`"trash"`)
	order["date_modified_gmt"] = json.RawMessage(`"` + trashedAt(order["date_modified_gmt"]).Format(wooTime) + `"`)
	raw, err := json.Marshal(order)
	if err != nil {
		return nil, false, fmt.Errorf("writing %s trashed: %w", key, err)
	}
	return raw, true, nil
}

// wooTime is how WooCommerce writes date_modified_gmt: UTC without an offset.
const wooTime = "2006-01-02T15:04:05"

// trashedAt is one second after a WooCommerce order's last change, as stored; the start
// of the Unix epoch (older than anything) when the stored version names none, so that
// the shop's own next change always wins.
func trashedAt(modified json.RawMessage) time.Time {
	var s string
	if json.Unmarshal(modified, &s) == nil {
		if t, err := time.Parse(wooTime, s); err == nil {
			return t.Add(time.Second)
		}
	}
	return time.Unix(0, 0).UTC()
}
