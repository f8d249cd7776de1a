package mapping

import (
	"strings"

	"github.com/shopspring/decimal"
)

// China customs units of measure (计量单位代码, the three-digit codes of GUnit, FirstUnit
// and SecondUnit on a declaration). A declaration line states its quantity up to three
// times: in the declared unit (GQty/GUnit), the legal first unit (FirstQty/FirstUnit)
// and the legal second unit (SecondQty/SecondUnit). Stock counts pieces, so a mapping
// takes the first of those that counts pieces (customsCount) and, when none does, keeps
// the declared quantity with its unit of measure (customsUnit) so that it is never read
// as a number of items.

// customsCounts are the codes that count pieces, with the pieces one of them holds:
// 个, 件, 袋 and 罐 are 1; 打 (dozen) 12; 百个 100; 千只 1000; 万个 10000. Packaging
// units (箱, 包, 袋, 盒, 瓶) are read as the item count, as the declared unit of a
// line is the unit its goods are traded in.
var customsCounts = map[string]int64{
	"001": 1, "002": 1, "003": 1, "004": 1, "005": 1, "006": 1, "007": 1, "008": 1, "009": 1, "010": 1,
	"011": 1, "012": 1, "013": 1, "014": 1, "015": 1, "016": 1, "017": 1, "018": 1, "019": 1, "020": 1,
	"021": 1, "022": 1, "023": 1, "025": 1, "026": 1, "027": 1, "028": 1, "029": 1, "031": 1, "034": 1,
	"037": 1, "038": 10000, "039": 1, "040": 100, "041": 100, "042": 100, "043": 100, "044": 100,
	"046": 1, "048": 1, "049": 100, "050": 1000, "051": 1000, "052": 1000, "053": 1000, "054": 1000,
	"055": 100000000, "056": 100000000, "057": 10000, "058": 1000, "059": 10000,
	"120": 1, "122": 1, "123": 1, "124": 1, "125": 1, "126": 1, "127": 12, "128": 1, "129": 144,
	"130": 1, "131": 1, "132": 1, "133": 1, "134": 1, "135": 1, "136": 1, "139": 1, "140": 1, "141": 1,
	"142": 1, "143": 1000, "144": 10000, "145": 10000, "146": 1000, "163": 1, "164": 100000000,
}

// customsMeasures are the codes that measure rather than count, as the unit names
// ontology.KindOf knows.
var customsMeasures = map[string]string{
	"030": "m", "032": "m2", "033": "m3", "035": "kg", "036": "g", "047": "q", "060": "kva", "061": "kw",
	"062": "kwh", "063": "kl", "067": "ft", "070": "t", "075": "jin", "076": "lb", "080": "liang",
	"083": "oz", "084": "ct", "086": "yd", "088": "in", "095": "l", "096": "ml", "097": "gal_imp",
	"098": "gal_us", "099": "ft3", "110": "yd2", "111": "ft2", "115": "hp", "116": "hp", "147": "km",
	"149": "mbq",
}

// customsCount reads "CODE|QTY" (a unit code and its quantity, joined by a concat) as a
// number of pieces: QTY times the pieces of one CODE when CODE counts pieces and QTY is
// a positive decimal, else "".
func customsCount(v string) string {
	code, qty, ok := strings.Cut(v, "|")
	if !ok {
		return ""
	}
	per, ok := customsCounts[strings.TrimSpace(code)]
	if !ok {
		return ""
	}
	d, err := decimal.NewFromString(strings.TrimSpace(qty))
	if err != nil || !d.IsPositive() {
		return ""
	}
	return d.Mul(decimal.NewFromInt(per)).String()
}

// customsUnit names a unit code: a unit of measure by its canonical name (035 is "kg"),
// a piece count as "pcs", an unknown code as "customs:" and the code, which
// ontology.KindOf reads as a count, as before units were read.
func customsUnit(v string) string {
	code := strings.TrimSpace(v)
	switch {
	case code == "":
		return ""
	case customsMeasures[code] != "":
		return customsMeasures[code]
	case customsCounts[code] != 0:
		return "pcs"
	}
	return "customs:" + code
}
