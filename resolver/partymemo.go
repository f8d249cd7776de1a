package resolver

// blocksOf is p.Blocks(), worked out once per description in a batch. A mention's
// blocks are asked for at every step of its resolution (the candidate query, filing,
// scoring, its writing key, the check of what its keys' parties are filed as), and
// each time they cost two transliterations of the name and two Double Metaphones: on
// FEBRL they were a third of resolution's own CPU. The memo is keyed by the whole
// profile but its ids and account, which Blocks does not read, so a changed field is a
// new entry, never a stale one; a storefront mention, looked up without its account and
// filed with it, is worked out once. Callers must not change the map they get.
func (pb *partyBook) blocksOf(p PartyProfile) map[string]string {
	p = blockMemoKey(p)
	if bs, ok := pb.blockMemo[p]; ok {
		return bs
	}
	if pb.blockMemo == nil {
		pb.blockMemo = map[PartyProfile]map[string]string{}
	}
	bs := p.Blocks()
	pb.blockMemo[p] = bs
	return bs
}

// blockMemoKey is p without what Blocks does not read.
func blockMemoKey(p PartyProfile) PartyProfile {
	p.ID, p.Root, p.Account = "", "", ""
	return p
}

// memoBlocks works out the blocks of the profiles the memo lacks on every core, for a
// batch's mentions and candidates at once, where one by one they waited on one core
// while Neo4j waited for the batch.
func (pb *partyBook) memoBlocks(ps []PartyProfile) {
	var todo []PartyProfile
	seen := map[PartyProfile]bool{}
	for _, p := range ps {
		p = blockMemoKey(p)
		if _, ok := pb.blockMemo[p]; !ok && !seen[p] {
			seen[p] = true
			todo = append(todo, p)
		}
	}
	if len(todo) == 0 {
		return
	}
	out := make([]map[string]string, len(todo))
	eachIndexed(len(todo), 64, func(i int) { out[i] = todo[i].Blocks() })
	if pb.blockMemo == nil {
		pb.blockMemo = map[PartyProfile]map[string]string{}
	}
	for i, p := range todo {
		pb.blockMemo[p] = out[i]
	}
}

// blockKeys is blockKeysOf through the batch's memo.
func (pb *partyBook) blockKeys(p PartyProfile) []string { return blockKeysIn(pb.blocksOf(p)) }

// blockKeysIn returns the block keys of a profile's blocks, in rule order.
func blockKeysIn(bs map[string]string) []string {
	var out []string
	for _, r := range BlockRules {
		if v := bs[r]; v != "" {
			out = append(out, blockKey(r, v))
		}
	}
	return out
}

// compare is CompareParties(a, b), worked out once per pair of descriptions in a batch.
// A description no key places founds a party of its own and is scored against every
// party of its blocks, those founded earlier in the batch included, so a description
// that comes back many times in a batch (a platform's masked buyer, 张 with
// 138****1111; an address alone) is compared with the same descriptions again and
// again: on the simulated 30 days, 406,123 of 419,753 comparisons had been made before
// in their batch. The comparison reads neither id, so the memo is keyed without them.
func (pb *partyBook) compare(a, b PartyProfile) Comparison {
	a.ID, a.Root, b.ID, b.Root = "", "", "", ""
	k := [2]PartyProfile{a, b}
	if c, ok := pb.compared[k]; ok {
		return c
	}
	if pb.compared == nil {
		pb.compared = map[[2]PartyProfile]Comparison{}
	}
	c := CompareParties(a, b)
	pb.compared[k] = c
	return c
}

// judgement is what matchProfile makes of one candidate description: the comparison,
// the model's verdict and score, whether a Same rests on part of a value (restsOnPart)
// and whether the names contradict (personsContradict, worked out here only where the
// verdict is not Apart: see apartContra); and, of the candidate alone, whether its
// phone is masked (maskBlockPair) and whether its account takes its cluster from a
// one-to-one mention.
type judgement struct {
	c      Comparison
	d      PartyVerdict
	s      float64
	onPart bool
	contra bool
	masked bool
	takes  bool
	// contraKnown says contra was worked out for an Apart verdict (apartContra).
	contraKnown bool
}

// describe numbers the description of party id (its profile without the ids): parties
// of one description get one number, so that matchProfile judges each description once
// without hashing whole profiles for every candidate.
func (pb *partyBook) describe(id string, p PartyProfile) {
	if pb.descs == nil {
		pb.descs, pb.desc = map[PartyProfile]int32{}, map[string]int32{}
	}
	p.ID, p.Root = "", ""
	n, ok := pb.descs[p]
	if !ok {
		n = int32(len(pb.descs))
		pb.descs[p] = n
	}
	pb.desc[id] = n
}

// judge scores the mention's description a against the candidate's b.
func (pb *partyBook) judge(pm *PartyModel, a, b PartyProfile, fr Frequency) judgement {
	c := pb.compare(a, b)
	d, s := pm.Decide(c, a, fr)
	j := judgement{c: c, d: d, s: s}
	if d != Apart {
		j.contra = personsContradict(a, b)
	}
	if d == Same {
		j.onPart = pm.restsOnPart(c, a, b, fr)
	}
	return j
}

// apartContra holds the candidates a mention judged Apart, whose names' contradiction
// (personsContradict) matchProfile has not worked out. Of such a candidate only that
// counts, and only for a cluster the mention matches on part of a value alone (see
// partLinks.holds): the names of every candidate in the blocks of a returning
// customer's new writing were compared twice, by CompareParties and again by
// namesContradict, for the few clusters the second could matter to (seam bench
// backlog --grow days: personsContradict was 52 of describeAnew's 120 CPU s at a
// million documents).
type apartContra struct {
	cands []string
	descs []int32
}

// add records an Apart candidate (its id and description number) for later.
func (ac *apartContra) add(cand string, n int32) {
	ac.cands = append(ac.cands, cand)
	ac.descs = append(ac.descs, n)
}

// note marks in parts the contradiction of each recorded candidate whose cluster
// (its surviving id) matters asks for: as matchProfile's loop would have marked it,
// past the same checks (not the mention's own cluster, one a person did not keep
// apart, of the same kind and tax id). The judgements of the descriptions worked out
// are kept in judged.
func (ac *apartContra) note(pb *partyBook, self string, prof PartyProfile, parts partLinks, judged map[int32]judgement,
	matters func(root string) bool) {
	for i, cand := range ac.cands {
		root := pb.root(cand)
		if parts.contra[root] || !matters(root) || root == self || !pb.mayJoin(self, root) {
			continue
		}
		cp := pb.profiles[cand]
		if cp.Company != prof.Company {
			continue
		}
		if t := pb.taxOf(root, cand); prof.TaxID != "" && t != "" && t != prof.TaxID {
			continue
		}
		j := judged[ac.descs[i]]
		if !j.contraKnown {
			j.contra, j.contraKnown = personsContradict(prof, cp), true
			judged[ac.descs[i]] = j
		}
		if j.contra {
			parts.contra[root] = true
		}
	}
}
