package finance

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/check"
)

// purse is money in several currencies: what a set of documents adds up to.
type purse map[string]decimal.Decimal

func (p purse) add(m *ontology.Money) {
	if m != nil {
		p[m.Currency] = p[m.Currency].Add(m.Amount)
	}
}

// only returns the purse's single currency and amount; ok is false when it holds none
// or several.
func (p purse) only() (ontology.Money, bool) {
	if len(p) != 1 {
		return ontology.Money{}, false
	}
	for c, a := range p {
		return ontology.Money{Amount: a, Currency: c}, true
	}
	return ontology.Money{}, false
}

// String is the purse in currency order: "48.00 EUR + 10.00 USD", or "none".
func (p purse) String() string {
	if len(p) == 0 {
		return "none"
	}
	cs := make([]string, 0, len(p))
	for c := range p {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = money(ontology.Money{Amount: p[c], Currency: c})
	}
	return strings.Join(parts, " + ")
}

// money formats an amount with its currency's decimals: "48.00 EUR", "4500 JPY".
func money(m ontology.Money) string {
	return amount(m.Amount, m.Currency) + " " + m.Currency
}

// AmountText writes an amount as finance reads it: with its currency's decimals
// ("48.00", "4500" yen), keeping any finer digits the documents gave (a unit price of
// 2.355).
func AmountText(d decimal.Decimal, currency string) string { return amount(d, currency) }

// exponent is the currency's number of decimals (ISO 4217), 2 where it is not known.
func exponent(currency string) int32 {
	_, exp, err := check.Currency(currency)
	if err != nil {
		return 2
	}
	return exp
}

// noiseDigits are the decimals, beyond a currency's own, that a figure keeps when
// compared: ERPNext writes its totals as binary floats (16700.000000000002), so digits
// further out are the float's, not the business's; unit prices keep four decimals more
// than the currency (12.3967), which stay.
const noiseDigits = 4

// exact drops a figure's float noise: what is left past the currency's decimals and
// noiseDigits more.
func exact(d decimal.Decimal, currency string) decimal.Decimal {
	return d.Round(exponent(currency) + noiseDigits)
}

// amount is AmountText.
func amount(d decimal.Decimal, currency string) string {
	exp := exponent(currency)
	if !d.Equal(d.Round(exp)) {
		return d.String()
	}
	return d.StringFixed(exp)
}

// verdict is how two figures compare.
type verdict int

const (
	agree    verdict = iota // exactly equal
	tolerate                // different, within tolerance
	disagree                // beyond tolerance
)

// compareAmounts compares a figure with the one expected under a tolerance: money in
// currency, or quantities where currency is "".
func compareAmounts(expected, actual decimal.Decimal, t Tolerance, currency string) verdict {
	diff := actual.Sub(expected).Abs()
	switch {
	case diff.IsZero():
		return agree
	case diff.LessThanOrEqual(t.limit(expected, currency)):
		return tolerate
	}
	return disagree
}

// goodsValue is what a document's goods are worth at its own prices (quantity times
// unit price, summed), when every line has a price; a customs declaration has no total
// of its own, and an invoice's total adds freight and tax that customs values apart.
func goodsValue(d Doc) (ontology.Money, bool) {
	var out ontology.Money
	if len(d.Lines) == 0 {
		return out, false
	}
	for i, l := range d.Lines {
		if l.UnitPrice == nil || (i > 0 && l.UnitPrice.Currency != out.Currency) {
			return ontology.Money{}, false
		}
		out.Currency = l.UnitPrice.Currency
		out.Amount = out.Amount.Add(l.UnitPrice.Amount.Mul(l.Qty.Decimal()))
	}
	return out, true
}

// gross is what a processor's balance transaction booked before its fee: net plus fee.
func gross(d Doc) *ontology.Money {
	if d.Total == nil {
		return nil
	}
	g := *d.Total
	if d.Fee != nil && d.Fee.Currency == g.Currency {
		g.Amount = g.Amount.Add(d.Fee.Amount)
	}
	return &g
}
