package main

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
)

// The cn set: Chinese and mixed Latin/Chinese customers (scripts/bench/cnpeople.py),
// each record one order of a Shopify shop, a WooCommerce shop or a Pinduoduo store, sent
// as that system sends it: Shopify's orders/create webhook, WooCommerce's order.created
// webhook, Pinduoduo's pdd.order.information.get answer. As for FEBRL, no two orders
// share a customer account, so only what the customer wrote can join them.

// cnRecord is one row of cn.csv. The generator's tags (what it did to the record) are
// for error analysis and are not read.
type cnRecord struct {
	Key, Source, Entity string

	GivenName, Surname, Address1, Address2, Suburb, Postcode, State, DateOfBirth string
	FullName, Phone, Email, Address, Country                                     string
	// Pinduoduo's region as the buyer picked it, and receiver_address, the rest.
	Province, City, Town, ReceiverAddress string
}

// readCN reads cn.csv by column name.
func readCN(r io.Reader) ([]cnRecord, error) {
	var out []cnRecord
	err := readCSVByName(r, []string{"key", "source", "entity", "given_name", "surname", "address_1", "address_2",
		"suburb", "postcode", "state", "date_of_birth", "full_name", "phone", "email", "address", "country",
		"province", "city", "town", "receiver_address"}, func(v func(string) string) error {
		rec := cnRecord{Key: v("key"), Source: v("source"), Entity: v("entity"), GivenName: v("given_name"),
			Surname: v("surname"), Address1: v("address_1"), Address2: v("address_2"), Suburb: v("suburb"),
			Postcode: v("postcode"), State: v("state"), DateOfBirth: v("date_of_birth"), FullName: v("full_name"),
			Phone: v("phone"), Email: v("email"), Address: v("address"), Country: v("country"),
			Province: v("province"), City: v("city"), Town: v("town"), ReceiverAddress: v("receiver_address")}
		if rec.Key == "" || rec.Entity == "" {
			return fmt.Errorf("record %d has no key or entity", len(out)+1)
		}
		switch rec.Source {
		case "shopify", "woocommerce", "pinduoduo":
		default:
			return fmt.Errorf("record %s comes from %q, want shopify, woocommerce or pinduoduo", rec.Key, rec.Source)
		}
		out = append(out, rec)
		return nil
	})
	return out, err
}

func readCNFile(path string) ([]cnRecord, error) { return readRecordsFile(path, readCN) }

const (
	cnSKU   = "TEA-OOL-250G"
	cnPrice = "49.90"
)

var chinaTime = time.FixedZone("CST", 8*3600)

// cnPayloads turns cn.csv's records into their systems' orders, one minute apart in the
// file's order (the generator shuffled it), and tells which record each document is.
func cnPayloads(tenant string, recs []cnRecord, t0 time.Time) ([]connectors.Payload, map[ontology.DocKey]string, error) {
	payloads := make([]connectors.Payload, 0, len(recs))
	keyOf := make(map[ontology.DocKey]string, len(recs))
	perShop := map[string]int{}
	for i, r := range recs {
		n := perShop[r.Source]
		perShop[r.Source]++
		at := t0.Add(time.Duration(i) * time.Minute)
		var raw []byte
		var err error
		var id string
		switch r.Source {
		case "shopify":
			raw, err = cnShopifyOrder(r, n, at)
			id = strconv.Itoa(5_830_000_000_000 + n)
		case "woocommerce":
			raw, err = cnWooOrder(r, n, at)
			id = strconv.Itoa(50_000 + n)
		default:
			id = pddOrderSN(n, at)
			raw, err = cnPinduoduoOrder(r, id, at)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("encoding record %s: %w", r.Key, err)
		}
		payloads = append(payloads, connectors.Payload{Tenant: tenant, System: r.Source, Type: "order", Raw: raw,
			Format: "json", Via: "webhook", ReceivedAt: at})
		keyOf[ontology.DocKey{Tenant: tenant, System: r.Source, Type: "order", ExternalID: id}] = r.Key
	}
	return payloads, keyOf, nil
}

// shopifyProvinces names the province codes cnpeople.py writes as Shopify's checkout
// names them.
var shopifyProvinces = map[string]string{
	"BJ": "Beijing", "CQ": "Chongqing", "GD": "Guangdong", "HB": "Hubei", "JS": "Jiangsu", "SC": "Sichuan",
	"SD": "Shandong", "SH": "Shanghai", "SN": "Shaanxi", "ZJ": "Zhejiang",
}

var countryNames = map[string]string{"CN": "China", "TW": "Taiwan", "US": "United States", "GB": "United Kingdom"}

// cnShopifyOrder is the orders/create webhook body of record r, the n-th order of its
// shop: the name in the customer and both addresses, the phone in the addresses, where
// Shopify's checkout asks for it, the date of birth in a checkout attribute.
func cnShopifyOrder(r cnRecord, n int, at time.Time) ([]byte, error) {
	province := shopifyProvinces[r.State]
	if province == "" {
		province = r.State
	}
	addr := shopifyAddress{FirstName: r.GivenName, LastName: r.Surname, Address1: r.Address1, Address2: r.Address2,
		City: r.Suburb, Zip: r.Postcode, Province: province, ProvinceCode: r.State, Country: countryNames[r.Country],
		CountryCode: r.Country, Phone: r.Phone}
	var attrs []nameValue
	if r.DateOfBirth != "" {
		attrs = append(attrs, nameValue{"date_of_birth", r.DateOfBirth})
	}
	customer := map[string]any{"id": 7_320_000_000_000 + n, "first_name": r.GivenName, "last_name": r.Surname}
	if r.Email != "" {
		customer["email"] = r.Email
	}
	return shopifySaleOrder(shopifySale{ID: 5_830_000_000_000 + n, Number: 2001 + n, Currency: "CNY", Price: cnPrice,
		SKU: cnSKU, Title: "铁观音乌龙茶 250g", VariantID: 44_200_000_001, LineID: 13_500_000_000_000 + n,
		Email: r.Email, At: at, Zone: chinaTime, Customer: customer, Address: addr, Attributes: attrs})
}

// cnWooOrder is the order.created webhook body of record r, the n-th order of its shop,
// placed by a guest: name, phone and e-mail in billing, the address in both, the date of
// birth in meta_data.
func cnWooOrder(r cnRecord, n int, at time.Time) ([]byte, error) {
	ship := wooAddress{FirstName: r.GivenName, LastName: r.Surname, Address1: r.Address1, Address2: r.Address2,
		City: r.Suburb, State: r.State, Postcode: r.Postcode, Country: r.Country, Phone: r.Phone}
	bill := ship
	bill.Email = r.Email
	var meta []wooMeta
	if r.DateOfBirth != "" {
		meta = append(meta, wooMeta{ID: 2*n + 1, Key: "date_of_birth", Value: r.DateOfBirth})
	}
	return wooGuestOrder(wooSale{ID: 50_000 + n, Number: 80_001 + n, Currency: "CNY", Price: cnPrice, SKU: cnSKU,
		Title: "铁观音乌龙茶 250g", ProductID: 411, LineID: 95_000 + n, At: at, Zone: chinaTime,
		Billing: bill, Shipping: ship, Meta: meta})
}
