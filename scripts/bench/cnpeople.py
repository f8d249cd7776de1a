#!/usr/bin/env python3
"""Chinese (and mixed Latin/Chinese) customers for party resolution, written as shops get them.

  cnpeople.py export --out DIR [--people 2000] [--seed 20250303] [--masked 0.03]
      Writes DIR/cn.csv: about --people people, each as 1 to 4 records, one record per order
      a Shopify shop, a WooCommerce shop or Pinduoduo received from them. Deterministic for
      a seed. Run it in the virtualenv `scripts/bench/venv.sh DIR faker pypinyin zhconv` makes.

The columns keep FEBRL's shape (key, source, entity, given_name, surname, street_number,
address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id) so the readers of
febrl3.csv read this file too, and add what Chinese orders carry: full_name (a one-field
name: Pinduoduo's receiver_name), phone, email, address (a one-line address: Pinduoduo's
address), country, and tags (what was done to this record, for error analysis; no system
may read it); then, for Pinduoduo only, what its order carries beside the one-line address:
province, city and town as the buyer picked them, and receiver_address, the rest without
them. source names the system the record came from.

The people: most are mainland customers with Han names (Faker zh_CN, and two-character
given names drawn from common characters), some Taiwanese (zh_TW, traditional
characters, Wade-Giles passports, Taiwan addresses), some foreigners with Latin names
(in China or abroad), some Chinese who also go by an English name. Hard negatives are
made on purpose: namesakes in one city, family members who share an address and often
the household's phone, neighbours in one building, siblings with near-homophone names.

Each record is written as its system and its typist would write it: the name in Han or
pinyin, family and given name in the right fields, swapped, or all in one; traditional
characters; a homophone picked by an input method; the phone with or without +86, 0086,
spaces and dashes, or missing; the address with or without province and city, 省/市
dropped, the district left out, the building and room as 2栋1201 / 2号楼1201室 / 2-1201,
full-width digits, in pinyin; a different address (the office, a move); e-mail from QQ,
163 or Gmail, a different one per shop; dates of birth only where a member programme asks,
in whatever format it takes, now and then the lunar birthday or a typo.
"""

import argparse
import csv
import json
import os
import random
from datetime import date, timedelta

import zhconv
from faker import Faker
from pypinyin import lazy_pinyin

import cnpeople_contact as C
import cnpeople_tables as T
from cnpeople_contact import chance, pick

COLUMNS = ["key", "source", "entity", "given_name", "surname", "street_number", "address_1", "address_2", "suburb",
           "postcode", "state", "date_of_birth", "soc_sec_id", "full_name", "phone", "email", "address", "country",
           "tags", "province", "city", "town", "receiver_address"]


# ---- people ---------------------------------------------------------------------------

def han_given(rng, fk, female):
    if chance(rng, 0.35):  # Faker's common one-character (and a few two-character) names
        return fk.first_name_female() if female else fk.first_name_male()
    pool = T.FEMALE if female else T.MALE
    a, b = rng.choice(pool), rng.choice(pool)
    while b == a and chance(rng, 0.8):
        b = rng.choice(pool)
    return a + b


def mobile(rng):
    return rng.choice(["13", "15", "17", "18", "19"]) + str(rng.randint(0, 9)) + "".join(
        str(rng.randint(0, 9)) for _ in range(8))


def home_cn(rng, city=None):
    c = city or rng.choice(T.CITIES)
    d = rng.choice(c["districts"])
    road = rng.choice(c["roads"])
    h = dict(kind="cn", c=c, dist=d, road=road, num=rng.randint(1, 2200), lane=None,
             compound=rng.choice(T.COMPOUNDS) if chance(rng, 0.8) else None,
             bldg=rng.randint(1, 30), unit=rng.randint(1, 4) if chance(rng, 0.35) else None,
             room=rng.randint(1, 33) * 100 + rng.randint(1, 6), jiedao=None,
             post=c["post"] + f"{rng.randint(0, 999):03d}")
    if c["prov"] == "上海市" and chance(rng, 0.4):
        h["lane"] = rng.randint(1, 30)  # 张杨路1588弄12号1201室
    if chance(rng, 0.3):
        h["jiedao"] = d[0][:2] + rng.choice(T.STREETS_OFFICE)
    return h


def office_cn(rng, home):
    h = home_cn(rng, home["c"])
    h.update(kind="office", compound=rng.choice(T.OFFICES), unit=None, lane=None,
             room=rng.randint(3, 40) * 100 + rng.randint(1, 20), company=company_word(rng) + rng.choice(T.COMPANIES))
    return h


def company_word(rng):
    return rng.choice(["华信", "中科", "云帆", "博远", "星河", "恒通", "蓝海", "鼎盛", "汇智", "启明"])


def home_tw(rng):
    city, city_en, post, dists, roads = rng.choice(T.TW_CITIES)
    return dict(kind="tw", city=city, city_en=city_en, post=post + f"{rng.randint(0, 99):02d}",
                dist=rng.choice(dists), road=rng.choice(roads), sec=rng.choice([None, 1, 2, 3, 4]),
                lane=rng.randint(1, 300) if chance(rng, 0.3) else None, num=rng.randint(1, 400),
                floor=rng.randint(2, 20))


def home_abroad(rng, fk):
    return dict(kind="abroad", street=fk.street_address(), city=fk.city(), post=fk.postcode(),
                state=fk.state_abbr() if hasattr(fk, "state_abbr") else "", country=fk.current_country_code())


def email_for(rng, p):
    py = "".join(p.get("py_parts", [])) or (p.get("latin_given", "") + p.get("latin_family", "")).lower()
    out = []
    for _ in range(rng.choice([1, 1, 2, 2, 3])):
        r = rng.random()
        if p["kind"] == "latin" and r < 0.8:
            sep = rng.choice([".", "", "_"])
            out.append(f"{p['latin_given'].lower()}{sep}{p['latin_family'].lower()}{rng.choice(['', str(rng.randint(1, 99))])}"
                       f"@{rng.choice(['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com'])}")
        elif r < 0.45:
            out.append(f"{rng.randint(10000000, 3999999999)}@{rng.choice(['qq.com', 'qq.com', 'foxmail.com'])}")
        elif r < 0.85:
            out.append(f"{py}{rng.choice(['', str(rng.randint(1, 99)), str(p['dob'].year)])}"
                       f"@{rng.choice(['163.com', '126.com', 'sina.com', 'sohu.com'])}")
        else:
            out.append(f"{py}{rng.randint(1, 999)}@{rng.choice(['gmail.com', 'outlook.com', 'icloud.com'])}")
    return list(dict.fromkeys(out))


def pinyin_of(family, given):
    fam = T.SURNAME_PINYIN.get(family) or "".join(lazy_pinyin(zhconv.convert(family, "zh-cn")))
    return fam, [s for s in lazy_pinyin(zhconv.convert(given, "zh-cn"))]


def new_person(rng, fk, fk_tw, fk_en, kind, entity):
    female = chance(rng, 0.5)
    dob = date(1955, 1, 1) + timedelta(days=rng.randint(0, 365 * 50))
    p = dict(entity=entity, kind=kind, female=female, dob=dob, phones=[], office=None)
    if kind in ("cn", "dual"):
        p["family"] = fk.last_name()
        p["given"] = han_given(rng, fk, female)
        p["home"] = home_cn(rng)
        p["phones"] = [mobile(rng)]
        if kind == "dual":
            p["english"] = rng.choice(T.ENGLISH_GIVEN)
    elif kind == "tw":
        # Names are gendered (美玲 is a woman's, 志明 a man's): a courtesy title written
        # for this person (先生, 女士) must agree with the name Faker gives.
        name = fk_tw.name_female() if female else fk_tw.name_male()
        p["family"], p["given"] = name[0], name[1:]
        p["home"] = home_tw(rng)
        p["phones"] = ["09" + "".join(str(rng.randint(0, 9)) for _ in range(8))]
    else:  # latin
        p["latin_given"] = fk_en.first_name_female() if female else fk_en.first_name_male()
        p["latin_family"] = fk_en.last_name()
        if chance(rng, 0.6):
            p["home"] = home_cn(rng)
            p["phones"] = [mobile(rng)]
        else:
            p["home"] = home_abroad(rng, fk_en)
            p["phones"] = [fk_en.msisdn()[:10]]
    if "family" in p:
        fam, giv = pinyin_of(p["family"], p["given"])
        p["py_family"], p["py_given"], p["py_parts"] = fam, giv, [fam] + giv
    if chance(rng, 0.06):
        p["phones"].append(mobile(rng) if p["kind"] != "tw" else "09" + str(rng.randint(10**7, 10**8 - 1)))
    if p["home"]["kind"] == "cn" and chance(rng, 0.1):
        p["office"] = office_cn(rng, p["home"])
    p["emails"] = email_for(rng, p)
    return p


def relative(rng, fk, base, entity, same_surname, share_phone, near_name=False):
    """A family member of base: same home; the household's phone sometimes."""
    p = new_person(rng, fk, None, None, "cn", entity)
    p["home"] = base["home"]
    if same_surname:
        p["family"] = base["family"]
    if near_name:  # siblings 张丽 / 张莉: one character apart, often a homophone
        # Sisters (or brothers): the name keeps the other's characters, and with them
        # what they say of the bearer's sex, which a title written for either follows.
        p["female"] = base["female"]
        g = base["given"]
        i = rng.randrange(len(g))
        alt = T.HOMOPHONES.get(g[i])
        p["given"] = g[:i] + (rng.choice(alt) if alt else rng.choice(T.MALE + T.FEMALE)) + g[i + 1:]
    fam, giv = pinyin_of(p["family"], p["given"])
    p["py_family"], p["py_given"], p["py_parts"] = fam, giv, [fam] + giv
    if share_phone:
        p["phones"] = [base["phones"][0]] + p["phones"][:0]
    if chance(rng, 0.1):
        p["emails"] = base["emails"][:1]
    p["tags_person"] = "family" + ("-near" if near_name else "") + ("-phone" if share_phone else "")
    return p


def people(rng, n):
    fk, fk_tw, fk_en = Faker("zh_CN"), Faker("zh_TW"), Faker(["en_US", "en_GB"])
    for i, f in enumerate((fk, fk_tw, fk_en)):
        f.seed_instance(rng.randint(0, 2**31) + i)
    out = []
    while len(out) < n:
        e = f"p{len(out):05d}"
        r = rng.random()
        kind = "cn" if r < 0.78 else "dual" if r < 0.83 else "tw" if r < 0.89 else "latin"
        p = new_person(rng, fk, fk_tw, fk_en, kind, e)
        out.append(p)
        if kind != "cn" or len(out) >= n:
            continue
        h = rng.random()
        e2 = f"p{len(out):05d}"
        if h < 0.08:  # family: spouse, child or parent at the same address
            same = chance(rng, 0.7)
            out.append(relative(rng, fk, p, e2, same, chance(rng, 0.4), near_name=same and chance(rng, 0.1)))
        elif h < 0.13:  # a neighbour: same compound and building, another flat
            q = new_person(rng, fk, fk_tw, fk_en, "cn", e2)
            q["home"] = dict(p["home"], room=p["home"]["room"] + rng.choice([-101, -100, -1, 1, 100, 101]))
            q["tags_person"] = "neighbour"
            out.append(q)
        elif h < 0.17:  # a namesake: same Han name, half of them in the same city
            q = new_person(rng, fk, fk_tw, fk_en, "cn", e2)
            q["family"], q["given"] = p["family"], p["given"]
            q["female"] = p["female"]  # a namesake of 薛海燕 is a woman: the name says so
            q["py_family"], q["py_given"], q["py_parts"] = p["py_family"], p["py_given"], p["py_parts"]
            if chance(rng, 0.5):
                q["home"] = home_cn(rng, p["home"]["c"])
            q["emails"] = email_for(rng, q)
            q["tags_person"] = "namesake"
            out.append(q)
    return out


# ---- names as typed -------------------------------------------------------------------

def cap(s):
    return s[:1].upper() + s[1:]


def py_given(rng, p, tags):
    parts = p["py_given"]
    parts = [x.replace("v", rng.choice(["v", "u", "yu", "ü"])) if "v" in x else x for x in parts]
    if p["kind"] == "tw":
        return "-".join(cap(wade_giles(x)) for x in parts) if len(parts) > 1 else cap(wade_giles(parts[0]))
    if len(parts) == 1:
        return cap(parts[0])
    form = pick(rng, {"joined": 60, "spaced": 15, "camel": 10, "hyphen": 5, "lower": 10})
    tags.append("given:" + form)
    return {"joined": cap("".join(parts)), "spaced": " ".join(cap(x) for x in parts),
            "camel": "".join(cap(x) for x in parts), "hyphen": "-".join(cap(x) for x in parts),
            "lower": "".join(parts)}[form]


def py_family(rng, p):
    if p["kind"] == "tw":
        return T.TW_SURNAME.get(p["family"]) or cap(wade_giles(p["py_family"]))
    f = p["py_family"]
    if "v" in f:
        f = f.replace("v", rng.choice(["v", "u", "yu", "ü"]))
    return cap(f)


def wade_giles(s):
    """A rough Wade-Giles spelling of one pinyin syllable (Taiwan's passports)."""
    # ch before c: pinyin ch (成 cheng) is Wade-Giles ch (Cheng), only a lone c is ts.
    for a, b in (("zh", "ch"), ("ch", "ch"), ("q", "ch"), ("x", "hs"), ("j", "ch"), ("z", "ts"), ("c", "ts"), ("r", "j")):
        if s.startswith(a):
            s = b + s[len(a):]
            break
    for a, b in (("ong", "ung"), ("ian", "ien"), ("ie", "ieh"), ("ui", "uei")):
        if s.endswith(a):
            s = s[: -len(a)] + b
    return s


def han_name(rng, p, system, dup, tags):
    fam, giv = p["family"], p["given"]
    if dup and chance(rng, 0.05):
        i = rng.randrange(len(giv))
        if giv[i] in T.HOMOPHONES:
            giv = giv[:i] + rng.choice(T.HOMOPHONES[giv[i]]) + giv[i + 1:]
            tags.append("name:homophone")
    if dup and chance(rng, 0.015) and fam in T.HOMOPHONES:
        fam = rng.choice(T.HOMOPHONES[fam])
        tags.append("name:surname-homophone")
    if p["kind"] == "tw":
        if system == "pinduoduo" or chance(rng, 0.3):
            fam, giv = zhconv.convert(fam, "zh-cn"), zhconv.convert(giv, "zh-cn")
            tags.append("name:simplified")
    elif chance(rng, 0.02):
        fam, giv = zhconv.convert(fam, "zh-tw"), zhconv.convert(giv, "zh-tw")
        tags.append("name:traditional")
    return fam, giv


def name_fields(rng, p, system, dup, tags):
    """(first_name, last_name, one-field name) as this system's customer typed them."""
    kind = p["kind"]
    if kind == "latin":
        g, f = p["latin_given"], p["latin_family"]
        form = pick(rng, {"std": 72, "nick": 8, "upper": 4, "swap": 4, "typo": 4, "initial": 3, "middle": 3, "one": 2})
        if form == "nick" and g in T.NICKNAMES:
            g = rng.choice(T.NICKNAMES[g])
        elif form == "upper":
            f = f.upper()
        elif form == "swap":
            g, f = f, g
        elif form == "typo" and len(f) > 3:
            i = rng.randrange(1, len(f) - 1)
            f = f[:i] + f[i + 1] + f[i] + f[i + 2:]
        elif form == "initial":
            g = g[0] + "."
        elif form == "middle":
            g = g + " " + rng.choice("ABCDEJKLMRST") + "."
        tags.append("name:" + form)
        if form == "one":
            return f"{g} {f}", "", f"{g} {f}"
        return g, f, f"{g} {f}"
    fam, giv = han_name(rng, p, system, dup, tags)
    if kind == "dual" and chance(rng, 0.5):
        form = pick(rng, {"en_std": 50, "en_swap": 10, "en_han": 15, "en_pyfull": 15, "en_only": 10})
        tags.append("name:" + form)
        en = p["english"]
        if form == "en_std":
            return en, py_family(rng, p), f"{en} {py_family(rng, p)}"
        if form == "en_swap":
            return py_family(rng, p), en, f"{py_family(rng, p)} {en}"
        if form == "en_han":
            return en, fam, f"{fam}{giv} {en}"
        if form == "en_pyfull":
            return f"{en} {py_given(rng, p, tags)}", py_family(rng, p), f"{en} {fam}{giv}"
        return en, "", en
    if system == "pinduoduo":
        form = pick(rng, {"han": 88, "title": 4, "spaced": 2, "pinyin": 2, "han_en": 2 if kind == "dual" else 0,
                          "nick": 2})
        tags.append("name:" + form)
        if form == "title":
            return "", "", fam + ("女士" if p["female"] else "先生")
        if form == "spaced":
            return "", "", f"{fam} {giv}"
        if form == "pinyin":
            return "", "", f"{py_family(rng, p)} {py_given(rng, p, tags)}"
        if form == "han_en":
            return "", "", f"{fam}{giv}({p['english']})"
        if form == "nick":  # a pet name the courier knows: 小王, 阿伟
            return "", "", rng.choice(["小" + fam, "阿" + giv[-1], giv[-1] * 2])
        return "", "", fam + giv
    if kind == "tw":
        form = pick(rng, {"std": 50, "wg": 30, "wg_one": 8, "one": 7, "swap": 5})
    else:
        form = pick(rng, {"std": 40, "swap": 14, "onelast": 7 if system == "shopify" else 2,
                          "onefirst": 3 if system == "shopify" else 10, "both": 2, "py_std": 14, "py_swap": 5,
                          "py_one": 4, "py_upper": 3})
    tags.append("name:" + form)
    full = fam + giv
    if form == "std":
        return giv, fam, full
    if form == "swap":
        return fam, giv, full
    if form == "onelast":
        return "", full, full
    if form in ("onefirst", "one"):
        return full, "", full
    if form == "both":
        return full, full, full
    pf, pg = py_family(rng, p), py_given(rng, p, tags)
    if form in ("py_std", "wg"):
        return pg, pf, f"{pg} {pf}"
    if form == "py_swap":
        return pf, pg, f"{pf} {pg}"
    if form == "py_upper":
        return pg, pf.upper(), f"{pf.upper()} {pg}"
    one = rng.choice([f"{pf} {pg}", f"{pf}{pg}".lower(), f"{pg} {pf}"]) if form == "py_one" else f"{pf.upper()}, {pg}"
    return one, "", one


# ---- records --------------------------------------------------------------------------

def record(rng, p, system, dup, masked):
    tags = ["dup" if dup else "first"]
    if p.get("tags_person"):
        tags.append("person:" + p["tags_person"])
    tags.append("kind:" + p["kind"])
    first, last, one = name_fields(rng, p, system, dup, tags)
    a1, a2, city, post, state, line, country, picker = C.address_fields(rng, p, system, dup, tags)
    rec = dict(source=system, entity=p["entity"], given_name=first, surname=last, street_number="", address_1=a1,
               address_2=a2, suburb=city, postcode=post, state=state,
               date_of_birth=C.birth_date(rng, p, system, tags), soc_sec_id="",
               full_name=one if system == "pinduoduo" else "", phone=C.phone(rng, p, system, tags),
               email=C.email(rng, p, system, tags), address=line, country=country,
               **dict(zip(("province", "city", "town", "receiver_address"), picker)))
    if system == "pinduoduo" and chance(rng, masked):
        # Nothing was decrypted: the platform's masks are all the order carries.
        tags.append("masked")
        rec["full_name"] = (rec["full_name"][:1] + "**") if rec["full_name"] else ""
        ph = p["phones"][0]
        rec["phone"] = ph[:3] + "****" + ph[7:]
        rec["address"] = rec["address"][:9] + "****"
        rec["receiver_address"] = rec["receiver_address"][:3] + "***"  # the region stays plain
    rec["tags"] = ";".join(tags)
    return rec


def systems_for(p):
    if p["kind"] == "cn" or p["kind"] == "dual":
        return {"shopify": 35, "woocommerce": 30, "pinduoduo": 35}
    if p["kind"] == "latin" and p["home"]["kind"] == "cn":
        return {"shopify": 50, "woocommerce": 40, "pinduoduo": 10}
    return {"shopify": 55, "woocommerce": 45}


def export(out, n, seed, masked):
    rng = random.Random(seed)
    folks = people(rng, n)
    recs = []
    for p in folks:
        copies = 1 + rng.choices([0, 1, 2, 3], weights=[35, 30, 20, 15])[0]
        for k in range(copies):
            recs.append(record(rng, p, pick(rng, systems_for(p)), k > 0, masked))
    rng.shuffle(recs)  # orders arrive mixed, not person by person
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "cn.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for i, r in enumerate(recs):
            w.writerow(dict(r, key=f"cn-{i:05d}"))
    print(json.dumps({"set": "cn", "people": len(folks), "records": len(recs), "file": path, "seed": seed}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export")
    e.add_argument("--out", required=True)
    e.add_argument("--people", type=int, default=2000)
    e.add_argument("--seed", type=int, default=20250303)
    e.add_argument("--masked", type=float, default=0.03,
                   help="share of Pinduoduo orders that carry only the platform's masks (李**, 138****5678)")
    a = ap.parse_args()
    export(a.out, a.people, a.seed, a.masked)


if __name__ == "__main__":
    main()
