package resolver

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// Probabilistic party matching. Strong keys (tax id, e-mail, a system's customer id, a
// customer's phone, a company's name key) link most mentions. What they miss are the
// mentions whose keys are all new but whose description is the same party's: a customer
// of two storefronts with a typo in the surname and a transposed date of birth; a
// Meituan customer with a privacy phone and the same customer on a Douyin order. Those
// are found in blocks (see PartyProfile.Blocks) and scored Fellegi-Sunter style: each
// compared field adds log2(m/u) for the level at which it agrees (resolver/compare's
// levels: exact, typo, phonetic, nickname, transposed date, masked, ...), where m is the
// chance of that level for two mentions of one party and u for two different parties.
// A PartyModel holds m and u; `seam parties train` fits them per tenant (u from random
// pairs, m by EM over the pairs of several blocking rules), and the model's version is
// named in the evidence of every link it makes.

// PartyProfile is what party matching compares: a party mention's attributes, as written
// where the comparators normalise themselves, and normalised where keys and blocks need
// one form.
type PartyProfile struct {
	ID      string `json:"-"` // the party's id ("" for a mention not yet placed)
	Root    string `json:"-"` // the party it was merged into, when it was (candidates only)
	Company bool   `json:"company,omitempty"`
	// Name is the name's key: normalize.PersonName, or normalize.CompanyName(...).Key.
	Name string `json:"name,omitempty"`
	// FullName, Given and Family are the name as the source wrote it (whole, and in parts
	// where the source splits them).
	FullName string `json:"full,omitempty"`
	Given    string `json:"given,omitempty"`
	Family   string `json:"family,omitempty"`
	Email    string `json:"email,omitempty"` // normalize.Email
	Phone    string `json:"phone,omitempty"` // E.164, or the mask as written (138****5678)
	// PhoneDigits are the digits of a number no plan reads (0684297730 where the country
	// field says US; 5171196451, a US number without +1, where it says GB), kept to
	// compare with the other side's number only: never a key, since what it is cannot be
	// told.
	PhoneDigits string `json:"phoneDigits,omitempty"`
	// BirthDate is the date of birth as eight digits YYYYMMDD.
	BirthDate  string          `json:"dob,omitempty"`
	NationalID string          `json:"nid,omitempty"`
	Address    string          `json:"address,omitempty"` // normalize.Address key of the whole address
	Place      compare.Address `json:"place,omitempty"`
	Country    string          `json:"country,omitempty"`
	TaxID      string          `json:"tax,omitempty"`
	// Account is the source's own customer account ("shopify:7391002211"), which a
	// one-to-one tenant allows once per cluster and system.
	Account string `json:"acct,omitempty"`
	// Shop is the store an account's order came through, where the document names it
	// (a Douyin order's shop_id): a Douyin open id is the buyer's in one shop, and a
	// tenant with two shops sees every buyer under two accounts of one system.
	Shop string `json:"shop,omitempty"`
	// Organization is the key (normalize.CompanyName) of the company a person's order
	// is billed to: the office whose address and line the order gives (see
	// partyoffice.go).
	Organization string `json:"org,omitempty"`
	// Line is the landline of a receiver named by a role (前台 at 010-53939892): the
	// desk's, which relates the orders that give it and names no one (see partyrole.go).
	Line string `json:"line,omitempty"`
	// Desk is the building (street and number) of an order addressed to a desk alone,
	// whose address is otherwise left out: where the account's buyer works, which tells
	// a colleague's parcel there from the buyer's own elsewhere (see partydeskaccount.go).
	Desk string `json:"desk,omitempty"`
}

// accountSystem is the system part of an Account.
func accountSystem(acct string) string {
	s, _, _ := strings.Cut(acct, ":")
	return s
}

// ProfileOf normalises a party mention into a profile.
func ProfileOf(p ontology.PartyRef) PartyProfile {
	pr := PartyProfile{Company: companyRole(p.Role), Email: normalize.Email(p.Email), TaxID: normTaxID(p.TaxID),
		Country: strings.ToUpper(strings.TrimSpace(p.Country)), FullName: strings.TrimSpace(p.Name),
		Given: strings.TrimSpace(p.GivenName), Family: strings.TrimSpace(p.FamilyName)}
	if !pr.Company && (pr.Given != "" || pr.Family != "") {
		// A customer named by first and last name is a storefront's buyer, a person; a
		// VAT number on the order (WooCommerce's _billing_vat) is the business billed:
		// her employer's, a client's, her own firm's. Colleagues ordering for one office
		// give the same number and are two people, and one person orders for two firms
		// or mistypes the number from order to order, so it is neither a key of the
		// person nor a sign of two: Eoin Murray's mailbox and the office's phone were
		// refused as "another tax id" on each of his business orders.
		pr.TaxID = ""
	}
	if !pr.Company && fullNameTwice(pr.Given, pr.Family) {
		// 王建浩 typed into both the first and the last name field: one full name, not
		// a given name and a family name that happen to be equal (Thomas Thomas is).
		pr.FullName, pr.Given, pr.Family = pr.Given, "", ""
		p.Name = pr.FullName
	}
	if !pr.Company {
		if given, ok := hanGivenWithFamily(pr.Given, pr.Family); ok {
			// 翁進興 in the first-name field and 翁 in the last: the whole name typed
			// where the given name goes. Read as given 進興, it is the same person
			// as 進興 / 翁, not a relative sharing the family name.
			pr.FullName, pr.Given = pr.Given, given
			p.Name = pr.FullName
		}
	}
	if !pr.Company {
		if family, ok := hanFamilyWithGiven(pr.Given, pr.Family); ok {
			// 許建興 in the last-name field and 建興 in the first: a Shopify order
			// without a billing address takes the customer record's last name (the
			// whole name, typed there once) beside the shipping address's given name.
			// Read as family 許, it is the same person as 建興 / 許.
			pr.FullName, pr.Family = pr.Family, family
			p.Name = pr.FullName
		}
	}
	desk := false
	if !pr.Company {
		// An office's front desk in the receiver field: a note beside the buyer's name,
		// or the desk alone (partydesk.go).
		var person string
		if person, desk = deskReceiver(pr.FullName); desk {
			pr.FullName, p.Name = person, person
			desk = person == ""
		}
	}
	if pr.Company {
		pr.Name = normalize.CompanyName(p.Name).Key
	} else {
		pr.Name = normalize.PersonName(p.Name)
		if o := strings.TrimSpace(p.Organization); o != "" {
			pr.Organization = normalize.CompanyName(o).Key
		}
	}
	switch {
	case compare.IsMasked(p.Phone):
		pr.Phone = strings.TrimSpace(p.Phone)
	default:
		if ph, ok := normalize.Phone(p.Phone, p.Country); ok {
			pr.Phone = ph
		} else if d, ok := compare.UnplannedDigits(p.Phone); ok {
			pr.PhoneDigits = d
		}
	}
	if d, ok := compare.DateDigits(p.BirthDate); ok {
		pr.BirthDate = d
	}
	pr.NationalID = nationalID(p.NationalID)
	pr.Address, _ = normalize.Address(p.Address)
	switch {
	case compare.IsMasked(p.Address):
		// A platform's mask (上海市上海市浦东新区****) stays as written, so that it is
		// compared as a mask, never as an address.
		pr.Address = strings.TrimSpace(p.Address)
	case p.Place != nil && (compare.HasHan(p.Place.Street+p.Place.Line2) || p.Place.Street+p.Place.Line2 == "" && compare.HasHan(p.Place.Locality)):
		// Han lines, or none beside a Han locality (a Meituan order collected at the
		// store: the geocoded address alone, read for its areas).
		pr.Place = compare.ChineseAddressParts(p.Place.Number+p.Place.Street, p.Place.Line2, p.Place.Locality, p.Place.Postcode, p.Place.Region)
	case p.Place != nil:
		pr.Place = compare.LatinAddress(p.Place.Number, p.Place.Street, p.Place.Line2, p.Place.Locality, p.Place.Postcode, p.Place.Region)
	case strings.TrimSpace(p.Address) != "":
		pr.Place = compare.ParseAddress(p.Address)
	}
	if desk {
		// Addressed to the desk alone: the office's address is every colleague's, and
		// only what is the buyer's (account, mailbox, mobile) files it. The desk's
		// landline relates the orders that give it, as a role's does (asRole).
		pr.Desk = deskBuilding(pr.Place)
		pr.Address, pr.Place = "", compare.Address{}
		pr = deskLine(pr)
		if !compare.MobileLine(pr.Phone) {
			pr.Phone = ""
		}
	}
	return asRole(pr)
}

// fullNameTwice reports whether a first and a last name field hold one whole name
// twice: the same words, two or more of them, or a Han name of two characters or more.
func fullNameTwice(given, family string) bool {
	g, f := strings.Fields(given), strings.Fields(family)
	if len(g) == 0 || !strings.EqualFold(strings.Join(g, " "), strings.Join(f, " ")) {
		return false
	}
	return len(g) > 1 || compare.HasHan(given) && utf8.RuneCountInString(g[0]) > 1
}

// hanGivenWithFamily returns the given name of a Han given-name field that starts with
// the Han family name beside it (翁進興 with 翁, 欧阳娜娜 with 欧阳), and whether it
// does. A Han given name does not repeat the family name at its start, so the field
// holds the whole name.
func hanGivenWithFamily(given, family string) (string, bool) {
	given, family = strings.Join(strings.Fields(given), ""), strings.Join(strings.Fields(family), "")
	if family == "" || !compare.IsHanText(given) || !compare.IsHanText(family) {
		return "", false
	}
	rest, ok := strings.CutPrefix(given, family)
	return rest, ok && rest != ""
}

// hanFamilyWithGiven returns the family name of a Han family-name field that ends with
// the Han given name beside it (許建興 with 建興, 歐陽娜娜 with 娜娜), and whether it
// does: the field holds the whole name. Only a family name of one or two characters
// is left (a Han family name has no more), so a field that holds more (張王建國 beside 國) stays as written.
func hanFamilyWithGiven(given, family string) (string, bool) {
	given, family = strings.Join(strings.Fields(given), ""), strings.Join(strings.Fields(family), "")
	if given == "" || !compare.IsHanText(given) || !compare.IsHanText(family) {
		return "", false
	}
	rest, ok := strings.CutSuffix(family, given)
	if n := utf8.RuneCountInString(rest); !ok || n < 1 || n > 2 {
		return "", false
	}
	return rest, true
}

// nationalID reduces an id number to its letters and digits, upper case.
func nationalID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	if b.Len() < 5 {
		return "" // too short to tell people apart
	}
	return b.String()
}

// The block rules: each names the profiles a mention is compared with. Several rules
// keep recall where one field has a typo (a misspelt surname still meets its party
// through the date of birth); each is bounded where it is looked up.
const (
	BlockName        = "name"    // the whole name's key
	BlockAddress     = "addr"    // the whole address
	BlockFamilyPost  = "fampc"   // the family name's sound (Double Metaphone) and the postcode
	BlockBirthDate   = "dob"     // the date of birth
	BlockGivenLocale = "givloc"  // the given name's sound and the locality
	BlockNationalID  = "nid"     // the national id
	BlockLetters     = "abc"     // the name's letters in order, Han names read in pinyin
	BlockLettersWG   = "abw"     // the same with Han names read in Wade-Giles (Taiwan)
	BlockMaskedPhone = "mph"     // a mainland mobile's first three and last four digits
	BlockFamilyHome  = "famst"   // the family name's reading and a Chinese street and number
	BlockFamilySound = "famsnd"  // the family name's sound in any script or romanisation and the postcode
	BlockHome        = "home"    // the numbers of a Chinese or Taiwanese home, in either script
	BlockFamilyFlat  = "famcmp"  // the family name's reading, a Chinese compound's name and the flat's numbers
	BlockFlat        = "cmpflat" // a Chinese compound's name and its building's and flat's numbers
)

// BlockRules are the block rules, in the order they are looked up.
var BlockRules = []string{BlockName, BlockAddress, BlockFamilyPost, BlockBirthDate, BlockGivenLocale, BlockNationalID, BlockLetters, BlockLettersWG,
	BlockMaskedPhone, BlockFamilyHome, BlockFamilySound, BlockHome, BlockFamilyFlat, BlockFlat}

// Blocks returns the block keys a profile is found under, by rule, within persons or
// companies. Values too short to tell people apart ("Li", "Room 1") block nothing: they
// would put unrelated parties in one block.
func (p PartyProfile) Blocks() map[string]string {
	kind := "p:"
	if p.Company {
		kind = "c:"
	}
	out := map[string]string{}
	if len([]rune(p.Name)) >= 2 && len(p.Name) >= 4 {
		out[BlockName] = kind + p.Name
		// "Tingting Huang 黄婷婷" at one shop, 黄婷婷 at the next: the Han name is the
		// one both write alike.
		if h := compare.HanWriting(p.Name); !p.Company && h != "" {
			out[BlockName] = kind + h
		}
	}
	if a := compact(p.Address); len([]rune(a)) >= 8 {
		out[BlockAddress] = kind + a
	}
	if p.Company {
		return out
	}
	if fam, _ := compare.DoubleMetaphone(p.Family); fam != "" {
		if pc := blockPostcode(p); pc != "" {
			out[BlockFamilyPost] = kind + fam + "|" + pc
		}
	}
	if len(p.BirthDate) == 8 {
		out[BlockBirthDate] = kind + p.BirthDate
	}
	if giv, _ := compare.DoubleMetaphone(p.Given); giv != "" {
		if loc := strings.ToLower(strings.Join(strings.Fields(p.Place.Locality), " ")); loc != "" {
			out[BlockGivenLocale] = kind + giv + "|" + loc
		}
	}
	if p.NationalID != "" {
		out[BlockNationalID] = kind + p.NationalID
	}
	// 莉 and 马 in a storefront's first and last name fields and 马莉 on a waybill: one
	// name, whose two characters read in four letters. A name written in Han characters
	// is as specific as its characters, however few letters they read in (the name
	// block takes two), while five Latin letters are the least that tell people apart;
	// its letters are the one key the two writings share (the name block files each
	// as it is written, and the count of a name's holders is of that writing).
	han := hanWrittenName(nameOf(p))
	if l := compare.NameLetters(nameOf(p)); len(l) >= 5 || han && l != "" {
		out[BlockLetters] = kind + l
	}
	if l := compare.NameLettersWadeGiles(nameOf(p)); len(l) >= 5 || han && l != "" {
		out[BlockLettersWG] = kind + l
	}
	// What a marketplace's mask shows of a number (185****8209): the only value a
	// masked order shares with its buyer's plain ones that few others share.
	if m := compare.MobileMaskKey(p.Phone); m != "" {
		out[BlockMaskedPhone] = kind + m
	}
	// 赵女士 at 宝安大道1013号: a delivery order names the family only, and its address
	// is written as no other order of the person writes it; the family name and the
	// street number are what it shares with them.
	if fam := compare.FamilyReading(nameOf(p)); fam != "" {
		if st := compare.ChineseStreetKey(p.Place); st != "" {
			out[BlockFamilyHome] = kind + fam + "|" + st
		}
	}
	// 葉麗雪 at 板橋區文化路一段150巷15號16樓 and Li-Hsue Yeh at 16F., No. 15, Ln. 150,
	// Sec. 1, Wenhua Rd.: one customer in two scripts, whose names' letters differ
	// (Hsue, Lee) and whose addresses share only the postcode.
	if fs := compare.FamilySound(nameOf(p)); fs != "" {
		if pc := blockPostcode(p); pc != "" && strings.Trim(pc, "0") != "" {
			out[BlockFamilySound] = kind + fs + "|" + pc
		}
	}
	// 阿飞 at 莫干山路1306号26号楼204室 and 徐飞 at 莫干山路1306号26栋204; 美玲 李 at
	// 3F., No. 51, Sec. 2, Wenhua Rd. and Mei-Ling Lee at 文化路二段51號3樓: a nickname
	// or another script shares neither a name key nor the address as written, only
	// the numbers of the home.
	if chineseHome(p) {
		if h := compare.HomeNumbersKey(p.Place); h != "" {
			out[BlockHome] = kind + h
		}
	}
	// 杨先生 at 湖滨南路661号瑞景新村29-303 and 杨东 at 瑞景新村29栋303, picked on a map
	// without the road: the family name, the compound and the flat are all they share
	// (the street number and the home's three numbers are on one side only).
	c := compoundOf(p.Place.Detail)
	if c == "" && p.Place.Number == "" && compare.HasHan(p.Place.Street) && strings.IndexFunc(p.Place.Detail, unicode.IsDigit) == 0 {
		// 韩先生 at 融创白象街19号楼3单元1504室: a compound named like a road, written
		// without a number, is the compound its buildings are in (streetIsCompound),
		// where 磊 韩 at 金开大道611号融创白象街19栋3单元1504 names it after the road.
		c = compoundOf(p.Place.Street)
	}
	if fam := compare.FamilyReading(nameOf(p)); fam != "" {
		if n := detailNumbers(p.Place.Detail); utf8.RuneCountInString(c) >= 2 && n != "" {
			out[BlockFamilyFlat] = kind + fam + "|" + c + "|" + n
		}
	}
	// 浩辰 季 at 月牙湖花园16号楼2603 and 浩辰 李 at 月牙湖花园16-4-2603: a family name
	// misread (季 for 李) leaves no name key, and the road on one side only no address
	// key; 郑女士 at 苏宁天润城16号楼2703 and 郑倩燕 at 苏宁天润城16栋2单元2703 differ in
	// the unit one of them leaves out. The compound, its building and the flat are what
	// is left. A flat is a household's, a small block; the score decides who of it the
	// mention is.
	if n := flatNumbers(p.Place.Detail); utf8.RuneCountInString(c) >= 2 && strings.Contains(n, ".") {
		out[BlockFlat] = kind + c + "|" + n
	}
	return out
}

// hanWrittenName reports whether a person name is written in Han characters alone, two
// or more of them, whole (马莉) or in a form's two fields (莉 and 马).
func hanWrittenName(n compare.Name) bool {
	text := strings.Join(strings.Fields(n.Family+n.Given), "")
	if text == "" {
		text = strings.Join(strings.Fields(n.Full), "")
	}
	return compare.IsHanText(text) && utf8.RuneCountInString(text) >= 2
}

// blockPostcode is the postcode a block key holds: as written, without spaces, but for
// Taiwan's only its first three digits, the district's, which one writer gives alone
// (100) and another with the two or three digits after it (10056).
func blockPostcode(p PartyProfile) string {
	pc := compact(strings.ToUpper(p.Place.Postcode))
	if p.Country == "TW" && len(pc) > 3 && strings.Trim(pc, "0123456789") == "" {
		return pc[:3]
	}
	return pc
}

// detailNumbers is the numbers of an address's detail in order: "29.303" for
// 瑞景新村29栋303 and for 瑞景新村29-303.
func detailNumbers(detail string) string { return strings.Join(compare.DigitRuns(detail), ".") }

// flatNumbers is the building's and the flat's numbers of an address's detail, the
// first and the last it writes: "29.303" for 瑞景新村29栋303, for 瑞景新村29-303 and for
// 瑞景新村29栋2单元303, since one writer leaves out the unit another gives (16号楼2703
// and 16栋2单元2703 are one flat). One number alone is itself.
func flatNumbers(detail string) string {
	runs := compare.DigitRuns(detail)
	switch len(runs) {
	case 0:
		return ""
	case 1:
		return runs[0]
	}
	return runs[0] + "." + runs[len(runs)-1]
}

// chineseHome reports whether a profile's address is a mainland, Taiwanese, Hong Kong
// or Macau one (by its country, or its Han street), the addresses whose English form
// keeps the Han form's numbers (see compare.HomeNumbersKey).
func chineseHome(p PartyProfile) bool {
	switch p.Country {
	case "CN", "TW", "HK", "MO":
		return true
	}
	return compare.HasHan(p.Place.Street + p.Place.Detail)
}

// compact drops the spaces of a normalised address: sources split Chinese addresses
// (and post codes) at different places, "100号 12楼" and "100号12楼".
func compact(s string) string { return strings.ReplaceAll(s, " ", "") }

// The compared fields. Names are compared in parts where both sides have them (given,
// family), else as a whole; the address in its parts where both have them, else whole.
const (
	fieldName = iota
	fieldGiven
	fieldFamily
	fieldBirth
	fieldNationalID
	fieldEmail
	fieldPhone
	fieldNumber
	fieldStreet
	fieldDetail
	fieldLocality
	fieldPostcode
	fieldAddress
	fieldCountry
	partyFields
)

var fieldNames = [partyFields]string{"name", "given", "family", "dob", "nid", "email", "phone", "number", "street",
	"detail", "locality", "postcode", "address", "country"}

// Comparison is the level at which each field of two profiles agrees, and why.
type Comparison [partyFields]compare.Level

// CompareParties compares two profiles field by field.
func CompareParties(a, b PartyProfile) Comparison {
	var c Comparison
	for f := range partyFields {
		c[f] = compare.Level{Kind: compare.Null}
	}
	if a.Given != "" && b.Given != "" && a.Family != "" && b.Family != "" && hanParts(a) && hanParts(b) {
		// 佳怡 / 徐 against 佳怡 / 徐: a Han name given in parts is compared whole, as
		// the same name from a marketplace's one field is. Its parts are not the
		// independent evidence a Western given and family name are (the given name is
		// chosen to go with the family name, and namesakes of one city are common):
		// weighed as two they counted twice what the whole name does, and two 徐佳怡
		// of one lane linked on the name and the lane alone.
		c[fieldName] = compare.NameLevel(nameOf(a), nameOf(b))
	} else if a.Given != "" && b.Given != "" && a.Family != "" && b.Family != "" {
		c[fieldGiven] = compare.NamePartLevel("given", a.Given, b.Given)
		c[fieldFamily] = compare.NamePartLevel("family", a.Family, b.Family)
		given, family := c[fieldGiven].Kind, c[fieldFamily].Kind
		if !given.Agrees() && !family.Agrees() || given == compare.Different || family == compare.Different {
			// Swapped parts (Wei Zhang against Zhang Wei; 邹 秀兰 typed into first and
			// last name the Chinese way, against Xiulan Zou) agree as a whole name. One
			// part different and the other agreeing stays part by part (Roy Paterson,
			// Jack Paterson) unless the whole names are the same.
			whole := compare.NameLevel(nameOf(a), nameOf(b))
			sg, sf := compare.NamePartLevel("given", a.Given, b.Family), compare.NamePartLevel("family", a.Family, b.Given)
			if !given.Agrees() && !family.Agrees() && !whole.Kind.Agrees() && wholePart(sg.Kind) && wholePart(sf.Kind) {
				// 黄 / 品睿 typed into the wrong fields against Pin-Juei / Huang: the
				// whole names, read each in its own order, do not agree, but the fields
				// do crosswise, each as a whole part.
				c[fieldGiven], c[fieldFamily] = sg, sf
			} else if whole.Kind.Agrees() && (!given.Agrees() && !family.Agrees() || whole.Kind == compare.Exact || whole.Kind == compare.Transliterated) {
				// Swapped fields that agree crosswise (Baker / Anthony against Anthony /
				// BAKER) are the two parts, and weigh as two; otherwise the whole name.
				if wholePart(sg.Kind) && wholePart(sf.Kind) {
					c[fieldGiven], c[fieldFamily] = sg, sf
				} else {
					c[fieldGiven], c[fieldFamily] = compare.Level{Kind: compare.Null}, compare.Level{Kind: compare.Null}
					c[fieldName] = whole
				}
			}
		}
	} else if a.Company == b.Company && a.Company {
		c[fieldName] = companyLevel(a.Name, b.Name)
	} else if g, f, ok := partsOfWhole(a, b); ok {
		c[fieldGiven], c[fieldFamily] = g, f
	} else if g, f, ok := onePartAgainstParts(a, b); ok {
		c[fieldGiven], c[fieldFamily] = g, f
	} else {
		c[fieldName] = compare.NameLevel(nameOf(a), nameOf(b))
	}
	if !a.Company && !b.Company {
		englishNameBeside(&c, a, b)
		generationsApart(&c, a, b)
		sexesApart(&c, a, b)
		pinyinGivenApart(&c, a, b)
		givenSpeltApart(&c, a, b)
		vietnameseGivenApart(&c, a, b)
		middleNamesApart(&c, a, b)
		if c[fieldGiven].Kind.Agrees() && mailboxesOfTwoGivens(a, b) {
			c[fieldGiven] = compare.Level{Kind: compare.Different, Why: c[fieldGiven].Why + ": each mailbox spells its own given name, and they are two"}
		}
	}
	c[fieldBirth] = compare.DateLevel(a.BirthDate, b.BirthDate)
	if !a.Company && !b.Company {
		scrambledBesideBirthday(&c, a, b)
	}
	c[fieldNationalID] = idLevel(a.NationalID, b.NationalID)
	c[fieldEmail] = compare.EmailLevel(a.Email, b.Email)
	mailboxesApart(&c, a, b)
	mailboxProviderSlip(&c, a, b)
	familyMailboxes(&c, a, b)
	mailboxSlipsBesideBirthday(&c, a, b)
	c[fieldPhone] = compare.PhoneLevel(a.Phone, b.Phone, a.Country)
	if l, ok := unplannedPhone(a, b); ok && c[fieldPhone].Kind == compare.Null {
		c[fieldPhone] = l
	}
	if !c[fieldPhone].Kind.Agrees() {
		if l, ok := mailboxPhone(a, b); ok {
			c[fieldPhone] = l
		} else if l, ok := waybillTail(a, b); ok {
			c[fieldPhone] = l
		}
	}
	if !a.Company && !b.Company {
		// The home's line first: englishBesideChinese reads a phone in common as one
		// person's, and a household's line under two mailboxes is not (Tony Liang and
		// his daughter Chia-ling on their flat's (04)4907-0263).
		householdLine(&c, a, b)
		generationSibling(&c, a, b)
		englishBesideChinese(&c, a, b)
	}
	placeA, placeB := cityWrittenShort(a.Place, b.Place)
	if hasParts(placeA) && hasParts(placeB) {
		// 书院路35115幢 against 书院路351号15幢: the 号 dropped, read as the other writes it.
		pa, pb, run := compare.SplitRunTogether(placeA, placeB)
		pa, pb = streetIsCompound(pa, pb)
		pa, pb = laneBuilding(pa, pb)
		pa, pb = compare.UnitBeforeNumber(pa, pb)
		c[fieldNumber] = compare.AddressPartLevel(compare.PartNumber, pa, pb)
		if run != "" {
			c[fieldNumber].Why += " (" + run + ")"
		}
		c[fieldStreet] = compare.AddressPartLevel(compare.PartStreet, pa, pb)
		c[fieldDetail] = compare.AddressPartLevel(compare.PartDetail, pa, pb)
		c[fieldLocality] = compare.AddressPartLevel(compare.PartLocality, pa, pb)
		if c[fieldLocality].Kind == compare.Different {
			// Shanghai in the locality of an English form against 浦东新区 with its city
			// 上海市: one side's locality is the other's city.
			if l, ok := localityIsCity(pa, pb); ok {
				c[fieldLocality] = l
			}
		}
		if c[fieldLocality].Kind == compare.Null {
			// A storefront's city field holds the city (北京, Wuhan) where a platform's
			// address names the district: the city is what both say, and agreeing on
			// it says no more than a district would.
			if city := compare.AddressPartLevel(compare.PartCity, pa, pb); city.Kind != compare.Null {
				c[fieldLocality] = city
				if l, ok := localityInCityField(pa, pb); ok && city.Kind == compare.Different {
					c[fieldLocality] = l
				}
			}
		}
		c[fieldPostcode] = compare.AddressPartLevel(compare.PartPostcode, pa, pb)
		suburbOfPostcode(&c, a, b)
		linesCutOtherwise(&c, a, b, pa, pb)
		if k := c[fieldDetail].Kind; c[fieldStreet].Kind == compare.Null && (k.Same() || k == compare.Similar) {
			if l, ok := compoundForStreet(pa.Detail, pb.Detail); ok {
				c[fieldStreet] = l
				if c[fieldNumber].Kind == compare.Null {
					// The road's number names the compound's gate: the compound stands
					// for both, as a full address would give them.
					c[fieldNumber] = compare.Level{Kind: compare.Exact, Why: "number: none on one side; the compound stands for it"}
				}
			}
		}
		if c[fieldLocality].Kind == compare.Different && c[fieldStreet].Kind == compare.Exact && c[fieldNumber].Kind == compare.Exact &&
			c[fieldDetail].Kind.Same() && chineseHome(a) && chineseHome(b) {
			// The same road, number and flat under two districts (狮山花园15栋2单元1306 in
			// 虎丘区 and in 工业园区): a platform's district is picked from a list or
			// filled from the phone's location, and areas are redrawn and renamed (苏州
			// 工业园区 was carved out of others), while a road, its number and a flat
			// name one home. The district says nothing either way there.
			c[fieldLocality] = compare.Level{Kind: compare.Null, Why: "locality: another district under the same road, number and flat"}
		}
		if c[fieldLocality].Kind == compare.Different && c[fieldDetail].Kind == compare.Building && chineseHome(a) && chineseHome(b) &&
			compare.AddressPartLevel(compare.PartCity, pa, pb).Kind == compare.Exact {
			// The locker of the home's building in the compound of the home's name, in
			// the same city (湖畔天城妈妈驿站(25号柜) in 工业园区 and 湖畔天城25栋3单元1805
			// in 吴中区): the district beside it is picked from a list, the compound and
			// its building are where the parcels go. It says nothing either way there.
			c[fieldLocality] = compare.Level{Kind: compare.Null, Why: "locality: another district beside the locker of the home's building"}
		}
		hongKongFlats(&c, a, b)
		roomsApart(&c, a, b)
		flatOnAnotherStreet(&c, a, b)
		postcodeOnAnotherStreet(&c, a, b)
		neighbourhoodInDetail(&c, a, b)
	} else if l, ok := maskedPlace(a, b); ok {
		c[fieldAddress] = l
	} else if l, ok := townOnly(a, b); ok {
		c[fieldLocality] = l
	} else {
		c[fieldAddress] = wholeAddress(a.Address, b.Address)
	}
	if a.Country != "" && b.Country != "" {
		k := compare.Different
		if a.Country == b.Country {
			k = compare.Exact
		}
		c[fieldCountry] = compare.Level{Kind: k, Why: "country: " + k.String()}
	}
	if !a.Company && !b.Company {
		movedWithPhone(&c, a, b)
		initialSpelledByMailbox(&c, a, b)
		givenSpeltOtherwise(&c, a, b)
		mailboxOfAnother(&c, a, b)
		secondPhoneAtHome(&c, a, b)
		homophoneOnAnotherPhone(&c)
		readingAtTheFlat(&c)
		twinNamesAlike(&c, a, b)
		// Last, on the address's levels, and where no rule above made more of the
		// mailboxes than another one each.
		workMailboxBeside(&c, a, b)
	}
	return c
}

// readingAtTheFlat weighs a whole Han name against its reading in Latin letters (郑凯华,
// Zheng Kaihua), or against a homophone typed for it (刘红新, 留红新), as the name itself
// where the two are at one flat and nothing else disagrees: no phone, mailbox, date of
// birth or part of the address says two people (a homophone with a phone on each side
// is Phonetic by then, homophoneOnAnotherPhone).
//
// Transliterated weighs less than Exact because across a city most pairs of one person
// are written alike, so a pinyin pair is rarer among them; within one flat, a household
// of a few people, the reading tells which member a mention is as surely as the
// characters do, and Zhang Wei at 张伟's building and room had scored 14.8–15.8, just
// under acceptance, while 张伟 against 张伟 there links. What the reading cannot tell is
// two members whose names read alike (魏志瑋 and 魏志偉, siblings): each with a number of
// its own, writingsApart keeps their parties apart whichever a Latin mention joins; a
// phone of each on the two sides is Different here, and the rule does not apply.
func readingAtTheFlat(c *Comparison) {
	if k := c[fieldName].Kind; k != compare.Transliterated && k != compare.Homophone || !c[fieldDetail].Kind.Same() {
		return
	}
	for _, f := range []int{fieldBirth, fieldNationalID, fieldEmail, fieldPhone, fieldNumber, fieldStreet, fieldLocality, fieldPostcode, fieldAddress, fieldCountry} {
		if k := c[f].Kind; k.Differs() || k == compare.Typo && f == fieldPhone {
			return
		}
	}
	c[fieldName] = compare.Level{Kind: compare.Exact, Why: c[fieldName].Why + ", at the same flat with nothing else apart (the name's own reading)"}
}

// roomsApart makes two Chinese homes whose rooms differ two homes (OtherHome) where
// the detail's numbers did not line up to say so: 杨晶梦 at 金科天籁城H座1505 and the 杨晶梦
// of 金科天籁城15栋2单元2706室, a building written as a letter on one side, or as
// nothing. The rooms are what tells one household of a compound from the next, as
// 15-2-1505 and 15-2-2706 are told apart already, and a namesake in another flat of
// one compound is common (a name of two or three characters is shared by thousands in
// a city), where one buyer writing two rooms is a slip of one digit at most: a room
// number that differs is evidence of two households, a room left out is none (the
// numbers of one side within the other's stay Similar or Dwelling, decided before
// this). Only rooms of three digits or more on both sides, in homes: a floor (赛格国际
// 42楼), a village's house number under ten, an office's front desk or a parcel point
// say nothing of a flat.
func roomsApart(c *Comparison, a, b PartyProfile) {
	if c[fieldDetail].Kind != compare.Different || !chineseHome(a) || !chineseHome(b) ||
		awayFromHome(a.Place) || awayFromHome(b.Place) {
		return
	}
	ra, rb := compare.DigitRuns(a.Place.Detail), compare.DigitRuns(b.Place.Detail)
	if len(ra) == 0 || len(rb) == 0 {
		return
	}
	la, lb := ra[len(ra)-1], rb[len(rb)-1]
	if len(la) < 3 || len(lb) < 3 || la == lb {
		return
	}
	c[fieldDetail] = compare.Level{Kind: compare.OtherHome, Why: "address.detail: other-home (" + a.Place.Detail + " ~ " + b.Place.Detail +
		": rooms " + la + " and " + lb + ", two homes)"}
}

// townOnly compares two Latin addresses that are each a town and nothing else (a
// checkout that asks for the city alone, or a buyer who left the lines empty) as the
// towns they are: a locality, weighed as one (its term frequency where the model has
// one), not a whole address. A town is shared by thousands of people; as a whole
// address it had weighed +9.2 in the prior, as much as a street, a number and a
// postcode agreeing, and two namesakes of one city linked on their name and the city.
// A slip in the town is forgiven (Readdng is Reading, Lonnod London): their letter pairs
// were too unlike to be similar. Not for Han addresses, whose areas are compared by
// rules of their own, nor where either side gives a street, a flat, a house number or
// a postcode.
func townOnly(a, b PartyProfile) (compare.Level, bool) {
	for _, p := range []PartyProfile{a, b} {
		pl := p.Place
		if pl.Locality == "" || pl.Number != "" || pl.Street != "" || pl.Detail != "" || pl.Postcode != "" ||
			compare.HasHan(pl.Locality) || compare.IsMasked(p.Address) {
			return compare.Level{}, false
		}
	}
	if strings.EqualFold(strings.Join(strings.Fields(a.Place.Locality), " "), strings.Join(strings.Fields(b.Place.Locality), " ")) {
		return compare.Level{Kind: compare.Exact, Why: "locality: the town alone, exact"}, true
	}
	t := compare.AddressPartLevel(compare.PartLocality, a.Place, b.Place)
	if t.Kind == compare.Typo || t.Kind == compare.Similar || wholeAddress(a.Address, b.Address).Kind == compare.Similar {
		return compare.Level{Kind: compare.Typo, Why: "locality: the town alone, with a slip (" + t.Why + ")"}, true
	}
	if t.Kind == compare.Exact {
		return compare.Level{Kind: compare.Exact, Why: "locality: the town alone, " + t.Why}, true
	}
	return compare.Level{Kind: compare.Different, Why: "locality: another town (" + t.Why + ")"}, true
}

// flatOnAnotherStreet makes a flat's detail say nothing where the streets differ, in a
// Latin address: 4º C on Calle Larios and 4º B on Calle Granada are two homes, and a
// flat one letter or number from another on another street is no slip (flat codes, a
// floor and a door, are few: 1º A to 8º D, and namesakes of one city live behind many
// of them). Under the
// same house number it may still be one home whose street is spelt in a way the
// comparison does not know (a typist's slips in a long street name), and counts.
func flatOnAnotherStreet(c *Comparison, a, b PartyProfile) {
	if c[fieldStreet].Kind != compare.Different || c[fieldNumber].Kind == compare.Exact {
		return
	}
	if chineseHome(a) || chineseHome(b) {
		// A Taiwanese home's second line is its floor alone (六樓, 6F): on another
		// road under another number, the floor is a coincidence of one building in
		// ten or twenty (王偉 at 四維路166號六樓 and Wang Wei at 光復路177巷303號6樓, two
		// namesakes of one city). A mainland detail names a compound, its building and
		// its flat, which a compound with gates on two roads shares, and is left alone.
		if c[fieldDetail].Kind.Agrees() && floorOnly(a.Place.Detail) && floorOnly(b.Place.Detail) {
			c[fieldDetail] = compare.Level{Kind: compare.Null, Why: c[fieldDetail].Why + ": a floor alone, on another street under another number"}
		}
		return
	}
	if k := c[fieldDetail].Kind; k == compare.Null || k == compare.Different || detailNumbers(a.Place.Detail) == "" || detailNumbers(b.Place.Detail) == "" {
		return // a building's name (Royal Apartments, Kooyong) is rare, and counts
	}
	c[fieldDetail] = compare.Level{Kind: compare.Null, Why: c[fieldDetail].Why + ": on another street, another home's flat"}
}

// floorPattern is a second line that names a floor and nothing else: 6樓, 六樓, 12楼,
// 6F, 6F., 6/F, 6th Floor.
var floorPattern = regexp.MustCompile(`(?i)^(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:樓|楼|層|层|f\.?|/f|(?:st|nd|rd|th)?\s*floor)$`)

// floorOnly reports whether an address's detail is a floor alone (floorPattern).
func floorOnly(detail string) bool {
	return floorPattern.MatchString(strings.TrimSpace(strings.Trim(strings.TrimSpace(detail), ",")))
}

// neighbourhoodLine are the countries whose checkouts' second address line holds the
// neighbourhood by custom, not a flat: Vietnam's ward and district (phường, quận:
// Thanh Khê, Q. 7), Mexico's colonia (Col. Narvarte), Brazil's bairro (Moema).
var neighbourhoodLine = map[string]bool{"VN": true, "MX": true, "BR": true}

// neighbourhoodInDetail makes a detail that names the neighbourhood on both sides say
// nothing where it agrees, in a country whose second line holds it (neighbourhoodLine):
// Thanh Khê under two Nguyễn Văn Hùng of Đà Nẵng on two streets is the district both
// live in, which a flat's weight made the same home. A flat (Apto 154, with the bairro
// after it or not) has a number; a district of numbers (Q. 7, Quận 3) names itself.
// Neighbourhoods that differ still tell two homes apart.
func neighbourhoodInDetail(c *Comparison, a, b PartyProfile) {
	if a.Country != b.Country || !neighbourhoodLine[a.Country] {
		return
	}
	if fa, fb := flatBeforeNeighbourhood(a.Place.Detail), flatBeforeNeighbourhood(b.Place.Detail); c[fieldDetail].Kind.Differs() &&
		fa != "" && fb != "" && (fa != a.Place.Detail || fb != b.Place.Detail) {
		// Apto 154 - Vila Mariana against Apto 154: the flat, with its bairro after it
		// on one side.
		pa, pb := a.Place, b.Place
		pa.Detail, pb.Detail = fa, fb
		if l := compare.AddressPartLevel(compare.PartDetail, pa, pb); l.Kind.Agrees() {
			l.Why += " (the flat, without the neighbourhood after it)"
			c[fieldDetail] = l
		}
		return
	}
	if !c[fieldDetail].Kind.Agrees() {
		return
	}
	if !neighbourhoodDetail(a.Place.Detail) || !neighbourhoodDetail(b.Place.Detail) {
		return
	}
	c[fieldDetail] = compare.Level{Kind: compare.Null, Why: c[fieldDetail].Why + ": the neighbourhood (ward, colonia, bairro), not a flat"}
}

// flatBeforeNeighbourhood returns a detail's flat where a neighbourhood without
// numbers follows it after a dash (Apto 154 - Vila Mariana is Apto 154), else the
// detail as given; "" where the detail has no number.
func flatBeforeNeighbourhood(d string) string {
	d = strings.TrimSpace(d)
	if !strings.ContainsFunc(d, unicode.IsDigit) {
		return ""
	}
	if flat, area, ok := strings.Cut(d, " - "); ok && strings.ContainsFunc(flat, unicode.IsDigit) && !strings.ContainsFunc(area, unicode.IsDigit) {
		return strings.TrimSpace(flat)
	}
	return d
}

// neighbourhoodDetail reports whether a Latin detail names a neighbourhood: no digit,
// or a Vietnamese district or ward by its number (Q. 7, Quận 3, P. 12, Phường 5).
func neighbourhoodDetail(d string) bool {
	d = strings.ToLower(strings.TrimSpace(d))
	if d == "" || compare.HasHan(d) {
		return false
	}
	if !strings.ContainsFunc(d, unicode.IsDigit) {
		return true
	}
	for _, p := range []string{"q.", "q ", "quận", "quan ", "p.", "phường", "phuong "} {
		if rest, ok := strings.CutPrefix(d, p); ok {
			rest = strings.TrimSpace(rest)
			return rest != "" && !strings.ContainsFunc(rest, func(r rune) bool { return !unicode.IsDigit(r) })
		}
	}
	return false
}

// postcodeOnAnotherStreet weighs a postcode one character off the other's as a
// neighbouring district's where the streets differ, in a Latin address: Lyon's 69003
// and 69009, Rome's 00146 and 00166 are two arrondissements or zones of one city, and
// a city's postcodes share all but a digit or two, so that namesakes on two streets of
// one city meet there far more often than one person slips on the postcode and the
// street at once. The same area (Partial), not a slip (Typo). Under the same house
// number the street may still be one spelt in a way the comparison does not know, and
// the slip counts, as flatOnAnotherStreet keeps the flat there.
func postcodeOnAnotherStreet(c *Comparison, a, b PartyProfile) {
	if c[fieldPostcode].Kind != compare.Typo || c[fieldStreet].Kind != compare.Different || c[fieldNumber].Kind == compare.Exact ||
		chineseHome(a) || chineseHome(b) {
		return
	}
	c[fieldPostcode] = compare.Level{Kind: compare.Partial, Why: c[fieldPostcode].Why + ": on another street, a neighbouring district's postcode"}
}

// suburbOfPostcode makes another locality say nothing where the postcode agrees, in a
// Latin address: Unley and Adelaide for 5000, Chatswood and Sydney, Dulwich and London
// for SE22 5PW, Hollywood and Los Angeles. A checkout's city field takes the suburb from
// one buyer and the city it belongs to from the next (or from the same buyer another
// day), while the postcode is the place the post knows; strangers who share it are
// what the postcode's own weight is for. Not for Chinese addresses, whose districts are
// compared by rules of their own.
func suburbOfPostcode(c *Comparison, a, b PartyProfile) {
	if c[fieldLocality].Kind != compare.Different || c[fieldPostcode].Kind != compare.Exact || chineseHome(a) || chineseHome(b) {
		return
	}
	c[fieldLocality] = compare.Level{Kind: compare.Null, Why: c[fieldLocality].Why + ": another name for the place of one postcode (a suburb and its city)"}
}

// linesCutOtherwise compares a Latin address's parts as a set where its street or
// detail fields disagree (compare.SameLines): one Indian flat written "#336, Royal
// Apartments" above "5th Cross, Velachery" and "336, Royal Apartments, 5th Cross"
// above "Velachery". The same parts are the same street and detail; one side's parts
// all among the other's are the same street, and the detail left out on one side
// says nothing.
func linesCutOtherwise(c *Comparison, a, b PartyProfile, pa, pb compare.Address) {
	if chineseHome(a) || chineseHome(b) || c[fieldStreet].Kind == compare.Exact && c[fieldDetail].Kind != compare.Different {
		return
	}
	same, all := compare.SameLines(pa, pb)
	if !same {
		return
	}
	why := "the same parts in other lines (" + strings.Join([]string{pa.Number, pa.Street, pa.Detail}, " | ") + " ~ " +
		strings.Join([]string{pb.Number, pb.Street, pb.Detail}, " | ") + ")"
	c[fieldStreet] = compare.Level{Kind: compare.Exact, Why: "street: " + why}
	c[fieldDetail] = compare.Level{Kind: compare.Null, Why: "detail: " + why + ", one side's among the other's"}
	if all {
		c[fieldDetail] = compare.Level{Kind: compare.Exact, Why: "detail: " + why}
	}
	if c[fieldNumber].Kind == compare.Different {
		c[fieldNumber] = compare.Level{Kind: compare.Null, Why: "number: " + why}
	}
}

// homophoneOnAnotherPhone weighs a name that only reads as the other's (Homophone:
// 魏林 and 魏琳) as a sound alike (Phonetic) where each side has its own phone: sisters
// and brothers are named alike (邹建宁, 邹建凝), each with a number of their own, at
// the flat of their parents, so that there the name is as likely a sibling's as a slip.
// With one number, or none on one side (a platform's privacy number), it is the
// input method's slip on one person's name.
func homophoneOnAnotherPhone(c *Comparison) {
	if k := c[fieldPhone].Kind; k != compare.Different && k != compare.Typo {
		return
	}
	for _, f := range []int{fieldName, fieldGiven} {
		if c[f].Kind == compare.Homophone {
			c[f] = compare.Level{Kind: compare.Phonetic, Why: c[f].Why + ", each with its own phone (a sibling's name as often as a slip)"}
		}
	}
}

// secondPhoneAtHome makes another phone say nothing where a whole Chinese name of three
// or four characters and the flat agree (陈淑华 at 海棠湾19幢1003室 with 15330767049, and
// at 19幢1003室 with 15940913748): one person in ten orders with a second SIM, a work
// phone or a new number, while a stranger of the same full name in the same flat is
// far rarer, Chinese families not passing a name on. It is movedWithPhone the other
// way round: there the name and the phone agree and another home says nothing. Not a
// name of two characters, which namesakes share by the thousand in one city, nor a
// flat whose road, number or district disagrees.
func secondPhoneAtHome(c *Comparison, a, b PartyProfile) {
	if c[fieldPhone].Kind != compare.Different || c[fieldName].Kind != compare.Exact || !longHanName(a) || !longHanName(b) {
		return
	}
	if k := c[fieldDetail].Kind; k != compare.Exact && k != compare.Dwelling {
		return
	}
	for _, f := range []int{fieldNumber, fieldStreet, fieldLocality, fieldPostcode} {
		if !c[f].Kind.Agrees() && c[f].Kind != compare.Null {
			return
		}
	}
	c[fieldPhone] = compare.Level{Kind: compare.Null, Why: "phone: another number under the same full name at the same flat (a second number)"}
}

// mailboxOfAnother makes the names of two profiles differ where one side's mailbox
// spells another member of the other's family (MailboxNamesAnother) and the names do
// not agree as wholes: Vivian Li with huan.li@outlook.com against 李刚, or Amy Zhang
// with fengying.zhang@126.com against 張輝. The English name agrees with his in the
// family name alone, which his whole household shares with its phone and its flat; the
// mailbox says which member she is, and it is not him. personsContradict reads the
// same, so that the phone and the flat they share make no more than a possible match.
func mailboxOfAnother(c *Comparison, a, b PartyProfile) {
	if !mailboxNamesAnother(a, b) {
		return
	}
	c[fieldGiven], c[fieldFamily] = compare.Level{Kind: compare.Null}, compare.Level{Kind: compare.Null}
	c[fieldName] = compare.Level{Kind: compare.Different, Why: "name: the mailbox spells another member of the family"}
}

// mailboxNamesAnother reports whether either profile's mailbox spells another member of
// the other's family, their names not agreeing as wholes.
func mailboxNamesAnother(a, b PartyProfile) bool {
	na, nb := nameOf(a), nameOf(b)
	return (compare.MailboxNamesAnother(a.Email, nb) || compare.MailboxNamesAnother(b.Email, na)) && !wholeNameAgrees(na, nb)
}

// movedWithPhone makes another home say nothing where the whole name and the phone
// agree, the phone in full or one slip off (马芳 at 13237516889 in 武昌区, 马芳 at
// 13237506889 in 江汉区): people keep their number when they move, or order to work,
// and a stranger with the same name and a number one digit from hers is rarer than a
// move, where the address's parts, all disagreeing at once, had weighed -11 against a
// number and a name worth +18. Not a name that only part agrees in (a title, a
// nickname, a family name beside an English name, which a household shares with its
// phone) nor a weak one (李女士 against 李女士).
func movedWithPhone(c *Comparison, a, b PartyProfile) {
	if k := c[fieldPhone].Kind; k != compare.Exact && k != compare.Typo {
		return
	}
	whole := func(k compare.Kind) bool { return k == compare.Exact || k == compare.Transliterated }
	if !whole(c[fieldName].Kind) && !(whole(c[fieldGiven].Kind) && whole(c[fieldFamily].Kind)) {
		return
	}
	if weakName(nameOf(a)) || weakName(nameOf(b)) {
		return
	}
	for _, f := range []int{fieldNumber, fieldStreet, fieldDetail, fieldLocality, fieldPostcode, fieldAddress} {
		if c[f].Kind.Differs() {
			c[f] = compare.Level{Kind: compare.Null, Why: fieldNames[f] + ": another home under the same name and phone (a move)"}
		}
	}
}

// unplannedPhone compares a number no plan reads (PhoneDigits) with the other side's
// number, read or not: Exact where it is the same digits, or the other's national
// number without its country code (compare.PhoneLevel); false otherwise, the numbers
// saying nothing, as an unreadable one did before.
func unplannedPhone(a, b PartyProfile) (compare.Level, bool) {
	if a.PhoneDigits == "" && b.PhoneDigits == "" {
		return compare.Level{}, false
	}
	pa, pb := cmp.Or(a.Phone, a.PhoneDigits), cmp.Or(b.Phone, b.PhoneDigits)
	if pa == "" || pb == "" || compare.IsMasked(pa) || compare.IsMasked(pb) {
		return compare.Level{}, false
	}
	if l := compare.PhoneLevel(pa, pb, a.Country); l.Kind == compare.Exact {
		return l, true
	}
	return compare.Level{}, false
}

// waybillTail compares the last four digits of a number one side's name carries (王丽7496,
// as a privacy waybill prints the buyer) with the other side's phone, or with the four
// the other's name carries: Partial where they agree, the rest of the number unseen;
// Different where the other's plain number ends otherwise.
func waybillTail(a, b PartyProfile) (compare.Level, bool) {
	for _, p := range [][2]PartyProfile{{a, b}, {b, a}} {
		t := compare.NamePhoneTail(p[0].FullName)
		if t == "" {
			continue
		}
		if compare.PhoneEndsWith(p[1].Phone, t) || t == compare.NamePhoneTail(p[1].FullName) {
			return compare.Level{Kind: compare.Partial, Why: "phone: ends in " + t + ", as the name " + p[0].FullName + " says"}, true
		}
		if p[1].Phone != "" && !compare.IsMasked(p[1].Phone) {
			return compare.Level{Kind: compare.Different, Why: "phone: " + p[1].Phone + " does not end in " + t + ", as the name " + p[0].FullName + " says"}, true
		}
	}
	return compare.Level{}, false
}

// englishBesideChinese makes two names that disagree only in that one gives an English
// given name and the other a Chinese one under the same family name (Alex Yan and
// 颜艳颖, Huang Vincent and 军子 黄, Linda Wen and 闻鹏杰) agree in the family name alone,
// as a courtesy title does (颜女士): a Chinese customer writes the English name at one
// shop and the Chinese one at the next, so the pair is not the contradiction two given
// names are (namesContradict says as much), but the English name tells nothing of which
// member of the family it is, so a link made on it rests on part of a name
// (restsOnPart) and is held to a title's rules: the order's one such match, into no
// party holding a name that contradicts it.
func englishBesideChinese(c *Comparison, a, b PartyProfile) {
	differs := false
	for _, f := range []int{fieldName, fieldGiven, fieldFamily} {
		if c[f].Kind == compare.Different {
			differs = true
		} else if c[f].Kind.Agrees() && f == fieldName {
			return
		}
	}
	// Amy Zhang against 张萍 in parts: the given names compare as nothing (an English
	// name alone neither spells a Chinese one nor rules it out), so nothing differs, but
	// the family name is still all the two share, and a household shares it with its
	// phone and flat: the same family name only, as where a part differs.
	englishGivenAlone := c[fieldGiven].Kind == compare.Null && a.Given != "" && b.Given != "" && c[fieldFamily].Kind.Agrees()
	if !differs && !englishGivenAlone || c[fieldGiven].Kind.Agrees() {
		return
	}
	if k := c[fieldPhone].Kind; k == compare.Different || k == compare.Typo || c[fieldEmail].Kind == compare.Different && !k.Agrees() {
		// Anna Xu with her own number against 许凯 at their flat: a wife whose family
		// name romanises as her husband's. Another phone under the two names keeps them
		// two people (Decide's rule for another name and another phone), as it does
		// for any two names. Given names that compared as nothing (Eric Tan with his
		// own number against 谭娟 at their flat; David Wang against Fenglan Wang) are
		// two given names as well, each with its own phone: the rule reads them so.
		// Each from a mailbox of its own, with no phone in common, reads the same
		// (Angela Hu from angela.hu70@icloud.com, no phone, against HU XIANG from
		// huxiang@qq.com at their flat): the family name and the home are what a
		// household shares, the mailboxes say whose order it is. On review25's
		// greater-China dev sets (seeds 262 and 302, both orders) every link made by
		// description on the family name alone from two mailboxes was a household's:
		// 6 with no phone in common, and 6 on a North American home's line, which is
		// left to the phone here. One person's English and Chinese name on one
		// mailbox is joined by the mailbox (partyenglishname.go).
		if englishGivenAlone && !differs {
			own := "phone"
			if k != compare.Different && k != compare.Typo {
				own = "mailbox"
			}
			c[fieldGiven] = compare.Level{Kind: compare.Different, Why: "given: " + a.Given + " against " + b.Given + ", an English given name beside a Chinese one, each with its own " + own}
		}
		return
	}
	na, nb := nameOf(a), nameOf(b)
	if !compare.EnglishBesideChinese(na, nb) || compare.EnglishGenderClash(na, nb) && !englishGivenAlone {
		// Anna Xu beside 许凯, whose 凯 is a man's: her husband, at a flat where his
		// privacy number says nothing. (Where the given names compared as nothing,
		// Eric Tan beside 谭娟, the clash says still less for one person: the family
		// name only, as for any English name.)
		return
	}
	if m, ok := mailboxOfAnotherEnglishName(a, b); ok {
		// Queenie Wang from queeniewang@ and Yang Wang from wang.andy@ on their home's
		// line: his mailbox gives his English name, Andy, and hers is another. The
		// names are two people's, whatever the line.
		if !differs {
			c[fieldGiven] = compare.Level{Kind: compare.Different, Why: "given: " + a.Given + " against " + b.Given + ", whose mailbox calls them " + m + ", another English name"}
		}
		if c[fieldPhone].Kind == compare.Exact && !compare.MobileLine(a.Phone) {
			// Two people, each from their own mailbox, on one number that may be the
			// house's line: the number is the household's (as householdLine has it
			// for a line the plan tells).
			c[fieldPhone] = compare.Level{Kind: compare.Null, Why: "phone: one number under two people's names, each from their own mailbox (the household's)"}
		}
		return
	}
	c[fieldGiven], c[fieldFamily] = compare.Level{Kind: compare.Null}, compare.Level{Kind: compare.Null}
	c[fieldName] = compare.Level{Kind: compare.Partial, Why: "name: the family name only, an English given name beside a Chinese one"}
}

// mailboxOfAnotherEnglishName reports whether, of an English and a Chinese given name
// under one family name, the Chinese one's mailbox holds beside the family name a known
// English given name that is not the other side's (nor a form of it): that person's
// own English name, so the English-named side is someone else. It returns that name.
func mailboxOfAnotherEnglishName(a, b PartyProfile) (string, bool) {
	for _, p := range [][2]PartyProfile{{a, b}, {b, a}} {
		eng, chi := p[0], p[1]
		given := givenWords(eng)
		if len(given) != 1 || !compare.EnglishGiven(given[0]) {
			continue
		}
		m := mailboxGiven(chi)
		if len(m) < 3 || m == given[0] || !compare.KnownEnglishGiven(m) || compare.Nicknames(m, given[0]) {
			continue
		}
		return m, true
	}
	return "", false
}

// englishNameBeside makes a name that is the other's with an English given name written
// beside it (Annie Yuying / Yan against Yu Ying / Yan, Natalie / Ho Yee Nga against Yee
// Nga / Ho) agree as one name in another writing, as 陳怡麗 against Tiffany Yi Lai Chan
// already does (compare.EnglishNameBeside): word by word the given names differ, but the
// whole Chinese name agrees, which a relative's does not.
func englishNameBeside(c *Comparison, a, b PartyProfile) {
	whole := func(k compare.Kind) bool { return k == compare.Exact || k == compare.Transliterated }
	if whole(c[fieldName].Kind) || whole(c[fieldGiven].Kind) && whole(c[fieldFamily].Kind) {
		return
	}
	if !compare.EnglishNameBeside(nameOf(a), nameOf(b)) {
		return
	}
	c[fieldGiven], c[fieldFamily] = compare.Level{Kind: compare.Null}, compare.Level{Kind: compare.Null}
	c[fieldName] = compare.Level{Kind: compare.Transliterated, Why: "name: " + a.FullName + " against " + b.FullName + ": the Chinese name, an English given name written beside it"}
}

// sexesApart marks as different the given name (or the whole name) of two profiles
// called by English given names of two sexes that the comparison read as close:
// Stephanie and Stephen Rivera, a mother and her son, are not one name with a slip.
func sexesApart(c *Comparison, a, b PartyProfile) {
	na, nb := nameOf(a), nameOf(b)
	if !compare.EnglishSexesApart(na, nb) {
		return
	}
	markGivenApart(c, "a woman's and a man's given name", c[fieldName].Kind.Agrees())
}

// markGivenApart makes the given name Different for why, or, when the comparison has no
// given name and wholeName allows, the whole name.
func markGivenApart(c *Comparison, why string, wholeName bool) {
	switch {
	case c[fieldGiven].Kind != compare.Null:
		c[fieldGiven] = compare.Level{Kind: compare.Different, Why: "given: " + why}
	case wholeName:
		c[fieldName] = compare.Level{Kind: compare.Different, Why: "name: " + why}
	}
}

// vietnameseGivenApart makes two Vietnamese given names that only sound or look alike
// (Hoàng and Hưng: both HNK to Double Metaphone) Different, and so two that are one
// letter apart where both letters carry marks (Hồng and Hưng), or in their first letter
// (Nam and Tâm, compare.OnsetApart), or that agree in part without a syllable in common
// (Nam against Ngọc Tâm): a Vietnamese given name
// is one syllable of a closed set, siblings and twins get syllables that sound alike,
// and another syllable is another name (see compare.VietnameseName). A slip of the
// keyboard (Hng for Hưng, Hung for Hùng) stays a typo.
func vietnameseGivenApart(c *Comparison, a, b PartyProfile) {
	l := c[fieldGiven]
	if l.Kind != compare.Phonetic && l.Kind != compare.Similar && l.Kind != compare.Typo && l.Kind != compare.Partial {
		return
	}
	if !compare.VietnameseName(nameOf(a)) && !compare.VietnameseName(nameOf(b)) {
		return
	}
	if l.Kind == compare.Typo && !compare.MarkedLettersApart(a.Given, b.Given) && !compare.OnsetApart(a.Given, b.Given) {
		return
	}
	if l.Kind == compare.Partial && compare.ShareAWord(a.Given, b.Given) {
		return // Phuong of Thi Phuong: one of her two given names
	}
	c[fieldGiven] = compare.Level{Kind: compare.Different, Why: l.Why + ": two Vietnamese given names, not one"}
}

// generationsApart makes the names of two profiles differ where their generational
// suffixes do (Joseph Crawford Jr. against Joseph Crawford or Joseph Crawford Sr.): a
// father and his son, named alike and living at one address, are the classic pair of
// two people whose names agree but for the suffix. One side without it may be the son
// leaving it out, so it is the name that differs, not a veto: a number or a mailbox
// they share still links them, another phone with it makes two people (Decide).
//
// The son's mailbox often says what his name on an order leaves out
// (craigs87jr@icloud.com beside craigs87@icloud.com, both under Craig Sanchez): a name
// without a suffix takes its mailbox's (compare.MailboxGeneration). Where one side has
// no mailbox, the suffix of the other's mailbox is compared with nothing: a name
// without one says no more than that the buyer left it out.
func generationsApart(c *Comparison, a, b PartyProfile) {
	ga, gb := compare.Generation(nameOf(a)), compare.Generation(nameOf(b))
	ma, mb := compare.MailboxGeneration(a.Email), compare.MailboxGeneration(b.Email)
	switch {
	case ga == "" && gb == "":
		if a.Email != "" && b.Email != "" {
			ga, gb = ma, mb
		}
	case ga == "":
		ga = ma
	case gb == "":
		gb = mb
	}
	if ga == gb {
		return
	}
	or := func(g string) string {
		if g == "" {
			return "none"
		}
		return g
	}
	l := compare.Level{Kind: compare.Different, Why: "family: " + or(ga) + " against " + or(gb) + ": two generations of one name"}
	switch {
	case c[fieldFamily].Kind.Agrees():
		c[fieldFamily] = l
	case c[fieldName].Kind.Agrees():
		l.Why = "name" + strings.TrimPrefix(l.Why, "family")
		c[fieldName] = l
	}
}

// hanParts reports whether a profile's name is given in parts written in Han
// characters alone.
func hanParts(p PartyProfile) bool {
	return compare.IsHanText(p.Given) && compare.IsHanText(p.Family)
}

// mailboxPhone compares the number one side's mailbox is named by (15126824321@139.com)
// with the other's phone: 高梅英 ordering from 15980390761 with that mailbox is the
// 高梅英 who orders from 15126824321. ok where the two agree, exactly or by a slip.
func mailboxPhone(a, b PartyProfile) (compare.Level, bool) {
	for _, p := range [][2]PartyProfile{{a, b}, {b, a}} {
		n := compare.MailboxNumber(p[0].Email)
		if n == "" || p[1].Phone == "" || compare.IsMasked(p[1].Phone) {
			continue
		}
		if l := compare.PhoneLevel("+86"+n, p[1].Phone, "CN"); l.Kind.Agrees() {
			l.Why += " (the number of the mailbox " + p[0].Email + ")"
			return l, true
		}
	}
	return compare.Level{}, false
}

// wholePart reports whether a name part agrees as the whole part, in some writing or
// with a slip: not a part of it (芳 of 芳梦) nor an initial, which a sibling's name may
// share.
func wholePart(k compare.Kind) bool {
	return k.Agrees() && k != compare.Partial && k != compare.Initials && k != compare.MaskedCompatible
}

// partsOfWhole compares a name given in parts (Hannah, RICHARDSON) with the other's
// whole name of two Latin words (Hannah Richardson), part by part in the order that
// agrees: a whole name that is the two parts says as much as the parts do, where
// compared as one name it would weigh as one field. Either order, since whole names
// come family first as often as not (Williams Brenda). Two whole names of two Latin
// words each are compared so too, unless either reads as Chinese. Not for Han names,
// whose parts a whole name does not show, nor where a part disagrees.
func partsOfWhole(a, b PartyProfile) (given, family compare.Level, ok bool) {
	if a.Given == "" && a.Family == "" && b.Given == "" && b.Family == "" {
		// Both whole (two card payments' holder names, Stephen Jones and Stephen
		// Jones): the first read in parts as a form would give them, the other in
		// either order as below.
		w := strings.Fields(a.FullName)
		if len(w) != 2 || compare.ReadsChinese(nameOf(a)) || compare.ReadsChinese(nameOf(b)) {
			return compare.Level{}, compare.Level{}, false
		}
		a.Given, a.Family = w[0], w[1]
	}
	if a.Given == "" || a.Family == "" {
		a, b = b, a
	}
	if a.Given == "" || a.Family == "" || b.Given != "" || b.Family != "" || a.Company || b.Company {
		return compare.Level{}, compare.Level{}, false
	}
	words := strings.Fields(b.FullName)
	if len(words) != 2 || compare.HasHan(b.FullName+a.Given+a.Family) {
		return compare.Level{}, compare.Level{}, false
	}
	for _, order := range [][2]string{{words[0], words[1]}, {words[1], words[0]}} {
		g := compare.NamePartLevel("given", a.Given, order[0])
		f := compare.NamePartLevel("family", a.Family, order[1])
		if wholePart(g.Kind) && wholePart(f.Kind) {
			return g, f, true
		}
	}
	return compare.Level{}, compare.Level{}, false
}

// onePartAgainstParts compares a Latin name of which a form was given one part only (the
// family name Green, the given name Isla: the other field left empty) with a name given
// in both: that part against the other's same part, or crosswise where the other's
// fields were typed swapped (Alfie against Kelly / Alfie). The part that agrees is
// what the two names share, as much as that part agreeing between two whole names; the
// part one side leaves out says nothing. Compared as whole names they were Partial, the
// level of a title's family name (李女士 against 李颖娜), which weighs little. A link that
// needs the part still rests on part of a name (restsOnPart: one side names no one
// person of the family), so it holds only as the mention's one such match into a party
// holding no other given name: twins of one birthday stay apart. ok is false where the
// part agrees with neither, or for Han or Chinese names.
func onePartAgainstParts(a, b PartyProfile) (given, family compare.Level, ok bool) {
	if onePartOnly(b) {
		a, b = b, a
	}
	if !onePartOnly(a) || b.Given == "" || b.Family == "" || a.Company || b.Company {
		return compare.Level{}, compare.Level{}, false
	}
	if compare.HasHan(a.Given+a.Family+b.Given+b.Family) || compare.ReadsChinese(nameOf(a)) || compare.ReadsChinese(nameOf(b)) {
		return compare.Level{}, compare.Level{}, false
	}
	null := compare.Level{Kind: compare.Null, Why: "missing on one side"}
	if a.Given != "" {
		if l := compare.NamePartLevel("given", a.Given, b.Given); wholePart(l.Kind) {
			return l, null, true
		}
		if l := compare.NamePartLevel("family", a.Given, b.Family); wholePart(l.Kind) {
			return null, l, true // Kelly typed as the given name, against Alfie / Kelly
		}
		return compare.Level{}, compare.Level{}, false
	}
	if l := compare.NamePartLevel("family", a.Family, b.Family); wholePart(l.Kind) {
		return null, l, true
	}
	if l := compare.NamePartLevel("given", a.Family, b.Given); wholePart(l.Kind) {
		return l, null, true // Alfie typed as the family name, against Alfie / Kelly
	}
	return compare.Level{}, compare.Level{}, false
}

// onePartOnly reports whether a person profile gives one part of a name in parts and not
// the other: a given name and no family name, or the reverse.
func onePartOnly(p PartyProfile) bool {
	return (strings.TrimSpace(p.Given) == "") != (strings.TrimSpace(p.Family) == "")
}

// localityIsCity compares each address's locality with the other's city, where the
// other names one: Exact where either agrees.
func localityIsCity(a, b compare.Address) (compare.Level, bool) {
	for _, p := range [][2]compare.Address{{a, b}, {b, a}} {
		if p[1].City == "" || p[0].City != "" {
			continue // the other has no city, or this one names its own beside the locality
		}
		asCity := compare.Address{City: p[0].Locality}
		if l := compare.AddressPartLevel(compare.PartCity, asCity, p[1]); l.Kind == compare.Exact {
			return compare.Level{Kind: compare.Exact, Why: "locality: " + p[0].Locality + " is the city (" + l.Why + ")"}, true
		}
	}
	return compare.Level{}, false
}

func nameOf(p PartyProfile) compare.Name {
	return compare.Name{Full: p.FullName, Given: p.Given, Family: p.Family}
}

// localityInCityField compares, where one address names no locality, its city with
// the other's locality: a storefront's city field holds the county-level city (普宁市,
// 瑞安市) that a platform writes as the locality under its prefecture (揭阳市普宁市).
// Exact where they agree; false otherwise. Only a county-level city (…市): a district's
// name may be a prefecture's elsewhere (朝阳区 of 北京, 朝阳市 of 辽宁).
func localityInCityField(a, b compare.Address) (compare.Level, bool) {
	for _, p := range [][2]compare.Address{{a, b}, {b, a}} {
		if !strings.HasSuffix(p[0].Locality, "市") || p[1].Locality != "" || p[1].City == "" {
			continue
		}
		asCity := compare.Address{City: p[0].Locality}
		if l := compare.AddressPartLevel(compare.PartCity, asCity, p[1]); l.Kind == compare.Exact {
			return compare.Level{Kind: compare.Exact, Why: "locality: " + p[0].Locality + " is the other's city field (" + l.Why + ")"}, true
		}
	}
	return compare.Level{}, false
}

// cityWrittenShort reads the city an address writes without its 市 where the other
// address names it in full: 广东深圳刘华路483号 against 广东省深圳市龙岗区刘华路483号,
// 江苏南京鼓楼区 against 南京市鼓楼区, 湖北武汉翠苑6幢 against 武汉市武昌区翠苑6幢.
// Buyers type the province and the city short (Pinduoduo's and Douyin's receiver
// address is typed or pasted as one line), and the parser, which knows the provinces
// but no list of cities, glued the city to the district, the street or the compound
// that follows, so that the street 深圳刘华路 disagreed with 刘华路. Only at the start
// of the first part after the province, and only a city of two characters or more
// that the other address names.
func cityWrittenShort(a, b compare.Address) (compare.Address, compare.Address) {
	fix := func(x, y compare.Address) (compare.Address, bool) {
		short, ok := strings.CutSuffix(y.City, "市")
		if x.City != "" || !ok || utf8.RuneCountInString(short) < 2 || !compare.HasHan(short) {
			return x, false
		}
		for _, f := range []*string{&x.Locality, &x.Town, &x.Street, &x.Detail} {
			if *f == "" {
				continue
			}
			rest, ok := strings.CutPrefix(*f, short)
			if !ok || rest == "" || strings.HasPrefix(rest, "市") {
				// 苏州市 in a storefront's city field, or 苏州市吴中区: the city written
				// in full, which cut at its name left 市 to compare with a district.
				return x, false
			}
			*f, x.City = rest, y.City
			return x, true
		}
		return x, false
	}
	return eitherSide(a, b, fix)
}

// eitherSide applies fix to a, against b, and where it changes nothing to b, against a.
func eitherSide(a, b compare.Address, fix func(x, y compare.Address) (compare.Address, bool)) (compare.Address, compare.Address) {
	if x, ok := fix(a, b); ok {
		return x, b
	}
	if y, ok := fix(b, a); ok {
		return a, y
	}
	return a, b
}

// buildingFirst matches a detail that starts with a compound's building: 18号楼, 26栋,
// 3幢, 5座.
var buildingFirst = regexp.MustCompile(`^[0-9０-９]+(号楼|號樓|栋|棟|幢|座)`)

// streetIsCompound reads a Chinese "street" written without a number as the compound
// it names where the other address's detail starts with it: 融创白象街26-3-1102 is a
// compound named like a road (白象街), picked on a map, and 谢家湾正街2823号融创白象街
// 26栋3单元1102室 gives its road and number. Read as a street it disagreed with the
// road; read as the compound, the details compare, as compoundForStreet then does.
//
// So it is where the other names a numbered road and this "street" is followed at once
// by a building of a compound (融创白象街18号楼1204室 against 建新北路1668号 with 18栋
// 1204室 on its second line): a road is given with its door number (白象街18号), a
// compound's buildings are numbered 号楼, 栋, 幢 or 座, so the name before them is the
// compound's, which the other leaves out.
func streetIsCompound(a, b compare.Address) (compare.Address, compare.Address) {
	fix := func(x, y compare.Address) (compare.Address, bool) {
		if x.Number != "" || utf8.RuneCountInString(x.Street) < 3 || !compare.HasHan(x.Street) || y.Street == x.Street ||
			!strings.HasPrefix(y.Detail, x.Street) && (y.Number == "" || !buildingFirst.MatchString(x.Detail)) {
			return x, false
		}
		x.Detail, x.Street = x.Street+x.Detail, ""
		return x, true
	}
	return eitherSide(a, b, fix)
}

// laneBuilding reads the number after a Shanghai lane (沪太路829弄7号1202室) as the
// building it is, where the other address writes that building in its detail without
// a number of its own (沪太路829弄锦绣江南7号楼1202室, or 世茂滨江花园19号楼2603室 for
// 漕溪北路1371弄19号2603室): a lane (弄) is the compound's way in, its 号 one of the
// compound's buildings, and 1202室 a flat in it. Read as the street's number, the 7 met
// nothing on the other side, and the flat alone (1202) only part of the other's
// numbers (7-1202), and 9号楼1202室, another building's flat of the same number, was
// as similar. Only where the other's detail has a number more than this one's, the
// building's place.
func laneBuilding(a, b compare.Address) (compare.Address, compare.Address) {
	fix := func(x, y compare.Address) (compare.Address, bool) {
		if !strings.HasSuffix(x.Street, "弄") || x.Number == "" || y.Number != "" || y.Street != "" && y.Street != x.Street {
			return x, false
		}
		if len(compare.DigitRuns(y.Detail)) != 1+len(compare.DigitRuns(x.Detail)) {
			return x, false
		}
		x.Detail, x.Number = x.Number+"号"+x.Detail, ""
		return x, true
	}
	return eitherSide(a, b, fix)
}

// compoundForStreet compares, where one address names no street, the compounds two
// details with the same numbers (or one's within the other's, ending in the same flat:
// 14-2805 of 14-4-2805, the unit left out) name: 紫薇田园都市H座3202 and the road's 紫薇田园都市H座3202
// are one flat of one compound, as the road and its number would say (a buyer who
// picks the compound on a map writes no road), where 4栋105 in one compound and
// 4栋105 in another, the same numbers, are two flats.
func compoundForStreet(a, b string) (compare.Level, bool) {
	ca, cb := compoundOf(a), compoundOf(b)
	if utf8.RuneCountInString(ca) < 2 || utf8.RuneCountInString(cb) < 2 || !strings.Contains(ca, cb) && !strings.Contains(cb, ca) {
		return compare.Level{}, false
	}
	return compare.Level{Kind: compare.Exact, Why: "street: none on one side; the compound " + ca + " stands for it"}, true
}

// compoundOf is the compound a Chinese address detail names before its building and
// flat numbers: 紫薇田园都市 of 紫薇田园都市H座3202, 正商城 of 正商城4#105; "" when it
// starts with a number.
func compoundOf(detail string) string {
	head, _, _ := strings.Cut(detail, "号院") // 1099号院幸福小区: the yard is the road's
	if head != detail && strings.IndexFunc(head, unicode.IsDigit) >= 0 {
		detail = detail[len(head)+len("号院"):]
	}
	// 春熙路126号院龙湖春江郦城1栋401, its number read with the road: the yard left
	// over is the road's too.
	detail = strings.TrimPrefix(detail, "院")
	var b strings.Builder
	for _, r := range detail {
		if unicode.IsDigit(r) || r == '#' || r == '-' {
			break
		}
		if unicode.Is(unicode.Han, r) {
			b.WriteRune(r)
		}
	}
	c := strings.TrimRight(b.String(), "小区一二三四五期栋幢号楼座")
	// 光谷新世界北区3栋: a compound's part (its north side, a phase) is the compound, as
	// the buyer who writes 光谷新世界3-1006 names it.
	if r := []rune(c); len(r) > 3 && strings.ContainsRune("东南西北中", r[len(r)-1]) {
		c = strings.TrimRight(string(r[:len(r)-1]), "小区一二三四五期栋幢号楼座")
	}
	return c
}

// hasParts reports whether an address has the parts compared one by one: a street, or
// below it the compound, building and flat (紫薇田园都市H座3202, 马楼村9组: what a
// buyer picking the compound on a map, or a village's, writes without a road), and
// where it is.
func hasParts(a compare.Address) bool {
	return (a.Street != "" || a.Detail != "") && (a.Locality != "" || a.Postcode != "" || a.City != "")
}

// companyLevel compares company name keys (normalize.CompanyName: no legal form, no
// place): equal, or close by Jaro-Winkler.
func companyLevel(a, b string) compare.Level {
	switch {
	case a == "" || b == "":
		return compare.Level{Kind: compare.Null, Why: "name: null"}
	case a == b:
		return compare.Level{Kind: compare.Exact, Why: "name: exact"}
	case normalize.JaroWinkler(a, b) >= 0.92:
		return compare.Level{Kind: compare.Similar, Why: fmt.Sprintf("name: similar (%s ~ %s)", a, b)}
	}
	return compare.Level{Kind: compare.Different, Why: "name: different"}
}

// idLevel compares national ids: exact, one edit apart (a typo), or different.
func idLevel(a, b string) compare.Level {
	switch {
	case a == "" || b == "":
		return compare.Level{Kind: compare.Null, Why: "nid: null"}
	case a == b:
		return compare.Level{Kind: compare.Exact, Why: "nid: exact"}
	case compare.OneEdit(a, b):
		return compare.Level{Kind: compare.Typo, Why: "nid: typo"}
	}
	return compare.Level{Kind: compare.Different, Why: "nid: different"}
}

// wholeAddress compares two addresses given as one string each: equal without spaces,
// similar by character pairs, or different; a masked one is at best masked-compatible.
func wholeAddress(a, b string) compare.Level {
	switch {
	case a == "" || b == "":
		return compare.Level{Kind: compare.Null, Why: "address: null"}
	case compare.IsMasked(a) || compare.IsMasked(b):
		if compare.MaskCompatible(a, b) {
			return compare.Level{Kind: compare.MaskedCompatible, Why: "address: masked-compatible"}
		}
		return compare.Level{Kind: compare.Different, Why: "address: different (masked)"}
	case compact(a) == compact(b):
		return compare.Level{Kind: compare.Exact, Why: "address: exact"}
	case normalize.Jaccard(compare.Bigrams(compact(a)), compare.Bigrams(compact(b))) >= 0.6:
		return compare.Level{Kind: compare.Similar, Why: "address: similar"}
	}
	return compare.Level{Kind: compare.Different, Why: "address: different"}
}

// identityFields are the fields whose agreement names one person rather than a family
// or a household: a pair agreeing only on a name never links (see PartyModel.Decide).
var identityFields = []int{fieldBirth, fieldNationalID, fieldEmail, fieldPhone, fieldNumber, fieldStreet,
	fieldDetail, fieldPostcode, fieldLocality, fieldAddress}

// Frequency is how many parties hold the exact value being compared, where counted: an
// exact agreement on a value many parties share says less than on a rare one (a chain
// store's address, "Wang Wei"), the term-frequency adjustment of record linkage. Zero
// or one means no adjustment.
type Frequency map[int]int

func (f Frequency) of(field int) int { return f[field] }

// kindWeight is log2(m/u) of one level, or 0 when either is unset.
func kindWeight(m, u float64) float64 {
	if m <= 0 || u <= 0 {
		return 0
	}
	return math.Log2(m / u)
}

// hongKongFlats compares two Hong Kong homes by their block, floor and flat
// (compare.HongKongFlat) where both addresses give them, whatever the writing: Flat D,
// 3/F, Block 8, Metro City against 3D, Block 8, Metro City or 將軍澳新都城第8座3樓D室 is
// one home, which the street and second line compared as text called different or
// nothing. The same flat counts as an agreeing street does between two addresses written
// alike, no more; another flat or block is another home.
func hongKongFlats(c *Comparison, a, b PartyProfile) {
	hk := func(p PartyProfile) bool { return p.Country == "HK" || p.Country == "MO" }
	if !hk(a) || !hk(b) {
		return
	}
	text := func(p compare.Address) string { return p.Number + " " + p.Street + ", " + p.Detail }
	fa, okA := compare.HongKongFlat(text(a.Place))
	fb, okB := compare.HongKongFlat(text(b.Place))
	if !okA || !okB {
		return
	}
	if fa == fb {
		if !c[fieldStreet].Kind.Agrees() {
			c[fieldStreet] = compare.Level{Kind: compare.Exact, Why: fmt.Sprintf("address.street: the same flat, block %s, %s/F, flat %s", fa.Block, fa.Floor, fa.Flat)}
		}
		if c[fieldDetail].Kind == compare.Different {
			c[fieldDetail] = compare.Level{Kind: compare.Null, Why: "address.detail: the flat is in the first line"}
		}
		return
	}
	if c[fieldStreet].Kind.Agrees() || c[fieldDetail].Kind.Agrees() {
		l := compare.Level{Kind: compare.Different, Why: fmt.Sprintf("address.street: another flat (block %s, %s/F, flat %s against block %s, %s/F, flat %s)", fa.Block, fa.Floor, fa.Flat, fb.Block, fb.Floor, fb.Flat)}
		c[fieldStreet] = l
		if c[fieldDetail].Kind.Agrees() {
			c[fieldDetail] = compare.Level{Kind: compare.Null, Why: "address.detail: another flat"}
		}
	}
}
