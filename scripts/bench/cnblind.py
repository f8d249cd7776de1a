#!/usr/bin/env python3
"""A second, independent generator of Chinese and mixed Latin/Chinese shop customers.

  cnblind.py export --out DIR --seed N [--people 2000]
      Writes DIR/cn.csv in exactly the layout cnpeople.py writes (same COLUMNS, same
      source names shopify / woocommerce / pinduoduo, entity = the true person), so the
      same scorers read it. Deterministic for a seed. Run it in the virtualenv that
      `scripts/bench/venv.sh DIR faker pypinyin zhconv` makes.

Why a second one: cnpeople.py was written by the people who wrote the resolver's rules, so
a high score on it shows only that the two agree. This one was written blind: its author
read cnpeople.py's docstring and CSV writer (for the format) and nothing of the resolver
or of cnpeople's noise code. Its tables (cnblind_tables.py) and its ways of going wrong
come from general knowledge of Chinese e-commerce orders.

What it models:
  * People. Han names with real surname frequencies (王 李 张 刘 陈 ... 欧阳 司马) and given
    names by birth decade (建国/秀英, 伟/静, 子豪/欣怡, 梓轩/一诺); Hong Kong people with
    Cantonese spellings (CHAN Tai Man, Peter Chan); Taiwanese with Wade-Giles passports
    (CHEN CHIH-MING) and traditional characters; overseas Chinese (Wei Zhang, Jenny Tan)
    abroad; foreigners with Latin names living in China or abroad.
  * Hard negatives, on purpose and often: namesakes (王伟, 李娜, 张敏) in one city and now and
    then in one 小区; households that share the flat, the landline, one member's mobile and
    sometimes the family QQ mailbox (spouses, parents and grown children, twins with one
    birthday, siblings with one generation character: 子豪/子涵); colleagues whose parcels
    go to one company front desk and who share the front desk's number; Western couples
    and Sr./Jr. at one address; 黄 and 王, both "Wong" in Hong Kong.
  * Hard positives: one person as each shop and typist writes them. Names in Han or
    pinyin, given and family swapped or both in one field, caps, tone marks, spaces in the
    given name, an English name, homophones from a pinyin input method (伟→玮), look-alike
    characters (wubi, handwriting: 王→玉, 陈→陆), flat/retroflex slips (zhang→zang),
    traditional characters, 王女士 for a name on Pinduoduo; Western nicknames, typos,
    dropped diacritics, a married name. Addresses with or without province/city/district,
    栋/幢/号楼/座/#, 单元, 室 or 2-3-1201, 弄 in Shanghai, 村/组 in the countryside, full-width
    digits, in pinyin English, the whole address pasted into the detail line, the city
    field holding the district, the wrong district picked; deliveries to the office
    front desk or a 菜鸟驿站/丰巢 locker; moves. Phones with +86, 0086, spaces, dashes, a new
    number, a typo, and Pinduoduo's privacy numbers (17012345678转1234), a different one
    on every order; masked Pinduoduo orders (李**, 138****5678). E-mail: QQ numbers,
    163/126/sina/foxmail with pinyin and a birth year, Gmail, a work address, none.
  * A realistic mix of duplicates: about half the people have one record, fewer have
    2, 3, 4 or 5.

How it differs from cnpeople.py: it draws no names or addresses from Faker zh_CN (Faker
is used only for Western names and foreign addresses); it has Hong Kong customers, rural
villages, pickup points, privacy numbers, shared family mailboxes, twins and company front
desks; the duplicate counts go up to 5; and none of its noise was chosen knowing what
the resolver compares.
"""

import argparse
import csv
import json
import os
import random
from datetime import date, timedelta

import zhconv
from faker import Faker
from pypinyin import Style, lazy_pinyin

import cnblind_tables as T

COLUMNS = ["key", "source", "entity", "given_name", "surname", "street_number", "address_1", "address_2", "suburb",
           "postcode", "state", "date_of_birth", "soc_sec_id", "full_name", "phone", "email", "address", "country",
           "tags", "province", "city", "town", "receiver_address"]

AREA_CODES = {"北京市": "010", "上海市": "021", "广州市": "020", "深圳市": "0755", "杭州市": "0571", "南京市": "025",
              "苏州市": "0512", "成都市": "028", "武汉市": "027", "西安市": "029", "重庆市": "023", "青岛市": "0532",
              "郑州市": "0371", "长沙市": "0731", "厦门市": "0592", "沈阳市": "024"}
MOBILE_PREFIXES = ("130 131 132 133 134 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 166 173 175 "
                   "176 177 180 181 182 183 185 186 187 188 189 191 198 199").split()
PRIVACY_PREFIXES = ["170", "171", "165", "167", "162", "184"]
FULLWIDTH = str.maketrans("0123456789-#", "０１２３４５６７８９－＃")


def chance(rng, p):
    return rng.random() < p


def pick(rng, weighted):
    """Picks a key of {option: weight}."""
    keys = list(weighted)
    return rng.choices(keys, weights=[weighted[k] for k in keys])[0]


# ---- names ----------------------------------------------------------------------------

def surname(rng):
    s = rng.choices(T.SURNAMES, weights=[w for _, _, w in T.SURNAMES])[0]
    return s[0], s[1]


def surname_py(fam):
    for s, py, _ in T.SURNAMES:
        if s == fam:
            return py
    return "".join(lazy_pinyin(fam))


def given_name(rng, born, female):
    decade = min(2000, max(1950, born.year // 10 * 10))
    pool = T.GIVEN[decade][1 if female else 0].split()
    if chance(rng, 0.35):
        # Many names are not on any list: two characters of the era put together.
        chars = "".join(pool)
        return rng.choice(chars) + rng.choice(chars)
    return rng.choice(pool)


def birth(rng, lo=1950, hi=2006):
    # Online buyers are mostly born 1975-2000; the elderly and teenagers are fewer.
    y = int(rng.triangular(lo, hi, 1990))
    return date(y, 1, 1) + timedelta(days=rng.randrange(365))


def pinyin_given(given, tone=False):
    return lazy_pinyin(given, style=Style.TONE if tone else Style.NORMAL)


# ---- places ---------------------------------------------------------------------------

def cn_home(rng, city=None, dist=None, estate=None):
    c = city or rng.choice(T.CITIES)
    prov, cname, pre, default_post, dists, roads, estates, _ = c
    a = dict(t="cn", prov=prov, city=cname, dist=dist or rng.choice(dists.split()), road=rng.choice(roads.split()),
             num=str(rng.randint(1, 2999)), estate=estate or rng.choice(estates.split()),
             bldg=str(rng.randint(1, 36)), unit=str(rng.randint(1, 6)) if chance(rng, 0.6) else "",
             room=f"{rng.randint(1, 33)}{rng.randint(1, 6):02d}", post=pre + f"{rng.randint(0, 999):03d}",
             default_post=default_post, lane=cname == "上海市" and chance(rng, 0.6), cityrow=c)
    return a


def cn_rural(rng):
    prov, city, county, pre, towns = rng.choice(T.RURAL)
    fam, _ = surname(rng)
    village = fam + rng.choice(T.VILLAGE_TAILS) if chance(rng, 0.6) else rng.choice(T.VILLAGE_NAMES)
    if not village.endswith("村") and chance(rng, 0.5):
        village += "村"
    return dict(t="rural", prov=prov, city=city, dist=county, town=rng.choice(towns.split()), village=village,
                group=str(rng.randint(1, 12)), num=str(rng.randint(1, 120)), post=pre + f"{rng.randint(0, 99):02d}",
                default_post=pre + "00")


def cn_office(rng, city=None):
    c = city or rng.choice(T.CITIES)
    prov, cname, pre, default_post, dists, roads, _, towers = c
    company = rng.choice(T.COMPANY_WORDS) + rng.choice(T.COMPANY_TAILS)
    return dict(t="office", prov=prov, city=cname, dist=rng.choice(dists.split()), road=rng.choice(roads.split()),
                num=str(rng.randint(1, 999)), tower=rng.choice(towers.split()), floor=str(rng.randint(2, 45)),
                room=f"{rng.randint(1, 20):02d}", company=company, post=pre + f"{rng.randint(0, 999):03d}",
                default_post=default_post, domain="".join(lazy_pinyin(company[:2])) + rng.choice([".com", ".com.cn", ".cn"]),
                desk=AREA_CODES.get(cname, "0755") + "-" + str(rng.randint(5000000, 89999999)), cityrow=c)


def hk_home(rng):
    region, area, dist, dist_en, estates, roads = rng.choice(T.HONG_KONG)
    return dict(t="hk", region=region, area=area, dist=dist, dist_en=dist_en, estate=rng.choice(estates),
                block=str(rng.randint(1, 40)), floor=str(rng.randint(2, 38)), flat=rng.choice("ABCDEFGH"),
                road=rng.choice(roads), num=str(rng.randint(1, 600)))


def tw_home(rng):
    city, dist, post, roads, city_en, dist_en = rng.choice(T.TAIWAN)
    return dict(t="tw", city=city, dist=dist, post=post, road=rng.choice(roads), lane=str(rng.randint(1, 300)) if chance(rng, 0.4) else "",
                alley=str(rng.randint(1, 30)) if chance(rng, 0.2) else "", num=str(rng.randint(1, 250)),
                floor=str(rng.randint(1, 20)), city_en=city_en, dist_en=dist_en)


def abroad_home(rng, fakers, country=None):
    country = country or pick(rng, {"US": 40, "GB": 15, "CA": 15, "AU": 15, "SG": 8, "MY": 7})
    if country == "SG":
        blk = rng.randint(100, 999)
        return dict(t="abroad", country="SG", line1=f"Blk {blk} {rng.choice(['Ang Mo Kio Ave 3', 'Tampines St 21', 'Jurong West St 52', 'Bedok North Rd', 'Toa Payoh Lor 1'])}",
                    line2=f"#{rng.randint(2, 25):02d}-{rng.randint(10, 999)}", city="Singapore", state="",
                    post=f"{rng.randint(31, 82):02d}{rng.randint(0, 9999):04d}")
    if country == "MY":
        return dict(t="abroad", country="MY", line1=f"No. {rng.randint(1, 99)}, Jalan {rng.choice(['SS 2/24', 'Ampang', 'Bukit Bintang', 'PJU 1/3', 'Klang Lama'])}",
                    line2=rng.choice(["", f"Taman {rng.choice(['Desa', 'Melawati', 'Connaught'])}"]),
                    city=rng.choice(["Petaling Jaya", "Kuala Lumpur", "Shah Alam"]), state=rng.choice(["Selangor", "Kuala Lumpur"]),
                    post=str(rng.randint(40000, 59999)))
    f = fakers[{"US": "en_US", "GB": "en_GB", "CA": "en_CA", "AU": "en_AU"}[country]]
    street = f.street_address()
    line2 = ""
    if chance(rng, 0.3):
        line2 = rng.choice(["Apt ", "Unit ", "Suite ", "Flat "]) + str(rng.randint(1, 40)) + rng.choice(["", "A", "B"])
    state = {"US": "state_abbr", "CA": "province_abbr", "AU": "state_abbr"}.get(country)
    state = getattr(f, state)() if state else ""
    post = f.postalcode() if country == "CA" else f.postcode()
    return dict(t="abroad", country=country, line1=street, line2=line2, city=f.city(), state=state, post=post)


def moved(rng, a):
    """A new home in the same city (people move)."""
    if a["t"] == "cn":
        return cn_home(rng, city=a["cityrow"])
    if a["t"] == "rural":
        return cn_rural(rng)
    return a


def neighbour(rng, a):
    """Another flat in the same 小区 (or building)."""
    b = dict(a)
    if chance(rng, 0.5):
        b["bldg"] = str(rng.randint(1, 36))
    b["room"] = f"{rng.randint(1, 33)}{rng.randint(1, 6):02d}"
    if b["room"] == a["room"] and b["bldg"] == a["bldg"]:
        b["room"] = str(int(a["room"]) + 1)
    return b


# ---- contact --------------------------------------------------------------------------

def mobile(rng):
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99999999):08d}"


def landline(rng, a):
    code = AREA_CODES.get(a.get("city", ""), "")
    if not code:
        return ""
    n = rng.randint(2000000, 8999999) if len(code) == 4 else rng.randint(20000000, 89999999)
    return f"{code}-{n}"


def qq_number(rng, born):
    # Old accounts have short numbers; QQ numbers handed out after 2010 have ten digits.
    return str(rng.randint(10000, 99999999) if born.year < 1985 else rng.randint(100000000, 3999999999))


def make_emails(rng, p):
    fam_py, given_py = p["fam_py"], "".join(pinyin_given(p["given"]))
    y = str(p["born"].year)
    base = rng.choice([fam_py + given_py, given_py + fam_py, fam_py + given_py[:1], fam_py[:1] + given_py,
                       fam_py + "_" + given_py, (fam_py[:1] + "".join(x[:1] for x in pinyin_given(p["given"])))])
    tail = rng.choice(["", y, y[2:], "520", "888", "1314", f"{p['born'].month:02d}{p['born'].day:02d}", str(rng.randint(1, 999))])
    out = []
    young = p["born"].year >= 1995
    w = {"qq": 38, "163": 20, "126": 8, "sina": 5, "foxmail": 4, "gmail": 8 if not young else 12, "outlook": 4, "139": 3, "sohu": 2}
    for _ in range(1 + (chance(rng, 0.35))):
        kind = pick(rng, w)
        if kind == "qq":
            out.append(p["qq"] + "@qq.com")
        elif kind == "foxmail":
            out.append(rng.choice([p["qq"], base + tail]) + "@foxmail.com")
        elif kind in ("gmail", "outlook"):
            out.append(base + tail + ("@gmail.com" if kind == "gmail" else rng.choice(["@outlook.com", "@hotmail.com"])))
        elif kind == "139":
            out.append(p["phones"][0] + "@139.com")
        else:
            out.append(base + tail + {"163": "@163.com", "126": "@126.com", "sina": rng.choice(["@sina.com", "@sina.cn"]),
                                      "sohu": "@sohu.com"}[kind])
    return list(dict.fromkeys(out))


def fmt_cn_mobile(rng, m):
    style = pick(rng, {"plain": 55, "+86": 10, "+86 ": 8, "0086": 4, "86-": 3, "spaced": 10, "dashed": 7, "(+86)": 3})
    if style == "plain":
        return m
    if style == "+86":
        return "+86" + m
    if style == "+86 ":
        return f"+86 {m[:3]} {m[3:7]} {m[7:]}"
    if style == "0086":
        return "0086" + m
    if style == "86-":
        return "86-" + m
    if style == "spaced":
        return f"{m[:3]} {m[3:7]} {m[7:]}"
    if style == "dashed":
        return f"{m[:3]}-{m[3:7]}-{m[7:]}"
    return "(+86)" + m


def digit_typo(rng, s):
    digits = [i for i, ch in enumerate(s) if ch.isdigit()]
    if len(digits) < 4:
        return s
    i = rng.choice(digits[2:])
    if chance(rng, 0.5) and i + 1 < len(s) and s[i + 1].isdigit():
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + str((int(s[i]) + rng.choice([1, 9, 3])) % 10) + s[i + 1:]


def privacy_number(rng):
    v = rng.choice(PRIVACY_PREFIXES) + f"{rng.randint(0, 99999999):08d}"
    ext = f"{rng.randint(0, 9999):04d}"
    return rng.choice([f"{v}转{ext}", f"{v}-{ext}", f"{v},{ext}", f"{v}#{ext}"])


def foreign_phone(rng, country):
    if country == "HK":
        n = str(rng.choice([5, 6, 9])) + f"{rng.randint(0, 9999999):07d}"
        return n, lambda r, m=n: r.choice([m, "+852 " + m[:4] + " " + m[4:], "+852" + m, "852-" + m, m[:4] + " " + m[4:]])
    if country == "TW":
        n = "09" + f"{rng.randint(0, 99999999):08d}"
        return n, lambda r, m=n: r.choice([m, f"{m[:4]}-{m[4:7]}-{m[7:]}", "+886" + m[1:], f"+886 {m[1:4]} {m[4:7]} {m[7:]}"])
    if country == "US" or country == "CA":
        n = f"{rng.randint(201, 989)}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
        return n, lambda r, m=n: r.choice([f"({m[:3]}) {m[3:6]}-{m[6:]}", f"{m[:3]}-{m[3:6]}-{m[6:]}", "+1" + m, f"+1 {m[:3]} {m[3:6]} {m[6:]}", m])
    if country == "GB":
        n = "07" + f"{rng.randint(100000000, 999999999)}"
        return n, lambda r, m=n: r.choice([m, f"{m[:5]} {m[5:]}", "+44" + m[1:], f"+44 {m[1:5]} {m[5:]}"])
    if country == "AU":
        n = "04" + f"{rng.randint(0, 99999999):08d}"
        return n, lambda r, m=n: r.choice([m, f"{m[:4]} {m[4:7]} {m[7:]}", "+61" + m[1:]])
    if country == "SG":
        n = str(rng.choice([8, 9])) + f"{rng.randint(0, 9999999):07d}"
        return n, lambda r, m=n: r.choice([m, "+65 " + m, "+65" + m, m[:4] + " " + m[4:]])
    n = "01" + f"{rng.randint(0, 99999999):08d}"  # Malaysia
    return n, lambda r, m=n: r.choice([m, "+60" + m[1:], f"{m[:3]}-{m[3:]}"])


# ---- people ---------------------------------------------------------------------------

class World:
    """Seeded sources of randomness for one export."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.fakers = {}
        for i, loc in enumerate(["en_US", "en_GB", "en_CA", "en_AU", "de_DE", "fr_FR", "es_ES", "it_IT"]):
            f = Faker(loc)
            f.seed_instance(seed * 31 + i)
            self.fakers[loc] = f
        self.count = 0

    def entity(self):
        self.count += 1
        return f"b{self.count:05d}"


def han_person(w, kind="cn", family=None, given=None, female=None, born=None, home=None, relation=""):
    rng = w.rng
    female = chance(rng, 0.55) if female is None else female  # women place more orders
    born = born or birth(rng)
    fam, fam_py = (family, surname_py(family)) if family else surname(rng)
    p = dict(entity=w.entity(), kind=kind, family=fam, fam_py=fam_py, female=female, born=born,
             given=given or given_name(rng, born, female), relation=relation, household=None)
    p["en"] = ""
    if chance(rng, 0.12 if born.year >= 1975 else 0.03):
        p["en"] = rng.choice(T.ENGLISH_FEMALE if female else T.ENGLISH_MALE)
    if home is None:
        home = cn_rural(rng) if chance(rng, 0.14) else cn_home(rng)
    p["home"] = home
    p["work"] = cn_office(rng, city=home.get("cityrow")) if home["t"] == "cn" and chance(rng, 0.25) and 1965 < born.year < 2002 else None
    p["phones"] = [mobile(rng)] + ([mobile(rng)] if chance(rng, 0.15) else [])
    p["landline"] = landline(rng, home) if chance(rng, 0.12) else ""
    p["qq"] = qq_number(rng, born)
    p["emails"] = make_emails(rng, p)
    p["country"] = "CN"
    p["habit"] = pick(rng, {"han": 60, "pinyin": 20, "swap": 12, "one": 8})
    return p


def hk_person(w):
    rng = w.rng
    female = chance(rng, 0.5)
    fam = rng.choice(list(T.YALE_SURNAME))
    chars = list(T.YALE_GIVEN)
    given = rng.choice(chars) + rng.choice(chars)
    p = han_person(w, kind="hk", family=fam, given=given, female=female, home=hk_home(rng))
    p["en"] = rng.choice(T.ENGLISH_FEMALE if female else T.ENGLISH_MALE) if chance(rng, 0.6) else ""
    p["work"] = None
    p["country"] = "HK"
    p["phones"][0], p["phone_fmt"] = foreign_phone(rng, "HK")
    p["landline"] = ""
    yale = T.YALE_SURNAME[fam].lower() + "".join(T.YALE_GIVEN[c].lower() for c in given)
    p["emails"] = list(dict.fromkeys([rng.choice([yale, (p["en"] or "hk").lower() + T.YALE_SURNAME[fam].lower()]) + rng.choice(["", str(born_y(p))])
                                      + rng.choice(["@gmail.com", "@yahoo.com.hk", "@hotmail.com", "@netvigator.com"])]))
    return p


def born_y(p):
    return p["born"].year % 100


def tw_person(w):
    rng = w.rng
    female = chance(rng, 0.5)
    fam = rng.choice(list(T.WG_SURNAME))
    chars = list(T.WG_GIVEN)
    given = rng.choice(chars) + rng.choice(chars)
    p = han_person(w, kind="tw", family=fam, given=given, female=female, home=tw_home(rng))
    p["en"] = rng.choice(T.ENGLISH_FEMALE if female else T.ENGLISH_MALE) if chance(rng, 0.4) else ""
    p["work"] = None
    p["country"] = "TW"
    p["phones"][0], p["phone_fmt"] = foreign_phone(rng, "TW")
    p["landline"] = ""
    wg = T.WG_SURNAME[fam].lower() + "".join(T.WG_GIVEN[c].lower() for c in given)
    p["emails"] = [wg + rng.choice(["", str(born_y(p))]) + rng.choice(["@gmail.com", "@yahoo.com.tw", "@hotmail.com", "@pchome.com.tw"])]
    return p


def overseas_person(w):
    """A Chinese living abroad: pinyin, Cantonese or Hokkien spellings, often an English name."""
    rng = w.rng
    home = abroad_home(rng, w.fakers)
    if home["country"] in ("SG", "MY"):
        fam = rng.choice(list(T.HOKKIEN_SURNAME))
    else:
        fam = surname(rng)[0]
    p = han_person(w, kind="overseas", family=fam, home=home)
    p["work"] = None
    p["country"] = home["country"]
    p["en"] = rng.choice(T.ENGLISH_FEMALE if p["female"] else T.ENGLISH_MALE) if chance(rng, 0.55) else ""
    p["phones"][0], p["phone_fmt"] = foreign_phone(rng, home["country"])
    p["landline"] = ""
    if home["country"] in ("SG", "MY"):
        p["fam_latin"] = T.HOKKIEN_SURNAME[fam]
    elif chance(rng, 0.3) and fam in T.YALE_SURNAME:
        p["fam_latin"] = T.YALE_SURNAME[fam]
    else:
        p["fam_latin"] = fam_title(p["fam_py"])
    g = "".join(pinyin_given(p["given"])).lower()
    p["emails"] = [rng.choice([(p["en"] or g).lower() + "." + p["fam_latin"].lower(), g + p["fam_latin"].lower(),
                               (p["en"] or g)[:1].lower() + p["fam_latin"].lower()]) + rng.choice(["", str(rng.randint(1, 99))])
                   + rng.choice(["@gmail.com", "@gmail.com", "@outlook.com", "@yahoo.com", "@icloud.com"])]
    if chance(rng, 0.3):
        p["emails"].append(p["qq"] + "@qq.com")  # the old QQ mailbox from home
    return p


def fam_title(py):
    return py[:1].upper() + py[1:]


def latin_person(w, in_china, locale=None, family=None, female=None, home=None, relation=""):
    rng = w.rng
    loc = locale or pick(rng, {"en_US": 35, "en_GB": 20, "en_AU": 8, "en_CA": 8, "de_DE": 10, "fr_FR": 8, "es_ES": 6, "it_IT": 5})
    f = w.fakers[loc]
    female = chance(rng, 0.45) if female is None else female
    first = f.first_name_female() if female else f.first_name_male()
    last = family or f.last_name()
    middle = (f.first_name_female() if female else f.first_name_male()) if loc == "en_US" and chance(rng, 0.3) else ""
    p = dict(entity=w.entity(), kind="latin_cn" if in_china else "latin", first=first, last=last, middle=middle,
             female=female, born=birth(rng, 1950, 2003), relation=relation, household=None, locale=loc, work=None)
    if home is None:
        if in_china:
            home = cn_home(rng)
        else:
            country = {"en_US": "US", "en_GB": "GB", "en_AU": "AU", "en_CA": "CA"}.get(loc) or pick(rng, {"US": 40, "GB": 30, "CA": 15, "AU": 15})
            home = abroad_home(rng, w.fakers, country)
    p["home"] = home
    p["country"] = "CN" if in_china else home["country"]
    if in_china:
        p["phones"] = [mobile(rng)]
        p["phone_fmt"] = None
        p["cn_name"] = ""
        if chance(rng, 0.25):
            # A Chinese name a teacher or colleague gave them: surname from the sound of theirs.
            p["cn_name"] = rng.choice(["马", "白", "安", "艾", "司", "林", "高", "柯"]) + rng.choice(["克", "明", "文", "丽", "德", "安", "思", "杰"])
    else:
        n, fmtr = foreign_phone(rng, home["country"])
        p["phones"] = [n]
        p["phone_fmt"] = fmtr
    p["landline"] = ""
    sep = rng.choice([".", "", "_"])
    p["emails"] = [strip_accents(rng.choice([first + sep + last, first[:1] + last, first + last[:1], last + sep + first])).lower().replace(" ", "")
                   + rng.choice(["", str(p["born"].year % 100), str(rng.randint(1, 99))])
                   + rng.choice(["@gmail.com", "@gmail.com", "@outlook.com", "@yahoo.com", "@hotmail.com", "@icloud.com", "@web.de" if loc == "de_DE" else "@gmx.net"])]
    return p


def strip_accents(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def household(w, head):
    """Family members at the head's flat: a spouse, a child or two, maybe a parent."""
    rng = w.rng
    members = [head]
    hid = head["entity"]
    head["household"] = hid
    shared_phone = head["phones"][0]
    shared_line = head["landline"] or (landline(rng, head["home"]) if chance(rng, 0.3) else "")
    head["landline"] = shared_line
    spouse = han_person(w, family=None, female=not head["female"],
                        born=head["born"] + timedelta(days=rng.randint(-1500, 1500)), home=head["home"], relation="spouse")
    members.append(spouse)
    father = head if not head["female"] else spouse
    if head["born"].year < 1985 and chance(rng, 0.6):
        kb = date(min(2007, head["born"].year + rng.randint(24, 33)), rng.randint(1, 12), rng.randint(1, 28))
        kid = han_person(w, family=father["family"], born=kb, home=head["home"], relation="child")
        members.append(kid)
        if chance(rng, 0.12):
            # Twins: one birthday, one surname, often one generation character.
            g = kid["given"]
            twin_given = (g[0] + given_name(rng, kb, not kid["female"])[-1]) if len(g) == 2 else given_name(rng, kb, chance(rng, 0.5))
            members.append(han_person(w, family=kid["family"], given=twin_given, born=kb, home=head["home"], relation="twin"))
        elif chance(rng, 0.35):
            sb = kb + timedelta(days=rng.randint(500, 3000))
            if sb.year <= 2007:
                g = kid["given"]
                sib_given = (g[0] + given_name(rng, sb, chance(rng, 0.5))[-1]) if len(g) == 2 and chance(rng, 0.5) else sibling_near(rng, g, sb)
                members.append(han_person(w, family=kid["family"], given=sib_given, born=sb, home=head["home"], relation="sibling"))
    if head["born"].year > 1975 and chance(rng, 0.25):
        pb = date(head["born"].year - rng.randint(24, 32), rng.randint(1, 12), rng.randint(1, 28))
        members.append(han_person(w, family=head["family"] if chance(rng, 0.5) else None, born=pb, home=head["home"],
                                  female=chance(rng, 0.6), relation="parent"))
    fam_mail = head["emails"][0] if chance(rng, 0.3) else ""
    for m in members:
        m["household"] = hid
        m["home"] = head["home"]
        m["landline"] = shared_line
        m["house_phone"] = shared_phone
        if fam_mail and m is not head:
            m["family_mail"] = fam_mail
    return members


def sibling_near(rng, g, born):
    """A sibling whose name sounds like the other's: 李明 and 李敏, 晓东 and 晓冬."""
    last = g[-1]
    alts = T.HOMOPHONES.get(last)
    if alts:
        return g[:-1] + rng.choice(alts)
    return given_name(rng, born, chance(rng, 0.5))


def people(w, n):
    rng = w.rng
    folks = []
    companies = []
    while len(folks) < n:
        r = rng.random()
        if r < 0.73:
            p = han_person(w)
            if chance(rng, 0.04):
                # A common name: half of China's namesakes have one of a few dozen.
                cn = rng.choice(T.COMMON_NAMES)
                p["family"], p["given"] = cn[0], cn[1:]
                p["fam_py"] = surname_py(cn[0])
                p["emails"] = make_emails(rng, p)
            folks.append(p)
            if p["home"]["t"] == "cn" and chance(rng, 0.11):
                folks.extend(household(w, p)[1:])
            if chance(rng, 0.05):
                # A namesake in the same city, sometimes in the same 小区.
                h = p["home"]
                if h["t"] == "cn":
                    home = neighbour(rng, h) if chance(rng, 0.3) else cn_home(rng, city=h["cityrow"])
                else:
                    home = cn_rural(rng)
                q = han_person(w, family=p["family"], given=p["given"], female=p["female"] if chance(rng, 0.8) else None,
                               home=home, relation="namesake")
                folks.append(q)
            if p["work"] and chance(rng, 0.15):
                companies.append(p)
        elif r < 0.77:
            folks.append(hk_person(w))
            if chance(rng, 0.1):
                # 黄 and 王 are both Wong: another Wong with the same given name.
                q = hk_person(w)
                if folks[-1]["family"] in ("黄", "王"):
                    q["family"] = "王" if folks[-1]["family"] == "黄" else "黄"
                    q["given"] = folks[-1]["given"]
                    q["relation"] = "wong"
                folks.append(q)
        elif r < 0.81:
            folks.append(tw_person(w))
        elif r < 0.87:
            folks.append(overseas_person(w))
        else:
            in_china = chance(rng, 0.45)
            p = latin_person(w, in_china)
            folks.append(p)
            if chance(rng, 0.15):
                # A couple at one address with one surname, or father and son of one name.
                if chance(rng, 0.7) or p["female"]:
                    q = latin_person(w, in_china, locale=p["locale"], family=p["last"], female=not p["female"], home=p["home"], relation="spouse")
                else:
                    q = latin_person(w, in_china, locale=p["locale"], family=p["last"], female=False, home=p["home"], relation="junior")
                    q["first"] = p["first"]
                    q["emails"] = [p["emails"][0].replace("@", "jr@")]  # the son's mailbox follows the father's
                    p["suffix"], q["suffix"] = "Sr.", "Jr."
                p["household"] = q["household"] = p["entity"]
                q["phones"] = q["phones"] if chance(rng, 0.6) else p["phones"][:]
                folks.append(q)
    # Colleagues: people at one company whose parcels go to one front desk.
    for boss in companies:
        for _ in range(rng.randint(2, 5)):
            q = han_person(w, home=cn_home(rng, city=boss["work"]["cityrow"]), relation="colleague")
            q["work"] = boss["work"]
            folks.append(q)
    return folks[:max(n, len(folks))]


# ---- writing a person as one shop's order ----------------------------------------------

def name_han(rng, p, tags):
    fam, given = p["family"], p["given"]
    if chance(rng, 0.06):
        alts = T.HOMOPHONES.get(given[-1])
        if alts:
            given = given[:-1] + rng.choice(alts)
            tags.append("name:homophone")
    elif chance(rng, 0.02):
        alts = T.HOMOPHONES.get(fam)
        if alts:
            fam = rng.choice(alts)
            tags.append("name:homophone-family")
    elif chance(rng, 0.025):
        s = fam + given
        idx = [i for i, c in enumerate(s) if c in T.SHAPES]
        if idx:
            i = rng.choice(idx)
            s = s[:i] + rng.choice(T.SHAPES[s[i]]) + s[i + 1:]
            fam, given = s[:len(fam)], s[len(fam):]
            tags.append("name:lookalike")
    if p["kind"] in ("hk", "tw") or chance(rng, 0.03):
        fam, given = zhconv.convert(fam, "zh-hk" if p["kind"] == "hk" else "zh-tw"), zhconv.convert(given, "zh-hk" if p["kind"] == "hk" else "zh-tw")
        if p["kind"] == "cn":
            tags.append("name:traditional")
    return fam, given


def py_slip(rng, s):
    for a, b in rng.sample(T.PINYIN_SLIPS, len(T.PINYIN_SLIPS)):
        if a in s:
            return s.replace(a, b, 1)
    return s


def name_latin_forms(rng, p, tags):
    """(first, last) in Latin letters for a Han-named person."""
    kind = p["kind"]
    if kind == "hk":
        fam = T.YALE_SURNAME[p["family"]]
        gs = [T.YALE_GIVEN[c] for c in p["given"]]
        given = pick(rng, {" ".join(gs): 40, "-".join(gs[:1] + [gs[1].lower()]) if len(gs) > 1 else gs[0]: 40, "".join(gs): 20})
        if p["en"] and chance(rng, 0.6):
            given = p["en"] if chance(rng, 0.6) else p["en"] + " " + given
            tags.append("name:english")
        return given, fam
    if kind == "tw":
        fam = T.WG_SURNAME[p["family"]]
        gs = [T.WG_GIVEN[c] for c in p["given"]]
        given = pick(rng, {gs[0] + "-" + gs[1].lower(): 50, gs[0] + gs[1].lower(): 25, " ".join(gs): 25})
        if p["en"] and chance(rng, 0.5):
            given = p["en"]
            tags.append("name:english")
        return given, fam
    tone = chance(rng, 0.03)
    gp = pinyin_given(p["given"], tone)
    # Singapore and Malaysia spell the surname as on the passport (Goh, never Wu); elsewhere
    # a Cantonese spelling now and then gives way to pinyin.
    sea = p["country"] in ("SG", "MY")
    fam = p.get("fam_latin") if p.get("fam_latin") and (sea or chance(rng, 0.85)) else None
    if fam is None:
        fam = lazy_pinyin(p["family"], style=Style.TONE)[0] if tone and len(p["family"]) == 1 else p["fam_py"]
        fam = fam_title(fam)
    if tone:
        tags.append("name:tones")
    given = pick(rng, {"".join(gp): 70, " ".join(gp): 15, "-".join(gp): 5, "".join(gp)[:1].upper() + "".join(gp)[1:]: 10})
    given = given[:1].upper() + given[1:]
    if chance(rng, 0.04):
        given = py_slip(rng, given)
        tags.append("name:pinyin-slip")
    if p["en"] and chance(rng, 0.55):
        given = pick(rng, {p["en"]: 70, p["en"] + " " + given: 30})
        tags.append("name:english")
    return given, fam


def latin_name(rng, p, tags):
    first, last = p["first"], p["last"]
    if chance(rng, 0.15) and first in T.NICKNAMES:
        first = rng.choice(T.NICKNAMES[first])
        tags.append("name:nickname")
    if p.get("middle") and chance(rng, 0.4):
        first = first + " " + (p["middle"][0] + "." if chance(rng, 0.6) else p["middle"])
    if p.get("suffix") and chance(rng, 0.5):
        last = last + " " + p["suffix"]
    if chance(rng, 0.08):
        which = rng.random() < 0.5
        s = first if which else last
        if len(s) > 3:
            i = rng.randrange(1, len(s) - 1)
            op = rng.random()
            s = s[:i] + s[i + 1] + s[i] + s[i + 2:] if op < 0.4 else (s[:i] + s[i + 1:] if op < 0.7 else s[:i] + s[i] + s[i:])
            tags.append("name:typo")
        first, last = (s, last) if which else (first, s)
    if chance(rng, 0.1):
        first, last = strip_accents(first), strip_accents(last)
    if p["female"] and p.get("married") and chance(rng, 0.7):
        last = p["married"]
        tags.append("name:married")
    return first, last


def shop_name(rng, p, tags):
    """(given_name, surname) for Shopify or WooCommerce."""
    if p["kind"] in ("latin", "latin_cn"):
        first, last = latin_name(rng, p, tags)
        style = pick(rng, {"ok": 82, "caps": 5, "lower": 5, "swap": 4, "one": 4})
        if style == "caps":
            last = last.upper()
        elif style == "lower":
            first, last = first.lower(), last.lower()
        elif style == "swap":
            first, last = last, first
        elif style == "one":
            first, last = first + " " + last, ""
        tags.append("form:" + style)
        return first, last
    habit = p["habit"] if chance(rng, 0.6) else pick(rng, {"han": 45, "pinyin": 25, "swap": 15, "one": 10, "both": 5})
    if p["kind"] in ("overseas",) and habit in ("han", "swap", "one") and chance(rng, 0.7):
        habit = "pinyin"
    if p["kind"] in ("hk", "tw") and habit == "swap":
        habit = "han"
    tags.append("form:" + habit)
    if habit == "pinyin" or (habit == "both"):
        given, fam = name_latin_forms(rng, p, tags)
        if habit == "both":
            f, g = name_han(rng, p, tags)
            return given + " " + fam, f + g
        form = pick(rng, {"ok": 60, "swap": 18, "caps": 10, "lower": 6, "one": 6})
        tags.append("pinyin:" + form)
        if form == "swap":
            return fam, given
        if form == "caps":
            return given, fam.upper()
        if form == "lower":
            return given.lower(), fam.lower()
        if form == "one":
            return (fam.upper() + " " + given) if chance(rng, 0.5) else (given + " " + fam), ""
        return given, fam
    fam, given = name_han(rng, p, tags)
    if habit == "swap":
        return fam, given
    if habit == "one":
        return (fam + given, "") if chance(rng, 0.7) else ("", fam + given)
    return given, fam


def pdd_name(rng, p, tags):
    if p["kind"] == "latin_cn":
        if p.get("cn_name") and chance(rng, 0.5):
            tags.append("name:chinese-name")
            return p["cn_name"]
        f, l = latin_name(rng, p, tags)
        return f + " " + l if chance(rng, 0.8) else (l + " " + f).upper()
    fam, given = name_han(rng, p, tags)
    style = pick(rng, {"full": 88, "title": 4, "space": 3, "pinyin": 2, "phone": 2, "xiao": 1})
    tags.append("pdd-name:" + style)
    if style == "title":
        return fam + ("女士" if p["female"] else "先生")
    if style == "space":
        return fam + " " + given
    if style == "pinyin":
        g, f = name_latin_forms(rng, p, tags)
        return g + " " + f
    if style == "phone":
        return fam + given + p["phones"][0][-4:]  # a name with the phone's last four, to tell parcels apart
    if style == "xiao":
        return "小" + fam
    return fam + given


# ---- addresses ------------------------------------------------------------------------

def bldg_room(rng, a, tags):
    b, u, r = a["bldg"], a["unit"], a["room"]
    if a.get("lane"):
        style = pick(rng, {"hao": 70, "dash": 20, "shi": 10})
        if style == "hao":
            return f"{b}号{r}室" if chance(rng, 0.7) else f"{b}号{r}"
        if style == "dash":
            return f"{b}-{r}"
        return f"{b}号楼{r}室"
    style = pick(rng, {"dong": 30, "haolou": 20, "zhuang": 10, "dash": 15, "hash": 6, "bare": 10, "zuo": 4, "short": 5})
    tags.append("bldg:" + style)
    unit = ""
    if u:
        unit = f"{u}单元" if style not in ("dash", "hash") else f"{u}-"
        if chance(rng, 0.15):
            unit = ""
            tags.append("unit:dropped")
    if style == "dong":
        return f"{b}栋{unit}{r}" + ("室" if chance(rng, 0.6) else "")
    if style == "haolou":
        return f"{b}号楼{unit}{r}" + ("室" if chance(rng, 0.7) else "")
    if style == "zhuang":
        return f"{b}幢{unit}{r}室"
    if style == "dash":
        return f"{b}-{unit}{r}"
    if style == "hash":
        return f"{b}#{unit}{r}"
    if style == "zuo":
        return f"{chr(64 + min(int(b), 8))}座{r}"
    if style == "short":
        return f"{b}栋{r}"
    return f"{b} {u} {r}" if u and unit else f"{b} {r}"


def cn_detail(rng, p, a, tags):
    """The part of an address below the district: road, number, 小区, building, flat."""
    if a["t"] == "rural":
        style = pick(rng, {"group": 45, "num": 25, "bare": 15, "shop": 15})
        tags.append("rural:" + style)
        v = a["village"]
        if style == "group":
            return f"{a['town']}{v}{a['group']}组{a['num']}号" if chance(rng, 0.5) else f"{a['town']}{v}{a['group']}组"
        if style == "num":
            return f"{a['town']}{v}{a['num']}号"
        if style == "bare":
            return f"{v}{a['group']}组" if chance(rng, 0.5) else f"{a['town']}{v}"
        return f"{a['town']}{v}" + rng.choice(["村口小卖部", "村委会旁", "超市代收", "卫生室旁"])
    if a["t"] == "office":
        parts = [a["road"] + a["num"] + "号"] if chance(rng, 0.7) else []
        parts.append(a["tower"] + (f"{a['floor']}楼" if chance(rng, 0.6) else f"{a['floor']}{a['room']}"))
        if chance(rng, 0.7):
            parts.append(a["company"] if chance(rng, 0.6) else a["company"].replace("有限公司", ""))
        if chance(rng, 0.5):
            parts.append(rng.choice(["前台", "前台代收", "行政部", ""]))
        return "".join(parts)
    road = a["road"] + a["num"] + ("弄" if a.get("lane") else "号")
    estate = a["estate"]
    if chance(rng, 0.08):
        estate += rng.choice(["小区", "一期", "二期", "北区", "南区"])
    br = bldg_room(rng, a, tags)
    style = pick(rng, {"full": 45, "estate": 35, "road": 12, "tight": 8})
    tags.append("detail:" + style)
    if style == "full":
        s = road + estate + br
    elif style == "estate":
        s = estate + br
    elif style == "road":
        s = road + br
    else:
        s = road + " " + estate + " " + br
    if chance(rng, 0.04):
        s = s.translate(FULLWIDTH)
        tags.append("fullwidth")
    return s


def pickup_detail(rng, p, a, tags):
    point = rng.choice(T.PICKUPS)
    tags.append("addr:pickup")
    if a["t"] == "rural":
        return f"{a['town']}{point}"
    near = a["estate"] if a["t"] == "cn" else a.get("tower", "")
    return rng.choice([f"{near}{point}", f"{near}{point}({a['bldg'] if a['t'] == 'cn' else ''}号柜)", f"{a['road']}{near}{point}"])


def region_prefix(rng, a, tags):
    """Province, city, district as a typist writes them before the detail."""
    prov, city, dist = a["prov"], a["city"], a["dist"]
    style = pick(rng, {"all": 50, "nodist": 10, "cityonly": 12, "short": 12, "none": 16})
    tags.append("region:" + style)
    municipality = prov == city
    if style == "all":
        return (city if municipality else prov + city) + dist
    if style == "nodist":
        return city if municipality else prov + city
    if style == "cityonly":
        return city + dist
    if style == "short":
        return (city.rstrip("市") if municipality else prov.rstrip("省") + city.rstrip("市")) + dist
    return ""


def cn_address_for(rng, p, dup, tags):
    """Which of a person's places this order goes to."""
    a = p["home"]
    if not dup:
        return a, "home"
    w = {"home": 74, "work": 12 if p.get("work") else 0, "pickup": 7 if a["t"] in ("cn", "rural") else 0, "moved": 5}
    where = pick(rng, w)
    if where == "work":
        return p["work"], "work"
    if where == "moved":
        if p.get("moved_to") is None:
            p["moved_to"] = moved(rng, a)
        return p["moved_to"], "moved"
    return a, where


def en_address(rng, a, tags):
    """An address in China written in pinyin English, as foreigners and some shops' forms take it."""
    tags.append("addr:english")

    def py(s):
        return "".join(lazy_pinyin(s)).capitalize()
    road = a["road"]
    for zh, en in (("大道", " Avenue"), ("路", " Road"), ("街", " Street")):
        if road.endswith(zh):
            road = py(road[:-len(zh)]) + (en if chance(rng, 0.7) else " " + py(zh))
            break
    else:
        road = py(road)
    if a["t"] == "office":
        return f"{a['num']} {road}", f"{a['floor']}F, {py(a['tower'])}"
    line1 = f"{a['num']} {road}" if chance(rng, 0.7) else f"No.{a['num']} {road}"
    line2 = f"Room {a['room']}, " + (f"Unit {a['unit']}, " if a["unit"] else "") + f"Building {a['bldg']}, {py(a['estate'])}"
    if chance(rng, 0.5):
        line2 += f", {py(a['dist'][:-1])} District"
    return line1, line2


def shop_address(rng, p, system, dup, tags):
    """address_1, address_2, suburb, postcode, state, country for Shopify or WooCommerce."""
    a0 = p["home"]
    if a0["t"] in ("cn", "rural"):
        a, where = cn_address_for(rng, p, dup, tags)
        tags.append("addr:" + where)
        if p["kind"] == "latin_cn" and a["t"] in ("cn", "office") and chance(rng, 0.6) or (a["t"] == "cn" and chance(rng, 0.05)):
            a1, a2 = en_address(rng, a, tags)
        elif where == "pickup":
            a1, a2 = pickup_detail(rng, p, a, tags), ""
        else:
            detail = cn_detail(rng, p, a, tags)
            split = chance(rng, 0.35) and a["t"] == "cn"
            prefix = ""
            s = pick(rng, {"none": 55, "dist": 30, "all": 15})
            if s == "dist":
                prefix = a["dist"]
            elif s == "all":
                prefix = region_prefix(rng, a, tags)
            if split:
                a1 = prefix + a["road"] + a["num"] + ("弄" if a.get("lane") else "号") + (a["estate"] if chance(rng, 0.6) else "")
                a2 = bldg_room(rng, a, tags)
                tags.append("addr:split")
            else:
                a1, a2 = prefix + detail, ""
        english = tags[-1] == "addr:english" or any(t == "addr:english" for t in tags)
        cname = a["city"]
        sub = pick(rng, {"city": 55, "short": 20, "pinyin": 10 if not english else 60, "dist": 10, "empty": 3})
        tags.append("suburb:" + sub)
        if sub == "city":
            suburb = cname
        elif sub == "short":
            suburb = cname.rstrip("市")
        elif sub == "pinyin":
            suburb = "".join(lazy_pinyin(cname.rstrip("市"))).capitalize() + rng.choice(["", " City", " Shi"])
        elif sub == "dist":
            suburb = a["dist"]
        else:
            suburb = ""
        codes = T.PROVINCES.get(a["prov"])
        if codes:
            state = codes[0] if system == "shopify" else codes[1]
            if chance(rng, 0.06):
                state = rng.choice([a["prov"], codes[2], ""])
                tags.append("state:free")
        else:
            state = ""
        ps = pick(rng, {"real": 55, "default": 15, "empty": 22, "zeros": 4, "typo": 4})
        tags.append("post:" + ps)
        post = {"real": a["post"], "default": a["default_post"], "empty": "", "zeros": "000000",
                "typo": digit_typo(rng, a["post"])}[ps]
        return a1, a2, suburb, post, state, "CN"
    if a0["t"] == "hk":
        a = a0
        if chance(rng, 0.55):
            est = T.HK_ESTATE_EN.get(a["estate"], a["estate"])
            a1 = rng.choice([f"Flat {a['flat']}, {a['floor']}/F, Block {a['block']}", f"{a['floor']}{a['flat']}, Blk {a['block']}",
                             f"Rm {a['flat']} {a['floor']}/F Tower {a['block']}"])
            a2 = f"{est}, {a['dist_en']}" if chance(rng, 0.7) else est
            tags.append("addr:english")
        else:
            a1 = f"{a['area']}{a['dist']}{a['estate']}{a['block']}座{a['floor']}樓{a['flat']}室"
            a2 = ""
        return a1, a2, rng.choice([a["dist_en"], "Hong Kong", a["region"].title(), ""]), rng.choice(["", "", "000000", "999077"]), \
            a["region"] if chance(rng, 0.85) else "", "HK"
    if a0["t"] == "tw":
        a = a0
        lane = (f"{a['lane']}巷" if a["lane"] else "") + (f"{a['alley']}弄" if a["alley"] else "")
        if chance(rng, 0.6):
            a1 = f"{a['dist']}{a['road']}{lane}{a['num']}號{a['floor']}樓"
            if chance(rng, 0.2):
                a1 = zhconv.convert(a1, "zh-cn")  # a mainland-made form or keyboard
            a2 = ""
            city = a["city"] if chance(rng, 0.8) else a["city"].replace("台", "臺")
        else:
            tags.append("addr:english")
            lane_en = (f"Ln. {a['lane']}, " if a["lane"] else "") + (f"Aly. {a['alley']}, " if a["alley"] else "")
            a1 = f"{a['floor']}F., No. {a['num']}, {lane_en}" + "".join(w.capitalize() for w in lazy_pinyin(a["road"][:2])) + " Rd."
            a2 = a["dist_en"]
            city = a["city_en"]
        post = a["post"] if chance(rng, 0.6) else (a["post"] + f"{rng.randint(0, 99):02d}" if chance(rng, 0.5) else "")
        return a1, a2, city, post, "", "TW"
    a = a0
    if dup and chance(rng, 0.05):
        if p.get("moved_to") is None:
            p["moved_to"] = abroad_home(rng, {}, a["country"]) if a["country"] in ("SG", "MY") else dict(a, line1=a["line1"].split(" ", 1)[0] + "0 " + a["line1"].split(" ", 1)[-1])
        a = p["moved_to"]
        tags.append("addr:moved")
    line1, line2 = a["line1"], a["line2"]
    if chance(rng, 0.2):
        for long, short in (("Street", "St"), ("Avenue", "Ave"), ("Road", "Rd"), ("Apartment", "Apt"), ("Suite", "Ste"),
                            ("Drive", "Dr"), ("Lane", "Ln")):
            line1 = line1.replace(long, short + rng.choice(["", "."]))
        tags.append("addr:abbrev")
    if line2 and chance(rng, 0.3):
        line1, line2 = line1 + ", " + line2, ""
    if chance(rng, 0.1):
        line1 = line1.upper()
    post = a["post"]
    if a["country"] == "US" and chance(rng, 0.1):
        post += f"-{rng.randint(0, 9999):04d}"
    if chance(rng, 0.05):
        post = ""
    return line1, line2, a["city"], post, a["state"] if chance(rng, 0.95) else "", a["country"]


def pdd_address(rng, p, dup, tags):
    """Pinduoduo: province, city, district picked from lists, then the detail line."""
    a, where = cn_address_for(rng, p, dup, tags)
    tags.append("addr:" + where)
    prov, city, town = a["prov"], a["city"], a["dist"]
    if chance(rng, 0.04) and a["t"] in ("cn", "office"):
        # The buyer picked a neighbouring district in the list.
        others = [d for d in a["cityrow"][4].split() if d != town]
        town = rng.choice(others)
        tags.append("pdd:wrong-district")
    detail = pickup_detail(rng, p, a, tags) if where == "pickup" else cn_detail(rng, p, a, tags)
    rep = pick(rng, {"none": 75, "dist": 12, "all": 8, "street": 5})
    if rep == "dist":
        detail = a["dist"] + detail
    elif rep == "all":
        detail = region_prefix(rng, a, tags) + detail
    elif rep == "street" and a["t"] == "cn":
        detail = a["dist"][:2] + "街道" + detail
    tags.append("pdd-detail:" + rep)
    line = prov + city + town + (" " if chance(rng, 0.5) else "") + detail
    if prov == city and chance(rng, 0.5):
        line = prov + town + detail
    return line, (prov, city, town, detail)


def phone_for(rng, p, system, tags):
    if p.get("phone_fmt"):
        if chance(rng, 0.1):
            tags.append("phone:none")
            return ""
        return p["phone_fmt"](rng)
    if system == "pinduoduo" and chance(rng, 0.35):
        tags.append("phone:privacy")
        return privacy_number(rng)
    w = {"own": 78, "second": 7 if len(p["phones"]) > 1 else 0, "none": 6 if system != "pinduoduo" else 0,
         "house": 8 if p.get("house_phone") and p["house_phone"] != p["phones"][0] else 0,
         "landline": 3 if p.get("landline") and system != "pinduoduo" else 0,
         "desk": 2 if p.get("work") and system != "pinduoduo" else 0, "typo": 3, "new": 3}
    k = pick(rng, w)
    tags.append("phone:" + k)
    if k == "none":
        return ""
    if k == "landline":
        return p["landline"] if chance(rng, 0.6) else p["landline"].replace("-", "")
    if k == "desk":
        return p["work"]["desk"]
    m = {"own": p["phones"][0], "second": p["phones"][-1], "house": p.get("house_phone", ""),
         "typo": digit_typo(rng, p["phones"][0])}.get(k)
    if k == "new":
        if not p.get("new_phone"):
            p["new_phone"] = mobile(rng)
        m = p["new_phone"]
    return m if system == "pinduoduo" and chance(rng, 0.8) else fmt_cn_mobile(rng, m)


def email_for(rng, p, tags):
    if chance(rng, 0.08):
        tags.append("email:none")
        return ""
    if p.get("family_mail") and chance(rng, 0.5):
        tags.append("email:family")
        return p["family_mail"]
    if p.get("work") and p["kind"] == "cn" and chance(rng, 0.08):
        tags.append("email:work")
        return "".join(lazy_pinyin(p["given"])) + "." + p["fam_py"] + "@" + p["work"]["domain"]
    e = p["emails"][0] if chance(rng, 0.75) else rng.choice(p["emails"])
    if chance(rng, 0.02):
        user, dom = e.split("@", 1)
        if len(user) > 3:
            i = rng.randrange(len(user) - 1)
            e = user[:i] + user[i + 1] + user[i] + user[i + 2:] + "@" + dom
            tags.append("email:typo")
    if chance(rng, 0.03):
        e = e[:1].upper() + e[1:]
    return e


def dob_for(rng, p, tags):
    if not chance(rng, 0.3):
        return ""
    b = p["born"]
    k = pick(rng, {"ok": 70, "jan1": 8, "lunar": 7, "typo": 5, "swap": 5, "year": 5})
    tags.append("dob:" + k)
    if k == "jan1":
        b = date(b.year, 1, 1)  # a form that only wanted the year
    elif k == "lunar":
        b = b + timedelta(days=rng.randint(20, 50))  # the lunar birthday, looked up as if solar
    elif k == "typo":
        b = date(b.year + rng.choice([-1, 1, -10, 10]), b.month, min(b.day, 28))
    elif k == "swap" and b.day <= 12:
        b = date(b.year, b.day, b.month)
    fmt = pick(rng, {"iso": 70, "slash": 12, "compact": 6, "cn": 6, "us": 6})
    if fmt == "iso":
        return b.isoformat()
    if fmt == "slash":
        return f"{b.year}/{b.month}/{b.day}"
    if fmt == "compact":
        return b.strftime("%Y%m%d")
    if fmt == "cn":
        return f"{b.year}年{b.month}月{b.day}日"
    return b.strftime("%m/%d/%Y")


def record(rng, p, system, dup):
    tags = ["dup" if dup else "first", "kind:" + p["kind"]]
    if p.get("relation"):
        tags.append("rel:" + p["relation"])
    rec = {c: "" for c in COLUMNS}
    rec.update(source=system, entity=p["entity"])
    if system == "pinduoduo":
        rec["full_name"] = pdd_name(rng, p, tags)
        line, (prov, city, town, detail) = pdd_address(rng, p, dup, tags)
        rec.update(address=line, country="CN", province=prov, city=city, town=town, receiver_address=detail)
        rec["phone"] = phone_for(rng, p, system, tags)
        if chance(rng, 0.03):
            # Nothing was decrypted: the platform's masks are all the order carries.
            tags.append("masked")
            rec["full_name"] = rec["full_name"][:1] + "**"
            m = p["phones"][0]
            rec["phone"] = m[:3] + "****" + m[7:]
            rec["address"] = rec["address"][:len(prov + city + town)] + "****"
            rec["receiver_address"] = "****"
    else:
        rec["given_name"], rec["surname"] = shop_name(rng, p, tags)
        a1, a2, sub, post, state, country = shop_address(rng, p, system, dup, tags)
        rec.update(address_1=a1, address_2=a2, suburb=sub, postcode=post, state=state, country=country)
        rec["phone"] = phone_for(rng, p, system, tags)
        rec["email"] = email_for(rng, p, tags)
        rec["date_of_birth"] = dob_for(rng, p, tags)
    rec["tags"] = ";".join(tags)
    return rec


def systems_for(p):
    if p["kind"] == "cn":
        return {"shopify": 30, "woocommerce": 25, "pinduoduo": 45}
    if p["kind"] == "latin_cn":
        return {"shopify": 50, "woocommerce": 40, "pinduoduo": 10}
    return {"shopify": 55, "woocommerce": 45}


def export(out, n, seed):
    w = World(seed)
    rng = w.rng
    folks = people(w, n)
    recs = []
    for p in folks:
        if p["kind"] in ("latin", "latin_cn") and p["female"] and chance(rng, 0.08):
            p["married"] = w.fakers[p["locale"]].last_name()
        copies = rng.choices([1, 2, 3, 4, 5], weights=[52, 24, 13, 7, 4])[0]
        for k in range(copies):
            recs.append(record(rng, p, pick(rng, systems_for(p)), k > 0))
    rng.shuffle(recs)  # orders arrive mixed, not person by person
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "cn.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        wr = csv.DictWriter(f, fieldnames=COLUMNS)
        wr.writeheader()
        for i, r in enumerate(recs):
            wr.writerow(dict(r, key=f"cn-{i:05d}"))
    print(json.dumps({"set": "cn", "generator": "cnblind", "people": len(folks), "records": len(recs), "file": path, "seed": seed}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export")
    e.add_argument("--out", required=True)
    e.add_argument("--people", type=int, default=2000)
    e.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    export(a.out, a.people, a.seed)


if __name__ == "__main__":
    main()
