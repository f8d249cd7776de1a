package normalize

// latinForms maps a legal-form word, as words leaves it ("S.p.A." is "spa", "B.V." is
// "bv"), to the spelling reported in Company.LegalForm.
var latinForms = map[string]string{
	"ltd": "ltd", "limited": "ltd", "co": "co", "company": "co", "inc": "inc", "incorporated": "inc",
	"corp": "corp", "corporation": "corp", "llc": "llc", "llp": "llp", "plc": "plc", "pte": "pte",
	"pty": "pty", "gmbh": "gmbh", "ag": "ag", "kg": "kg", "bv": "bv", "nv": "nv", "sa": "sa",
	"sas": "sas", "sarl": "sarl", "srl": "srl", "sl": "sl", "spa": "spa", "oy": "oy", "oyj": "oyj",
	"ab": "ab", "as": "as", "aps": "aps", "kk": "kk",
}

// latinGeneric are words dropped from Latin company names without being a legal form:
// "Alibaba Group Holding Ltd" and "Alibaba" name the same group.
var latinGeneric = map[string]bool{"the": true, "and": true, "group": true, "holding": true, "holdings": true}

// hanForms are the legal forms and generic words at the end of Chinese and Japanese
// company names, longest first so that 股份有限公司 is not read as 有限公司. Forms map to
// their simplified spelling; generic words (集团) map to "" and are dropped unrecorded.
var hanForms = []struct{ suffix, form string }{
	{"股份有限公司", "股份有限公司"}, {"有限责任公司", "有限责任公司"}, {"有限責任公司", "有限责任公司"},
	{"株式会社", "株式会社"}, {"有限公司", "有限公司"}, {"公司", "公司"}, {"商行", "商行"},
	{"集团", ""}, {"集團", ""},
}

// provinces are China's province-level divisions, as they begin company names with or
// without their suffix ("广东省", "广东"); provinceSuffixes are those suffixes, longest
// first.
var (
	provinces = []string{
		"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
		"福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
		"甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
	}
	provinceSuffixes = []string{"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"}
)

// cities are the cities that Seam's sources name at the start of a company name without
// a province ("深圳市", "义乌"). After a province, any name ending in 市 is read as a city.
var cities = []string{
	"深圳", "广州", "东莞", "佛山", "珠海", "中山", "惠州", "汕头", "江门", "湛江", "杭州", "宁波",
	"温州", "义乌", "金华", "绍兴", "嘉兴", "台州", "湖州", "南京", "苏州", "无锡", "常州", "南通",
	"扬州", "徐州", "昆山", "合肥", "福州", "厦门", "泉州", "莆田", "济南", "青岛", "烟台", "潍坊",
	"临沂", "郑州", "洛阳", "武汉", "长沙", "南昌", "成都", "绵阳", "西安", "沈阳", "大连", "长春",
	"哈尔滨", "石家庄", "保定", "唐山", "廊坊", "太原", "呼和浩特", "包头", "南宁", "海口", "三亚",
	"昆明", "贵阳", "兰州", "西宁", "银川", "乌鲁木齐", "拉萨",
}
