package simulate

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/mqtt"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

func tree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSameSeedSameBytes(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Days = 5
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if _, err := Generate(cfg, dir); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) < 20 || len(ta) != len(tb) {
		t.Fatalf("%d files vs %d", len(ta), len(tb))
	}
	for f, h := range ta {
		if tb[f] != h {
			t.Errorf("%s differs between two runs with the same seed", f)
		}
	}
	cfg.Seed = 2
	if _, err := Generate(cfg, c); err != nil {
		t.Fatal(err)
	}
	same := 0
	for f, h := range tree(t, c) {
		if ta[f] == h {
			same++
		}
	}
	if same > len(ta)/2 {
		t.Errorf("another seed left %d of %d files the same", same, len(ta))
	}
}

// TestEveryDocumentMapsExceptTheCorruptedOnes reads back every file the way seam ingest
// does and checks that each sound document maps and validates, and that each document
// corrupted on purpose is refused.
func TestEveryDocumentMapsExceptTheCorruptedOnes(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Days = 30
	cfg.Noise = HardNoise()
	dir := t.TempDir()
	truth, err := Generate(cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	corrupt := map[string]bool{} // by the sha256 of the corrupted bytes
	for _, a := range truth.Actions {
		for _, d := range a.Documents {
			if d.Corrupt != "" {
				corrupt[d.RawSHA256] = true
			}
		}
	}
	refused, mapped := 0, 0
	readBack(t, dir, func(rel string, i int, raw []byte, docs []*ontology.Document, problems []ontology.Problem) {
		sum := sha256.Sum256(bytes.TrimSpace(raw))
		bad := corrupt[hex.EncodeToString(sum[:])]
		switch {
		case len(problems) > 0 && bad:
			refused++
		case len(problems) > 0:
			t.Errorf("%s record %d refused: %v", rel, i+1, problems)
		case bad:
			t.Errorf("%s record %d was corrupted on purpose but mapped", rel, i+1)
		default:
			mapped += len(docs)
		}
	})
	if refused != truth.Corrupted || mapped < 5000 {
		t.Fatalf("mapped %d, refused %d (of %d corrupted)", mapped, refused, truth.Corrupted)
	}
	t.Logf("%d documents mapped, %d corrupted ones refused", mapped, refused)
}

// readBack maps every record of a generated folder the way seam ingest reads it (JSON
// lines files record by record, XML files whole) and hands each record's valid
// documents, or its problems, to each.
func readBack(t *testing.T, dir string, each func(rel string, i int, raw []byte, docs []*ontology.Document, problems []ontology.Problem)) {
	t.Helper()
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	readings := mqtt.NewReadings()
	val := ontology.NewValidator()
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "truth") || strings.HasSuffix(p, ".yaml") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		parts := strings.Split(rel, string(filepath.Separator))
		system, typ := parts[0], parts[1]
		raw, _ := os.ReadFile(p)
		var payloads [][]byte
		format := "xml"
		if strings.HasSuffix(p, ".jsonl") {
			format = "json"
			sc := bufio.NewScanner(bytes.NewReader(raw))
			sc.Buffer(nil, 16<<20)
			for sc.Scan() {
				payloads = append(payloads, append([]byte(nil), sc.Bytes()...))
			}
		} else {
			payloads = [][]byte{raw}
		}
		for i, pl := range payloads {
			var docs []*ontology.Document
			var problems []ontology.Problem
			if system == "iot" {
				recs, err := readings.Map(connectors.Payload{Tenant: "sim", System: system, Type: typ, Raw: pl, Format: "json"})
				if err != nil {
					problems = ontology.ProblemsOf(err)
				}
				for _, r := range recs {
					docs = append(docs, r.Doc)
				}
			} else {
				res, err := reg.MapPayload("sim", system, typ, format, pl)
				if err != nil {
					problems = ontology.ProblemsOf(err)
				}
				for _, r := range res {
					problems = append(problems, r.Problems...)
					if r.Doc != nil {
						if err := val.Document(r.Doc); err != nil {
							problems = append(problems, ontology.ProblemsOf(err)...)
						} else {
							docs = append(docs, r.Doc)
						}
					}
				}
			}
			each(rel, i, pl, docs, problems)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
