package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestDeclarationWithItemsOnlyInGModel: a customs declaration whose goods lines name the
// merchant's item only in their declaration elements is stored, not quarantined; the line
// whose elements hold a known SKU is that product; the other waits in productSuggestions,
// and confirming it over GraphQL moves its stock.
func TestDeclarationWithItemsOnlyInGModel(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	// The oolong is known from a storefront order.
	order := []byte(shopifyOrder)
	if code, r := postWebhook(t, base, tenant, "shopify", order, signedShopify(order, "gm-1")); code != 200 {
		t.Fatalf("order: %d %+v", code, r)
	}
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 })

	raw, err := os.ReadFile("../../ontology/mapping/testdata/china-customs/export-9810.xml")
	if err != nil {
		t.Fatal(err)
	}
	decl := strings.NewReplacer("<ExgNo>TEA-OOL-250G</ExgNo>", "", "<GoodsModel>MUG-BLU-350</GoodsModel>", "",
		"1|0|陶瓷|餐饮用|SEAM|MUG-BLU-350", "1|0|陶瓷|餐饮用|无品牌").Replace(string(raw))
	file := filepath.Join(t.TempDir(), "declaration.xml")
	if err := os.WriteFile(file, []byte(decl), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runIngest(context.Background(), cfg, s.App.log, []string{"--tenant", tenant, "--system", "china-customs",
		"--type", "declaration", "--quiet", file}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 accepted") || strings.Contains(out.String(), "1 quarantined") {
		t.Fatalf("ingest: %s", out.String())
	}
	var sg struct {
		ProductSuggestions []struct {
			System, Code, Title, Reason string
			Documents                   int
			Candidates                  []struct{ Sku string }
		}
	}
	if r := graphQL(t, base, tenant, `{ productSuggestions { system code title reason documents candidates { sku } } }`, nil, &sg); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	if len(sg.ProductSuggestions) != 1 || sg.ProductSuggestions[0].Title != "陶瓷杯" || sg.ProductSuggestions[0].Documents != 1 {
		t.Fatalf("suggestions = %+v", sg)
	}
	// The oolong line was identified by its declaration element: it is incoming already.
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool {
		for _, r := range rs {
			if r.Incoming == "1000" {
				return true
			}
		}
		return false
	})
	var set struct{ SetProductAlias int }
	if r := graphQL(t, base, tenant, `mutation($code: String!) { setProductAlias(system: "china-customs", code: $code, sku: "mug-blu-350") }`,
		map[string]any{"code": sg.ProductSuggestions[0].Code}, &set); len(r.Errors) > 0 || set.SetProductAlias != 1 {
		t.Fatalf("setProductAlias: %+v %+v", set, r.Errors)
	}
	waitStock(t, base, tenant, "MUG-BLU-350", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].Incoming == "480.5" })
	if r, _ := graphQLWith(t, base, mintKey(t, tenant, "reader"), nil,
		`mutation { setProductAlias(system: "x", code: "y", sku: "Z") }`, nil, nil); len(r.Errors) == 0 {
		t.Fatal("a reader declared a product alias")
	}
}
