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
type FileSink struct {
	dir   string
	open  map[string]*openFile
	names map[string]int
	err   error
}

type openFile struct {
	f *os.File
	w *bufio.Writer
}

// NewFileSink writes under dir.
func NewFileSink(dir string) *FileSink {
	return &FileSink{dir: dir, open: map[string]*openFile{}, names: map[string]int{}}
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
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		h, err := os.Create(path)
		if err != nil {
			return err
		}
		f = &openFile{f: h, w: bufio.NewWriterSize(h, 256<<10)}
		s.open[path] = f
	}
	f.w.Write(d.Raw)
	return f.w.WriteByte('\n')
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
