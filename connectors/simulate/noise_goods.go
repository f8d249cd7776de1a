package simulate

import (
	"fmt"
	"strings"

	"github.com/seamhub/seam/ontology"
)

// Goods as Chinese documents name them. A customs broker declares goods by their Chinese
// name and the declaration elements (申报要素) the HS heading asks for, pipe-separated in
// GModel: brand type, preferential origin, then name, processing or material, package
// and brand, and wherever the broker fits it, if at all, the merchant's item number
// ("0|0|乌龙茶|半发酵|250克/袋|无品牌|TEA-OOL-250G"). A marketplace listing carries the
// title the shop wrote for buyers ("【旗舰店】铁观音乌龙茶 250g 送礼").

// cnGood is one product in Chinese documents.
type cnGood struct {
	name    string   // 品名, the declared goods name
	elems   []string // the other declaration elements, in the broker's usual order
	size    string   // net size as declared, what tells variants apart
	listing string   // a marketplace listing's title
}

// cnGoods is every catalogue product and drink in Chinese.
var cnGoods = map[string]cnGood{
	"TEA-OOL-250G": {"乌龙茶", []string{"半发酵", "250克/袋", "无品牌"}, "250克", "【旗舰店】铁观音乌龙茶 250g 送礼"},
	"TEA-GRN-100G": {"绿茶", []string{"未发酵", "100克/罐", "无品牌"}, "100克", "明前特级绿茶 100g 罐装 新茶"},
	"TEA-JAS-200G": {"茉莉花茶", []string{"未发酵", "200克/袋", "无品牌"}, "200克", "福州茉莉花茶 200g 浓香型"},
	"TEA-PUE-357G": {"普洱茶", []string{"后发酵", "357克/饼", "无品牌"}, "357克", "云南普洱熟茶饼 357g 七子饼"},
	"COF-BEAN-1KG": {"咖啡豆", []string{"已焙炒", "未浸除咖啡碱", "1千克/袋", "SEAM"}, "1千克", "意式浓缩咖啡豆 1kg 中深烘焙 可代磨"},
	"COF-DRIP-10":  {"挂耳咖啡", []string{"已焙炒", "未浸除咖啡碱", "10袋/盒", "SEAM"}, "10袋", "挂耳咖啡 10包装 现磨滤挂式黑咖啡"},
	"MUG-BLU-350":  {"马克杯", []string{"陶瓷", "蓝色", "350毫升", "SEAM"}, "350毫升", "北欧陶瓷马克杯 蓝色 350ml 办公室水杯"},
	"MUG-WHT-350":  {"马克杯", []string{"陶瓷", "白色", "350毫升", "SEAM"}, "350毫升", "北欧陶瓷马克杯 白色 350ml 简约"},
	"CUP-TRV-450":  {"随行杯", []string{"不锈钢", "家用", "450毫升", "SEAM"}, "450毫升", "304不锈钢随行杯 450ml 保温咖啡杯"},
	"KTL-GLS-1L":   {"玻璃水壶", []string{"耐热玻璃", "家用", "1升", "无品牌"}, "1升", "耐热玻璃花茶壶 1L 可明火"},
	"TEA-SET-4":    {"茶具套装", []string{"陶瓷", "家用", "4件/套", "无品牌"}, "4件", "陶瓷功夫茶具套装 4人 送礼盒"},
	"FLT-PAP-100":  {"咖啡滤纸", []string{"纸制", "100张/包", "无品牌"}, "100张", "锥形咖啡滤纸 100张 原木色"},
	"TEA-BLK-250G": {"红茶", []string{"全发酵", "250克/袋", "无品牌"}, "250克", "正山小种红茶 250g 袋装"},
	"TEA-WHT-100G": {"白茶", []string{"微发酵", "100克/罐", "无品牌"}, "100克", "福鼎白茶 白牡丹 100g"},
	"COF-DEC-500G": {"低因咖啡豆", []string{"已焙炒", "已浸除咖啡碱", "500克/袋", "SEAM"}, "500克", "低因咖啡豆 500g 夜间可喝"},
	"GRN-MCH-50G":  {"抹茶粉", []string{"未发酵", "50克/罐", "无品牌"}, "50克", "宇治抹茶粉 50g 烘焙冲饮"},
	"SPN-BMB-2":    {"竹勺", []string{"竹制", "家用", "2支/套", "无品牌"}, "2支", "天然竹茶勺 2支装"},
	"TIN-TEA-150":  {"茶叶罐", []string{"马口铁", "家用", "150克装", "无品牌"}, "150克", "马口铁茶叶罐 150g 密封罐"},
	"STR-MET-2":    {"吸管", []string{"不锈钢", "家用", "2支/套", "无品牌"}, "2支", "不锈钢吸管 2支 带清洁刷"},
	"CUP-CER-8":    {"陶瓷杯", []string{"陶瓷", "家用", "8件/套", "无品牌"}, "8件", "陶瓷品茗杯 8只装"},
	"TEA-CHA-250G": {"香料茶", []string{"混合", "250克/袋", "无品牌"}, "250克", "印度拉茶 玛萨拉香料茶 250g"},
	"COF-MOC-250G": {"咖啡豆", []string{"已焙炒", "未浸除咖啡碱", "250克/袋", "SEAM"}, "250克", "摩卡风味咖啡豆 250g 中烘"},
	"HNY-ACC-500":  {"蜂蜜", []string{"天然", "500克/瓶", "无品牌"}, "500克", "洋槐蜂蜜 500g 瓶装 农家"},
	"SYR-VAN-750":  {"糖浆", []string{"香草味", "750毫升/瓶", "SEAM"}, "750毫升", "香草风味糖浆 750ml 咖啡伴侣"},
	"LATTE":        {listing: "招牌拿铁（大杯）"},
	"AMERICANO":    {listing: "冰美式咖啡（中杯）"},
	"CAPPUCCINO":   {listing: "卡布奇诺（大杯/热）"},
	"MILK-TEA":     {listing: "港式丝袜奶茶"},
}

// listingTitle is the title a marketplace's listing of p shows. Whether a shop wrote its
// own title belongs to the listing, so it is decided once per system and product, from a
// hash, for a share Noise.ItemNames of listings. Douyin sells drinks as group-buy
// vouchers, whose titles say so.
func (w *world) listingTitle(system string, p *product, share float64) string {
	cn, ok := cnGoods[p.SKU]
	if !ok || hashShare("title/"+system+"/"+p.SKU) >= share {
		return ""
	}
	if system == "douyin" {
		return "【团购】" + cn.listing + " 单人券"
	}
	return cn.listing
}

// markTitles records the listing titles of a marketplace document's lines.
func (g *generator) markTitles(d Doc, field string, lines []line) {
	for i, l := range lines {
		if l.name != "" {
			g.mark(d, NoiseMark{Noise: "item-name", Field: fmt.Sprintf(field, i), Wrote: l.name, SKU: l.p.SKU, Expect: "title"})
		}
	}
}

// declLine is one goods line of a declaration as the broker filled it.
type declLine struct {
	gname, gmodel, exgNo string
}

// declGoods fills a declaration's goods lines: by the catalogue's English title and the
// item number in ExgNo, or, for a share Noise.DeclModel of declarations, by Chinese
// name and declaration elements with the item number somewhere among them, and for a
// share Noise.DeclNoItem of those lines nowhere at all. It returns the marks to record
// once the declaration is a document.
func (g *generator) declGoods(lines []line) ([]declLine, []NoiseMark) {
	out := make([]declLine, len(lines))
	for i, l := range lines {
		out[i] = declLine{gname: l.p.Title, exgNo: l.p.SKU}
	}
	if !g.maybe(g.cfg.Noise.DeclModel) {
		return out, nil
	}
	var marks []NoiseMark
	for i, l := range lines {
		cn := cnGoods[l.p.SKU]
		elems := append([]string{cn.name}, cn.elems...)
		m := NoiseMark{Noise: "decl-model", Field: fmt.Sprintf("DecList[%d].GModel", i+1), SKU: l.p.SKU, Expect: "item-number"}
		if g.maybe(g.cfg.Noise.DeclNoItem) {
			m.Noise, m.Expect = "decl-no-item", g.describedBy(l.p)
		} else {
			item := []string{"%s", "%s", "%s", "型号:%s", "货号%s", "型号 %s"}[g.r.IntN(6)]
			code := l.p.SKU
			if g.r.IntN(8) == 0 {
				code = strings.ToLower(code)
			}
			at := g.r.IntN(len(elems) + 1)
			elems = append(elems[:at], append([]string{fmt.Sprintf(item, code)}, elems[at:]...)...)
		}
		d := declLine{gname: cn.name, gmodel: "0|0|" + strings.Join(elems, "|")}
		out[i], m.Wrote = d, d.gmodel
		marks = append(marks, m)
		// The line's description code is a code Seam knows the product by once someone
		// (or a rule) decides it: the truth's alias of it.
		g.truth.alias(l.p, "china-customs", ontology.Line{Title: d.gname, HSCode: l.p.HS, Model: d.gmodel}.DescriptionCode())
	}
	return out, marks
}

// describedBy says whether a line naming only its name, HS code and size identifies p:
// it does when no other product of the catalogue has the same HS code and size.
func (g *generator) describedBy(p *product) string {
	for _, o := range g.w.packaged {
		if o != p && o.HS == p.HS && cnGoods[o.SKU].size == cnGoods[p.SKU].size {
			return "ambiguous"
		}
	}
	return "description"
}

// Store codes nobody configured. A store adds a second Square register (a terrace kiosk)
// as a location of its own, and runs a delivery-only brand as a second Meituan shop from
// its kitchen; seam.yaml names neither. The codes are derived from the store, without
// random draws, so that worlds without this noise stay as they were.
func unlistedCodes(s *store, n int) (square, meituan string) {
	return "L" + hashCode(s.Square+"/register-2", 12), fmt.Sprintf("SH-PD-%03d", 100+n)
}

// unlisted records a document of a store under a code seam.yaml lacks: the stock it moves
// is booked under "system:code", where a perfect integration of this configuration
// books it.
func (g *generator) unlisted(a *action, d Doc, field, code string) {
	a.booked = d.System + ":" + code
	g.mark(d, NoiseMark{Noise: "unknown-store", Field: field, Wrote: code, Location: a.booked, Expect: "unlisted"})
}
