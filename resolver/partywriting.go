package resolver

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Keyed mentions under another description. A person's phone, e-mail or customer id
// places a mention in its party without a comparison, and the party keeps the
// description of its first mention. A mention the key places under a description the
// party is not known by (康桂英, then Kang Guiying with the same phone and the Chinese
// form of the address) is the one mention that could show the same person's other
// party, filed under that description: without a comparison, and without filing it,
// whether the two join would depend on which mention came first.
//
// So such a mention is described anew: it is filed as a party of its own, the writing,
// whose id is a hash of the mention's first key and its block values (the same
// description under the same key is always the same party, whatever the order and
// however often a document is resent), linked SAME_AS the key's party unless a person
// said they are different, and scored against the description's candidates like a
// mention no key names. A writing alias ("writing:<hash>") names it, so that the next
// order written the same way asks for no candidate query and mentions it again.

// writingKey is the alias key a person's description is filed under with its first key:
// "" for a company, a mention without keys, or a description that files nothing.
func (pb *partyBook) writingKey(identity []string, prof PartyProfile) string {
	if prof.Company || len(identity) == 0 {
		return ""
	}
	bs := pb.blockKeys(prof)
	if len(bs) == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(identity[0] + "\n" + strings.Join(bs, "\n")))
	return "writing:" + hex.EncodeToString(sum[:10])
}

// knowsDescription reports whether the parties a mention's keys name (their own nodes,
// not their roots) are filed under every block value of the mention's description:
// then any party it could match was or will be compared with one of them. A party
// whose stored description was not read knows none.
func (pb *partyBook) knowsDescription(nodes []string, prof PartyProfile) bool {
	for rule, v := range pb.blocksOf(prof) {
		known := false
		for _, n := range nodes {
			if pb.filedAs[n][rule] == v {
				known = true
				break
			}
		}
		if !known {
			return false
		}
	}
	return true
}

// describeAnew files a keyed mention's new description as its writing party, linked
// SAME_AS the party its key found (unless a person kept the two apart), and scores it
// against the candidates of its blocks. It returns the writing's id, the party the
// mention is filed as.
func (b *batch) describeAnew(wkey, party, key string, prof PartyProfile) string {
	pb := b.parties
	w := partyID(b.tenant, wkey)
	if _, ok := pb.filedAs[w]; !ok {
		pb.filedAs[w] = pb.blocksOf(prof)
	}
	if _, ok := pb.known[wkey]; !ok {
		pb.known[wkey] = w
		pb.aliases = append(pb.aliases, PartyAlias{Key: wkey, PartyID: w})
	}
	if pb.root(w) != pb.root(party) {
		kind, _, _ := strings.Cut(key, ":")
		if !pb.mayJoin(w, party) {
			b.relate(pb.root(w), pb.root(party), "carries this party's "+kind+", but a person said they are different parties")
		} else {
			pb.setInfo(w, PartyInfo{Root: pb.root(party), TaxID: prof.TaxID})
			pb.links = append(pb.links, PartyLink{From: w, To: pb.root(party), Kind: "same_as",
				Reason: "carries this party's " + kind + " under a name or address it was not known by"})
		}
	}
	b.matchProfile(w, prof)
	return w
}
