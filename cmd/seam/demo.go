package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/webhook"
	"github.com/seamhub/seam/resolver"
)

// demoTenant is the tenant the demo feed writes to.
const demoTenant = "demo"

// demoSecret signs the demo's webhooks when no SEAM_WEBHOOK_SECRET is set.
const demoSecret = "demo-secret"

// demoProducts are the goods the demo sells.
var demoProducts = []struct {
	SKU, Title, Price string
}{
	{"TEA-OOL-250G", "Oolong 250 g", "24.00"},
	{"COF-BEAN-1KG", "Espresso beans 1 kg", "32.50"},
	{"MUG-BLU-350", "Blue mug 350 ml", "12.50"},
	{"TEA-GRN-100G", "Green tea 100 g", "9.90"},
}

func runDemo(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("demo", stdout)
	fs.StringVar(&cfg.HTTP.Addr, "addr", cfg.HTTP.Addr, "HTTP listen address (SEAM_HTTP_ADDR)")
	every := fs.Duration("every", 700*time.Millisecond, "time between simulated orders")
	seed := fs.Uint64("seed", uint64(time.Now().UnixNano()), "random seed of the feed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if cfg.WebhookSecret == "" {
		cfg.WebhookSecret = demoSecret
	}
	// The demo's stores and warehouse under the names each system uses for them.
	cfg.Locations = append(cfg.Locations,
		resolver.LocationAlias{Tenant: demoTenant, System: "shopify", Code: "online", Location: "WH-NL1"},
		resolver.LocationAlias{Tenant: demoTenant, System: "square", Code: "L2K8D0QWERT7Y", Location: "STORE-SH-01"},
	)
	for _, p := range demoProducts {
		cfg.Products = append(cfg.Products, resolver.ProductAlias{Tenant: demoTenant, System: "square", Code: "CAT-" + p.SKU, SKU: p.SKU})
	}
	s, err := StartServer(ctx, cfg, log)
	if err != nil {
		return err
	}
	base := "http://" + s.Addr
	fmt.Fprintf(stdout, "Seam demo running.\n  GraphQL:  %s/graphql  (header X-Seam-Tenant: %s)\n  health:   %s/healthz\n  ready:    %s/readyz\n  metrics:  %s/metrics\n",
		base, demoTenant, base, base, base)
	fmt.Fprintf(stdout, "  try:      curl -s %s/graphql -H 'X-Seam-Tenant: %s' -H 'Content-Type: application/json' -d '{\"query\":\"{ stock(sku: \\\"TEA-OOL-250G\\\") { location lot onHand reserved available } }\"}'\n", base, demoTenant)
	wctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	err = s.App.WaitReady(wctx)
	cancel()
	if err == nil {
		feed := &demoFeed{app: s.App, base: base, secret: []byte(cfg.WebhookSecret), rng: rand.New(rand.NewPCG(*seed, 1)), log: log}
		go feed.run(ctx, *every)
	} else if ctx.Err() == nil {
		log.Error("services not ready; serving without a feed", "err", err)
	}
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return s.Shutdown(sctx)
}

// demoFeed sends storefront orders as signed Shopify webhooks to the server and rings up
// POS sales as Square orders through the intake, the two ways in of the walking skeleton.
type demoFeed struct {
	app    *App
	base   string
	secret []byte
	rng    *rand.Rand
	log    *slog.Logger
	n      int
}

func (f *demoFeed) run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			f.n++
			var err error
			if f.n%2 == 0 {
				err = f.shopify(ctx)
			} else {
				err = f.square(ctx)
			}
			if err != nil && ctx.Err() == nil {
				f.log.Warn("demo feed", "err", err)
			}
		}
	}
}

func (f *demoFeed) pick() (string, string, string, int) {
	p := demoProducts[f.rng.IntN(len(demoProducts))]
	return p.SKU, p.Title, p.Price, 1 + f.rng.IntN(3)
}

func (f *demoFeed) shopify(ctx context.Context) error {
	sku, title, price, qty := f.pick()
	num := 1000 + f.n
	now := time.Now().UTC()
	order := map[string]any{
		"id":                   json.Number(fmt.Sprint(5820193800000 + int64(f.n))),
		"admin_graphql_api_id": fmt.Sprintf("gid://shopify/Order/%d", 5820193800000+int64(f.n)),
		"name":                 fmt.Sprintf("#%d", num),
		"order_number":         num,
		"email":                fmt.Sprintf("buyer%d@example.com", f.n),
		"created_at":           now.Format(time.RFC3339),
		"processed_at":         now.Format(time.RFC3339),
		"currency":             "EUR",
		"financial_status":     "paid",
		"fulfillment_status":   nil,
		"total_price":          price,
		"source_name":          "web",
		"line_items": []map[string]any{{
			"id": 14550211000000 + int64(f.n), "variant_id": 43988120551, "sku": sku, "title": title,
			"quantity": qty, "price": price,
		}},
	}
	body, err := json.Marshal(order)
	if err != nil {
		return err
	}
	url := f.base + "/webhooks/" + demoTenant + "/shopify"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header = webhook.Sign("shopify", body, f.secret, url, now)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Shopify-Topic", "orders/create")
	req.Header.Set("X-Shopify-Webhook-Id", fmt.Sprintf("demo-%d-%d", now.UnixNano(), f.n))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("posting shopify webhook: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("shopify webhook answered %s: %s", resp.Status, b)
	}
	return nil
}

func (f *demoFeed) square(ctx context.Context) error {
	sku, title, _, qty := f.pick()
	now := time.Now().UTC()
	order := map[string]any{
		"id":          fmt.Sprintf("DEMO%024d", f.n),
		"location_id": "L2K8D0QWERT7Y",
		"state":       "COMPLETED",
		"created_at":  now.Format(time.RFC3339Nano),
		"closed_at":   now.Format(time.RFC3339Nano),
		"line_items": []map[string]any{{
			"uid": fmt.Sprintf("li-%d", f.n), "name": title, "quantity": fmt.Sprint(qty),
			"catalog_object_id": "CAT-" + sku, "variation_name": "Regular",
			"base_price_money": map[string]any{"amount": 450, "currency": "EUR"},
		}},
		"total_money": map[string]any{"amount": 450 * qty, "currency": "EUR"},
	}
	body, err := json.Marshal(order)
	if err != nil {
		return err
	}
	_, err = f.app.intake.Accept(ctx, []connectors.Payload{{
		Tenant: demoTenant, System: "square", Type: "order", Raw: body, Format: "json", Via: "file",
	}})
	return err
}
