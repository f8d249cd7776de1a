package resolver

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// A son named after his father writes Jr. on some of his orders only. When his first
// order, without the suffix and from his own mailbox, arrives after his father's, it
// agrees with the father's on the whole name and the home, and only the mailboxes
// differ, as one person's second mailbox would: the description files it as the
// father's. Once his order with the suffix arrives from that same mailbox, the party
// holds two generations of one name, each under a mailbox of its own: the link that
// joined them was a guess the suffix now answers. Had the suffix come first, the two
// would never have been joined (generationsApart); cutting that link, as a person's
// rejection would (cutBetween), gives the same parties whatever order the orders came
// in. Only a link the description made is cut: keys both sides carried are evidence,
// not a guess.

// generationStated reports whether a party reference's name ends with a generation
// (Faraj Golla Jr.), in whichever field it was typed.
func generationStated(p ontology.PartyRef) bool {
	return compare.Generation(compare.Name{Full: p.Name, Given: p.GivenName, Family: p.FamilyName}) != "" ||
		lastWordGeneration(p.FamilyName) || lastWordGeneration(p.GivenName) || lastWordGeneration(p.Name)
}

// lastWordGeneration reports whether a name field's last word is a generation.
func lastWordGeneration(s string) bool {
	return compare.Generation(compare.Name{Full: s}) != ""
}

// withoutGeneration returns the reference with the generation dropped from the end of
// each name field: the name the son's father writes, under which his party is filed.
func withoutGeneration(p ontology.PartyRef) ontology.PartyRef {
	strip := func(s string) string {
		if !lastWordGeneration(s) {
			return s
		}
		s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
		i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
		if i < 0 {
			return s
		}
		return strings.TrimRightFunc(s[:i], func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	}
	p.Name, p.GivenName, p.FamilyName = strip(p.Name), strip(p.GivenName), strip(p.FamilyName)
	return p
}

// loadGenerationClusters loads, for each person mention stating a generation from a
// known mailbox, the SAME_AS links of that mailbox's party (generationCut cuts one of
// them) and its members' descriptions, so that the other generation's is known.
func (b *batch) loadGenerationClusters(ctx context.Context, docs []PendingDoc) error {
	pb := b.parties
	var ids []string
	for _, d := range docs {
		for _, p := range d.Doc.Parties {
			if companyRole(p.Role) || p.Email == "" || !generationStated(p) {
				continue
			}
			prof := ProfileOf(p)
			if prof.Company || prof.Email == "" || familyMailbox(prof) || compare.ReadsChinese(nameOf(prof)) {
				continue
			}
			id, ok := pb.known["email:"+prof.Email]
			if !ok {
				continue
			}
			ids = appendUnique(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids)
	info, links, err := b.tx.PartyCluster(ctx, ids)
	if err != nil {
		return fmt.Errorf("loading the clusters of mailboxes a generation was stated from: %w", err)
	}
	if pb.sameAs == nil {
		pb.sameAs = map[string]PartyLink{}
	}
	for _, l := range links {
		pb.sameAs[l.From] = l
	}
	// The members' descriptions: the father's may share no block with the son's
	// order (Stephen Rivera on a card, Steve Rivera JR on a storefront's fields).
	if err := b.loadClusterMembers(ctx, info, links); err != nil {
		return fmt.Errorf("loading the members of clusters a generation was stated in: %w", err)
	}
	return nil
}

// loadClustersWithMembers loads the clusters of the parties ids (sorted here), each
// party among its members where no link names it, with its members' profiles.
func (b *batch) loadClustersWithMembers(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids)
	info, links, err := b.tx.PartyCluster(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		links = append(links, PartyLink{From: id, To: id})
	}
	return b.loadClusterMembers(ctx, info, links)
}

// loadClusterMembers records the surviving ids of the parties info lists (those the
// book does not know yet) and loads the profile of every member the links name that it
// does not hold.
func (b *batch) loadClusterMembers(ctx context.Context, info map[string]PartyInfo, links []PartyLink) error {
	pb := b.parties
	for id, in := range info {
		if _, ok := pb.info[id]; !ok {
			pb.setInfo(id, in)
		}
	}
	var members []string
	for _, l := range links {
		members = append(members, l.From, l.To)
	}
	slices.Sort(members)
	members = slices.Compact(members)
	members = slices.DeleteFunc(members, func(id string) bool { _, ok := pb.profiles[id]; return ok })
	if len(members) == 0 {
		return nil
	}
	profs, err := b.tx.PartyProfiles(ctx, members)
	if err != nil {
		return err
	}
	b.parties.memoBlocks(profs)
	for _, c := range profs {
		if c.Root != "" && c.Root != c.ID {
			pb.setInfo(c.ID, PartyInfo{Root: c.Root, TaxID: pb.info[c.ID].TaxID})
		}
		pb.addProfile(c.ID, c)
		if _, ok := pb.filedAs[c.ID]; !ok {
			pb.filedAs[c.ID] = pb.blocksOf(c)
		}
	}
	return nil
}

// generationCut cuts, before a mention stating a generation from its own mailbox is
// filed, the description's link that joined that mailbox's party to a member of
// another mailbox of its own who wrote the same name without any generation (the
// father): see the comment at the top of the file. The two sides must share no
// mailbox, and the father's side must state no generation the mention states.
func (b *batch) generationCut(prof PartyProfile) {
	pb := b.parties
	g := compare.Generation(nameOf(prof))
	if pb.sameAs == nil || prof.Company || g == "" || prof.Email == "" || familyMailbox(prof) || compare.ReadsChinese(nameOf(prof)) {
		return
	}
	x, ok := pb.known["email:"+prof.Email]
	if !ok {
		return
	}
	r := pb.root(x)
	parent := map[string]PartyLink{}
	for from, l := range pb.sameAs {
		parent[from] = l
	}
	for _, l := range pb.links {
		if l.Kind == "same_as" {
			parent[l.From] = l
		}
	}
	var members []string
	for id, p := range pb.memberProfiles(r) {
		if !p.Company {
			members = append(members, id)
		}
	}
	sort.Strings(members)
	plain := withoutGenerationName(nameOf(prof))
	for _, f := range members {
		fp := pb.profiles[f]
		if fp.Email == "" || fp.Email == prof.Email || familyMailbox(fp) || statedGeneration(fp) != "" ||
			!sameNameOrPet(nameOf(fp), plain) {
			continue
		}
		cut, ok := cutBetween(parent, x, f)
		if !ok || cut.Score <= 0 {
			continue
		}
		after := maps.Clone(parent)
		delete(after, cut.From)
		sx, sf := rootOf(after, x), rootOf(after, f)
		if sx == sf {
			continue
		}
		cuts, adds := []PartyLink{cut}, rehomeMailboxes(pb, members, after, x, sx, sf)
		for _, l := range adds {
			cuts = append(cuts, parent[l.From])
		}
		if !generationSidesApart(pb, members, after, sx, sf, prof, g) {
			continue
		}
		b.applyGenerationCut(cuts, adds, members, after, r)
		b.relate(sf, sx, "two generations of one name at one home, each with a mailbox of its own (father and son)")
		return
	}
}

// rehomeMailboxes moves, in after, each member left on the son's side (sx) whose
// mailbox is one the father's side (sf) holds, and whose link was made by a key (his
// later order from his mailbox, filed under the cluster's surviving id), to the
// father's side, and returns the links it made. A member whose subtree holds x, the
// son's mailbox party, stays.
func rehomeMailboxes(pb *partyBook, members []string, after map[string]PartyLink, x, sx, sf string) []PartyLink {
	var adds []PartyLink
	for moved := true; moved; {
		moved = false
		fathers := map[string]bool{}
		for _, id := range members {
			if p := pb.profiles[id]; rootOf(after, id) == sf && p.Email != "" {
				fathers[p.Email] = true
			}
		}
		for _, id := range members {
			l, linked := after[id]
			if !linked || l.Score > 0 || rootOf(after, id) != sx || !fathers[pb.profiles[id].Email] {
				continue
			}
			delete(after, id)
			if rootOf(after, x) == id {
				after[id] = l // the son's own mailbox hangs under it
				continue
			}
			nl := PartyLink{From: id, To: sf, Kind: "same_as", Reason: "carries the mailbox of the father's party, apart from his son's (two generations of one name)"}
			after[id] = nl
			adds = append(adds, nl)
			moved = true
		}
	}
	return adds
}

// withoutGenerationName drops a generation from the end of a name's fields.
func withoutGenerationName(n compare.Name) compare.Name {
	p := withoutGeneration(ontology.PartyRef{Name: n.Full, GivenName: n.Given, FamilyName: n.Family})
	return compare.Name{Full: p.Name, Given: p.GivenName, Family: p.FamilyName}
}

// sameNameOrPet reports whether two names are one whole name, or one with a pet name
// (Steve Rivera, Stephen Rivera).
func sameNameOrPet(a, b compare.Name) bool {
	return wholeNameAgrees(a, b) || compare.NameLevel(a, b).Kind == compare.Nickname
}

// generationSidesApart reports whether, with the links after, the members on sx's side
// (with the mention) and those on sf's side hold no mailbox in common, sf's side holds
// a mailbox of its own, and sf's side states no generation g.
func generationSidesApart(pb *partyBook, members []string, after map[string]PartyLink, sx, sf string, prof PartyProfile, g string) bool {
	ex, ef := map[string]bool{prof.Email: true}, map[string]bool{}
	for _, id := range members {
		p := pb.profiles[id]
		side := rootOf(after, id)
		if side != sx && side != sf {
			continue
		}
		own := p.Email != "" && !compare.IsMasked(p.Email) && !familyMailbox(p)
		if side == sf {
			if statedGeneration(p) == g {
				return false
			}
			if own {
				ef[p.Email] = true
			}
		} else if own {
			ex[p.Email] = true
		}
	}
	if len(ef) == 0 {
		return false
	}
	for e := range ef {
		if ex[e] {
			return false
		}
	}
	return true
}

// applyGenerationCut removes the links cut (from the batch's links when the batch
// made them, else as cuts of stored links), makes the links adds, and points every
// member of the old cluster root r at its new surviving id.
func (b *batch) applyGenerationCut(cuts, adds []PartyLink, members []string, after map[string]PartyLink, r string) {
	pb := b.parties
	for _, cut := range cuts {
		if i := slices.IndexFunc(pb.links, func(l PartyLink) bool {
			return l.Kind == "same_as" && l.From == cut.From && l.To == cut.To
		}); i >= 0 {
			pb.links = slices.Delete(pb.links, i, i+1)
		} else {
			b.changes.PartyCuts = append(b.changes.PartyCuts, cut)
		}
		delete(pb.sameAs, cut.From)
	}
	pb.links = append(pb.links, adds...)
	ids := slices.Clone(members)
	for from, l := range after {
		ids = append(ids, from, l.To)
	}
	for _, cut := range cuts {
		ids = append(ids, cut.From, cut.To)
	}
	for _, id := range pb.members(r) {
		if _, ok := pb.info[id]; ok {
			ids = append(ids, id)
		}
	}
	roots := map[string]string{}
	for _, id := range ids {
		if pb.root(id) == r {
			roots[id] = rootOf(after, id)
		}
	}
	for id, root := range roots {
		in := pb.info[id]
		pb.setInfo(id, PartyInfo{Root: root, TaxID: in.TaxID, Name: in.Name, Blocks: in.Blocks, Phone: in.Phone, Email: in.Email})
	}
}
