package simulate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// FileSink writes documents into one folder per system and type, so that
// `seam ingest --system S --type T DIR/S/T` takes each folder as it is: JSON documents
// as one JSON lines file per delivery day, XML documents one file each.
//
// A day's file stays open while documents of that day keep coming, at most maxOpen files
// at once: a simulation of ten years writes some 50,000 day files, which held open
// exceeded the process's file limit (and their buffers, 12 GiB). Documents arrive
// nearly in time order, so the file used longest ago is closed first and reopened for
// appending should a late document of its day come.
type FileSink struct {
	dir     string
	open    map[string]*openFile
	written map[string]bool // files this sink created: reopened for appending, never truncated
	names   map[string]int
	maxOpen int
	clock   int // counts Puts, to find the file used longest ago
	err     error
}

type openFile struct {
	f    *os.File
	w    *bufio.Writer
	used int
}

// defaultMaxOpen bounds a FileSink's open files: 256 of 256 KiB buffers is 64 MiB.
const defaultMaxOpen = 256

// NewFileSink writes under dir.
func NewFileSink(dir string) *FileSink {
	return &FileSink{dir: dir, open: map[string]*openFile{}, written: map[string]bool{}, names: map[string]int{},
		maxOpen: defaultMaxOpen}
}

// Put implements Sink.
func (s *FileSink) Put(d Doc) error {
	folder := filepath.Join(s.dir, d.System, d.Type)
	if d.Format == "xml" {
		name := d.ExternalID
		if name == "" {
			name = "unnamed"
		}
		s.names[folder+name]++
		if n := s.names[folder+name]; n > 1 {
			name = fmt.Sprintf("%s-%d", name, n)
		}
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(folder, name+".xml"), d.Raw, 0o644)
	}
	path := filepath.Join(folder, d.Deliver.UTC().Format("2006-01-02")+".jsonl")
	f := s.open[path]
	if f == nil {
		if len(s.open) >= s.maxOpen {
			if err := s.closeOldest(); err != nil {
				return err
			}
		}
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if s.written[path] {
			flags = os.O_WRONLY | os.O_APPEND
		}
		h, err := os.OpenFile(path, flags, 0o644)
		if err != nil {
			return err
		}
		s.written[path] = true
		f = &openFile{f: h, w: bufio.NewWriterSize(h, 256<<10)}
		s.open[path] = f
	}
	s.clock++
	f.used = s.clock
	f.w.Write(d.Raw)
	return f.w.WriteByte('\n')
}

// closeOldest flushes and closes the open file used longest ago.
func (s *FileSink) closeOldest() error {
	oldest := ""
	for p, f := range s.open {
		if oldest == "" || f.used < s.open[oldest].used {
			oldest = p
		}
	}
	f := s.open[oldest]
	delete(s.open, oldest)
	if err := f.w.Flush(); err != nil {
		f.f.Close()
		return fmt.Errorf("writing %s: %w", oldest, err)
	}
	return f.f.Close()
}

// Close flushes and closes every file.
func (s *FileSink) Close() error {
	paths := make([]string, 0, len(s.open))
	for p := range s.open {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var first error
	for _, p := range paths {
		f := s.open[p]
		if err := f.w.Flush(); err != nil && first == nil {
			first = err
		}
		if err := f.f.Close(); err != nil && first == nil {
			first = err
		}
	}
	s.open = map[string]*openFile{}
	return first
}

// WriteTruth writes the truth files under dir/truth and Seam's configuration of the
// business (its location registry, synced catalog aliases and recipes) as dir/seam.yaml.
func WriteTruth(dir string, cfg Config, t *Truth) error {
	td := filepath.Join(dir, "truth")
	if err := os.MkdirAll(td, 0o755); err != nil {
		return err
	}
	jsonl := func(name string, n int, item func(i int) any) error {
		f, err := os.Create(filepath.Join(td, name))
		if err != nil {
			return err
		}
		w := bufio.NewWriter(f)
		for i := 0; i < n; i++ {
			b, err := json.Marshal(item(i))
			if err != nil {
				f.Close()
				return err
			}
			w.Write(b)
			w.WriteByte('\n')
		}
		if err := w.Flush(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	if err := jsonl("actions.jsonl", len(t.Actions), func(i int) any { return t.Actions[i] }); err != nil {
		return err
	}
	if err := jsonl("parties.jsonl", len(t.Mentions), func(i int) any { return t.Mentions[i] }); err != nil {
		return err
	}
	if err := jsonl("products.jsonl", len(t.Products), func(i int) any { return t.Products[i] }); err != nil {
		return err
	}
	if err := jsonl("discrepancies.jsonl", len(t.Discrepancies), func(i int) any { return t.Discrepancies[i] }); err != nil {
		return err
	}
	if err := jsonl("noise.jsonl", len(t.Noise), func(i int) any { return t.Noise[i] }); err != nil {
		return err
	}
	var corrupted []DocRef
	for _, a := range t.Actions {
		for _, d := range a.Documents {
			if d.Corrupt != "" {
				corrupted = append(corrupted, d)
			}
		}
	}
	if err := jsonl("corrupted.jsonl", len(corrupted), func(i int) any { return corrupted[i] }); err != nil {
		return err
	}
	stock := func(name string, rows []StockRow) error {
		var b strings.Builder
		b.WriteString("day,sku,location,lot,book_on_hand,physical_on_hand\n")
		for _, r := range rows {
			fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s\n", r.Day, r.SKU, r.Location, r.Lot, r.Book, r.Physical)
		}
		return os.WriteFile(filepath.Join(td, name), []byte(b.String()), 0o644)
	}
	if err := stock("stock_daily.csv", t.Daily); err != nil {
		return err
	}
	if err := stock("stock_final.csv", t.Final); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "seam.yaml"), []byte(seamConfig(cfg, t)), 0o644)
}

// seamConfig is the business's master data as Seam's configuration file holds it.
func seamConfig(cfg Config, t *Truth) string {
	r := t.world
	var b strings.Builder
	fmt.Fprintf(&b, "# The simulated business's master data (seam simulate --seed %d).\nlocations:\n", cfg.Seed)
	loc := func(system, code, location string) {
		fmt.Fprintf(&b, "  - { tenant: %s, system: %s, code: %q, location: %s }\n", cfg.Tenant, system, code, location)
	}
	for _, s := range r.stores {
		loc("square", s.Square, s.ID)
		loc("meituan", s.Meituan, s.ID)
		loc("douyin", fmt.Sprint(s.Douyin), s.ID)
		loc("erpnext", s.ERPNext, s.ID)
	}
	loc("pinduoduo", "shop", r.stores[0].ID)
	loc("shopify", "online", "WH-NL1")
	loc("woocommerce", "online", "WH-NL1")
	loc("shipbob", "10", "WH-NL1")
	loc("erpnext", "Stores - NLW", "WH-NL1")
	loc("china-customs", "WH-NL-001", "WH-NL1")
	loc("amazon-fba", "ONT8", "WH-US1")
	b.WriteString("# Square's catalog, synced: which catalog object is which product.\nproducts:\n")
	for _, p := range t.Products {
		fmt.Fprintf(&b, "  - { tenant: %s, system: square, code: %s, sku: %s }\n", cfg.Tenant, p.Aliases[0][1], p.SKU)
	}
	b.WriteString("recipes:\n")
	for _, d := range drinks {
		fmt.Fprintf(&b, "  - tenant: %s\n    sku: %s\n    ingredients:\n", cfg.Tenant, d.sku)
		for _, in := range d.recipe {
			fmt.Fprintf(&b, "      - { sku: %s, qty: %q }\n", in[0], in[1])
		}
	}
	return b.String()
}
