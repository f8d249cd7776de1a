package resolver

// blocksOf is p.Blocks(), worked out once per description in a batch. A mention's
// blocks are asked for at every step of its resolution (the candidate query, filing,
// scoring, its writing key, the check of what its keys' parties are filed as), and
// each time they cost two transliterations of the name and two Double Metaphones: on
// FEBRL they were a third of resolution's own CPU. The memo is keyed by the whole
// profile but its ids, which Blocks does not read, so a changed field is a new entry,
// never a stale one. Callers must not change the map they get.
func (pb *partyBook) blocksOf(p PartyProfile) map[string]string {
	p.ID, p.Root = "", ""
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
