package check_test

import (
	"errors"
	"fmt"

	"github.com/seamhub/seam/ontology/check"
)

func ExampleGTIN14() {
	g, err := check.GTIN14("9501101530003")
	fmt.Println(g, err)
	_, err = check.GTIN14("9501101530004")
	fmt.Println(errors.Is(err, check.ErrCheckDigit), err)
	// Output:
	// 09501101530003 <nil>
	// true GTIN "9501101530004": check digit does not match: expected 3, got 4
}

func ExampleUSCCCheckChar() {
	c, _ := check.USCCCheckChar("91440300MA5F3K2W1")
	fmt.Printf("%c %v\n", c, check.USCC("91440300MA5F3K2W1"+string(c)))
	// Output: 3 <nil>
}

func ExampleChinaCustomsCurrency() {
	alpha, exp, _ := check.ChinaCustomsCurrency("502")
	fmt.Println(alpha, exp)
	alpha, exp, _ = check.Currency("jpy")
	fmt.Println(alpha, exp)
	// Output:
	// USD 2
	// JPY 0
}
