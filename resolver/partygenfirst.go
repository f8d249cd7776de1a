package resolver

import (
	"context"
	"fmt"

	"github.com/seamhub/seam/resolver/compare"
)

// The son's order with Jr. (or fils, hijo) may come first: É. Gaudin fils from
// emile.gaudin@orange.fr, then Émile Gaudin from the same mailbox, which the mailbox
// files with it. His father's order, Emile Gaudin from emile_gaudin@gmail.com at the
// same home, then agrees with the son's plain order on the whole name and the home, and
// only the mailboxes differ: pair by pair, one person's second mailbox. The son's
// party states a generation his father's mailbox never has, which tells them apart
// (generationsApart, a cluster rule), but only where the book holds the member that
// states it; the candidates a mention's blocks find are the plain order, not the card
// with fils, which shares no block with it. Had the father's order come first, the
// son's with fils would never have joined it, and en31's cut (partygencut.go) undoes
// the join where the son's order with Jr. comes last; this loads what the cluster rule
// needs where it comes first, so that the three orders give the same parties in any
// order.

// loadNamesakeClusters loads the clusters of the candidates that a person mention
// without a generation, from a mailbox of its own, meets under the same whole name
// from another mailbox of their own, so that the generations their clusters state are
// known when the mention is scored against them.
func (b *batch) loadNamesakeClusters(ctx context.Context, mentions, cands []PartyProfile) error {
	byName := map[string][]PartyProfile{}
	for _, c := range cands {
		if ownPlainMailbox(c) {
			byName[c.Name] = append(byName[c.Name], c)
		}
	}
	var ids []string
	for _, m := range mentions {
		if !ownPlainMailbox(m) {
			continue
		}
		for _, c := range byName[m.Name] {
			if c.Email != m.Email && wholeNameAgrees(nameOf(c), nameOf(m)) {
				ids = appendUnique(ids, c.ID)
			}
		}
	}
	if err := b.loadClustersWithMembers(ctx, ids); err != nil {
		return fmt.Errorf("loading the clusters of namesakes with mailboxes of their own: %w", err)
	}
	return nil
}

// ownPlainMailbox reports whether a profile is a person's written in Latin letters,
// stating no generation, from a mailbox of their own (not masked, not a family's).
func ownPlainMailbox(p PartyProfile) bool {
	return !p.Company && p.Email != "" && len([]rune(p.Name)) >= 4 && !compare.IsMasked(p.Email) && !familyMailbox(p) &&
		statedGeneration(p) == "" && !compare.ReadsChinese(nameOf(p))
}

// generationLeftOut reports whether two names on one mailbox are one person's, one of
// them stating a generation and the other none, or both the same one: É. Gaudin fils
// on his card, Émile Gaudin or Émile Gaudin Jr at a checkout, from
// emile.gaudin@orange.fr. A son writes fils or Jr. on some orders and leaves it out on
// others; the names compare as two (an initial beside fils: a son's name beside his
// father's), but on his own mailbox the suffix left out, or written in another
// language, is no other person. Two generations stated (Jr. and Sr.) stay two, and so
// do names that differ without them.
func generationLeftOut(a, b compare.Name) bool {
	ga, gb := compare.Generation(a), compare.Generation(b)
	if ga == "" && gb == "" || ga != "" && gb != "" && ga != gb {
		return false
	}
	return !namesContradict(withoutGenerationName(a), withoutGenerationName(b))
}
