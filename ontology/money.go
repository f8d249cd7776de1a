package ontology

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Money is an exact amount in a currency's major unit ("49.00" USD, not 4900 cents).
// Mappings convert minor units (Square, Stripe, Douyin fen) with the currency's ISO 4217
// exponent before building a Money, so everything downstream compares like with like.
type Money struct {
	Amount   decimal.Decimal `json:"amount"`
	Currency string          `json:"currency" validate:"required,len=3,uppercase"`
}

// String formats m as "49.00 USD".
func (m Money) String() string { return fmt.Sprintf("%s %s", m.Amount.String(), m.Currency) }

// Equal reports whether two amounts are the same in the same currency.
func (m Money) Equal(o Money) bool { return m.Currency == o.Currency && m.Amount.Equal(o.Amount) }
