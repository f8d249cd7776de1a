"""Tables for cnpeople.py: places, given-name characters, homophones, romanisations.

Written for the benchmark from general knowledge of how Chinese addresses and names are
written; the cities, districts, roads and postcode prefixes are real, the house numbers,
compounds and people made up.
"""

# One row per city: province (full, short), Shopify's province_code, WooCommerce's state
# code (i18n/states/CN.php), province in pinyin, city (full, short, pinyin), the city's
# postcode prefix, districts (Han, pinyin), roads (Han, pinyin), and whether the city is
# a municipality (its province and city are one: 上海市上海市浦东新区 on some platforms).
CITIES = [
    dict(prov="上海市", prov_short="上海", shopify="SH", woo="CN10", prov_py="Shanghai", city="上海市", city_short="上海",
         city_py="Shanghai", post="200", muni=True,
         districts=[("浦东新区", "Pudong New District"), ("闵行区", "Minhang District"), ("徐汇区", "Xuhui District"),
                    ("静安区", "Jing'an District"), ("杨浦区", "Yangpu District"), ("宝山区", "Baoshan District")],
         roads=[("张杨路", "Zhangyang Road"), ("世纪大道", "Century Avenue"), ("虹梅路", "Hongmei Road"),
                ("漕溪北路", "Caoxi North Road"), ("共和新路", "Gonghe New Road"), ("国权路", "Guoquan Road"),
                ("莲花路", "Lianhua Road"), ("南京西路", "Nanjing West Road")]),
    dict(prov="北京市", prov_short="北京", shopify="BJ", woo="CN2", prov_py="Beijing", city="北京市", city_short="北京",
         city_py="Beijing", post="100", muni=True,
         districts=[("朝阳区", "Chaoyang District"), ("海淀区", "Haidian District"), ("丰台区", "Fengtai District"),
                    ("东城区", "Dongcheng District"), ("昌平区", "Changping District")],
         roads=[("建国路", "Jianguo Road"), ("中关村大街", "Zhongguancun Street"), ("望京西路", "Wangjing West Road"),
                ("学院路", "Xueyuan Road"), ("回龙观西大街", "Huilongguan West Street"), ("丰台北路", "Fengtai North Road")]),
    dict(prov="广东省", prov_short="广东", shopify="GD", woo="CN20", prov_py="Guangdong", city="广州市", city_short="广州",
         city_py="Guangzhou", post="510", muni=False,
         districts=[("天河区", "Tianhe District"), ("越秀区", "Yuexiu District"), ("番禺区", "Panyu District"),
                    ("海珠区", "Haizhu District"), ("白云区", "Baiyun District")],
         roads=[("天河路", "Tianhe Road"), ("中山五路", "Zhongshan 5th Road"), ("江南大道中", "Jiangnan Avenue Middle"),
                ("广州大道北", "Guangzhou Avenue North"), ("市桥街", "Shiqiao Street")]),
    dict(prov="广东省", prov_short="广东", shopify="GD", woo="CN20", prov_py="Guangdong", city="深圳市", city_short="深圳",
         city_py="Shenzhen", post="518", muni=False,
         districts=[("南山区", "Nanshan District"), ("福田区", "Futian District"), ("龙岗区", "Longgang District"),
                    ("宝安区", "Bao'an District"), ("罗湖区", "Luohu District")],
         roads=[("深南大道", "Shennan Avenue"), ("科技园路", "Keji Yuan Road"), ("福华一路", "Fuhua 1st Road"),
                ("龙岗大道", "Longgang Avenue"), ("宝安大道", "Bao'an Avenue"), ("东门中路", "Dongmen Middle Road")]),
    dict(prov="浙江省", prov_short="浙江", shopify="ZJ", woo="CN12", prov_py="Zhejiang", city="杭州市", city_short="杭州",
         city_py="Hangzhou", post="310", muni=False,
         districts=[("西湖区", "Xihu District"), ("拱墅区", "Gongshu District"), ("滨江区", "Binjiang District"),
                    ("余杭区", "Yuhang District"), ("上城区", "Shangcheng District")],
         roads=[("文三路", "Wensan Road"), ("莫干山路", "Moganshan Road"), ("江南大道", "Jiangnan Avenue"),
                ("文一西路", "Wenyi West Road"), ("解放路", "Jiefang Road"), ("古墩路", "Gudun Road")]),
    dict(prov="江苏省", prov_short="江苏", shopify="JS", woo="CN11", prov_py="Jiangsu", city="南京市", city_short="南京",
         city_py="Nanjing", post="210", muni=False,
         districts=[("鼓楼区", "Gulou District"), ("玄武区", "Xuanwu District"), ("江宁区", "Jiangning District"),
                    ("建邺区", "Jianye District")],
         roads=[("中山路", "Zhongshan Road"), ("汉中路", "Hanzhong Road"), ("双龙大道", "Shuanglong Avenue"),
                ("江东中路", "Jiangdong Middle Road"), ("北京东路", "Beijing East Road")]),
    dict(prov="江苏省", prov_short="江苏", shopify="JS", woo="CN11", prov_py="Jiangsu", city="苏州市", city_short="苏州",
         city_py="Suzhou", post="215", muni=False,
         districts=[("姑苏区", "Gusu District"), ("工业园区", "Industrial Park"), ("吴中区", "Wuzhong District"),
                    ("虎丘区", "Huqiu District")],
         roads=[("人民路", "Renmin Road"), ("星湖街", "Xinghu Street"), ("东吴北路", "Dongwu North Road"),
                ("长江路", "Changjiang Road")]),
    dict(prov="四川省", prov_short="四川", shopify="SC", woo="CN24", prov_py="Sichuan", city="成都市", city_short="成都",
         city_py="Chengdu", post="610", muni=False,
         districts=[("武侯区", "Wuhou District"), ("锦江区", "Jinjiang District"), ("青羊区", "Qingyang District"),
                    ("高新区", "Gaoxin District"), ("成华区", "Chenghua District")],
         roads=[("人民南路", "Renmin South Road"), ("天府大道", "Tianfu Avenue"), ("春熙路", "Chunxi Road"),
                ("蜀都大道", "Shudu Avenue"), ("建设路", "Jianshe Road")]),
    dict(prov="湖北省", prov_short="湖北", shopify="HB", woo="CN18", prov_py="Hubei", city="武汉市", city_short="武汉",
         city_py="Wuhan", post="430", muni=False,
         districts=[("武昌区", "Wuchang District"), ("洪山区", "Hongshan District"), ("江汉区", "Jianghan District"),
                    ("汉阳区", "Hanyang District")],
         roads=[("中南路", "Zhongnan Road"), ("珞喻路", "Luoyu Road"), ("解放大道", "Jiefang Avenue"),
                ("汉阳大道", "Hanyang Avenue")]),
    dict(prov="陕西省", prov_short="陕西", shopify="SN", woo="CN26", prov_py="Shaanxi", city="西安市", city_short="西安",
         city_py="Xi'an", post="710", muni=False,
         districts=[("雁塔区", "Yanta District"), ("碑林区", "Beilin District"), ("未央区", "Weiyang District")],
         roads=[("长安南路", "Chang'an South Road"), ("小寨东路", "Xiaozhai East Road"), ("未央路", "Weiyang Road"),
                ("科技路", "Keji Road")]),
    dict(prov="重庆市", prov_short="重庆", shopify="CQ", woo="CN23", prov_py="Chongqing", city="重庆市", city_short="重庆",
         city_py="Chongqing", post="400", muni=True,
         districts=[("渝中区", "Yuzhong District"), ("江北区", "Jiangbei District"), ("渝北区", "Yubei District"),
                    ("沙坪坝区", "Shapingba District")],
         roads=[("解放碑步行街", "Jiefangbei Pedestrian Street"), ("观音桥步行街", "Guanyinqiao Pedestrian Street"),
                ("金开大道", "Jinkai Avenue"), ("小龙坎正街", "Xiaolongkan Main Street")]),
    dict(prov="山东省", prov_short="山东", shopify="SD", woo="CN16", prov_py="Shandong", city="青岛市", city_short="青岛",
         city_py="Qingdao", post="266", muni=False,
         districts=[("市南区", "Shinan District"), ("崂山区", "Laoshan District"), ("李沧区", "Licang District")],
         roads=[("香港中路", "Hong Kong Middle Road"), ("海尔路", "Haier Road"), ("书院路", "Shuyuan Road")]),
]

# Residential compounds (小区) and office towers, with the pinyin couriers' forms use.
COMPOUNDS = [("阳光花园", "Yangguang Huayuan"), ("锦绣家园", "Jinxiu Jiayuan"), ("金桥新村", "Jinqiao Xincun"),
             ("绿地世纪城", "Lvdi Shijicheng"), ("万科城市花园", "Vanke City Garden"), ("碧桂园", "Country Garden"),
             ("保利香槟国际", "Poly Champagne"), ("华润城", "China Resources City"), ("中海国际社区", "Zhonghai Guoji Shequ"),
             ("翠苑一区", "Cuiyuan Yiqu"), ("融侨城", "Rongqiao Cheng"), ("龙湖春江郦城", "Longhu Chunjiang Licheng"),
             ("和平里小区", "Hepingli Xiaoqu"), ("幸福小区", "Xingfu Xiaoqu"), ("东方明珠花园", "Dongfang Mingzhu Huayuan"),
             ("世茂滨江花园", "Shimao Riviera Garden"), ("建设新村", "Jianshe Xincun"), ("紫金城", "Zijin Cheng")]
OFFICES = [("国贸大厦", "Guomao Tower"), ("科技大厦", "Keji Tower"), ("环球中心", "Global Center"),
           ("金融街中心", "Financial Street Center"), ("创新大厦", "Chuangxin Tower"), ("汇金广场", "Huijin Plaza")]
COMPANIES = ["科技有限公司", "贸易有限公司", "信息技术有限公司", "文化传媒有限公司", "电子商务有限公司"]
STREETS_OFFICE = ["街道", "镇"]  # a 街道 (sub-district) some platforms add after the district

# Given-name characters by how they are used (two-character names are drawn from these).
MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林建国志文海成东峰亮晨子博轩宏泽睿哲嘉祥振毅"
FEMALE = "芳娜敏静丽艳娟霞燕玲婷雪琳晶倩颖慧佳欣丹萍红梅秀英兰桂玉洁蕾怡瑶璐萱诗雨涵思梦月琪"

# Characters that sound alike (or nearly: a clerk taking a name over the phone, a pinyin
# input method's next candidate). Surnames get the same treatment, more rarely.
HOMOPHONES = {
    "伟": "玮炜威薇", "芳": "方芬", "静": "晶婧靖", "丽": "莉俐立", "军": "君钧", "杰": "洁捷", "敏": "民闽",
    "涛": "韬滔", "强": "墙", "刚": "钢纲", "勇": "永咏", "艳": "燕岩", "娟": "鹃涓", "霞": "侠", "磊": "雷蕾",
    "超": "潮", "秀": "绣", "英": "瑛莹", "华": "桦骅", "平": "萍苹", "明": "铭鸣", "玲": "琳灵铃", "桂": "贵",
    "兰": "蓝岚", "红": "宏虹鸿", "娜": "纳", "建": "健剑", "文": "雯闻", "斌": "彬滨", "鑫": "新欣馨", "辉": "晖慧",
    "宇": "雨玉语", "浩": "昊皓", "凯": "楷恺", "倩": "茜", "婷": "庭亭", "雪": "学", "晨": "辰宸", "佳": "嘉家",
    "欣": "新馨", "琪": "琦祺淇", "涵": "含晗", "怡": "仪宜", "瑶": "遥", "峰": "锋丰", "亮": "靓", "俊": "骏峻",
    "鹏": "朋", "飞": "菲", "波": "博", "宁": "凝", "龙": "隆", "林": "琳霖", "海": "凯", "东": "冬栋",
    "成": "诚程", "志": "智", "国": "果", "泽": "择", "梅": "玫", "慧": "惠蕙", "颖": "莹影", "丹": "单",
    # surnames
    "张": "章", "王": "汪", "刘": "柳", "杨": "阳", "吴": "伍武", "徐": "许", "周": "邹", "陈": "程",
    "林": "凌", "黄": "王", "李": "黎", "胡": "扈",
}

# Pinyin of surnames whose reading as a surname differs from the common one.
SURNAME_PINYIN = {"单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha",
                  "盖": "ge", "缪": "miao", "乐": "yue", "覃": "qin", "尉": "yu", "长孙": "zhangsun", "重": "chong"}

# Taiwan's passports romanise surnames in Wade-Giles and kin (張 Chang, 許 Hsu, 謝 Hsieh...).
TW_SURNAME = {"張": "Chang", "李": "Lee", "許": "Hsu", "徐": "Hsu", "謝": "Hsieh", "蔡": "Tsai", "周": "Chou",
              "吳": "Wu", "鄭": "Cheng", "楊": "Yang", "劉": "Liu", "趙": "Chao", "陳": "Chen", "林": "Lin",
              "黃": "Huang", "王": "Wang", "曾": "Tseng", "蕭": "Hsiao", "簡": "Chien", "江": "Chiang",
              "邱": "Chiu", "朱": "Chu", "洪": "Hung", "郭": "Kuo", "高": "Kao", "何": "Ho", "葉": "Yeh",
              "羅": "Lo", "賴": "Lai", "宋": "Sung", "鍾": "Chung", "游": "Yu", "詹": "Chan", "施": "Shih"}

# Taiwan: cities (Han, Wade-Giles/English), districts and roads with their sections.
TW_CITIES = [
    ("台北市", "Taipei City", "100", [("大安區", "Da'an Dist."), ("信義區", "Xinyi Dist."), ("中山區", "Zhongshan Dist.")],
     [("忠孝東路", "Zhongxiao E. Rd."), ("敦化南路", "Dunhua S. Rd."), ("信義路", "Xinyi Rd.")]),
    ("新北市", "New Taipei City", "220", [("板橋區", "Banqiao Dist."), ("中和區", "Zhonghe Dist.")],
     [("文化路", "Wenhua Rd."), ("中山路", "Zhongshan Rd.")]),
    ("台中市", "Taichung City", "400", [("西屯區", "Xitun Dist."), ("北區", "North Dist.")],
     [("台灣大道", "Taiwan Blvd."), ("三民路", "Sanmin Rd.")]),
    ("高雄市", "Kaohsiung City", "800", [("苓雅區", "Lingya Dist."), ("前鎮區", "Qianzhen Dist.")],
     [("中正路", "Zhongzheng Rd."), ("民權路", "Minquan Rd.")]),
]

# English short forms and the nicknames people order under.
NICKNAMES = {"Robert": ["Bob", "Rob"], "William": ["Bill", "Will"], "Elizabeth": ["Liz", "Beth"],
             "Katherine": ["Kate", "Kathy"], "Michael": ["Mike"], "Jennifer": ["Jen", "Jenny"],
             "Christopher": ["Chris"], "Matthew": ["Matt"], "Daniel": ["Dan", "Danny"], "James": ["Jim", "Jimmy"],
             "Thomas": ["Tom"], "Richard": ["Rick", "Rich"], "Joseph": ["Joe"], "David": ["Dave"],
             "Jessica": ["Jess"], "Samantha": ["Sam"], "Anthony": ["Tony"], "Andrew": ["Andy", "Drew"],
             "Patricia": ["Pat", "Trish"], "Margaret": ["Maggie", "Peggy"], "Steven": ["Steve"],
             "Nicholas": ["Nick"], "Benjamin": ["Ben"], "Jonathan": ["Jon"], "Alexander": ["Alex"],
             "Rebecca": ["Becky"], "Victoria": ["Vicky"], "Timothy": ["Tim"], "Kenneth": ["Ken"]}

# English names Chinese customers also go by.
ENGLISH_GIVEN = ["Kevin", "Jason", "Tony", "Eric", "Jack", "David", "Michael", "Vincent", "Leo", "Alex",
                 "Amy", "Grace", "Linda", "Cindy", "Vivian", "Emma", "Lily", "Coco", "Helen", "Jenny", "Sherry"]

FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
