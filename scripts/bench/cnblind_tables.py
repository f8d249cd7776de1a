"""Hand-written tables for cnblind.py: names, places and the way people spell them.

Written from general knowledge of Chinese naming and addressing, independently of
cnpeople_tables.py (which the author of this file has not read). Frequencies are rough
shares of the population, not exact census figures; they only need the right shape: a
handful of surnames cover a large part of everyone, so namesakes are common.
"""

# Surname, its pinyin (surnames have their own readings: 曾 Zeng, 单 Shan, 区 Ou), and a
# rough share in per mille.
SURNAMES = [
    ("王", "wang", 71), ("李", "li", 70), ("张", "zhang", 67), ("刘", "liu", 54), ("陈", "chen", 45),
    ("杨", "yang", 31), ("黄", "huang", 22), ("赵", "zhao", 20), ("吴", "wu", 20), ("周", "zhou", 19),
    ("徐", "xu", 13), ("孙", "sun", 12), ("马", "ma", 12), ("朱", "zhu", 11), ("胡", "hu", 10),
    ("郭", "guo", 10), ("何", "he", 9), ("林", "lin", 9), ("罗", "luo", 8), ("高", "gao", 8),
    ("郑", "zheng", 7), ("梁", "liang", 7), ("谢", "xie", 6), ("宋", "song", 5), ("唐", "tang", 5),
    ("许", "xu", 5), ("韩", "han", 5), ("冯", "feng", 4), ("邓", "deng", 4), ("曹", "cao", 4),
    ("彭", "peng", 4), ("曾", "zeng", 4), ("肖", "xiao", 4), ("田", "tian", 4), ("董", "dong", 3),
    ("袁", "yuan", 3), ("潘", "pan", 3), ("于", "yu", 3), ("蒋", "jiang", 3), ("蔡", "cai", 3),
    ("余", "yu", 3), ("杜", "du", 3), ("叶", "ye", 3), ("程", "cheng", 3), ("苏", "su", 2),
    ("魏", "wei", 2), ("吕", "lv", 2), ("丁", "ding", 2), ("任", "ren", 2), ("沈", "shen", 2),
    ("姚", "yao", 2), ("卢", "lu", 2), ("姜", "jiang", 2), ("崔", "cui", 2), ("钟", "zhong", 2),
    ("谭", "tan", 2), ("陆", "lu", 2), ("汪", "wang", 2), ("范", "fan", 2), ("金", "jin", 2),
    ("石", "shi", 2), ("廖", "liao", 2), ("贾", "jia", 2), ("夏", "xia", 2), ("韦", "wei", 2),
    ("付", "fu", 2), ("方", "fang", 2), ("白", "bai", 2), ("邹", "zou", 2), ("孟", "meng", 2),
    ("熊", "xiong", 2), ("秦", "qin", 2), ("邱", "qiu", 2), ("江", "jiang", 2), ("尹", "yin", 1),
    ("薛", "xue", 1), ("闫", "yan", 1), ("段", "duan", 1), ("雷", "lei", 1), ("侯", "hou", 1),
    ("龙", "long", 1), ("史", "shi", 1), ("陶", "tao", 1), ("黎", "li", 1), ("贺", "he", 1),
    ("顾", "gu", 1), ("毛", "mao", 1), ("郝", "hao", 1), ("龚", "gong", 1), ("邵", "shao", 1),
    ("万", "wan", 1), ("覃", "qin", 1), ("武", "wu", 1), ("钱", "qian", 1), ("戴", "dai", 1),
    ("严", "yan", 1), ("单", "shan", 1), ("欧阳", "ouyang", 1), ("司马", "sima", 0.2),
    ("诸葛", "zhuge", 0.2), ("上官", "shangguan", 0.2),
]

# Given names by the decade a person was born in: (male, female). Names follow fashions:
# 建国/秀英 for the 1950s, one-character names for the 1970s-80s, 子涵/梓轩 after 2000.
GIVEN = {
    1950: ("建国 建华 国强 国庆 卫东 志强 建军 德华 爱国 振华 保国 永生 长江 金生 福生 树林 文革 跃进",
           "秀英 桂英 玉兰 淑珍 秀兰 凤英 桂兰 玉珍 淑芬 金花 秀珍 翠花 素芳 凤兰 玉梅 秀荣"),
    1960: ("建平 卫国 红军 建新 志刚 国华 永红 海涛 建明 向阳 卫星 庆华 文明 军 勇 强 平",
           "红梅 红霞 丽华 海燕 卫红 秀梅 春梅 桂芳 建英 小红 丽萍 玉芬 红 霞 萍 英 华"),
    1970: ("伟 强 磊 军 勇 杰 涛 明 刚 斌 鹏 辉 波 建平 海波 晓东 志勇 文斌 俊 华 峰 东",
           "敏 静 丽 艳 娟 霞 芳 燕 红 丽娟 晓燕 秀梅 春燕 丽华 海燕 玲 红艳 慧 琴 梅"),
    1980: ("伟 磊 洋 超 勇 杰 涛 鹏 亮 斌 俊 浩 飞 凯 宁 晨 鑫 明 强 海涛 晓明 建华 志伟 伟东",
           "娜 静 丽 敏 婷 艳 丹 芳 娟 燕 颖 莉 倩 晶 琳 雪 璐 婷婷 晓丽 丽娜 海燕 慧 佳 蕾"),
    1990: ("浩 宇 鑫 帅 博 凯 阳 磊 晨 杰 子豪 俊杰 浩然 家豪 宇航 一鸣 文博 明轩 天宇 志豪 鹏飞",
           "婷婷 佳怡 欣 雪 倩 琳 瑶 颖 梦 晶晶 莹 慧 佳琪 雨欣 思雨 文静 欣怡 梦瑶 晓雪 诗琪 佳慧"),
    2000: ("子涵 浩然 宇轩 子轩 梓轩 皓轩 俊熙 博文 沐辰 梓睿 佳豪 宇航 一诺 睿 泽宇 奕辰 浩宇 锦程",
           "子涵 欣怡 梓涵 一诺 诗涵 梓萱 雨桐 思彤 若汐 依诺 语桐 可馨 欣妍 梓晴 雨萱 芷若 梦琪"),
}

# A couple of generation characters (字辈) siblings share: 子豪 and 子涵, 晓东 and 晓冬.
GENERATION_CHARS = "子 晓 文 建 志 海 国 佳 思 雨 梓 俊 家 永 天".split()

# Common full names: two strangers with one of these in the same city are the rule.
COMMON_NAMES = ["王伟", "王芳", "李伟", "李娜", "张伟", "张敏", "刘伟", "王静", "李静", "张丽", "王秀英",
                "李秀英", "张静", "刘洋", "王磊", "李强", "张杰", "刘芳", "陈静", "王敏", "李军", "张勇",
                "王丽", "李敏", "张磊", "刘敏", "陈伟", "王勇", "杨帆", "王军", "李杰", "张燕", "王娟"]

# Characters a pinyin input method offers under the same syllable; the typist picks the
# wrong one. Keys are the intended character.
HOMOPHONES = {
    "伟": "玮炜薇苇", "静": "晶婧靖敬", "丽": "莉俐立力", "敏": "民闽珉", "杰": "洁婕捷", "强": "蔷墙",
    "军": "君俊均", "磊": "蕾垒", "涛": "韬滔", "华": "桦骅", "明": "铭鸣名", "刚": "钢纲", "勇": "永咏",
    "艳": "燕彦雁", "娟": "鹃涓", "霞": "侠", "红": "虹宏鸿", "平": "萍苹屏", "芳": "方舫", "婷": "亭庭",
    "慧": "惠蕙会", "琳": "林霖淋", "鑫": "新欣馨", "浩": "皓昊豪", "宇": "羽雨语", "轩": "萱宣",
    "涵": "晗寒含", "辉": "晖徽", "鹏": "朋", "斌": "彬滨", "波": "博", "亮": "靓谅", "俊": "骏峻",
    "凯": "楷恺", "颖": "莹影盈", "倩": "茜", "雪": "学", "晨": "辰琛臣", "佳": "家嘉", "欣": "馨心新",
    "怡": "仪依宜", "娜": "纳", "丹": "单", "燕": "艳雁", "梅": "玫媚", "秀": "琇", "英": "瑛莺",
    "兰": "岚蓝", "珍": "真贞", "建": "健剑", "国": "果", "东": "冬栋", "峰": "锋丰", "飞": "菲非",
    "洋": "阳扬", "阳": "洋扬", "帅": "率", "博": "波柏", "晓": "小筱", "志": "智致", "文": "雯闻",
    "海": "还", "思": "斯丝", "梦": "孟", "瑶": "遥尧", "琪": "琦淇祺", "睿": "瑞锐",
    "张": "章彰", "李": "里理", "刘": "留柳", "陈": "晨沉", "杨": "阳扬洋", "黄": "皇煌", "周": "州舟",
    "吴": "武伍", "徐": "许", "孙": "荪", "胡": "湖", "林": "琳临", "何": "和河", "郭": "国", "罗": "萝",
    "梁": "良粱", "谢": "解", "韩": "寒", "冯": "峰", "于": "余鱼", "程": "成城", "肖": "萧",
}

# Characters that share most of a wubi code or most of their strokes: a five-stroke typist
# or a careless reader of handwriting swaps one for the other.
SHAPES = {
    "王": "玉主", "李": "季", "田": "由甲", "陈": "陆", "杨": "扬汤", "侯": "候", "于": "干",
    "己": "已", "未": "末", "土": "士", "人": "入", "天": "夭", "戴": "载", "晴": "睛", "辉": "挥",
    "明": "朋", "娟": "涓", "婷": "停", "玲": "铃", "晶": "品",
    "洋": "详", "浩": "活", "伟": "韦", "梅": "海", "波": "坡",
}

# Pinyin syllables a southern speaker mixes up (zh/z, ch/c, sh/s, n/l, -ng/-n), and the
# keyboard slips of a hurried typist.
PINYIN_SLIPS = [("zh", "z"), ("ch", "c"), ("sh", "s"), ("ang", "an"), ("eng", "en"), ("ing", "in"),
                ("l", "n"), ("n", "l"), ("ao", "oa"), ("ui", "iu"), ("ian", "ain"), ("uan", "aun")]

# Hong Kong (Cantonese) romanisation of surnames and common given-name characters, as
# on an HKID card: CHAN Tai Man. 黄 and 王 are both Wong, 吴 is Ng, 何 is Ho.
YALE_SURNAME = {"陈": "Chan", "黄": "Wong", "王": "Wong", "李": "Lee", "张": "Cheung", "刘": "Lau",
                "吴": "Ng", "梁": "Leung", "林": "Lam", "何": "Ho", "郭": "Kwok", "周": "Chow", "杨": "Yeung",
                "赵": "Chiu", "徐": "Tsui", "马": "Ma", "朱": "Chu", "胡": "Wu", "郑": "Cheng", "谢": "Tse",
                "罗": "Law", "邓": "Tang", "叶": "Yip", "曾": "Tsang", "麦": "Mak", "冯": "Fung", "袁": "Yuen",
                "蔡": "Choi", "许": "Hui", "邱": "Yau", "余": "Yu", "潘": "Poon", "卢": "Lo", "谭": "Tam"}
YALE_GIVEN = {"伟": "Wai", "明": "Ming", "文": "Man", "华": "Wah", "家": "Ka", "嘉": "Ka", "志": "Chi",
              "国": "Kwok", "强": "Keung", "俊": "Chun", "杰": "Kit", "丽": "Lai", "美": "Mei", "玲": "Ling",
              "芳": "Fong", "敏": "Man", "静": "Ching", "欣": "Yan", "慧": "Wai", "婷": "Ting", "颖": "Wing",
              "诗": "Sze", "雅": "Nga", "思": "Sze", "永": "Wing", "健": "Kin", "浩": "Ho", "子": "Tsz",
              "德": "Tak", "荣": "Wing", "建": "Kin", "秀": "Sau", "英": "Ying", "宝": "Po", "玉": "Yuk",
              "燕": "Yin", "凤": "Fung", "珍": "Chun", "海": "Hoi", "天": "Tin", "东": "Tung", "晓": "Hiu",
              "恩": "Yan", "宇": "Yu", "晴": "Ching", "琳": "Lam", "珊": "Shan", "雯": "Man", "锦": "Kam",
              "耀": "Yiu", "辉": "Fai", "铭": "Ming", "豪": "Ho", "朗": "Long", "乐": "Lok", "康": "Hong",
              "安": "On", "大": "Tai", "小": "Siu", "少": "Siu", "伦": "Lun", "基": "Kei", "碧": "Bik"}

# Taiwanese passports: Wade-Giles-like spellings, hyphenated given names: CHEN CHIH-MING.
WG_SURNAME = {"陈": "Chen", "林": "Lin", "黄": "Huang", "张": "Chang", "李": "Lee", "王": "Wang", "吴": "Wu",
              "刘": "Liu", "蔡": "Tsai", "杨": "Yang", "许": "Hsu", "郑": "Cheng", "谢": "Hsieh", "郭": "Kuo",
              "洪": "Hung", "曾": "Tseng", "邱": "Chiu", "廖": "Liao", "赖": "Lai", "周": "Chou", "徐": "Hsu",
              "苏": "Su", "叶": "Yeh", "庄": "Chuang", "吕": "Lu", "江": "Chiang", "何": "Ho", "萧": "Hsiao"}
WG_GIVEN = {"志": "Chih", "明": "Ming", "建": "Chien", "宏": "Hung", "俊": "Chun", "杰": "Chieh", "家": "Chia",
            "豪": "Hao", "冠": "Kuan", "廷": "Ting", "承": "Cheng", "恩": "En", "宗": "Tsung", "翰": "Han",
            "柏": "Po", "宇": "Yu", "文": "Wen", "雅": "Ya", "婷": "Ting", "怡": "Yi", "君": "Chun", "佳": "Chia",
            "欣": "Hsin", "淑": "Shu", "芬": "Fen", "美": "Mei", "玲": "Ling", "慧": "Hui", "惠": "Hui",
            "珍": "Chen", "秀": "Hsiu", "华": "Hua", "玮": "Wei", "伟": "Wei", "育": "Yu", "政": "Cheng",
            "信": "Hsin", "哲": "Che", "诗": "Shih", "涵": "Han", "郁": "Yu", "蓁": "Chen", "瑜": "Yu",
            "庭": "Ting", "安": "An", "凯": "Kai", "彦": "Yen", "博": "Po", "书": "Shu", "晴": "Ching"}

# Hokkien/Teochew spellings of Singapore and Malaysia: Tan, Lim, Ong.
HOKKIEN_SURNAME = {"陈": "Tan", "林": "Lim", "李": "Lee", "黄": "Ng", "王": "Ong", "张": "Teo", "吴": "Goh",
                   "蔡": "Chua", "许": "Koh", "郑": "Tay", "杨": "Yeo", "刘": "Low", "何": "Ho", "谢": "Chia"}

ENGLISH_MALE = "Kevin Jason Jack Tony David Michael Eric Leo Allen Peter Frank Jerry Tom Vincent Andy Alex " \
               "Steven Ryan Sam Daniel Ben Louis Henry Mark".split()
ENGLISH_FEMALE = "Lily Amy Cindy Grace Emma Jenny Vivian Helen Sophia Coco Cherry Anna Sunny Tina Lucy Irene " \
                 "Wendy Kelly Nancy Judy Winnie Fiona Joyce Ivy".split()

NICKNAMES = {"Robert": ["Bob", "Rob", "Bobby"], "William": ["Bill", "Will", "Billy"], "Elizabeth": ["Liz", "Beth", "Eliza"],
             "Katherine": ["Kate", "Katie", "Kathy"], "Michael": ["Mike", "Mick"], "Jennifer": ["Jen", "Jenny"],
             "Christopher": ["Chris"], "Alexander": ["Alex", "Sasha"], "Daniel": ["Dan", "Danny"],
             "Thomas": ["Tom", "Tommy"], "James": ["Jim", "Jimmy"], "Richard": ["Rick", "Dick", "Rich"],
             "Margaret": ["Maggie", "Peggy", "Meg"], "Jonathan": ["Jon", "John"], "Matthew": ["Matt"],
             "Nicholas": ["Nick"], "Samantha": ["Sam"], "Rebecca": ["Becky", "Becca"], "Joseph": ["Joe"],
             "Anthony": ["Tony"], "Patricia": ["Pat", "Patty"], "Susan": ["Sue"], "Andrew": ["Andy", "Drew"],
             "Stephanie": ["Steph"], "Benjamin": ["Ben"], "Edward": ["Ed", "Ted", "Eddie"], "Deborah": ["Deb", "Debbie"]}

# Shopify's and WooCommerce's codes for Chinese provinces: Shopify uses two letters (GD),
# WooCommerce numbers them (CN20).
PROVINCES = {
    "北京市": ("BJ", "CN2", "Beijing"), "天津市": ("TJ", "CN3", "Tianjin"), "河北省": ("HE", "CN4", "Hebei"),
    "辽宁省": ("LN", "CN7", "Liaoning"), "黑龙江省": ("HL", "CN9", "Heilongjiang"), "上海市": ("SH", "CN10", "Shanghai"),
    "江苏省": ("JS", "CN11", "Jiangsu"), "浙江省": ("ZJ", "CN12", "Zhejiang"), "安徽省": ("AH", "CN13", "Anhui"),
    "福建省": ("FJ", "CN14", "Fujian"), "江西省": ("JX", "CN15", "Jiangxi"), "山东省": ("SD", "CN16", "Shandong"),
    "河南省": ("HA", "CN17", "Henan"), "湖北省": ("HB", "CN18", "Hubei"), "湖南省": ("HN", "CN19", "Hunan"),
    "广东省": ("GD", "CN20", "Guangdong"), "广西壮族自治区": ("GX", "CN21", "Guangxi"),
    "重庆市": ("CQ", "CN23", "Chongqing"), "四川省": ("SC", "CN24", "Sichuan"), "陕西省": ("SN", "CN26", "Shaanxi"),
}

# Cities: province, city, postcode prefix, city-wide default postcode, districts, roads,
# residential estates (小区), office towers. A city's people live in its districts and
# on its roads; the pairing of road and district is not checked against a map.
CITIES = [
    ("北京市", "北京市", "100", "100000", "朝阳区 海淀区 丰台区 昌平区 东城区 通州区",
     "望京西路 阜通东大街 朝阳北路 建国路 东三环中路 中关村大街 学院路 知春路 丰台北路 回龙观西大街 立汤路 新华西街",
     "望京花园 花家地北里 天通苑东三区 龙泽苑 万科星园 远洋山水 世纪城 双井家园 首开畅颐园 融泽嘉园 九棵树家园",
     "望京SOHO 中关村大厦 国贸大厦 嘉里中心 银河SOHO"),
    ("上海市", "上海市", "200", "200000", "浦东新区 闵行区 徐汇区 杨浦区 宝山区 普陀区",
     "张杨路 世纪大道 浦东南路 莲花路 虹梅路 漕溪北路 国权路 殷高西路 共和新路 沪太路 武宁路 金高路",
     "仁恒河滨城 金杨新村 锦绣江南 梅陇三村 康健新村 曹杨新村 万科城市花园 中远两湾城 世茂滨江花园 鞍山新村",
     "陆家嘴金融中心 漕河泾科技绿洲 环球港 金虹桥国际中心"),
    ("广东省", "广州市", "510", "510000", "天河区 海珠区 白云区 番禺区 越秀区",
     "天河北路 中山大道西 黄埔大道 新港中路 广州大道南 白云大道北 东风中路 南浦大道",
     "祈福新邨 华景新城 丽江花园 汇景新城 保利花园 碧桂园凤凰城 南国花园 金沙洲新社区",
     "中信广场 天河城 太古汇 琶洲保利世贸"),
    ("广东省", "深圳市", "518", "518000", "南山区 福田区 宝安区 龙岗区 龙华区 罗湖区",
     "深南大道 科技南路 南海大道 宝安大道 龙岗大道 民治大道 福华路 沙河西路 新湖路 布吉路",
     "华润城 海月花园 桃源村 万科城 星河丹堤 中海日辉台 碧海花园 富通城 梅林一村 百仕达花园",
     "腾讯滨海大厦 深圳湾科技生态园 卓越时代广场 平安金融中心 华强北电子大厦"),
    ("浙江省", "杭州市", "310", "310000", "西湖区 拱墅区 余杭区 滨江区 萧山区 上城区",
     "文三路 天目山路 莫干山路 江南大道 文一西路 市心中路 古墩路 秋涛路",
     "翠苑一区 绿城桂花城 滨江金色海岸 良渚文化村 三墩新城 星耀城 闸弄口新村",
     "阿里巴巴西溪园区 海创园 来福士中心 钱江新城时代大厦"),
    ("江苏省", "南京市", "210", "210000", "鼓楼区 玄武区 江宁区 建邺区 秦淮区",
     "中山北路 中山路 汉中路 双龙大道 江东中路 应天大街 龙蟠中路",
     "南湖新村 月牙湖花园 百家湖花园 万达华府 仙林湖花园 苏宁天润城",
     "新街口德基广场 河西金融城 软件谷科创城"),
    ("江苏省", "苏州市", "215", "215000", "姑苏区 吴中区 工业园区 相城区 虎丘区",
     "干将路 人民路 星湖街 现代大道 东吴北路 长江路",
     "玲珑湾 东港新村 独墅湾 新城花园 湖畔天城 狮山花园",
     "苏州中心 国际科技园 东方之门"),
    ("四川省", "成都市", "610", "610000", "武侯区 锦江区 青羊区 成华区 双流区 金牛区",
     "人民南路 天府大道 一环路南一段 红星路 蜀都大道 府青路 二环路西一段 羊西线",
     "清水河小区 中海国际社区 麓山国际 翡翠城 锦城花园 万科金域西岭 蓝光COCO金沙",
     "天府软件园 环球中心 IFS国际金融中心"),
    ("湖北省", "武汉市", "430", "430000", "洪山区 武昌区 江汉区 江岸区 汉阳区",
     "珞喻路 中南路 解放大道 建设大道 汉阳大道 光谷大道 徐东大街",
     "保利花园 百步亭花园 万科城市花园 光谷新世界 南湖山庄 常青花园",
     "光谷软件园 武汉天地 新世界国贸大厦"),
    ("陕西省", "西安市", "710", "710000", "雁塔区 碑林区 未央区 长安区 莲湖区",
     "长安南路 小寨东路 科技路 太白南路 凤城五路 友谊西路",
     "紫薇田园都市 枫林绿洲 万科金色悦城 曲江池畔 融侨城",
     "高新国际商务中心 赛格国际 软件新城"),
    ("重庆市", "重庆市", "400", "400000", "渝北区 江北区 南岸区 九龙坡区 沙坪坝区",
     "金开大道 建新北路 南滨路 谢家湾正街 天星桥正街 红锦大道",
     "龙湖新壹城 融创白象街 协信星澜汇 金科天籁城 鲁能星城",
     "解放碑WFC 观音桥大融城"),
    ("山东省", "青岛市", "266", "266000", "市南区 市北区 崂山区 黄岛区 李沧区",
     "香港中路 东海西路 台东一路 辽阳西路 长江中路 延吉路",
     "浮山后四小区 海信慧园 万科魅力之城 青特花溪地",
     "青岛国际金融中心 海尔工业园"),
    ("河南省", "郑州市", "450", "450000", "金水区 二七区 中原区 郑东新区 管城回族区",
     "花园路 农业路 文化路 中原路 商务内环路 金水路",
     "建业森林半岛 正商城 绿地城 美景天城 康桥香溪郡",
     "千玺广场 绿地中心"),
    ("湖南省", "长沙市", "410", "410000", "岳麓区 雨花区 开福区 天心区 芙蓉区",
     "麓山南路 韶山北路 芙蓉中路 五一大道 劳动西路 桐梓坡路",
     "恒大华府 万科魅力之城 湘江世纪城 中建梅溪湖",
     "国金中心 中电软件园"),
    ("福建省", "厦门市", "361", "361000", "思明区 湖里区 集美区 海沧区",
     "厦禾路 湖滨南路 嘉禾路 仙岳路 莲前西路 吕岭路",
     "莲花五村 瑞景新村 金尚小区 海沧未来海岸",
     "软件园二期观日路 国际银行大厦"),
    ("辽宁省", "沈阳市", "110", "110000", "和平区 沈河区 浑南区 铁西区",
     "青年大街 南京北街 建设大路 三好街 北京街",
     "万科春河里 华润橡树湾 保利花园 滂江小区",
     "华润大厦 市府恒隆广场"),
]

# County-level places where most people live in villages: province, city, county,
# postcode prefix, towns.
RURAL = [
    ("河南省", "周口市", "郸城县", "4776", "汲冢镇 宁平镇 石槽镇 钱店镇"),
    ("河南省", "商丘市", "夏邑县", "4764", "会亭镇 马头镇 济阳镇"),
    ("山东省", "菏泽市", "曹县", "2744", "大集镇 庄寨镇 青菏街道 韩集镇"),
    ("安徽省", "阜阳市", "临泉县", "2364", "杨桥镇 鲖城镇 姜寨镇 老集镇"),
    ("四川省", "南充市", "仪陇县", "6376", "新政镇 马鞍镇 金城镇"),
    ("湖南省", "邵阳市", "邵东市", "4228", "廉桥镇 仙槎桥镇 流泽镇"),
    ("江西省", "赣州市", "于都县", "3423", "贡江镇 禾丰镇 罗坳镇"),
    ("广西壮族自治区", "玉林市", "博白县", "5374", "博白镇 东平镇 沙河镇"),
    ("河北省", "邯郸市", "大名县", "0569", "大街镇 龙王庙镇 杨桥镇"),
    ("浙江省", "温州市", "瑞安市", "3252", "塘下镇 飞云街道 仙降街道"),
    ("广东省", "揭阳市", "普宁市", "5153", "洪阳镇 流沙东街道 占陇镇"),
]
VILLAGE_TAILS = ["庄", "楼", "寨", "家村", "湾", "营", "屯", "集", "桥村", "店村"]
VILLAGE_NAMES = ["前进村", "红星村", "新庄村", "大王庄", "东风村", "和平村", "胜利村", "团结村", "光明村", "三合村"]

# Delivery points: where parcels wait when nobody is home.
PICKUPS = ["菜鸟驿站", "丰巢快递柜", "妈妈驿站", "兔喜生活超市", "中通快递超市", "京东快递自提点", "物业服务中心", "门卫室"]

COMPANY_WORDS = ["华信", "中科", "瑞达", "博远", "天成", "鼎盛", "创新", "汇通", "正源", "恒信", "联创", "海纳", "安达", "星辰"]
COMPANY_TAILS = ["科技有限公司", "贸易有限公司", "网络科技有限公司", "信息技术有限公司", "电子商务有限公司", "文化传媒有限公司"]

HONG_KONG = [  # region (Shopify/WooCommerce), district, estates, roads
    ("KOWLOON", "九龍", "旺角", "Mong Kok", ["麗港城", "黃埔花園", "美孚新邨"], ["彌敦道", "亞皆老街"]),
    ("KOWLOON", "九龍", "觀塘", "Kwun Tong", ["麗港城", "淘大花園"], ["觀塘道", "開源道"]),
    ("NEW TERRITORIES", "新界", "沙田", "Sha Tin", ["沙田第一城", "新港城"], ["沙田正街", "大埔公路"]),
    ("NEW TERRITORIES", "新界", "將軍澳", "Tseung Kwan O", ["日出康城", "新都城"], ["寶琳北路", "唐德街"]),
    ("HONG KONG ISLAND", "香港", "鰂魚涌", "Quarry Bay", ["太古城", "康山花園"], ["英皇道", "太古城道"]),
    ("HONG KONG ISLAND", "香港", "柴灣", "Chai Wan", ["杏花邨", "興華邨"], ["柴灣道", "環翠道"]),
]
HK_ESTATE_EN = {"麗港城": "Laguna City", "黃埔花園": "Whampoa Garden", "美孚新邨": "Mei Foo Sun Chuen",
                "淘大花園": "Amoy Gardens", "沙田第一城": "City One Shatin", "新港城": "Sunshine City",
                "日出康城": "LOHAS Park", "新都城": "Metro City", "太古城": "Taikoo Shing",
                "康山花園": "Kornhill Gardens", "杏花邨": "Heng Fa Chuen", "興華邨": "Hing Wah Estate"}

TAIWAN = [  # city, district, postcode, roads (with 段), English spelling of the city and district
    ("台北市", "大安區", "106", ["忠孝東路四段", "復興南路一段", "和平東路二段"], "Taipei City", "Da'an Dist."),
    ("台北市", "信義區", "110", ["信義路五段", "松仁路", "基隆路一段"], "Taipei City", "Xinyi Dist."),
    ("新北市", "板橋區", "220", ["文化路一段", "中山路二段", "民生路三段"], "New Taipei City", "Banqiao Dist."),
    ("新北市", "中和區", "235", ["中和路", "景平路", "連城路"], "New Taipei City", "Zhonghe Dist."),
    ("台中市", "西屯區", "407", ["台灣大道三段", "文心路三段", "河南路二段"], "Taichung City", "Xitun Dist."),
    ("高雄市", "前鎮區", "806", ["中華五路", "一心二路", "中山二路"], "Kaohsiung City", "Qianzhen Dist."),
]
