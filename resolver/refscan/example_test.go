package refscan_test

import (
	"fmt"

	"github.com/seamhub/seam/resolver/refscan"
)

// A clerk rings up a Meituan order again at the Square till and types the Meituan order
// number into the reference. Each spelling gives the keys the Meituan mapping stored for
// that order; the resolver links the sale only if one of them is known.
func Example() {
	for _, ref := range []string{"27061900338491023", "MT-27061900338491023", "meituan:27061900338491023"} {
		for _, c := range refscan.Scan("reference_id", ref) {
			fmt.Println(c.Ref.ID(), c.Strength)
		}
	}
	// Output:
	// order_id:meituan:27061900338491023 plausible
	// order_number:27061900338491023 plausible
	// order_id:meituan:27061900338491023 specific
	// order_number:27061900338491023 specific
	// order_id:meituan:27061900338491023 specific
	// order_number:27061900338491023 specific
}

// A note in Chinese: the order number behind its label is read, the phone number, the
// time and the amount are not.
func ExampleScan() {
	note := "美团单号 27061900338491023 自取，电话13812345678，10:15到店，实付¥58.60"
	for _, c := range refscan.Scan("note", note) {
		fmt.Println(c.Evidence())
	}
	// Output:
	// note "美团单号 27061900338491023" read as order_id:meituan:27061900338491023 by rule meituan (specific)
	// note "美团单号 27061900338491023" read as order_number:27061900338491023 by rule meituan (specific)
}

// A short number is only a weak question: it is asked as an order number, and links
// only if the tenant has an order of exactly that number.
func ExampleScan_weak() {
	for _, c := range refscan.Scan("note", "ref: #1047 thanks, and 2048") {
		fmt.Println(c.Evidence())
	}
	// Output:
	// note "ref: #1047" read as order_number:1047 by rule order-prefix (plausible)
	// note "2048" read as order_number:2048 by rule bare-number (weak)
}
