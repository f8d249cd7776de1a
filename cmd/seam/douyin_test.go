package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// douyinSamples are Douyin order answers (order.orderDetail) of SOURCES.md §5b.
const douyinSamples = "../../ontology/mapping/testdata/douyin"

// douyinOrder is the sample order.json with edit applied to its shop_order_detail.
func douyinOrder(t *testing.T, edit func(o map[string]any)) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(douyinSamples, "order.json"))
	if err != nil {
		t.Fatal(err)
	}
	return editedJSON(t, b, func(root map[string]any) {
		edit(root["data"].(map[string]any)["shop_order_detail"].(map[string]any))
	})
}

// editedJSON is a JSON object decoded, edited as a map (its numbers kept as their text,
// so that ids above 2^53 survive) and encoded again.
func editedJSON(t *testing.T, raw []byte, edit func(o map[string]any)) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var o map[string]any
	if err := dec.Decode(&o); err != nil {
		t.Fatal(err)
	}
	edit(o)
	out, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDouyinClosedAfterARefundKeepsItsGoodsOut: a Douyin order shipped, then closed
// (order_status 4) after a refund only (已发货仅退款): the buyer kept the goods, which stay
// out of stock, and the money that went back shows as refunded. Found by an outside
// review (review23): the closed order read as cancelled, the goods came back on the
// shelf, and finance showed no refund.
func TestDouyinClosedAfterARefundKeepsItsGoodsOut(t *testing.T) {
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	dir := t.TempDir()
	write := func(name string, body []byte) {
		t.Helper()
		folder := filepath.Join(dir, "douyin", "order")
		if err := os.MkdirAll(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, name), body, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("shipped.json", douyinOrder(t, func(map[string]any) {}))
	ingestAll(t, tenant, dir)
	const tea = "TEA-OOL-250G"
	waitStock(t, base, tenant, tea, func(rs []stockRow) bool { return len(rs) == 1 && rs[0].OnHand == "-2" })

	write("closed.json", douyinOrder(t, func(o map[string]any) {
		o["order_status"], o["order_status_desc"] = json.Number("4"), "已关闭"
		o["update_time"] = json.Number("1741399211")
		for _, sku := range o["sku_order_list"].([]any) {
			sku := sku.(map[string]any)
			sku["order_status"] = json.Number("4")
			sku["after_sale_info"] = map[string]any{"after_sale_status": json.Number("12"), "after_sale_type": json.Number("1"),
				"refund_status": json.Number("3")}
		}
	}))
	ingestAll(t, tenant, dir)
	var out struct {
		Reconciliation struct {
			Items []struct {
				Amounts []struct{ Currency, Ordered, Refunded string }
			}
		}
	}
	r := graphQL(t, base, tenant, `{ reconciliation(from: "2025-03-01", to: "2025-03-31") { items { amounts { currency ordered refunded } } } }`, nil, &out)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	if items := out.Reconciliation.Items; len(items) != 1 || len(items[0].Amounts) != 1 || items[0].Amounts[0].Refunded != "163.00" {
		t.Errorf("reconciliation %+v, want the sale with 163.00 refunded", items)
	}
	// Resolved and projected by ingest: the goods the buyer kept stay out.
	rows := waitStock(t, base, tenant, tea, func([]stockRow) bool { return true })
	if len(rows) != 1 || rows[0].OnHand != "-2" || rows[0].Reserved != "0" {
		t.Errorf("after the refund only: %+v, want the 2 teas still out", rows)
	}
}
