package normalize_test

import (
	"fmt"

	"github.com/seamhub/seam/resolver/normalize"
)

func ExamplePhone() {
	for _, p := range []struct{ number, country string }{
		{"+86 139 0000 1111", ""},
		{"06-12345678", "NL"},
		{"13812345678_1234", "CN"}, // a Meituan privacy number
	} {
		e, ok := normalize.Phone(p.number, p.country)
		fmt.Printf("%q %v\n", e, ok)
	}
	// Output:
	// "+8613900001111" true
	// "+31612345678" true
	// "" false
}

func ExampleCompanyName() {
	c := normalize.CompanyName("深圳市示例贸易有限公司")
	fmt.Printf("%s | %s | %s\n", c.Key, c.Place, c.LegalForm)
	fmt.Println(normalize.CompanyName("示例贸易").Key == c.Key)
	// Output:
	// 示例贸易 | 深圳 | 有限公司
	// true
}

func ExampleOrderNumber() {
	for _, s := range []string{"#1047", "ORD-0001047", "order 1047"} {
		core, raw := normalize.OrderNumber(s)
		fmt.Println(core, raw)
	}
	// Output:
	// 1047 #1047
	// 1047 ORD-0001047
	// 1047 order 1047
}

func ExampleJaroWinkler() {
	fmt.Printf("%.3f\n", normalize.JaroWinkler("MARTHA", "MARHTA"))
	fmt.Printf("%.3f\n", normalize.Jaccard(normalize.PersonNameTokens("Lin Mei"), normalize.PersonNameTokens("Mei LIN")))
	// Output:
	// 0.961
	// 1.000
}
