package compare_test

import (
	"fmt"

	"github.com/seamhub/seam/resolver/compare"
)

func ExampleNameLevel() {
	for _, p := range [][2]string{
		{"张伟", "Wei ZHANG"},
		{"張偉", "张伟"},
		{"Bob Smith", "Robert Smith"},
		{"J. Smith", "John Smith"},
		{"Catherine Thompson", "Catherine Tomson"},
		{"李**", "李娜"},
	} {
		fmt.Println(compare.NameLevel(compare.Name{Full: p[0]}, compare.Name{Full: p[1]}))
	}
	// Output:
	// name: transliterated (张伟 reads wei zhang)
	// name: exact
	// name: nickname (bob ~ robert)
	// name: initials (j ~ john: initial)
	// name: similar (thompson ~ tomson: jaro-winkler 0.92 >= 0.88)
	// name: masked-compatible (李** fits 李娜)
}

func ExampleDateLevel() {
	fmt.Println(compare.DateLevel("1987-03-12", "12/03/1987"))
	fmt.Println(compare.DateLevel("1987-03-12", "1987-12-03"))
	fmt.Println(compare.DateLevel("1987-03-12", "19870313"))
	// Output:
	// date: exact
	// date: transposed (19870312 and 19871203: day and month swapped)
	// date: typo (19870312 ~ 19870313: one digit apart)
}

func ExampleAddressLevels() {
	masked := compare.ParseAddress("上海市上海市浦东新区****") // as Pinduoduo sends it
	full := compare.ParseAddress("上海市浦东新区张江路100号")
	c := compare.AddressLevels(masked, full)
	fmt.Println(c.Overall)
	fmt.Println(c.Parts[compare.PartLocality])

	a := compare.LatinAddress("12", "kingsford street", "", "randwick", "2031", "nsw")
	b := compare.LatinAddress("", "12 kingsfrod st", "", "randwick", "2031", "nsw")
	c = compare.AddressLevels(a, b)
	fmt.Println(c.Overall)
	fmt.Println(c.Parts[compare.PartStreet])
	// Output:
	// address: masked-compatible (上海市 浦东新区 **** fits 上海市 浦东新区 张江路100号)
	// address.locality: exact
	// address: similar (street typo)
	// address.street: typo (kingsford st ~ kingsfrod st: one edit apart)
}

func ExampleMaskedOnly() {
	levels := []compare.Level{
		compare.NameLevel(compare.Name{Full: "李**"}, compare.Name{Full: "李娜"}),
		compare.PhoneLevel("*******5678", "13812345678", "CN"),
		compare.EmailLevel("", "lina@example.com"),
	}
	fmt.Println(compare.MaskedOnly(levels...))
	// Seven digits of the number are agreement of their own.
	levels[1] = compare.PhoneLevel("138****5678", "13812345678", "CN")
	fmt.Println(compare.MaskedOnly(levels...))
	// Output:
	// true
	// false
}

func ExampleDoubleMetaphone() {
	for _, name := range []string{"Smith", "Schmidt"} {
		p, a := compare.DoubleMetaphone(name)
		fmt.Println(name, p, a)
	}
	fmt.Println(compare.PhoneticMatch("Smith", "Schmidt"))
	// Output:
	// Smith SM0 XMT
	// Schmidt XMT SMT
	// XMT true
}

func ExamplePinyin() {
	fmt.Println(compare.Pinyin("歐陽娜娜"), compare.Pinyin("曾国藩"))
	// Output:
	// [ou yang na na] [zeng guo fan]
}
