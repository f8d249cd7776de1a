package ontology

import (
	"strings"

	"github.com/shopspring/decimal"
)

// UnitKind is what a line's unit measures. Quantities of two kinds cannot be compared:
// fifty kilograms of tea say nothing about how many bags came.
type UnitKind string

// The unit kinds. A line without a unit, or with a unit Seam does not know as a measure
// (pcs, Nos, Box, 袋), counts pieces: that is how every source without units is read.
const (
	KindCount  UnitKind = "count"
	KindMass   UnitKind = "mass"
	KindVolume UnitKind = "volume"
	KindLength UnitKind = "length"
	KindArea   UnitKind = "area"
	// KindOther is a unit of measure of no kind above (kWh, kVA): comparable only
	// with itself.
	KindOther UnitKind = "other"
)

// measure is a unit of measure: its kind and how many base units (kg, l, m, m2) one of
// it is.
type measure struct {
	kind UnitKind
	base string // decimal text
}

// measures are the units of measure Seam knows, lower-cased: the canonical names the
// mappings write (kg, g, t, l, ml, m, m2, m3) and the spellings sources use for them
// (ERPNext's "Kg", "Gram", "Litre").
var measures = map[string]measure{
	"kg": {KindMass, "1"}, "kgs": {KindMass, "1"}, "kilogram": {KindMass, "1"}, "千克": {KindMass, "1"}, "公斤": {KindMass, "1"},
	"g": {KindMass, "0.001"}, "gram": {KindMass, "0.001"}, "克": {KindMass, "0.001"},
	"t": {KindMass, "1000"}, "tonne": {KindMass, "1000"}, "吨": {KindMass, "1000"},
	"l": {KindVolume, "1"}, "litre": {KindVolume, "1"}, "liter": {KindVolume, "1"}, "升": {KindVolume, "1"},
	"ml": {KindVolume, "0.001"}, "毫升": {KindVolume, "0.001"},
	"m3": {KindVolume, "1000"}, "立方米": {KindVolume, "1000"},
	"m": {KindLength, "1"}, "meter": {KindLength, "1"}, "metre": {KindLength, "1"}, "米": {KindLength, "1"},
	"km": {KindLength, "1000"}, "ft": {KindLength, "0.3048"}, "in": {KindLength, "0.0254"}, "yd": {KindLength, "0.9144"},
	"m2": {KindArea, "1"}, "平方米": {KindArea, "1"}, "ft2": {KindArea, "0.09290304"}, "yd2": {KindArea, "0.83612736"},
	"lb": {KindMass, "0.45359237"}, "oz": {KindMass, "0.028349523125"}, "ct": {KindMass, "0.0002"},
	"jin": {KindMass, "0.5"}, "liang": {KindMass, "0.05"}, "q": {KindMass, "100"},
	"kl": {KindVolume, "1000"}, "ft3": {KindVolume, "28.316846592"},
	"gal_imp": {KindVolume, "4.54609"}, "gal_us": {KindVolume, "3.785411784"},
	"kw": {KindOther, "1"}, "kwh": {KindOther, "1"}, "kva": {KindOther, "1"}, "hp": {KindOther, "1"}, "mbq": {KindOther, "1"},
}

// KindOf is the kind of a line's unit: a known unit of measure's kind, else KindCount.
func KindOf(unit string) UnitKind {
	if m, ok := measures[strings.ToLower(strings.TrimSpace(unit))]; ok {
		return m.kind
	}
	return KindCount
}

// InBaseUnit is q of unit expressed in its kind's base unit (kg, l, m, m2), so that
// 500 g and 0.5 kg compare equal. A count, or a result finer than a Qty holds, is q
// unchanged and false.
func InBaseUnit(q Qty, unit string) (Qty, bool) {
	m, ok := measures[strings.ToLower(strings.TrimSpace(unit))]
	if !ok {
		return q, false
	}
	out, err := QtyFromDecimal(q.Decimal().Mul(decimal.RequireFromString(m.base)))
	if err != nil {
		return q, false
	}
	return out, true
}

// Counted reports whether the line's quantity counts pieces (its unit is no unit of
// measure), the quantity stock moves in.
func (l Line) Counted() bool { return KindOf(l.Unit) == KindCount }
