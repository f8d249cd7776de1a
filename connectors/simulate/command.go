package simulate

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
)

// Generate writes a simulated period into dir: the sources' files, dir/seam.yaml and
// dir/truth. It returns the truth.
func Generate(cfg Config, dir string) (*Truth, error) {
	sink := NewFileSink(dir)
	t, err := Run(cfg, sink)
	if cerr := sink.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	return t, WriteTruth(dir, cfg, t)
}

// Command implements `seam simulate`.
func Command(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := DefaultConfig()
	fs := flag.NewFlagSet("seam simulate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "folder to write into (required)")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed: the same seed gives the same files")
	fs.IntVar(&cfg.Days, "days", cfg.Days, "days to simulate")
	fs.IntVar(&cfg.Stores, "stores", cfg.Stores, "stores of the chain")
	fs.IntVar(&cfg.SKUs, "skus", cfg.SKUs, fmt.Sprintf("packaged products (3 to %d)", len(catalog)))
	fs.IntVar(&cfg.OrdersPerDay, "orders-per-day", cfg.OrdersPerDay, "daily volume of each channel (POS sales per store)")
	fs.StringVar(&cfg.Tenant, "tenant", cfg.Tenant, "tenant named in seam.yaml")
	start := fs.String("start", cfg.Start.Format("2006-01-02"), "first day (UTC)")
	preset := fs.String("preset", "", "noise preset: hard turns every fault up")
	fs.Float64Var(&cfg.Noise.Duplicate, "noise-duplicate", cfg.Noise.Duplicate, "share of documents delivered twice")
	fs.Float64Var(&cfg.Noise.Late, "noise-late", cfg.Noise.Late, "share of documents arriving one to three days late")
	fs.Float64Var(&cfg.Noise.MissingKey, "noise-missing-key", cfg.Noise.MissingKey, "share of POS ring-ups without the marketplace order number")
	fs.Float64Var(&cfg.Noise.IDFormat, "noise-id-format", cfg.Noise.IDFormat, "share of order numbers written in another form")
	fs.Float64Var(&cfg.Noise.Contact, "noise-contact", cfg.Noise.Contact, "share of contacts and company names written differently")
	fs.Float64Var(&cfg.Noise.Shortage, "noise-shortage", cfg.Noise.Shortage, "share of received lines short of what was declared")
	fs.Float64Var(&cfg.Noise.Shrinkage, "noise-shrinkage", cfg.Noise.Shrinkage, "daily chance a store loses stock without any document")
	fs.Float64Var(&cfg.Noise.Corrupt, "noise-corrupt", cfg.Noise.Corrupt, "share of documents corrupted on purpose")
	fs.Float64Var(&cfg.Noise.RefSpelling, "noise-ref-spelling", cfg.Noise.RefSpelling, "share of POS ring-ups whose marketplace order number the clerk types in their own spelling")
	fs.Float64Var(&cfg.Noise.RefTypo, "noise-ref-typo", cfg.Noise.RefTypo, "share of POS ring-ups whose marketplace order number has one digit mistyped")
	fs.Float64Var(&cfg.Noise.FreeText, "noise-free-text", cfg.Noise.FreeText, "share of invoices, charges and declarations naming their order or PO only in free text")
	fs.Float64Var(&cfg.Noise.DeclModel, "noise-decl-model", cfg.Noise.DeclModel, "share of customs declarations with the item number only in GModel")
	fs.Float64Var(&cfg.Noise.DeclNoItem, "noise-decl-no-item", cfg.Noise.DeclNoItem, "share of those declarations' lines without any item number")
	fs.Float64Var(&cfg.Noise.ItemNames, "noise-item-names", cfg.Noise.ItemNames, "share of marketplace listings with their own item titles")
	fs.Float64Var(&cfg.Noise.UnknownStore, "noise-unknown-store", cfg.Noise.UnknownStore, "share of store sales under a store code seam.yaml lacks")
	feed := fs.String("feed", "", "instead of writing files, send the documents to the Seam at this URL, as they happen")
	secret := fs.String("secret", os.Getenv("SEAM_WEBHOOK_SECRET"), "webhook signing secret of the feed (SEAM_WEBHOOK_SECRET)")
	broker := fs.String("mqtt", envOr("SEAM_MQTT_URL", "tcp://127.0.0.1:1883"), "MQTT broker the feed publishes readings to (SEAM_MQTT_URL)")
	hour := fs.Duration("hour", 2*time.Second, "with --feed: real time one simulated hour takes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *feed != "" {
		return runFeed(ctx, cfg, *preset, *feed, []byte(*secret), *broker, *hour, stdout)
	}
	if *out == "" {
		return errors.New("--out is required (or --feed URL)")
	}
	st, err := time.Parse("2006-01-02", *start)
	if err != nil {
		return fmt.Errorf("--start: %w", err)
	}
	cfg.Start = st
	if *preset == "hard" {
		cfg.Noise = HardNoise()
	} else if *preset != "" {
		return fmt.Errorf("unknown preset %q (hard)", *preset)
	}
	began := time.Now()
	t, err := Generate(cfg, *out)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(t.Counts))
	total := 0
	for k, n := range t.Counts {
		keys = append(keys, k)
		total += n
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(stdout, "  %-34s %8d\n", k, t.Counts[k])
	}
	fmt.Fprintf(stdout, "%d documents (%d corrupted on purpose), %d business actions, in %s; truth in %s/truth\n",
		total, t.Corrupted, len(t.Actions), time.Since(began).Round(time.Millisecond), *out)
	return nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// runFeed sends a simulated business to a running Seam: the first simulated week at once,
// then documents as they happen.
func runFeed(ctx context.Context, cfg Config, preset, url string, secret []byte, broker string, hour time.Duration, stdout io.Writer) error {
	if len(secret) == 0 {
		return errors.New("--feed needs the webhook secret Seam checks (--secret or SEAM_WEBHOOK_SECRET)")
	}
	if preset == "hard" {
		cfg.Noise = HardNoise()
	}
	// The business started a week ago (--start does not apply): its first week arrives
	// at once, then documents come as they happen.
	const history = 8 * 24 * time.Hour
	cfg.Start = time.Now().UTC().Truncate(24 * time.Hour).Add(-history)
	client := paho.NewClient(paho.NewClientOptions().AddBroker(broker).SetClientID("seam-simulate-feed").
		SetAutoReconnect(true).SetConnectRetry(true))
	client.Connect()
	defer client.Disconnect(250)
	f := &Feeder{Ctx: ctx, URL: url, Tenant: cfg.Tenant, Secret: secret, Hour: hour, SimNow: cfg.Start.Add(history), MQTT: client}
	fmt.Fprintf(stdout, "feeding tenant %s at %s (readings to %s), one simulated hour every %s\n", cfg.Tenant, url, broker, hour)
	_, err := Run(cfg, f)
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
