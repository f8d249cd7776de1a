package mapping

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/check"
)

// timeSpec reads a time.
type timeSpec struct {
	spec   *spec
	layout string // rfc3339, unix, unixMilli, or a Go layout (named ones already resolved)
	name   string // the format as written, for messages
	zone   *time.Location
}

// dateOnly reports whether the format gives a day and no time of day (yyyyMMdd, date, or
// a Go layout without hours, minutes or seconds).
func (t *timeSpec) dateOnly() bool {
	switch t.layout {
	case "rfc3339", "unix", "unixMilli":
		return false
	}
	// Go's hour is 15, 3 or 03; minutes 04, seconds 05. No other element of a layout holds
	// a 3 (the year is 2006, the month 01 or Jan, the day 02, _2 or Mon).
	return !strings.ContainsAny(t.layout, "3") && !strings.Contains(t.layout, "15") &&
		!strings.Contains(t.layout, "04") && !strings.Contains(t.layout, "05")
}

// namedLayouts are the time formats a mapping names instead of writing a Go layout.
var namedLayouts = map[string]string{
	"yyyyMMdd":       "20060102",
	"yyyyMMddHHmmss": "20060102150405",
	"date":           "2006-01-02",
	"datetime":       "2006-01-02 15:04:05",
}

var timeFormatHelp = "rfc3339, unix, unixMilli, yyyyMMdd, yyyyMMddHHmmss, date, datetime, " +
	`or a Go layout written with the reference time, such as "2006-01-02 15:04:05" or "02/01/2006 15:04"`

// checkLayout reports whether a Go layout can read back what it writes, and has a year:
// "dd/MM/yyyy" (a Java pattern) and "15:04" (no date) are refused at load.
func checkLayout(l string) error {
	if !strings.Contains(l, "06") {
		return fmt.Errorf("unknown time format %q: a Go layout must name the year as 2006 or 06 (%s)", l, timeFormatHelp)
	}
	ref := time.Date(2025, 3, 4, 10, 15, 22, 0, time.UTC)
	if _, err := time.Parse(l, ref.Format(l)); err != nil {
		return fmt.Errorf("unknown time format %q: %v (%s)", l, err, timeFormatHelp)
	}
	return nil
}

// noDateError is a value a source writes for "no date": "0001-01-01 00:00:00" (.NET, Go
// and many ERPs), MySQL's "0000-00-00 00:00:00", "9999-12-31" for "never", a Unix time
// of 0. It is never read as a date: a document dated by it would sort before (or after)
// everything its source ever sent. Where the field is optional (an expiry, a due date,
// the source's clock) the field is absent; where it is required the document is refused.
type noDateError struct{ msg string }

func (e *noDateError) Error() string { return e.msg }

// parse reads one time value; the result is always UTC. A year before 1800 or after 2200
// is a placeholder for no date (noDateError).
func (t *timeSpec) parse(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "0000-00-00") || strings.HasPrefix(v, "00000000") ||
		(t.layout == "unix" || t.layout == "unixMilli") && strings.Trim(v, "0.") == "" {
		return time.Time{}, &noDateError{fmt.Sprintf("%q is a placeholder for no date, not a date", v)}
	}
	ts, err := t.parseAny(v)
	if err != nil {
		return ts, err
	}
	if y := ts.Year(); y < 1800 || y > 2200 {
		return time.Time{}, &noDateError{fmt.Sprintf("%q is not a plausible date (year %d): a placeholder for no date is not read as one", v, y)}
	}
	return ts, nil
}

func (t *timeSpec) parseAny(v string) (time.Time, error) {
	zone := t.zone
	if zone == nil {
		zone = time.UTC
	}
	v = strings.TrimSpace(v)
	switch t.layout {
	case "unix", "unixMilli":
		d, err := decimal.NewFromString(v)
		if err != nil || d.Exponent() > 12 || d.Exponent() < -12 {
			return time.Time{}, fmt.Errorf("%q is not a Unix time in %s", v, unitName(t.layout))
		}
		if t.layout == "unixMilli" {
			d = d.Shift(-3)
		}
		// Before 1990 or after 2200 is a unit mix-up (milliseconds read as seconds) or a
		// placeholder such as 0, never a business time.
		if d.LessThan(decimal.NewFromInt(631152000)) || d.GreaterThan(decimal.NewFromInt(7258118400)) {
			return time.Time{}, fmt.Errorf("%q is not a plausible Unix time in %s", v, unitName(t.layout))
		}
		sec := d.IntPart()
		nsec := d.Sub(decimal.NewFromInt(sec)).Shift(9).IntPart()
		return time.Unix(sec, nsec).UTC(), nil
	case "rfc3339":
		if ts, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return ts.UTC(), nil
		}
		// An ISO time without an offset (WooCommerce date_created_gmt, carrier-local
		// checkpoint times) is in the mapping's zone, UTC unless it says otherwise.
		for _, l := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999"} {
			if ts, err := time.ParseInLocation(l, v, zone); err == nil {
				return ts.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time", v)
	}
	ts, err := time.ParseInLocation(t.layout, v, zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q does not match the time format %q", v, t.name)
	}
	return ts.UTC(), nil
}

func unitName(layout string) string {
	if layout == "unixMilli" {
		return "milliseconds"
	}
	return "seconds"
}

// moneySpec reads an amount and its currency.
type moneySpec struct {
	amount, currency *spec
	scale            string // decimal (default), minor, stripe, or a number of decimal places
	places           int32  // for a numeric scale
	customs          bool   // the currency may be a legacy China customs code
	// sum adds every amount the amount spec reaches (a refund paid back in two
	// transactions, to a gift card and to a card); all must be in one currency.
	sum bool
	// first is a list of other money specs: the first that gives an amount is the money.
	first []*moneySpec
	// add is a list of money specs whose sums are added: an amount the source states in
	// parts (a Shopify refund's lines, taxes and shipping). All in one currency.
	add []*moneySpec
	// conv converts the money into another currency at the rate the source states by
	// giving one amount in both (Shopify's *_set: shop_money beside presentment_money).
	conv *convSpec
}

// convSpec is a rate stated as one amount in two currencies: an amount in from's
// currency times to/from is the amount in to's.
type convSpec struct {
	from, to *moneySpec
}

// partError is a problem of one part of a composite money spec, which names where the
// source was read.
type partError struct {
	part *moneySpec
	err  error
}

func (e *partError) Error() string { return e.err.Error() }
func (e *partError) Unwrap() error { return e.err }

// read returns the money, or nil when the source has no amount.
func (m *moneySpec) read(top origin, cur any) (*ontology.Money, string, error) {
	v, raw, err := m.readOwn(top, cur)
	if err != nil || v == nil || m.conv == nil {
		return v, raw, err
	}
	return m.conv.apply(top, cur, v, raw)
}

// readOwn reads the money as the source states it, before any conversion.
func (m *moneySpec) readOwn(top origin, cur any) (*ontology.Money, string, error) {
	switch {
	case m.first != nil:
		for _, alt := range m.first {
			v, raw, err := alt.read(top, cur)
			if err != nil {
				return nil, raw, wrapPart(alt, err)
			}
			if v != nil {
				return v, raw, nil
			}
		}
		return nil, "", nil
	case m.add != nil:
		return m.readParts(top, cur)
	case m.sum:
		return m.readSum(top, cur)
	}
	amt, err := m.amount.value(top, cur)
	if err != nil || amt == "" {
		return nil, amt, err
	}
	code, err := m.currency.value(top, cur)
	if err != nil {
		return nil, amt, err
	}
	return m.convert(amt, code)
}

// readSum adds every amount the spec reaches. The currency spec gives one currency for
// all of them, or one per amount (each transaction's own): they must all be the same,
// since amounts in different currencies cannot be added.
func (m *moneySpec) readSum(top origin, cur any) (*ontology.Money, string, error) {
	amts, err := m.amount.values(top, cur, nil)
	if err != nil || len(amts) == 0 {
		return nil, strings.Join(amts, " + "), err
	}
	codes, err := m.currency.values(top, cur, nil)
	if err != nil {
		return nil, strings.Join(amts, " + "), err
	}
	var total *ontology.Money
	for i, amt := range amts {
		code := ""
		switch {
		case len(codes) == 1:
			code = codes[0]
		case len(codes) == len(amts):
			code = codes[i]
		case len(codes) > 1:
			return nil, strings.Join(codes, ", "), &valueError{rule: "currency", value: strings.Join(codes, ", "),
				msg: fmt.Sprintf("%d amounts to add but %d currencies: which amount is in which is unknown", len(amts), len(codes))}
		}
		v, raw, err := m.convert(amt, code)
		if err != nil {
			return nil, raw, err
		}
		switch {
		case total == nil:
			total = v
		case total.Currency != v.Currency:
			return nil, total.Currency + ", " + v.Currency, &valueError{rule: "currency", value: total.Currency + ", " + v.Currency,
				msg: fmt.Sprintf("amounts in %s and %s cannot be added", total.Currency, v.Currency)}
		default:
			total.Amount = total.Amount.Add(v.Amount)
		}
	}
	return total, strings.Join(amts, " + "), nil
}

// wrapPart marks a problem as the part's, unless a part inside it already is.
func wrapPart(part *moneySpec, err error) error {
	var pe *partError
	if errors.As(err, &pe) {
		return err
	}
	return &partError{part: part, err: err}
}

// readParts adds the parts. A part the source does not have counts nothing; money with
// no part at all is none.
func (m *moneySpec) readParts(top origin, cur any) (*ontology.Money, string, error) {
	var total *ontology.Money
	var raws []string
	for _, part := range m.add {
		v, raw, err := part.read(top, cur)
		if err != nil {
			return nil, raw, wrapPart(part, err)
		}
		if v == nil {
			continue
		}
		raws = append(raws, raw)
		switch {
		case total == nil:
			total = &ontology.Money{Amount: v.Amount, Currency: v.Currency}
		case total.Currency != v.Currency:
			return nil, total.Currency + ", " + v.Currency, &partError{part: part, err: &valueError{rule: "currency", value: total.Currency + ", " + v.Currency,
				msg: fmt.Sprintf("amounts in %s and %s cannot be added", total.Currency, v.Currency)}}
		default:
			total.Amount = total.Amount.Add(v.Amount)
		}
	}
	return total, strings.Join(raws, " + "), nil
}

// apply converts money in from's currency into to's, rounded to to's currency's places.
// Money already in to's currency stays as it is, and so does all money where the source
// does not state the rate (a payload from before the source gave both currencies). Money
// in a third currency, or a rate from zero, is a problem: a wrong amount is never booked
// as a right one.
func (c *convSpec) apply(top origin, cur any, v *ontology.Money, raw string) (*ontology.Money, string, error) {
	from, fraw, err := c.from.read(top, cur)
	if err != nil {
		return nil, fraw, wrapPart(c.from, err)
	}
	to, traw, err := c.to.read(top, cur)
	if err != nil {
		return nil, traw, wrapPart(c.to, err)
	}
	if from == nil || to == nil || v.Currency == to.Currency {
		return v, raw, nil
	}
	if v.Currency != from.Currency || from.Amount.IsZero() {
		msg := fmt.Sprintf("%s %s cannot be converted to %s at the rate %s %s = %s %s", v.Amount, v.Currency, to.Currency, from.Amount, from.Currency, to.Amount, to.Currency)
		return nil, raw, &partError{part: c.from, err: &valueError{rule: "currency", value: v.Currency, msg: msg}}
	}
	_, exp, err := check.Currency(to.Currency)
	if err != nil {
		return nil, traw, &partError{part: c.to, err: &valueError{rule: "currency", value: to.Currency, msg: err.Error()}}
	}
	amt := v.Amount.Mul(to.Amount).DivRound(from.Amount, 16).Round(exp)
	return &ontology.Money{Amount: amt, Currency: to.Currency}, raw, nil
}

// convert reads one amount in its currency, by the spec's scale.
func (m *moneySpec) convert(amt, code string) (*ontology.Money, string, error) {
	if code == "" {
		return nil, amt, &valueError{rule: "currency", value: amt, msg: fmt.Sprintf("amount %q has no currency", amt)}
	}
	curFn := check.Currency
	if m.customs {
		curFn = check.ChinaCustomsCurrency
	}
	alpha, exp, err := curFn(code)
	if err != nil {
		return nil, code, &valueError{rule: "currency", value: code, msg: err.Error()}
	}
	d, err := decimal.NewFromString(strings.TrimSpace(amt))
	if err != nil {
		return nil, amt, &valueError{rule: "money", value: amt, msg: fmt.Sprintf("amount %q is not a decimal number", amt)}
	}
	if e := d.Exponent(); e > 18 || e < -18 {
		// Beyond any real amount, and "1e999999999" would cost a gigabyte to print.
		return nil, amt, &valueError{rule: "money", value: amt, msg: fmt.Sprintf("amount %q is out of range", amt)}
	}
	switch m.scale {
	case "", "decimal":
	default:
		places := m.places
		switch m.scale {
		case "minor":
			places = exp
		case "stripe":
			places = stripeExponent(alpha, exp)
		}
		if !d.Equal(d.Truncate(0)) {
			return nil, amt, &valueError{rule: "money", value: amt,
				msg: fmt.Sprintf("amount %q in minor units (scale %s) is not a whole number", amt, m.scale)}
		}
		d = d.Shift(-places)
	}
	return &ontology.Money{Amount: d, Currency: alpha}, amt, nil
}

// stripeExponent is the number of places in Stripe's integer amounts of a currency. It is
// ISO 4217's exponent except where Stripe keeps its own (docs.stripe.com/currencies,
// "Zero-decimal currencies" and "Special cases"): ISK, zero-decimal in ISO 4217 since
// 2007, stays two-decimal in Stripe's API for compatibility ("an ISK amount of 100
// will continue to represent 1 króna"), and MGA, two-decimal in ISO 4217, is on Stripe's
// zero-decimal list. Read by ISO alone, a Stripe charge of 5 ISK (500) would be booked
// as 500 ISK and one of 5000 MGA as 50.
func stripeExponent(alpha string, iso int32) int32 {
	switch alpha {
	case "ISK":
		return 2
	case "MGA":
		return 0
	}
	return iso
}

// qtySpec reads a quantity.
type qtySpec struct {
	spec   *spec
	factor ontology.Qty // 0 = none
	// factorOf reads the multiplier from the record instead (ERPNext's per-line
	// conversion_factor between the purchase unit and the stock unit).
	factorOf *spec
}

// read returns the quantity, or nil when the source has none, and the source text.
func (q *qtySpec) read(top origin, cur any) (*ontology.Qty, string, error) {
	if q == nil {
		return nil, "", nil
	}
	v, err := q.spec.value(top, cur)
	if err != nil || v == "" {
		return nil, v, err
	}
	n, err := ontology.ParseQty(v)
	if err != nil {
		return nil, v, &valueError{rule: "qty", value: v, msg: err.Error()}
	}
	if q.factor != 0 {
		n = n.Mul(q.factor)
	}
	if q.factorOf != nil && n != 0 {
		// Nothing needs no unit: a zero quantity is zero whatever the factor says.
		fv, err := q.factorOf.value(top, cur)
		if err != nil {
			return nil, fv, err
		}
		f, err := ontology.ParseQty(fv)
		if err != nil || f <= 0 {
			return nil, fv, &valueError{rule: "qty", value: fv,
				msg: fmt.Sprintf("factor %q is not a positive number: the quantity %s cannot be converted", fv, v)}
		}
		n = n.Mul(f)
	}
	return &n, v, nil
}
