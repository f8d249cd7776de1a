package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
)

// FEBRL records as storefront orders. FEBRL describes people (name, street address,
// suburb, postcode, state, date of birth, social security number) with typos, swapped
// and missing fields; Seam meets people as the customers of orders. Each record becomes
// one order of one fixed item, as the storefront's webhook would deliver it: FEBRL 3's
// records as one Shopify shop's orders, FEBRL 4's file A as a Shopify shop's and file B
// as a WooCommerce shop's. No order shares an e-mail, a phone or a customer account with
// another, so only the customer's description can tell that two orders are one person.

// febrlRecord is one row of the CSV that scripts/bench/parties.py exports.
type febrlRecord struct {
	Key    string // opaque: the set, the file and the row
	Source string // "a" or "b" for FEBRL 4's two files, "" for FEBRL 3
	Entity string // the person, from FEBRL's rec_id; only the scorer reads it

	GivenName, Surname, StreetNumber, Address1, Address2 string
	Suburb, Postcode, State, DateOfBirth, SocSecID       string
}

// readFebrl reads an exported set, by column name.
func readFebrl(r io.Reader) ([]febrlRecord, error) {
	var out []febrlRecord
	err := readCSVByName(r, []string{"key", "source", "entity", "given_name", "surname", "street_number", "address_1",
		"address_2", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"}, func(v func(string) string) error {
		rec := febrlRecord{Key: v("key"), Source: v("source"), Entity: v("entity"),
			GivenName: v("given_name"), Surname: v("surname"), StreetNumber: v("street_number"),
			Address1: v("address_1"), Address2: v("address_2"), Suburb: v("suburb"), Postcode: v("postcode"),
			State: v("state"), DateOfBirth: v("date_of_birth"), SocSecID: v("soc_sec_id")}
		if rec.Key == "" || rec.Entity == "" {
			return fmt.Errorf("record %d has no key or entity", len(out)+1)
		}
		out = append(out, rec)
		return nil
	})
	return out, err
}

// readCSVByName reads a CSV whose header must hold the named columns and calls each
// with every row, whose values it gives by column name, trimmed.
func readCSVByName(r io.Reader, names []string, each func(v func(string) string) error) error {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("reading the header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, n := range names {
		if _, ok := col[n]; !ok {
			return fmt.Errorf("no column %q in the header %v", n, header)
		}
	}
	for n := 1; ; n++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading record %d: %w", n, err)
		}
		if err := each(func(name string) string { return strings.TrimSpace(row[col[name]]) }); err != nil {
			return err
		}
	}
}

func readFebrlFile(path string) ([]febrlRecord, error) { return readRecordsFile(path, readFebrl) }

// readRecordsFile reads an exported set with its reader.
func readRecordsFile[T any](path string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return recs, nil
}

// febrlSystem is the storefront that sells to a record's person.
func febrlSystem(source string) string {
	if source == "b" {
		return "woocommerce"
	}
	return "shopify"
}

// australianStates names FEBRL's state codes as a Shopify shipping address does.
var australianStates = map[string]string{
	"act": "Australian Capital Territory", "nsw": "New South Wales", "nt": "Northern Territory",
	"qld": "Queensland", "sa": "South Australia", "tas": "Tasmania", "vic": "Victoria", "wa": "Western Australia",
}

// febrlStreet is the first address line: FEBRL keeps the number apart from the street.
func febrlStreet(r febrlRecord) string {
	return strings.TrimSpace(r.StreetNumber + " " + r.Address1)
}

const (
	febrlSKU   = "TEE-CLASSIC-M"
	febrlPrice = "29.00"
)

// shopifyAddress is the address object of a Shopify order.
type shopifyAddress struct {
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name"`
	Address1     string `json:"address1"`
	Address2     string `json:"address2"`
	City         string `json:"city"`
	Zip          string `json:"zip"`
	Province     string `json:"province"`
	ProvinceCode string `json:"province_code"`
	Country      string `json:"country"`
	CountryCode  string `json:"country_code"`
	Phone        string `json:"phone,omitempty"`
}

type nameValue struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// febrlShopifyOrder is the orders/create webhook body of record r, the n-th order of
// its shop, placed at at. Date of birth and social security number travel as checkout
// attributes, where a shop that asks for them keeps them.
func febrlShopifyOrder(r febrlRecord, n int, at time.Time) ([]byte, error) {
	addr := shopifyAddress{FirstName: r.GivenName, LastName: r.Surname, Address1: febrlStreet(r), Address2: r.Address2,
		City: r.Suburb, Zip: r.Postcode, Province: australianStates[strings.ToLower(r.State)],
		ProvinceCode: strings.ToUpper(r.State), Country: "Australia", CountryCode: "AU"}
	var attrs []nameValue
	if r.DateOfBirth != "" {
		attrs = append(attrs, nameValue{"date_of_birth", r.DateOfBirth})
	}
	if r.SocSecID != "" {
		attrs = append(attrs, nameValue{"soc_sec_id", r.SocSecID})
	}
	// Every order opened its own customer account: no two orders share one.
	return shopifySaleOrder(shopifySale{ID: 5_820_000_000_000 + n, Number: 1001 + n, Currency: "AUD", Price: febrlPrice,
		SKU: febrlSKU, Title: "Classic tee", VariantID: 44_100_000_001, LineID: 13_400_000_000_000 + n,
		At: at, Zone: time.FixedZone("AEST", 10*3600), Attributes: attrs, Address: addr,
		Customer: map[string]any{"id": 7_310_000_000_000 + n, "first_name": r.GivenName, "last_name": r.Surname}})
}

// shopifySale is what differs between the benchmark's Shopify orders: one line of one
// item, paid, shipped to and billed at one address.
type shopifySale struct {
	ID, Number, VariantID, LineID int
	Currency, Price, SKU, Title   string
	Email                         string
	At                            time.Time
	Zone                          *time.Location // the shop's time zone, of created_at
	Customer                      map[string]any
	Address                       shopifyAddress
	Attributes                    []nameValue
}

// shopifySaleOrder is the orders/create webhook body of a sale.
func shopifySaleOrder(s shopifySale) ([]byte, error) {
	order := map[string]any{
		"id":               s.ID,
		"order_number":     s.Number,
		"name":             "#" + strconv.Itoa(s.Number),
		"created_at":       s.At.In(s.Zone).Format(time.RFC3339),
		"currency":         s.Currency,
		"financial_status": "paid",
		"total_price":      s.Price,
		"customer":         s.Customer,
		"shipping_address": s.Address,
		"billing_address":  s.Address,
		"note_attributes":  s.Attributes,
		"line_items": []map[string]any{{
			"id": s.LineID, "variant_id": s.VariantID, "sku": s.SKU, "title": s.Title, "quantity": 1, "price": s.Price,
		}},
	}
	if s.Email != "" {
		order["email"] = s.Email
	}
	return json.Marshal(order)
}

// wooAddress is the billing or shipping object of a WooCommerce order.
type wooAddress struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Address1  string `json:"address_1"`
	Address2  string `json:"address_2"`
	City      string `json:"city"`
	State     string `json:"state"`
	Postcode  string `json:"postcode"`
	Country   string `json:"country"`
	Email     string `json:"email,omitempty"`
	Phone     string `json:"phone"`
}

type wooMeta struct {
	ID    int    `json:"id"`
	Key   string `json:"key"`
	Value string `json:"value"`
}

// febrlWooOrder is the order.created webhook body of record r, the n-th order of its
// shop, placed at at by a guest (customer_id 0). Date of birth and social security
// number travel in meta_data, where a checkout field plugin keeps them.
func febrlWooOrder(r febrlRecord, n int, at time.Time) ([]byte, error) {
	addr := wooAddress{FirstName: r.GivenName, LastName: r.Surname, Address1: febrlStreet(r), Address2: r.Address2,
		City: r.Suburb, State: strings.ToUpper(r.State), Postcode: r.Postcode, Country: "AU"}
	var meta []wooMeta
	if r.DateOfBirth != "" {
		meta = append(meta, wooMeta{ID: 3*n + 1, Key: "date_of_birth", Value: r.DateOfBirth})
	}
	if r.SocSecID != "" {
		meta = append(meta, wooMeta{ID: 3*n + 2, Key: "soc_sec_id", Value: r.SocSecID})
	}
	return wooGuestOrder(wooSale{ID: 40_000 + n, Number: 60_001 + n, Currency: "AUD", Price: febrlPrice, SKU: febrlSKU,
		Title: "Classic tee", ProductID: 311, LineID: 90_000 + n, At: at, Zone: time.FixedZone("AEST", 10*3600),
		Billing: addr, Shipping: addr, Meta: meta})
}

// wooSale is what differs between the benchmark's WooCommerce orders: one line of one
// item, bought by a guest.
type wooSale struct {
	ID, Number, ProductID, LineID int
	Currency, Price, SKU, Title   string
	At                            time.Time
	Zone                          *time.Location // the shop's time zone, of date_created
	Billing, Shipping             wooAddress
	Meta                          []wooMeta
}

// wooGuestOrder is the order.created webhook body of a sale by a guest (customer_id 0).
func wooGuestOrder(s wooSale) ([]byte, error) {
	order := map[string]any{
		"id":               s.ID,
		"number":           strconv.Itoa(s.Number),
		"status":           "processing",
		"currency":         s.Currency,
		"date_created":     s.At.In(s.Zone).Format("2006-01-02T15:04:05"),
		"date_created_gmt": s.At.UTC().Format("2006-01-02T15:04:05"),
		"total":            s.Price,
		"customer_id":      0,
		"billing":          s.Billing,
		"shipping":         s.Shipping,
		"meta_data":        s.Meta,
		"line_items": []map[string]any{{
			"id": s.LineID, "name": s.Title, "product_id": s.ProductID, "variation_id": 0,
			"quantity": 1, "sku": s.SKU, "price": json.Number(s.Price),
		}},
	}
	return json.Marshal(order)
}

// febrlPayloads turns a set's records into the orders their shops would send, one
// minute apart in the given order, and tells which record each stored document is.
func febrlPayloads(tenant string, recs []febrlRecord, t0 time.Time) ([]connectors.Payload, map[ontology.DocKey]string, error) {
	payloads := make([]connectors.Payload, 0, len(recs))
	keyOf := make(map[ontology.DocKey]string, len(recs))
	perShop := map[string]int{}
	for i, r := range recs {
		system := febrlSystem(r.Source)
		n := perShop[system]
		perShop[system]++
		at := t0.Add(time.Duration(i) * time.Minute)
		var raw []byte
		var err error
		var id string
		if system == "woocommerce" {
			raw, err = febrlWooOrder(r, n, at)
			id = strconv.Itoa(40_000 + n)
		} else {
			raw, err = febrlShopifyOrder(r, n, at)
			id = strconv.Itoa(5_820_000_000_000 + n)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("encoding record %s: %w", r.Key, err)
		}
		payloads = append(payloads, connectors.Payload{Tenant: tenant, System: system, Type: "order", Raw: raw,
			Format: "json", Via: "webhook", ReceivedAt: at})
		keyOf[ontology.DocKey{Tenant: tenant, System: system, Type: "order", ExternalID: id}] = r.Key
	}
	return payloads, keyOf, nil
}

// interleave orders FEBRL 4's two files as one stream of sales, a then b alternately,
// as two shops selling at once would; FEBRL 3's one file keeps its order.
func interleave(recs []febrlRecord) []febrlRecord {
	var a, b []febrlRecord
	for _, r := range recs {
		if r.Source == "b" {
			b = append(b, r)
		} else {
			a = append(a, r)
		}
	}
	out := make([]febrlRecord, 0, len(recs))
	for i := 0; i < max(len(a), len(b)); i++ {
		if i < len(a) {
			out = append(out, a[i])
		}
		if i < len(b) {
			out = append(out, b[i])
		}
	}
	return out
}
