package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
	"go.yaml.in/yaml/v3"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/simulate"
	"github.com/seamhub/seam/ontology/apikey"
	"github.com/seamhub/seam/resolver"
)

// demoTenant is the tenant the demo feed writes to.
const demoTenant = "demo"

// demoSecret signs the demo's webhooks when no SEAM_WEBHOOK_SECRET is set.
const demoSecret = "demo-secret"

// demoRoutes is how each source reaches Seam in the demo: the way its real system would.
var demoRoutes = map[string]string{
	"shopify": "webhook", "woocommerce": "webhook", "aftership": "webhook", "stripe": "webhook",
	"square": "pull", "iot": "mqtt",
	"china-customs": "file", "shipbob": "file", "amazon-fba": "file", "erpnext": "file",
	"meituan": "file", "douyin": "file", "pinduoduo": "file",
}

func runDemo(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("demo", stdout)
	fs.StringVar(&cfg.HTTP.Addr, "addr", cfg.HTTP.Addr, "HTTP listen address (SEAM_HTTP_ADDR)")
	hour := fs.Duration("hour", 2*time.Second, "real time one simulated hour takes")
	seed := fs.Uint64("seed", uint64(time.Now().Unix()), "random seed of the simulated business")
	days := fs.Int("days", 365, "days to simulate")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !cfg.MQTTEnabled() {
		return usageError{"the demo feeds pallet readings over MQTT: set SEAM_MQTT_URL to a broker"}
	}
	if cfg.WebhookSecret == "" {
		cfg.WebhookSecret = demoSecret
	}
	sc := simulate.DefaultConfig()
	sc.Tenant, sc.Seed, sc.Days, sc.OrdersPerDay = demoTenant, *seed, *days, 12
	// The business started a week ago: its first week is delivered at once when the demo
	// starts (warehouse receipts and payouts need a few days to happen), then documents
	// arrive as they happen.
	const history = 8 * 24 * time.Hour
	sc.Start = time.Now().UTC().Truncate(24 * time.Hour).Add(-history)
	// The simulated business's master data (locations, Square catalog, recipes) is
	// configuration, as a real company's would be.
	master, err := demoMaster(sc)
	if err != nil {
		return err
	}
	cfg.Locations = append(cfg.Locations, master.Locations...)
	cfg.Products = append(cfg.Products, master.Products...)
	cfg.Recipes = append(cfg.Recipes, master.Recipes...)
	api := newPartnerAPI()
	apiAddr, stopAPI, err := api.listen()
	if err != nil {
		return err
	}
	defer stopAPI()
	// One cursor per simulated business: another run's watermark would skip this one's orders.
	cfg.Pull = append(cfg.Pull, PullConfig{Name: fmt.Sprintf("square-orders-%d", sc.Seed), Tenant: demoTenant, System: "square", Type: "order",
		API: "square", BaseURL: "http://" + apiAddr, Token: "demo", Every: 2 * time.Second, MinInterval: 100 * time.Millisecond})
	s, err := StartServer(ctx, cfg, log)
	if err != nil {
		return err
	}
	base := "http://" + s.Addr
	wctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	err = s.App.WaitReady(wctx)
	cancel()
	key, keyID := "<run: seam keys create --tenant demo --role admin>", ""
	if err == nil {
		k, secret, kerr := createKey(ctx, s.App.store, keyRequest{tenant: demoTenant, role: apikey.Admin, name: "seam demo"}, time.Now())
		if kerr != nil {
			log.Error("creating the demo's API key", "err", kerr)
		} else {
			key, keyID = secret, k.ID
		}
	}
	printDemo(stdout, base, key, *hour)
	if err != nil {
		if ctx.Err() == nil {
			log.Error("services not ready; serving without a feed", "err", err)
		}
	} else {
		broker := paho.NewClient(paho.NewClientOptions().AddBroker(cfg.MQTT.URL).SetClientID("seam-demo-pallets").
			SetAutoReconnect(true).SetConnectRetry(true))
		broker.Connect()
		defer broker.Disconnect(250)
		feed := &simulate.Feeder{Ctx: ctx, URL: base, Tenant: demoTenant, Secret: []byte(cfg.WebhookSecret), Hour: *hour,
			SimNow: sc.Start.Add(history), MQTT: broker, Override: demoOverride(s.App, api, ctx), Log: log.With("part", "demo-feed")}
		go func() {
			if _, err := simulate.Run(sc, feed); err != nil && ctx.Err() == nil {
				log.Error("demo feed stopped", "err", err)
			}
		}()
	}
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if keyID != "" {
		// The demo's key lives as long as the demo.
		if _, err := s.App.keys.Revoke(sctx, keyID); err != nil {
			log.Warn("revoking the demo's API key", "id", keyID, "err", err)
		}
	}
	return s.Shutdown(sctx)
}

// printDemo says where the demo is and how to ask it, with a ready admin key of the
// demo tenant (GraphQL needs a key; the key decides the tenant).
func printDemo(w io.Writer, base, key string, hour time.Duration) {
	fmt.Fprintf(w, "Seam demo running: a coffee chain and its e-shop, one simulated hour every %s.\n", hour)
	// The key rides in the fragment, which the browser never sends: the page takes it
	// into the tab's session storage and drops it from the address bar.
	link := base + "/"
	if !strings.HasPrefix(key, "<") { // no placeholder: a key was made
		link += "#key=" + url.QueryEscape(key)
	}
	fmt.Fprintf(w, "  dashboard: %s\n", link)
	fmt.Fprintf(w, "  GraphQL:  %s/graphql  (header Authorization: Bearer <key below>)\n  health:   %s/healthz\n  ready:    %s/readyz\n  metrics:  %s/metrics\n",
		base, base, base, base)
	fmt.Fprintf(w, "  key:      %s  (admin of tenant %s, revoked when the demo stops)\n", key, demoTenant)
	fmt.Fprintf(w, "  try:      curl -s %s/graphql -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' -d '{\"query\":\"{ stock(sku: \\\"TEA-OOL-250G\\\") { location lot onHand reserved available } }\"}'\n", base, key)
}

type demoMasterData struct {
	Locations []resolver.LocationAlias `yaml:"locations"`
	Products  []resolver.ProductAlias  `yaml:"products"`
	Recipes   []resolver.Recipe        `yaml:"recipes"`
}

// demoMaster simulates a day of the business to learn its master data.
func demoMaster(sc simulate.Config) (demoMasterData, error) {
	var m demoMasterData
	dir, err := os.MkdirTemp("", "seam-demo-")
	if err != nil {
		return m, err
	}
	defer os.RemoveAll(dir)
	one := sc
	one.Days = 1
	if _, err := simulate.Generate(one, dir); err != nil {
		return m, err
	}
	b, err := os.ReadFile(filepath.Join(dir, "seam.yaml"))
	if err != nil {
		return m, err
	}
	return m, yaml.Unmarshal(b, &m)
}

// demoOverride delivers the documents whose real systems Seam pulls from or receives as
// files: Square orders go to the local partner API that Seam polls, exports go through
// the intake as `seam ingest` would take them. The rest take the Feeder's webhooks and MQTT.
func demoOverride(app *App, api *partnerAPI, ctx context.Context) func(d simulate.Doc) (bool, error) {
	return func(d simulate.Doc) (bool, error) {
		switch demoRoutes[d.System] {
		case "pull":
			api.add(d.Raw)
			return true, nil
		case "file":
			_, err := app.intake.Accept(ctx, []connectors.Payload{{Tenant: demoTenant, System: d.System, Type: d.Type,
				Raw: d.Raw, Format: d.Format, Via: "file"}})
			return true, err
		}
		return false, nil
	}
}
