package resolver

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/compare"
)

// A full Han name of three or four characters that one party alone holds in the
// tenant, in the mention's city, from an address that is not a home (an office's front
// desk, a parcel point, a village's shop): the buyer who orders to work, or collects at
// a locker, under a privacy number, whose order shares nothing with her home orders but
// the name and the city. This is the term frequency of the full name within the tenant
// and the city, read from the blocks of the name and its letters: a name no other party
// holds is rare among the shop's customers of one city, where 王伟, or any name of two
// characters (a single given character, the most shared names), is not, so those never
// count. An office or a locker contradicts no home. Two homes do (a move, or a
// namesake: the rule cannot tell them apart), as do two phones, dates of birth,
// national ids or e-mail addresses that differ. The link is a rule, not a weight: it
// says so in its reason, and keeps a score above zero so that a person's rejection
// cuts it first.

// hanFullName returns a person's name as Han characters in the Chinese order, family
// name first and simplified (陈玲华 for 陈玲华, "玲华 陈" in a storefront's given and
// family fields, "Linghua Chen 陳玲華"), or "" for a name of another script, of fewer
// than three characters, or one that names no single person (李女士, 李**, 小李).
func hanFullName(p PartyProfile) string {
	if p.Company || weakName(nameOf(p)) {
		return ""
	}
	var h string
	switch {
	case p.Given != "" && p.Family != "" && compare.IsHanText(p.Given) && compare.IsHanText(p.Family) &&
		utf8.RuneCountInString(p.Family) <= 2 && !strings.Contains(p.Family, " "):
		h = p.Family + p.Given
		if utf8.RuneCountInString(p.Given) == 1 && utf8.RuneCountInString(p.Family) == 2 {
			// "张 俊杰" in one field, split the Western way: the family name is the one
			// character, the given name the two.
			h = p.Given + p.Family
		}
	case compare.HanWriting(p.FullName) != "":
		h = compare.HanWriting(p.FullName)
	case p.Given == "" && p.Family != "":
		h = compare.HanWriting(p.Family)
		if h == "" {
			h = p.Family
		}
	default:
		h = p.FullName
		if h == "" {
			h = p.Family + p.Given
		}
	}
	h = compare.Simplify(strings.ReplaceAll(h, " ", ""))
	if !compare.IsHanText(h) || utf8.RuneCountInString(h) < 3 || utf8.RuneCountInString(h) > 4 {
		return ""
	}
	return h
}

// cityName returns the city an address is in, without 市 (青岛 for 青岛市), or "".
func cityName(a compare.Address) string {
	return strings.TrimSuffix(strings.TrimSpace(compare.Simplify(a.City)), "市")
}

// workWords mark a detail as a workplace rather than a home: a company, its front desk
// or department, an office tower's floor, a business park.
var workWords = []string{"公司", "前台", "行政部", "人事部", "办公", "写字楼", "大厦", "科技园", "软件园", "工业园", "产业园",
	"创业园", "园区", "商务中心", "工作室"}

// towerFloor is a floor of a tower (苏州中心8楼, 赛格国际26楼): digits and 楼 that no 号
// before them makes a building number (3号楼).
var towerFloor = regexp.MustCompile(`(^|[^号\d])\d+楼`)

// awayFromHome reports whether a Chinese address is a workplace or a parcel point
// rather than a home: it says where the person works or collects, and contradicts no
// home of hers.
func awayFromHome(a compare.Address) bool {
	d := compare.Simplify(a.Detail)
	if d == "" || !compare.HasHan(d) {
		return false
	}
	if compare.ParcelPoint(d) != "" {
		return true
	}
	for _, w := range parcelWords {
		if strings.Contains(d, w) {
			return true
		}
	}
	return atWork(a)
}

// atWork reports whether a Chinese address's detail names a workplace (workWords, or a
// tower's floor): a company's front desk that takes in its staff's parcels is one,
// though its 代收 reads as a parcel point's.
func atWork(a compare.Address) bool {
	d := compare.Simplify(a.Detail)
	for _, w := range workWords {
		if strings.Contains(d, w) {
			return true
		}
	}
	return towerFloor.MatchString(d) && !strings.ContainsAny(d, "栋幢单元室")
}

// parcelWords name a place parcels are left at (a locker, a courier's station, a
// gatehouse, a village's shop) wherever in a detail they stand.
var parcelWords = []string{"快递", "驿站", "自提", "代收", "门卫", "收发室", "丰巢",
	// A village's landmarks, where its post is left: the entrance, the committee, the
	// clinic, the shop.
	"村口", "村委", "卫生室", "卫生院", "小卖部", "超市", "商店"}

// cityNamesake compares, for the rule above, a mention with a candidate that holds the
// same full Han name: same reports that they are in one city with at least one side
// away from home, contra that something says two people (two homes, two phones, two
// dates of birth, national ids or e-mail addresses).
func cityNamesake(c Comparison, a, b PartyProfile) (same, contra bool) {
	for _, f := range []int{fieldBirth, fieldNationalID, fieldEmail} {
		if c[f].Kind.Differs() {
			contra = true
		}
	}
	if k := c[fieldPhone].Kind; k.Differs() || k == compare.Typo {
		contra = true
	}
	away := awayFromHome(a.Place) || awayFromHome(b.Place)
	if c[fieldDetail].Kind == compare.OtherHome {
		// Flats on both sides (an office's own room, 科技大厦38楼3819室, is one): each
		// a place of its own that the other is not, not a front desk or a locker.
		contra = true
	}
	if parcelOfAnotherCompound(c, a, b) {
		// 夏东晓 at 青特花溪地门卫室 and the 夏东晓 of 浮山后四小区B座1905: the gatehouse
		// or locker of a compound is where its own households collect, and the home
		// named on the other side is in another compound. A namesake of that compound,
		// not the buyer away from home.
		contra = true
	}
	if k := c[fieldDetail].Kind; !away && !(k.Same() || k == compare.Partial || k == compare.Building || c[fieldAddress].Kind == compare.Exact) {
		contra = true // two homes: a move or a namesake; not one home, its flat or house untold on one side
	}
	city := cityName(a.Place)
	same = city != "" && city == cityName(b.Place) && away
	return same, contra
}

// parcelOfAnotherCompound reports whether one side's detail is a parcel point of a
// compound it names (compare.ParcelPoint), not an office's front desk, and the other's
// a home of another compound: the details differ, and the home side names a compound
// of its own and is no parcel point or workplace.
func parcelOfAnotherCompound(c Comparison, a, b PartyProfile) bool {
	if c[fieldDetail].Kind != compare.Different {
		return false
	}
	pa, pb := compare.ParcelPoint(a.Place.Detail), compare.ParcelPoint(b.Place.Detail)
	if (pa == "") == (pb == "") {
		return false
	}
	home, parcel, at := b, pa, a
	if pb != "" {
		home, parcel, at = a, pb, b
	}
	hc := compoundOf(home.Place.Detail)
	return !atWork(at.Place) && !awayFromHome(home.Place) && utf8.RuneCountInString(hc) >= 2 && !strings.Contains(parcel, hc) && !strings.Contains(hc, parcel)
}

// soleNamesake gathers, over a mention's candidates, the clusters holding its full Han
// name: which of them the name in the city and an address away from home fit, and
// which hold something that says two people.
type soleNamesake struct {
	name   string
	roots  map[string]bool // every cluster holding the name
	fits   map[string]int  // a candidate of the cluster that fits, by index into cands
	contra map[string]bool
	cands  []PartyProfile
	cmp    []Comparison
}

func newSoleNamesake(prof PartyProfile) *soleNamesake {
	return &soleNamesake{name: hanFullName(prof), roots: map[string]bool{}, fits: map[string]int{}, contra: map[string]bool{}}
}

// note records a candidate of cluster root compared as c.
func (s *soleNamesake) note(root string, c Comparison, prof, cp PartyProfile) {
	if s.name == "" || hanFullName(cp) != s.name {
		return
	}
	s.roots[root] = true
	same, contra := cityNamesake(c, prof, cp)
	if contra {
		s.contra[root] = true
	}
	if _, ok := s.fits[root]; same && !ok {
		s.fits[root] = len(s.cands)
		s.cands = append(s.cands, cp)
		s.cmp = append(s.cmp, c)
	}
}

// link returns the cluster the name links the mention to: the only one that holds
// the name, fitting and contradicting nothing.
func (s *soleNamesake) link() (root string, c Comparison, cp PartyProfile, ok bool) {
	if len(s.roots) != 1 {
		return "", c, cp, false
	}
	for r := range s.roots {
		root = r
	}
	i, fits := s.fits[root]
	if !fits || s.contra[root] {
		return "", c, cp, false
	}
	return root, s.cmp[i], s.cands[i], true
}

// soleNamesake applies the rule above to a mention: the cluster its name links it to,
// with the comparison and the candidate that fit. The clusters holding the name are
// read from the blocks of the name and of its letters only, and only where neither
// was cut at its limit (a namesake may be among those left out): those list every
// party of the tenant written so, where other blocks list a few and differ with the
// order candidates are read in.
func (pb *partyBook) soleNamesake(self string, prof PartyProfile) (root string, c Comparison, cp PartyProfile, ok bool) {
	s := newSoleNamesake(prof)
	if s.name == "" {
		return "", c, cp, false
	}
	blocks := pb.blocksOf(prof)
	for _, rule := range []string{BlockName, BlockLetters} {
		bk := blockKey(rule, blocks[rule])
		if bk == "" {
			continue
		}
		if pb.filed[bk] > len(pb.blocks[bk]) {
			return "", c, cp, false
		}
		for _, cand := range pb.blocks[bk] {
			if r := pb.root(cand); r != self {
				cp := pb.profiles[cand]
				s.note(r, pb.compare(prof, cp), prof, cp)
			}
		}
	}
	return s.link()
}
