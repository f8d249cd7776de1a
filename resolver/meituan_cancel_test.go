package resolver_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// meituanDoc maps one of the mapping package's Meituan samples for the fixture's tenant,
// with old replaced by new in its bytes.
func (f *fixture) meituanDoc(typ, file string, old, new string) ontology.Document {
	f.t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "ontology", "mapping", "testdata", "meituan", file))
	if err != nil {
		f.t.Fatal(err)
	}
	raw = bytes.Replace(raw, []byte(old), []byte(new), 1)
	reg, err := mapping.NewRegistry()
	if err != nil {
		f.t.Fatal(err)
	}
	res, err := reg.MapPayload(f.tenant, "meituan", typ, "", raw)
	if err != nil || len(res) != 1 || res[0].Doc == nil {
		f.t.Fatalf("%s: %v %+v", file, err, res)
	}
	return *res[0].Doc
}

// TestMeituanCancellationJoinsItsOrder: Meituan's cancellation push is an order-role
// document of its own, keyed by the order's id. An event holds one order, yet the
// cancellation joins its order's event whichever arrives first (two records of one
// order, not two orders), and what the order reserved is released. A POS ring-up merged
// with the order before it was cancelled keeps its sale.
func TestMeituanCancellationJoinsItsOrder(t *testing.T) {
	const id = "27061900338318741"
	for _, first := range []string{"order", "cancellation"} {
		t.Run(first+" first", func(t *testing.T) {
			f := newFixture(t)
			order := f.meituanDoc("order", "order.json", `"status": 8,`, `"status": 4,`)
			cancel := f.meituanDoc("cancellation", "cancellation.form", "", "")
			one, two := order, cancel
			if first == "cancellation" {
				one, two = cancel, order
			}
			f.save(one)
			f.process()
			f.save(two)
			f.process()
			if ev := f.eventOf("meituan", "order", id); ev == "" || f.eventOf("meituan", "cancellation", id) != ev {
				t.Fatalf("the cancellation is not in its order's event %q", ev)
			}
			if got := f.stock(); len(got) != 0 {
				t.Errorf("stock after the cancellation = %v, want nothing reserved", got)
			}
		})
	}

	t.Run("rung up at the till before", func(t *testing.T) {
		f := newFixture(t)
		order := f.meituanDoc("order", "order.json", `"status": 8,`, `"status": 4,`)
		f.save(order)
		f.process()
		// The store rang the same basket up at its Square till two minutes later, with no
		// key shared: content joins it to the order.
		pos := f.doc("square", "order", "q7Lm3X", ontology.RolePOS, ontology.VerbPaid, order.OccurredAt.Add(2*time.Minute), "L2K8",
			[]ontology.Ref{ref(ontology.RefOrderID, "q7Lm3X")}, line("LATTE-M", 2), line("TEA-OOL-250G", 1))
		f.save(pos)
		f.process()
		ev := f.eventOf("meituan", "order", id)
		if f.eventOf("square", "order", "q7Lm3X") != ev {
			t.Fatal("the ring-up did not join the Meituan order")
		}
		f.save(f.meituanDoc("cancellation", "cancellation.form", "", ""))
		f.process()
		if f.eventOf("meituan", "cancellation", id) != ev {
			t.Fatal("the cancellation is not in the order's event")
		}
		got := f.stock()
		if got["LATTE-M@STORE-SH-01/onHand"] != "-2" || got["TEA-OOL-250G@STORE-SH-01/onHand"] != "-1" || len(got) != 2 {
			t.Errorf("stock = %v, want the till's sale standing", got)
		}
	})
}
