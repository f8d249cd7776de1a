package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	jsonv2 "github.com/go-json-experiment/json"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/apikey"
	"github.com/seamhub/seam/resolver"
)

// benchStock measures live stock as a client sees it, on a `seam serve` it starts in
// this process against the configured Neo4j, Redis and broker: a GraphQL stock read
// (HTTP, API key, any SKU spelling) beside a raw Redis GET round trip and beside the same
// answer computed in Neo4j, in the same run; then how long a change takes to reach a
// subscribed client, from a signed webhook, from a reservation, and from an MQTT reading.
// Every figure is a sequence of single requests on one warm connection, so it is
// latency, not throughput. The tenant is removed at the end unless --keep.
//
// With --server the reads go to a `seam serve` already running in a process of its own
// on the same Neo4j and Redis, as a client elsewhere reaches it: a server sharing the
// client's process answers from goroutines the client's own wait leaves room for, while
// one in its own process is woken by the kernel for every request, as Redis is. The
// pushes then do not run: their webhooks are signed with a secret and their pallet
// alerts set up in the bench's own server's configuration, which the other server does
// not have.
func benchStock(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("bench stock", stdout)
	reads := fs.Int("reads", 2000, "reads of each kind")
	events := fs.Int("events", 200, "changes pushed per source")
	skus := fs.Int("skus", 20, "products in stock")
	keep := fs.Bool("keep", false, "keep the tenant's data afterwards")
	clients := fs.Int("clients", 8, "concurrent clients of the loaded phase (0 skips it)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the interleaved reads (Redis GET, /healthz, GraphQL stock with both clients; client and server, one process) to this file")
	rate := fs.Int("rate", 0, "stock reads a second the loaded phase's clients make in all beside its webhooks, paced, latency counted from when each was due (0: as fast as they can, saturating a small machine)")
	server := fs.String("server", "", "time the reads against this running seam serve (http://host:port, on the same Neo4j and Redis), not the bench's own in-process server; skips the pushes")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *rate < 0 {
		return usageError{"seam bench stock --rate is reads a second, 0 or more"}
	}
	if *reads < 100 || *events < 100 || *skus < 1 {
		return usageError{"seam bench stock needs --reads and --events of 100 or more (a p99 needs them), --skus of 1 or more"}
	}
	readBase, err := benchServerURL(*server)
	if err != nil {
		return err
	}
	if readBase != "" {
		if err := checkReady(ctx, &http.Client{Timeout: 10 * time.Second}, readBase); err != nil {
			return err
		}
	}
	b, err := startStockBench(ctx, cfg, log, *skus)
	if err != nil {
		return err
	}
	defer b.close(ctx, *keep)
	if readBase != "" {
		b.base = readBase
	}
	fmt.Fprintf(stdout, "seam bench stock: tenant %s, %d products at 3 locations, server %s\n", b.tenant, *skus, b.base)

	kinds, err := b.reads(ctx)
	if err != nil && readBase != "" {
		return fmt.Errorf("%w (does %s use this command's Neo4j and Redis? the bench's tenant and key are written there)", err, readBase)
	}
	if err != nil {
		return err
	}
	// The compared reads run twice. First each kind in a loop of its own, as a client
	// that asks nothing else would see it; then interleaved, one of each kind in turn, so
	// that a busy moment of the machine (a collection, Neo4j's background work after the
	// set-up drain) falls on all of them alike. In their own loops a slow phase for the
	// Redis GET alone once made the ratio 1.0x, another 4.9x; interleaved, every kind pays
	// for waking its connection, the GET too. Neo4j's reads come last: run between the
	// others, their work in the JVM would slow every kind. The fifth kind, the stock read
	// as genqlient decodes it today, runs in its own loop only, beside the typed client's.
	own := []int{kindGet, kindHealthz, kindStock, kindLean, kindJSONv1, kindRawHealthz, kindRaw}
	ownTook := map[int][]time.Duration{}
	var rows []benchRow
	for _, k := range own {
		took, err := timed(*reads, kinds[k].fn)
		if err != nil {
			return fmt.Errorf("%s: %w", kinds[k].what, err)
		}
		ownTook[k] = took
		rows = append(rows, benchRow{what: kinds[k].what + ", own loop", took: took})
	}
	// The GET's loop again, after the reads': the first loop of the run sometimes meets
	// the machine's slow phase alone (Neo4j's work after the set-up, another process),
	// once a GET p50 of 60 us that made the ratio 0.6x. The faster of the two loops is
	// the one compared with, so a slow phase never flatters the ratio.
	again, err := timed(*reads, kinds[kindGet].fn)
	if err != nil {
		return fmt.Errorf("%s: %w", kinds[kindGet].what, err)
	}
	rows = append(rows, benchRow{what: kinds[kindGet].what + ", own loop again", took: again})
	redisGet := ownTook[kindGet]
	if percentile(again, 50) < percentile(redisGet, 50) {
		redisGet = again
	}
	stop := func() {}
	if *cpuProfile != "" {
		if stop, err = startCPUProfile(*cpuProfile); err != nil {
			return err
		}
	}
	mixedKinds := []int{kindGet, kindHealthz, kindStock, kindLean, kindRawHealthz, kindRaw}
	var turn []readKind
	for _, k := range mixedKinds {
		turn = append(turn, kinds[k])
	}
	mixedTook, err := interleaved(*reads, turn)
	stop()
	if err != nil {
		return err
	}
	mixed := map[int][]time.Duration{}
	for i, k := range mixedKinds {
		mixed[k] = mixedTook[i]
		rows = append(rows, benchRow{what: kinds[k].what + ", interleaved", took: mixedTook[i]})
	}
	neo, err := timed(*reads, kinds[kindNeo4j].fn)
	if err != nil {
		return fmt.Errorf("%s: %w", kinds[kindNeo4j].what, err)
	}
	rows = append(rows, benchRow{what: kinds[kindNeo4j].what, took: neo})
	// The same cells the stock read answers, read from Redis by a client of its own: the
	// GET reads one short value, the stock read a product's whole hash.
	hgetall, err := timed(*reads, kinds[kindHGetAll].fn)
	if err != nil {
		return fmt.Errorf("%s: %w", kinds[kindHGetAll].what, err)
	}
	rows = append(rows, benchRow{what: kinds[kindHGetAll].what, took: hgetall})
	gql, lean, genqlient, direct := ownTook[kindStock], ownTook[kindLean], ownTook[kindJSONv1], ownTook[kindRaw]
	// A leg that fails (the machine stalled past every wait, the server refused) is
	// named in a row of its own; the figures measured before it are printed all the
	// same, and the run still ends in an error.
	var push, load []benchRow
	var legErr error
	if readBase != "" {
		rows = append(rows, benchRow{what: "pushes and the loaded phase", note: "not run: they need the bench's own server (--server times the reads only)"})
	} else if push, legErr = b.pushes(ctx, *events); legErr != nil {
		rows = append(rows, benchRow{what: "pushes", note: "failed: " + legErr.Error()})
	}
	rows = append(rows, push...)
	if *clients > 0 && readBase == "" && legErr == nil {
		if load, legErr = b.loaded(ctx, *clients, *reads, *events, *rate); legErr != nil {
			rows = append(rows, benchRow{what: "the loaded phase", note: "failed: " + legErr.Error()})
		}
		rows = append(rows, load...)
	}

	fmt.Fprintf(stdout, "%-74s %8s %10s %10s\n", "what", "n", "p50", "p99")
	for _, r := range rows {
		if len(r.took) == 0 {
			fmt.Fprintf(stdout, "%-74s %8s %10s %10s  %s\n", r.what, "-", "-", "-", r.note)
			continue
		}
		fmt.Fprintf(stdout, "%-74s %8d %10s %10s  %s\n", r.what, len(r.took), ms(percentile(r.took, 50)), ms(percentile(r.took, 99)), r.note)
	}
	p50 := func(d []time.Duration) float64 { return float64(percentile(d, 50)) }
	// The headline compares like with like: the GET goes through go-redis, which writes
	// a command on a pooled connection and reads the reply on the caller's goroutine;
	// the stock read beside it goes through a client that does the same over HTTP
	// (rawHTTP). The net/http clients' figures follow: they add that library's
	// goroutine hand-offs, which /healthz shows alone.
	fmt.Fprintf(stdout, "stock read p50 / Redis GET p50 (the faster GET loop), direct clients (a kept connection, read on the caller's goroutine, as go-redis does): %.1fx in their own loops, %.1fx interleaved (target 3x); HTTP floor (/healthz) the same way: %.1fx\n",
		p50(direct)/p50(redisGet), p50(mixed[kindRaw])/p50(mixed[kindGet]), p50(ownTook[kindRawHealthz])/p50(redisGet))
	fmt.Fprintf(stdout, "stock read p50 / Redis GET p50 through net/http's client: typed %.1fx in their own loops, %.1fx interleaved; lean client: %.1fx, %.1fx; net/http's floor (/healthz): %.1fx; Neo4j p50 / stock read p50: %.1fx\n",
		p50(gql)/p50(redisGet), p50(mixed[kindStock])/p50(mixed[kindGet]), p50(lean)/p50(redisGet), p50(mixed[kindLean])/p50(mixed[kindGet]), p50(ownTook[kindHealthz])/p50(redisGet), p50(neo)/p50(direct))
	fmt.Fprintf(stdout, "stock read p50 / raw Redis HGETALL of the same hash p50, own loops: %.1fx; lean client: %.1fx\n",
		p50(gql)/p50(hgetall), p50(lean)/p50(hgetall))
	fmt.Fprintf(stdout, "stock read with encoding/json v1 (genqlient's decoding, through an interface) p50 / Redis GET p50, own loops: %.1fx\n",
		p50(genqlient)/p50(redisGet))
	if len(load) >= 3 {
		get := float64(percentile(load[0].took, 50))
		fmt.Fprintf(stdout, "under %d clients: stock read p50 / Redis GET p50: %.1fx; lean client: %.1fx\n", *clients,
			float64(percentile(load[1].took, 50))/get, float64(percentile(load[2].took, 50))/get)
	}
	for _, r := range append(push, load...) {
		if len(r.took) > 0 && strings.Contains(r.what, " to ") && !r.warmUp {
			fmt.Fprintf(stdout, "%s: p99 %s (target 20 ms)\n", r.what, ms(percentile(r.took, 99)))
		}
	}
	return legErr
}

// benchServerURL checks --server's value and returns it without a trailing slash; ""
// when the flag is not set.
func benchServerURL(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return "", usageError{fmt.Sprintf("seam bench stock --server wants the server's base URL, such as http://127.0.0.1:8080, not %q", raw)}
	}
	return strings.TrimSuffix(raw, "/"), nil
}

// checkReady asks a server's /readyz and says plainly when it is not there or not ready:
// a read against it would otherwise fail with a less telling error.
func checkReady(ctx context.Context, client *http.Client, base string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/readyz", nil)
	if err != nil {
		return fmt.Errorf("--server %s: %w", base, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("--server %s does not answer: %w", base, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("--server %s is not ready (HTTP %d): %s", base, resp.StatusCode, bytes.TrimSpace(body))
	}
	return nil
}

// benchRow is one measured kind of request and its latencies.
type benchRow struct {
	what string
	took []time.Duration
	note string // why there are no figures
	// warmUp marks the requests a run sends first, before the measured ones: shown, and
	// judged against no target.
	warmUp bool
}

// percentile is the p-th percentile of latencies (nearest rank).
func percentile(d []time.Duration, p int) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(0, min(len(s)-1, i-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.3f ms", float64(d)/float64(time.Millisecond)) }

// stockBench is a running server with a tenant in stock, an admin key and a client.
type stockBench struct {
	s      *Server
	tenant string
	key    string
	base   string
	secret string
	skus   []string
	client *http.Client
	// bodies are the lean reads' prepared request bodies, made once.
	bodies     [][]byte
	bodiesOnce sync.Once
}

// benchLocations are where the bench's products are; Shopify's online channel ships
// from the first.
var benchLocations = []string{"BENCH-WH", "BENCH-S1", "BENCH-S2"}

// benchPallet is the device on the bench's pallet.
const benchPallet = "BENCH-PALLET"

func startStockBench(ctx context.Context, cfg Config, log *slog.Logger, skus int) (*stockBench, error) {
	var nonce [6]byte
	_, _ = rand.Read(nonce[:])
	b := &stockBench{tenant: "bench-stock-" + hex.EncodeToString(nonce[:]),
		client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}, Timeout: 30 * time.Second}}
	cfg.HTTP.Addr = "127.0.0.1:0"
	// This server resolves its own tenant only, whatever else shares the database, and
	// is its own client at the broker (a second client with a running server's id
	// would take its session over).
	cfg.TenantPrefix = b.tenant
	cfg.MQTT.ClientID = "seam-bench-" + hex.EncodeToString(nonce[:])
	cfg.Locations = append(cfg.Locations, resolver.LocationAlias{Tenant: b.tenant, System: "shopify", Code: "online", Location: benchLocations[0]})
	for _, loc := range benchLocations {
		cfg.Locations = append(cfg.Locations, resolver.LocationAlias{Tenant: b.tenant, System: "bench", Code: loc, Location: loc})
	}
	b.secret = hex.EncodeToString(nonce[:]) + "-bench-secret"
	if cfg.Tenants == nil {
		cfg.Tenants = map[string]TenantConfig{}
	}
	cfg.Tenants[b.tenant] = TenantConfig{Secrets: map[string]neo4jstore.Secret{"shopify": neo4jstore.Secret(b.secret)}}
	// A pallet of the second product's lot A at the warehouse, 1 kg a unit: its weight
	// readings are compared with the ledger (the SENSOR_LEDGER alert).
	alerts := map[string]inventory.AlertConfig{}
	for t, a := range cfg.Alerts {
		alerts[t] = a
	}
	alerts[b.tenant] = inventory.AlertConfig{Pallets: []inventory.Pallet{{Device: benchPallet, SKU: fmt.Sprintf("BENCH-SKU-%03d", min(1, skus-1)),
		Lot: "A", Location: benchLocations[0], UnitWeight: ontology.Units(1)}}}
	cfg.Alerts = alerts
	s, err := StartServer(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	b.s, b.base = s, "http://"+s.Addr
	wait, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := s.App.WaitReady(wait); err != nil {
		b.close(ctx, true)
		return nil, err
	}
	_, secret, err := createKey(ctx, s.App.store, keyRequest{tenant: b.tenant, role: apikey.Admin, name: "seam bench stock"}, time.Now())
	if err != nil {
		b.close(ctx, true)
		return nil, err
	}
	b.key = secret
	// Stock through the ledger's own path: a receipt per location, two lots each.
	var envs []ontology.Envelope
	for i, loc := range benchLocations {
		d := ontology.Document{
			Key:  ontology.DocKey{Tenant: b.tenant, System: "bench", Type: "receipt", ExternalID: fmt.Sprint("r", i)},
			Role: ontology.RoleReceipt, Verb: ontology.VerbReceived, OccurredAt: time.Now().UTC(),
			Location: &ontology.LocationRef{System: "bench", Code: loc},
		}
		for n := range skus {
			sku := fmt.Sprintf("BENCH-SKU-%03d", n)
			for _, lot := range []string{"A", "B"} {
				d.Lines = append(d.Lines, ontology.Line{SKU: sku, Lot: lot, Qty: ontology.Units(1000)})
			}
		}
		raw, _ := json.Marshal(d)
		envs = append(envs, ontology.Envelope{Doc: d, Raw: raw})
	}
	for n := range skus {
		b.skus = append(b.skus, fmt.Sprintf("BENCH-SKU-%03d", n))
	}
	if _, err := s.App.store.SaveDocuments(ctx, envs); err != nil {
		b.close(ctx, true)
		return nil, err
	}
	if _, err := s.App.worker.Drain(ctx, b.tenant); err != nil {
		b.close(ctx, true)
		return nil, err
	}
	return b, nil
}

func (b *stockBench) close(ctx context.Context, keep bool) {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if !keep {
		dropTenant(sctx, b.s.App, b.tenant)
	}
	_ = b.s.Shutdown(sctx)
}

// spelling is how a client might write the i-th product: upper, lower, underscored.
func (b *stockBench) spelling(i int) string {
	sku := b.skus[i%len(b.skus)]
	switch i % 3 {
	case 1:
		return strings.ToLower(sku)
	case 2:
		return strings.ReplaceAll(strings.ToLower(sku), "-", "_")
	}
	return sku
}

const benchStockQuery = `query($sku: String!) { stock(sku: $sku) { location lot onHand reserved available } }`

// graphQL posts one query with the bench's key and decodes its data into out.
func (b *stockBench) graphQL(query string, vars map[string]any, out any) error {
	return b.graphQLWith(b.client, query, vars, out)
}

// post sends a GraphQL request body with the bench's key.
func (b *stockBench) post(client *http.Client, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, b.base+"/graphql", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+b.key)
	return client.Do(req)
}

// graphQLWith is graphQL over the given client (its own connections).
func (b *stockBench) graphQLWith(client *http.Client, query string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := b.post(client, body)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	// One pass, as a client would: data is decoded straight into out (encoding/json
	// decodes through an interface that holds a non-nil pointer).
	var r struct {
		Data   any
		Errors []struct{ Message string }
	}
	r.Data = out
	if out == nil {
		r.Data = new(json.RawMessage)
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return fmt.Errorf("graphql answer (HTTP %d): %w", resp.StatusCode, err)
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("graphql: %s", r.Errors[0].Message)
	}
	return nil
}

// benchStockAnswer is the data of benchStockQuery's answer, typed as a generated client
// (genqlient) types it: a struct of the selection, json names in tags.
type benchStockAnswer struct {
	Stock []struct {
		Location  string `json:"location"`
		Lot       string `json:"lot"`
		OnHand    string `json:"onHand"`
		Reserved  string `json:"reserved"`
		Available string `json:"available"`
	} `json:"stock"`
}

// stockRequest is benchStockQuery's request body as a generated client types it: the
// operation's text and its variables in structs, not maps.
type stockRequest struct {
	Query     string `json:"query"`
	Variables struct {
		SKU string `json:"sku"`
	} `json:"variables"`
}

// stockResponse is the whole answer to benchStockQuery, typed.
type stockResponse struct {
	Data   benchStockAnswer `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

// stockRead is the stock read as a typed client makes it: it marshals the request with
// the spelling asked, posts it with the bench's key, parses the whole answer into typed
// rows and checks each row has a location and its three quantities. It encodes and
// decodes with encoding/json/v2's API (github.com/go-json-experiment/json, the package
// Go's encoding/json/v2 is made from): decoding the answer costs 4 µs there against
// 9-11 µs in encoding/json through an interface, on this machine. graphQLWith is the
// same read as genqlient makes it today, timed beside it.
func (b *stockBench) stockRead(client *http.Client, sku string) (benchStockAnswer, error) {
	var req stockRequest
	req.Query, req.Variables.SKU = benchStockQuery, sku
	body, err := jsonv2.Marshal(&req)
	if err != nil {
		return benchStockAnswer{}, err
	}
	resp, err := b.post(client, body)
	if err != nil {
		return benchStockAnswer{}, err
	}
	defer resp.Body.Close()
	var r stockResponse
	// UnmarshalRead reads the body to its end, so the connection goes back to the pool.
	if err := jsonv2.UnmarshalRead(resp.Body, &r); err != nil {
		return benchStockAnswer{}, fmt.Errorf("graphql answer (HTTP %d): %w", resp.StatusCode, err)
	}
	if len(r.Errors) > 0 {
		return benchStockAnswer{}, fmt.Errorf("graphql: %s", r.Errors[0].Message)
	}
	if resp.StatusCode != http.StatusOK {
		return benchStockAnswer{}, fmt.Errorf("graphql answered HTTP %d", resp.StatusCode)
	}
	for _, row := range r.Data.Stock {
		if row.Location == "" || row.OnHand == "" || row.Reserved == "" || row.Available == "" {
			return benchStockAnswer{}, fmt.Errorf("stock(sku: %q) answered an incomplete row %+v", sku, row)
		}
	}
	return r.Data, nil
}

// readKind is one kind of read the bench times.
type readKind struct {
	what string
	fn   func(i int) error
}

// reads are the reads timed side by side: the raw Redis round trip, the HTTP floor, the
// GraphQL stock read (checked to answer every cell), the same answer from Neo4j
// (checked to equal it once) and the same cells read from Redis with HGETALL.
func (b *stockBench) reads(ctx context.Context) ([]readKind, error) {
	key := "seam:{" + b.tenant + "}:bench-get"
	if err := b.s.App.rdb.Set(ctx, key, "12", time.Hour).Err(); err != nil {
		return nil, fmt.Errorf("redis set: %w", err)
	}
	var want benchStockAnswer
	if err := b.graphQL(benchStockQuery, map[string]any{"sku": b.spelling(1)}, &want); err != nil {
		return nil, err
	}
	cells := 2 * len(benchLocations)
	raw, err := newRawHTTP(b.base)
	if err != nil {
		return nil, err
	}
	auth := [][2]string{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + b.key}}
	return []readKind{
		{"raw Redis GET round trip (go-redis)", func(int) error { return b.s.App.rdb.Get(ctx, key).Err() }},
		{"HTTP round trip to /healthz (any HTTP API's floor)", func(int) error {
			resp, err := b.client.Get(b.base + "/healthz")
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			return err
		}},
		{"GraphQL stock(sku:) over HTTP, any spelling, typed client", func(i int) error {
			a, err := b.stockRead(b.client, b.spelling(i))
			if err == nil && len(a.Stock) != cells {
				err = fmt.Errorf("stock(sku: %q) answered %d rows, want %d", b.spelling(i), len(a.Stock), cells)
			}
			return err
		}},
		{"GraphQL stock(sku:) over HTTP, lean client", func(i int) error {
			return b.leanStock(b.client, i, cells)
		}},
		{"GraphQL stock(sku:) over HTTP, encoding/json v1 client", func(i int) error {
			var a benchStockAnswer
			if err := b.graphQL(benchStockQuery, map[string]any{"sku": b.spelling(i)}, &a); err != nil {
				return err
			}
			if len(a.Stock) != cells {
				return fmt.Errorf("stock(sku: %q) answered %d rows, want %d", b.spelling(i), len(a.Stock), cells)
			}
			return nil
		}},
		{"the same answer computed in Neo4j", func(i int) error {
			rows, err := b.s.App.store.SKUStock(ctx, b.tenant, b.spelling(i), "")
			if err == nil && i == 1 && !sameStock(rows, want) {
				err = fmt.Errorf("neo4j's answer %+v differs from the projection's %+v", rows, want.Stock)
			}
			return err
		}},
		{"raw Redis HGETALL of the product's stock hash (go-redis)", func(i int) error {
			h, err := b.s.App.rdb.HGetAll(ctx, "seam:{"+b.tenant+"}:stock:"+b.skus[i%len(b.skus)]).Result()
			if err == nil && len(h) < cells {
				err = fmt.Errorf("the stock hash holds %d fields, want %d or more", len(h), cells)
			}
			return err
		}},
		{"HTTP round trip to /healthz, direct client", func(int) error {
			status, _, err := raw.do(http.MethodGet, "/healthz", nil, nil)
			if err == nil && status != http.StatusOK {
				err = fmt.Errorf("/healthz answered HTTP %d", status)
			}
			return err
		}},
		{"GraphQL stock(sku:) over HTTP, direct client", func(i int) error {
			status, body, err := raw.do(http.MethodPost, "/graphql", auth, b.leanBody(i))
			if err != nil {
				return err
			}
			return checkLeanAnswer(status, body, cells)
		}},
	}, nil
}

// The reads' places in the list reads returns.
const (
	kindGet = iota
	kindHealthz
	kindStock
	kindLean
	kindJSONv1
	kindNeo4j
	kindHGetAll
	kindRawHealthz
	kindRaw
)

// timed runs fn n times after n/10 runs that warm connections and caches, and returns
// the latency of each measured run.
func timed(n int, fn func(i int) error) ([]time.Duration, error) {
	out := make([]time.Duration, 0, n)
	for i := range n + n/10 {
		start := time.Now()
		if err := fn(i); err != nil {
			return nil, err
		}
		if i >= n/10 {
			out = append(out, time.Since(start))
		}
	}
	return out, nil
}

// interleaved runs each kind n times, one of each in turn, after n/10 rounds that warm
// connections and caches, and returns each kind's latencies.
func interleaved(n int, kinds []readKind) ([][]time.Duration, error) {
	out := make([][]time.Duration, len(kinds))
	for i := range n + n/10 {
		for k, kind := range kinds {
			start := time.Now()
			if err := kind.fn(i); err != nil {
				return nil, fmt.Errorf("%s: %w", kind.what, err)
			}
			if i >= n/10 {
				out[k] = append(out[k], time.Since(start))
			}
		}
	}
	return out, nil
}

// sameStock reports whether the ledger's rows are the GraphQL answer.
func sameStock(rows []inventory.Stock, a benchStockAnswer) bool {
	if len(rows) != len(a.Stock) {
		return false
	}
	for i, r := range rows {
		g := a.Stock[i]
		if r.Location != g.Location || r.Lot != g.Lot || r.OnHand.String() != g.OnHand || r.Reserved.String() != g.Reserved {
			return false
		}
	}
	return true
}

var errNoPush = errors.New("no push in time")
