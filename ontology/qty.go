package ontology

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// QtyScale is the number of decimal places a [Qty] keeps. Six covers every source we map:
// Square sends "1.70000", China customs up to five places.
const QtyScale = 6

const qtyUnit = 1_000_000 // 10^QtyScale

// Qty is an exact quantity in millionths of a unit. It is an integer so that Neo4j sums,
// Redis HINCRBY and Go arithmetic all agree without rounding; the largest representable
// stock is about 9.2 trillion units.
type Qty int64

// ErrQtyPrecision is returned when a quantity has more decimal places than [QtyScale].
var ErrQtyPrecision = errors.New("quantity has more than 6 decimal places")

// ErrQtyRange is returned when a quantity does not fit in a [Qty].
var ErrQtyRange = errors.New("quantity out of range")

// Units returns q for a whole number of units n.
func Units(n int64) Qty { return Qty(n * qtyUnit) }

// ParseQty reads a decimal quantity such as "3", "-2", "1.70000" or "1e3". It refuses
// values that would lose precision rather than round them.
func ParseQty(s string) (Qty, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errors.New("empty quantity")
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return 0, fmt.Errorf("quantity %q: not a decimal number", s)
	}
	return QtyFromDecimal(d)
}

// QtyFromDecimal converts an exact decimal to a Qty, refusing lost precision.
func QtyFromDecimal(d decimal.Decimal) (Qty, error) {
	// "1e999999999" is a valid decimal whose exact value would take a gigabyte to
	// compute; anything past 10^19 is out of range anyway.
	if e := d.Exponent(); e > 19 {
		return 0, fmt.Errorf("%w: exponent %d", ErrQtyRange, e)
	} else if e < -40 {
		return 0, fmt.Errorf("%w: exponent %d", ErrQtyPrecision, e)
	}
	scaled := d.Shift(QtyScale)
	if !scaled.Equal(scaled.Truncate(0)) {
		return 0, fmt.Errorf("%w: %s", ErrQtyPrecision, d.String())
	}
	bi := scaled.BigInt()
	if !bi.IsInt64() {
		return 0, fmt.Errorf("%w: %s", ErrQtyRange, d.String())
	}
	return Qty(bi.Int64()), nil
}

// Decimal returns q as an exact decimal.
func (q Qty) Decimal() decimal.Decimal { return decimal.New(int64(q), -QtyScale) }

// String formats q without trailing zeros: "3", "-2", "1.7".
func (q Qty) String() string {
	var buf [24]byte
	return string(q.Append(buf[:0]))
}

// Append appends q to b as String writes it. It allocates nothing of its own: a live stock
// answer writes several quantities for each row.
func (q Qty) Append(b []byte) []byte {
	u := uint64(q)
	if q < 0 {
		b = append(b, '-')
		u = -u // two's complement: right for math.MinInt64 too
	}
	whole, frac := u/qtyUnit, u%qtyUnit
	b = strconv.AppendUint(b, whole, 10)
	if frac != 0 {
		var f [QtyScale]byte
		for i := len(f) - 1; i >= 0; i-- {
			f[i] = byte('0' + frac%10)
			frac /= 10
		}
		n := len(f)
		for f[n-1] == '0' {
			n--
		}
		b = append(append(b, '.'), f[:n]...)
	}
	return b
}

// Mul returns q times n, rounded half-even to six decimals: 0.018 kg of beans per latte
// times 3 lattes is exactly 0.054 kg.
func (q Qty) Mul(n Qty) Qty {
	d := q.Decimal().Mul(n.Decimal()).RoundBank(QtyScale)
	r, err := QtyFromDecimal(d)
	if err != nil {
		// Only a product beyond 9.2 trillion units gets here; saturate rather than wrap.
		if d.Sign() < 0 {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	return r
}

// Neg returns -q.
func (q Qty) Neg() Qty { return -q }

// IsZero reports whether q is zero.
func (q Qty) IsZero() bool { return q == 0 }

// MarshalJSON writes q as a decimal string, so that clients never see a float.
func (q Qty) MarshalJSON() ([]byte, error) { return json.Marshal(q.String()) }

// UnmarshalJSON accepts a decimal string or a JSON number.
func (q *Qty) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	v, err := ParseQty(s)
	if err != nil {
		return err
	}
	*q = v
	return nil
}

// UnmarshalText reads a decimal quantity, for configuration files (recipes).
func (q *Qty) UnmarshalText(b []byte) error {
	v, err := ParseQty(string(b))
	if err != nil {
		return err
	}
	*q = v
	return nil
}

// MarshalText writes q as a decimal.
func (q Qty) MarshalText() ([]byte, error) { return []byte(q.String()), nil }
