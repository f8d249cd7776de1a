package inventory

import (
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

func counted(sku, loc, lot string, counted, ledger int64, at time.Time) CountRecord {
	c := Count{Tenant: "t", Cell: ontology.Cell{SKU: sku, Location: loc, Lot: lot}, Counted: ontology.Units(counted), CountedBy: "ann", At: at}
	return CountRecord{Count: c, ID: CountID(c), Ledger: ontology.Units(ledger), EventID: CountID(c)}
}

func TestStockAccuracyTakesEachCellsLatestCount(t *testing.T) {
	counts := []CountRecord{
		counted("TEA", "WH", "", 8, 10, t0),                  // missed by 2, then recounted
		counted("TEA", "WH", "", 8, 8, t0.Add(time.Hour)),    // matched
		counted("TEA", "WH", "L1", 3, 0, t0),                 // missed by 3
		counted("MUG", "WH", "", 5, 6, t0),                   // missed by 1
		counted("TEA", "STORE", "", 1, 9, t0.Add(time.Hour)), // another location
	}
	for _, c := range []struct {
		tolerance int64
		matched   int
		share     float64
	}{{0, 1, 1.0 / 3}, {1, 2, 2.0 / 3}, {3, 3, 1}} {
		a := StockAccuracy("WH", counts, ontology.Units(c.tolerance))
		share, ok := a.Share()
		if len(a.Counts) != 3 || a.Matched != c.matched || !ok || share != c.share {
			t.Errorf("tolerance %d: %d cells, %d matched, share %v; want 3, %d, %v", c.tolerance, len(a.Counts), a.Matched, share, c.matched, c.share)
		}
		if a.Counts[0].SKU != "MUG" || a.Counts[1].Lot != "" || a.Counts[1].Ledger != ontology.Units(8) || a.Counts[2].Lot != "L1" {
			t.Errorf("tolerance %d: counts %+v", c.tolerance, a.Counts)
		}
	}
	if _, ok := StockAccuracy("NOWHERE", counts, 0).Share(); ok {
		t.Error("a location without counts has an accuracy")
	}
}

func TestCountAdjustmentBooksTheDifference(t *testing.T) {
	for _, c := range []struct {
		counted, ledger int64
		move            int64
	}{{8, 10, -2}, {12, 10, 2}, {0, -3, 3}, {7, 7, 0}} {
		r := counted("TEA", "WH", "L1", c.counted, c.ledger, t0)
		m, ok := r.Adjustment()
		if ok != (c.move != 0) || m.Qty != ontology.Units(c.move) {
			t.Errorf("counted %d, ledger %d: movement %+v, %v; want %d", c.counted, c.ledger, m, ok, c.move)
			continue
		}
		if ok && (m.Bucket != ontology.BucketOnHand || m.Lot != "L1" || m.EventID != r.ID || m.ID != r.ID+":1" || m.Reason != "count") {
			t.Errorf("movement %+v", m)
		}
	}
	a, b := counted("TEA", "WH", "", 8, 0, t0), counted("TEA", "WH", "", 8, 5, t0)
	if a.ID != b.ID || a.ID == counted("TEA", "WH", "", 9, 0, t0).ID || a.ID == counted("TEA", "WH", "", 8, 0, t0.Add(time.Second)).ID {
		t.Errorf("a count's id depends on what was counted, by whom and when, and on nothing else")
	}
}
