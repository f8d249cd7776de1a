"""Phones, addresses, e-mails and dates of birth as cnpeople.py's records carry them."""

from datetime import timedelta

import cnpeople_tables as T


def chance(rng, p):
    return rng.random() < p


def pick(rng, weighted):
    """One key of a {key: weight} table, drawn by weight."""
    keys = list(weighted)
    return rng.choices(keys, weights=[weighted[k] for k in keys])[0]


# ---- phones ---------------------------------------------------------------------------

def phone(rng, p, system, tags):
    num = p["phones"][0] if len(p["phones"]) == 1 or chance(rng, 0.8) else p["phones"][1]
    if num != p["phones"][0]:
        tags.append("phone:second")
    missing = {"shopify": 0.35, "woocommerce": 0.05, "pinduoduo": 0.0}[system]
    if chance(rng, missing):
        tags.append("phone:missing")
        return ""
    if p["home"]["kind"] == "abroad":
        form = pick(rng, {"raw": 60, "plus1": 40})
        tags.append("phone:" + form)
        return num if form == "raw" else f"+1 {num[:3]}-{num[3:6]}-{num[6:]}"
    if num.startswith("09"):  # Taiwan
        form = pick(rng, {"raw": 40, "dash": 25, "intl": 25, "intl_raw": 10})
        tags.append("phone:tw_" + form)
        return {"raw": num, "dash": f"{num[:4]}-{num[4:7]}-{num[7:]}",
                "intl": f"+886 {num[1:4]} {num[4:7]} {num[7:]}", "intl_raw": "+886" + num[1:]}[form]
    if system == "pinduoduo":
        if chance(rng, 0.05):  # a privacy number with extension, new for each order
            tags.append("phone:virtual")
            return f"{rng.choice(['170', '171', '165'])}{rng.randint(10**7, 10**8 - 1)}-{rng.randint(1000, 9999)}"
        return num
    weights = {"shopify": {"plus_sp": 30, "plus": 25, "raw": 30, "sp": 10, "dash": 5},
               "woocommerce": {"raw": 55, "plus_sp1": 10, "plus_dash": 5, "0086": 7, "86dash": 5, "dash": 10,
                               "sp": 8}}[system]
    form = pick(rng, weights)
    tags.append("phone:" + form)
    a, b, c = num[:3], num[3:7], num[7:]
    return {"plus_sp": f"+86 {a} {b} {c}", "plus": "+86" + num, "raw": num, "sp": f"{a} {b} {c}",
            "dash": f"{a}-{b}-{c}", "plus_sp1": "+86 " + num, "plus_dash": f"+86-{a}-{b}-{c}",
            "0086": "0086 " + num, "86dash": "86-" + num}[form]


def email(rng, p, system, tags):
    present = {"shopify": 0.85, "woocommerce": 0.95, "pinduoduo": 0.0}[system]
    if not p["emails"] or not chance(rng, present):
        return ""
    e = p["emails"][0] if chance(rng, 0.6) else rng.choice(p["emails"])
    if e != p["emails"][0]:
        tags.append("email:other")
    if chance(rng, 0.05):
        user, _, dom = e.partition("@")
        e = user.capitalize() + "@" + dom
    return e


# ---- dates of birth -------------------------------------------------------------------

def birth_date(rng, p, system, tags):
    """Only a shop's member programme asks; Pinduoduo never passes one on."""
    asks = {"shopify": 0.4, "woocommerce": 0.3, "pinduoduo": 0.0}[system]
    if not chance(rng, asks):
        return ""
    d = p["dob"]
    if chance(rng, 0.03):  # the lunar birthday, which many older people give
        d = d - timedelta(days=rng.randint(20, 50))
        tags.append("dob:lunar")
    form = pick(rng, {"iso": 55, "slash": 12, "slash_short": 8, "compact": 6, "han": 9,
                      "dmy" if p["kind"] != "latin" or chance(rng, 0.5) else "mdy": 10})
    tags.append("dob:" + form)
    s = {"iso": d.isoformat(), "slash": d.strftime("%Y/%m/%d"), "slash_short": f"{d.year}/{d.month}/{d.day}",
         "compact": d.strftime("%Y%m%d"), "han": f"{d.year}年{d.month}月{d.day}日", "dmy": d.strftime("%d/%m/%Y"),
         "mdy": d.strftime("%m/%d/%Y")}[form]
    if chance(rng, 0.02):
        i = rng.choice([i for i, ch in enumerate(s) if ch.isdigit()][-3:])
        s = s[:i] + str((int(s[i]) + rng.choice([1, 9])) % 10) + s[i + 1:]
        tags.append("dob:typo")
    return s


# ---- addresses ------------------------------------------------------------------------

def room_str(rng, h, tags):
    b, u, r = h["bldg"], h.get("unit"), h["room"]
    if h.get("lane"):
        return f"{b}号{r}室"
    forms = {"dong": f"{b}栋{r}", "haolou": f"{b}号楼{r}室", "dash": f"{b}-{r}", "zhuang": f"{b}幢{r}室",
             "hash": f"{b}#{r}"}
    if u and chance(rng, 0.7):
        forms = {"dong": f"{b}栋{u}单元{r}", "haolou": f"{b}号楼{u}单元{r}室", "dash": f"{b}-{u}-{r}",
                 "zhuang": f"{b}幢{u}单元{r}室", "hash": f"{b}#{u}单元{r}"}
    form = pick(rng, {"dong": 30, "haolou": 30, "dash": 20, "zhuang": 10, "hash": 10})
    tags.append("room:" + form)
    return forms[form]


def street_str(rng, h, tags):
    road, n = h["road"][0], h["num"]
    if h.get("lane"):
        return f"{road}{n}弄"
    form = pick(rng, {"hao": 75, "nohao": 15, "space": 5, "zhi": 5})
    if form != "hao":
        tags.append("street:" + form)
    return {"hao": f"{road}{n}号", "nohao": f"{road}{n}", "space": f"{road} {n}号", "zhi": f"{road}{n}号院"}[form]


def cn_parts(rng, h, tags, formal=False):
    """Province, city, district and the rest (street, compound, building and room) of a
    Chinese address; formal when a platform's picker wrote the first three."""
    c = h["c"]
    if formal:
        prov, city, dist = c["prov"], c["city"], h["dist"][0]
        if c["muni"] and chance(rng, 0.5):
            city = ""
    else:
        prov = pick(rng, {c["prov"]: 45, c["prov_short"]: 25, "": 30})
        city = pick(rng, {c["city"]: 55, c["city_short"]: 30, "": 15})
        if c["muni"] and prov:
            city = "" if chance(rng, 0.7) else city
        dist = h["dist"][0] if chance(rng, 0.8) else ""
        if not dist:
            tags.append("addr:nodistrict")
        if not prov:
            tags.append("addr:noprovince")
    rest = ""
    if h.get("jiedao") and chance(rng, 0.3 if not formal else 0.6):
        rest += h["jiedao"]
    rest += street_str(rng, h, tags)
    if h["kind"] == "office":
        rest += f"{h['compound'][0]}{h['room'] // 100}楼{h['room']}室"
        if chance(rng, 0.6):
            rest += " " + h["company"]
        return prov, city, dist, rest, ""
    comp = ""
    if h.get("compound") and chance(rng, 0.75):
        comp = h["compound"][0] if chance(rng, 0.85) else h["compound"][0][:2]
    elif h.get("compound"):
        tags.append("addr:nocompound")
    return prov, city, dist, rest, comp + room_str(rng, h, tags)


def fullwidth(rng, s, tags):
    if chance(rng, 0.04):
        tags.append("addr:fullwidth")
        return s.translate(T.FULLWIDTH)
    return s


def cn_pinyin(rng, h, tags):
    """Room 1201, Building 2, ... as a foreigner (or a Shopify checkout in English) writes it."""
    tags.append("addr:pinyin")
    road_py, dist_py = h["road"][1], h["dist"][1]
    rd = road_py.replace("Road", "Rd").replace("Avenue", "Ave") if chance(rng, 0.4) else road_py
    num = f"No. {h['num']} {rd}" if chance(rng, 0.6) else f"{h['num']} {rd}"
    if h.get("lane"):
        num = f"Lane {h['num']}, {rd}"
    if h["kind"] == "office":
        return num, f"{h['room']}, {h['compound'][1]}", dist_py
    room = rng.choice([f"Room {h['room']}, Building {h['bldg']}", f"Rm {h['room']}, Bldg {h['bldg']}",
                       f"{h['bldg']}-{h['room']}", f"Apt {h['room']}, Building {h['bldg']}"])
    comp = h["compound"][1] if h.get("compound") and chance(rng, 0.7) else ""
    line2 = ", ".join(x for x in (room, comp) if x)
    return f"{num}, {dist_py}" if chance(rng, 0.6) else num, line2, dist_py


def postcode(rng, h, tags):
    form = pick(rng, {"real": 55, "city": 15, "zeros": 10, "none": 20})
    if form != "real":
        tags.append("post:" + form)
    return {"real": h["post"], "city": h["c"]["post"] + "000", "zeros": "000000", "none": ""}[form]


def address_fields(rng, p, system, dup, tags):
    """address_1, address_2, city, postcode, state, one-line address, country."""
    h = p["home"]
    if h["kind"] == "cn":
        if p.get("office") and chance(rng, 0.25):
            h = p["office"]
            tags.append("addr:office")
        elif dup and chance(rng, 0.03):  # moved within the city
            h = dict(h, road=rng.choice(h["c"]["roads"]), num=rng.randint(1, 2200), bldg=rng.randint(1, 30),
                     room=rng.randint(1, 33) * 100 + rng.randint(1, 6), compound=rng.choice(T.COMPOUNDS),
                     dist=rng.choice(h["c"]["districts"]))
            tags.append("addr:moved")
        return cn_address(rng, p, h, system, tags)
    if h["kind"] == "tw":
        return tw_address(rng, h, system, tags)
    st = h["street"]
    if chance(rng, 0.2):
        st = st.replace(" Street", " St").replace(" Avenue", " Ave").replace(" Road", " Rd")
    return st, "", h["city"], h["post"], h["state"], "", h["country"]


def cn_address(rng, p, h, system, tags):
    c = h["c"]
    if system == "pinduoduo":
        prov, city, dist, rest, room = cn_parts(rng, h, tags, formal=True)
        if c["muni"] and not city:
            city = c["city"]  # 上海市上海市浦东新区: PDD's picker names the municipality twice
        sep = " " if chance(rng, 0.3) else ""
        one = prov + city + dist + sep + fullwidth(rng, rest + room, tags)
        return "", "", "", "", "", one, "CN"
    pinyin = p["kind"] == "latin" or (system == "shopify" and chance(rng, 0.05))
    if pinyin:
        a1, a2, dist_py = cn_pinyin(rng, h, tags)
        city = c["city_py"] if chance(rng, 0.8) else c["city_py"] + " City"
        state = c["shopify"] if system == "shopify" else c["woo"]
        return a1, a2, city, postcode(rng, h, tags), state, "", "CN"
    prov, city, dist, rest, room = cn_parts(rng, h, tags)
    if system == "shopify":
        # address1 / address2 ("Apartment, suite"), city, province_code: the checkout's fields.
        if chance(rng, 0.5):
            a1, a2 = dist + rest, room
        else:
            a1, a2 = dist + rest + room, ""
        city_f = pick(rng, {c["city"]: 50, c["city_short"]: 20, c["city_py"]: 20, h["dist"][0]: 10})
        if city_f == h["dist"][0]:
            tags.append("addr:district-as-city")
        if chance(rng, 0.15):
            a1 = prov + city + a1
            tags.append("addr:prefix-in-line")
        return fullwidth(rng, a1, tags), fullwidth(rng, a2, tags), city_f, postcode(rng, h, tags), c["shopify"], "", "CN"
    # WooCommerce: many Chinese themes hide address_2 and the city picker is free text.
    if chance(rng, 0.6):
        a1, a2 = (prov + city if chance(rng, 0.3) else "") + dist + rest + room, ""
    else:
        a1, a2 = dist + rest, room
    city_f = pick(rng, {c["city"]: 55, c["city_short"]: 25, h["dist"][0]: 15, "": 5})
    state = c["woo"] if chance(rng, 0.9) else ""
    return fullwidth(rng, a1, tags), fullwidth(rng, a2, tags), city_f, postcode(rng, h, tags), state, "", "CN"


def tw_address(rng, h, system, tags):
    city = h["city"].replace("台", "臺") if chance(rng, 0.3) else h["city"]
    road, road_en = h["road"]
    if chance(rng, 0.6):
        sec = f"{'一二三四'[h['sec'] - 1]}段" if h["sec"] else ""
        lane = f"{h['lane']}巷" if h["lane"] else ""
        a1 = f"{h['dist'][0]}{road}{sec}{lane}{h['num']}號{h['floor']}樓"
        if chance(rng, 0.3):
            a1 = city + a1
        city_f = city
    else:
        tags.append("addr:tw_english")
        sec = f"Sec. {h['sec']}, " if h["sec"] else ""
        lane = f"Ln. {h['lane']}, " if h["lane"] else ""
        a1 = f"{h['floor']}F., No. {h['num']}, {lane}{sec}{road_en}, {h['dist'][1]}"
        city_f = h["city_en"]
    post = h["post"] if chance(rng, 0.5) else h["post"][:3]
    if system == "pinduoduo":
        return "", "", "", "", "", city + a1, "TW"
    return a1, "", city_f, post, "", "", "TW"
