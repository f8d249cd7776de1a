package simulate

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// product is one thing the business sells or uses.
type product struct {
	SKU, Title, HS string
	GTIN           string // GTIN-13, valid check digit; "" for drinks
	Cents          int64  // unit price in euro cents (e-shop) and, times 8, fen (China)
	Kind           string // packaged, drink, ingredient
	SquareID       string // Square catalog object id of its variation
}

// catalog is the packaged goods the business can sell; Config.SKUs takes the first n.
var catalog = []struct{ sku, title, hs string }{
	{"TEA-OOL-250G", "Oolong tea 250 g", "0902300000"}, {"TEA-GRN-100G", "Green tea 100 g", "0902100000"},
	{"TEA-JAS-200G", "Jasmine tea 200 g", "0902100000"}, {"TEA-PUE-357G", "Pu-erh cake 357 g", "0902300000"},
	{"COF-BEAN-1KG", "Espresso beans 1 kg", "0901210000"}, {"COF-DRIP-10", "Drip coffee 10 bags", "0901210000"},
	{"MUG-BLU-350", "Blue mug 350 ml", "6912001000"}, {"MUG-WHT-350", "White mug 350 ml", "6912001000"},
	{"CUP-TRV-450", "Travel cup 450 ml", "7323930000"}, {"KTL-GLS-1L", "Glass kettle 1 l", "7013490000"},
	{"TEA-SET-4", "Tea set for four", "6912001000"}, {"FLT-PAP-100", "Paper filters 100", "4823200000"},
	{"TEA-BLK-250G", "Black tea 250 g", "0902300000"}, {"TEA-WHT-100G", "White tea 100 g", "0902100000"},
	{"COF-DEC-500G", "Decaf beans 500 g", "0901220000"}, {"GRN-MCH-50G", "Matcha 50 g", "0902100000"},
	{"SPN-BMB-2", "Bamboo spoons", "4419900000"}, {"TIN-TEA-150", "Tea tin 150 g", "7310290000"},
	{"STR-MET-2", "Metal straws", "7323930000"}, {"CUP-CER-8", "Ceramic cups 8", "6912001000"},
	{"TEA-CHA-250G", "Chai blend 250 g", "0910910000"}, {"COF-MOC-250G", "Mocha blend 250 g", "0901210000"},
	{"HNY-ACC-500", "Acacia honey 500 g", "0409000000"}, {"SYR-VAN-750", "Vanilla syrup 750 ml", "2106909800"},
}

// ingredients are what drinks are made of, received by the stores.
var ingredients = []struct{ sku, title, hs string }{
	{"MILK-1L", "Fresh milk 1 l", "0401200000"}, {"BEANS-1KG", "House beans 1 kg", "0901210000"},
	{"CUP-12OZ", "Paper cup 12 oz", "4823690000"}, {"TEA-LEAF-500G", "Tea leaves 500 g", "0902300000"},
}

// drinks are made to order from ingredients (quantities per cup, as decimal strings).
var drinks = []struct {
	sku, title string
	recipe     [][2]string
}{
	{"LATTE", "Latte", [][2]string{{"MILK-1L", "0.2"}, {"BEANS-1KG", "0.018"}, {"CUP-12OZ", "1"}}},
	{"AMERICANO", "Americano", [][2]string{{"BEANS-1KG", "0.018"}, {"CUP-12OZ", "1"}}},
	{"CAPPUCCINO", "Cappuccino", [][2]string{{"MILK-1L", "0.15"}, {"BEANS-1KG", "0.018"}, {"CUP-12OZ", "1"}}},
	{"MILK-TEA", "Milk tea", [][2]string{{"MILK-1L", "0.15"}, {"TEA-LEAF-500G", "0.006"}, {"CUP-12OZ", "1"}}},
}

// store is one shop of the chain, under each system's name for it.
type store struct {
	ID       string // canonical location
	Square   string // Square location_id
	Meituan  string // app_poi_code
	Douyin   int64  // shop_id
	ERPNext  string // warehouse
	Name     string
	Customer []int // indexes of regular customers
	// Square2 and Meituan2 are a second register and a second Meituan shop of the store,
	// which seam.yaml does not name (noise_goods.go).
	Square2, Meituan2 string
}

// party is a real person or company; mentions write it in each system's own way.
type party struct {
	ID      string
	Name    string // as the party itself writes it
	Latin   bool
	Email   string
	Phone   string // E.164
	Country string
	USCC    string // companies in China
	Company bool
}

// world is the fixed cast: products, stores, customers and suppliers.
type world struct {
	products  []*product
	bySKU     map[string]*product
	packaged  []*product
	drinks    []*product
	stores    []*store
	customers []*party
	suppliers []*party
	// spelled decides once per system and product whether the system's codes spell it
	// differently, from a hash of the two, so the choice costs no random draws.
	spelled map[string]bool
}

// spelling reports whether system spells p its own way, for a share p of products.
func (w *world) spelling(system string, p *product, share float64) bool {
	k := system + "/" + p.SKU
	v, ok := w.spelled[k]
	if !ok {
		v = float64(fnv32(k)%1000)/1000 < share
		w.spelled[k] = v
	}
	return v
}

const alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"

func randID(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alnum[r.IntN(len(alnum))]
	}
	return string(b)
}

// gs1 returns digits with its GS1 check digit appended.
func gs1(digits string) string {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return digits + string(rune('0'+(10-sum%10)%10))
}

var (
	surnames = []string{"Lin", "Wang", "Li", "Zhang", "Chen", "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Müller", "Schmidt"}
	given    = []string{"Mei", "Wei", "Fang", "Jun", "Lei", "Anna", "Daan", "Sanne", "Lucas", "Emma", "Noah", "Julia"}
	cities   = []string{"深圳市", "上海市", "杭州市", "广州市"}
	firms    = []string{"示例贸易", "样本茶业", "明远陶瓷", "华东咖啡", "嘉禾包装", "远山茶园"}
)

func newWorld(cfg Config, r *rand.Rand) *world {
	w := &world{bySKU: map[string]*product{}, spelled: map[string]bool{}}
	add := func(p *product) {
		p.SquareID = randID(r, 24)
		w.products = append(w.products, p)
		w.bySKU[p.SKU] = p
	}
	for i, c := range catalog[:cfg.SKUs] {
		p := &product{SKU: c.sku, Title: c.title, HS: c.hs, GTIN: gs1(fmt.Sprintf("950110153%03d", i)),
			Cents: int64(500 + r.IntN(40)*100), Kind: "packaged"}
		add(p)
		w.packaged = append(w.packaged, p)
	}
	for i, c := range ingredients {
		add(&product{SKU: c.sku, Title: c.title, HS: c.hs, GTIN: gs1(fmt.Sprintf("950110159%03d", i)), Cents: 300, Kind: "ingredient"})
	}
	for _, d := range drinks {
		p := &product{SKU: d.sku, Title: d.title, Cents: 350 + int64(r.IntN(4))*50, Kind: "drink"}
		add(p)
		w.drinks = append(w.drinks, p)
	}
	for i := 1; i <= cfg.Stores; i++ {
		s := &store{
			ID: fmt.Sprintf("STORE-%02d", i), Square: "L" + randID(r, 12), Meituan: fmt.Sprintf("SH-PD-%03d", i),
			Douyin: 190000 + int64(i), ERPNext: fmt.Sprintf("Stores - S%02d", i), Name: fmt.Sprintf("Seam Coffee %02d", i),
		}
		s.Square2, s.Meituan2 = unlistedCodes(s, i)
		w.stores = append(w.stores, s)
	}
	nCustomers := 40 + cfg.OrdersPerDay*cfg.Days/6
	for i := 0; i < nCustomers; i++ {
		sn, gn := surnames[r.IntN(len(surnames))], given[r.IntN(len(given))]
		p := &party{ID: fmt.Sprintf("C%05d", i), Name: gn + " " + sn, Latin: true, Country: "NL",
			Email: strings.ToLower(strings.ReplaceAll(gn+"."+sn, " ", "")) + fmt.Sprintf("%d@example.com", i)}
		if r.IntN(3) == 0 {
			p.Country = "CN"
			p.Phone = fmt.Sprintf("+861%02d%08d", 30+r.IntN(60), r.IntN(100000000))
		} else {
			p.Phone = fmt.Sprintf("+316%08d", r.IntN(100000000))
		}
		w.customers = append(w.customers, p)
	}
	for i, f := range firms {
		first17 := fmt.Sprintf("914403%02d%s", i, randUSCCBody(r))
		w.suppliers = append(w.suppliers, &party{ID: fmt.Sprintf("S%02d", i), Name: cities[i%len(cities)] + f + "有限公司",
			Company: true, Country: "CN", USCC: first17 + usccCheck(first17), Phone: fmt.Sprintf("+86755%08d", 88880000+i)})
	}
	return w
}

const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

func randUSCCBody(r *rand.Rand) string {
	b := make([]byte, 9)
	for i := range b {
		b[i] = usccAlphabet[r.IntN(len(usccAlphabet))]
	}
	return string(b)
}

func usccCheck(first17 string) string {
	w := [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(usccAlphabet, first17[i]) * w[i]
	}
	return string(usccAlphabet[(31-sum%31)%31])
}

// containerNumber builds a valid ISO 6346 number for owner code and serial.
func containerNumber(owner string, serial int) string {
	s := fmt.Sprintf("%sU%06d", owner, serial)
	sum := 0
	for i := 0; i < 10; i++ {
		c := s[i]
		var v int
		if c >= 'A' && c <= 'Z' {
			v = 10
			for l := byte('A'); l < c; l++ {
				v++
				if v%11 == 0 {
					v++
				}
			}
		} else {
			v = int(c - '0')
		}
		sum += v << i
	}
	return s + string(rune('0'+sum%11%10))
}
