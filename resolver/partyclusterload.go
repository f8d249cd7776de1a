package resolver

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/seamhub/seam/ontology"
)

// A party is a cluster of stored parties, one per key or description that founded
// one, linked SAME_AS; the cluster rules (partycluster.go, partyaccounts.go, ...) read
// all its members: a son's Douyin account on one member, his second phone on another.
// The batch loads the parties its mentions' keys and blocks name, and a block returns
// the member that shares its value only: a masked order whose seven digits are the
// son's second phone finds the member holding that phone, not the one holding his
// account, and the rules that should keep the father's order apart from the son's saw
// half the son's party, depending on which member some earlier mention had brought
// into the batch. So the batch loads, for each party it may join a mention to, that
// party's other members too, in one read per batch and a bounded count per party.

// Only the rules that read a party's shop accounts and plain numbers (clusterAccounts,
// accountsMaskOfAnother) read the stored members: a Douyin account's party holds the
// receivers of the buyer's gifts as members (黄军 in Chengdu, filed under 陈菲月's
// account), whose names the name rules (clustersContradict) would read as another
// person in her party, and split her own phone's orders from her account's. The
// account and the numbers are the buyer's whoever received the parcel.

// clusterMembersPerParty bounds the members loaded of one party: a person's party
// holds a few members (one per account, mailbox or way of writing the name); a shared
// line or a company's mailbox may hold thousands, of which a sample tells as much.
const clusterMembersPerParty = 64

// loadJoinableMembers loads the stored members of the clusters of the listed parties
// that the batch holds no profile of, for the account rules to read (pb.stored); they
// are filed under no block, so they are no candidates of their own.
func (b *batch) loadJoinableMembers(ctx context.Context, ids []string) error {
	pb := b.parties
	roots := make([]string, 0, len(ids))
	for _, id := range ids {
		roots = append(roots, pb.root(id))
	}
	slices.Sort(roots)
	roots = slices.Compact(roots)
	if len(roots) == 0 {
		return nil
	}
	profs, accounts, err := b.tx.PartyMembers(ctx, roots, clusterMembersPerParty)
	if err != nil {
		return fmt.Errorf("loading the members of parties a mention may join: %w", err)
	}
	for id, keys := range accounts {
		for _, k := range keys {
			if a := keyAccount(k); a != "" {
				if pb.storedAccounts == nil {
					pb.storedAccounts = map[string][]string{}
				}
				pb.storedAccounts[id] = appendUnique(pb.storedAccounts[id], a)
			}
		}
	}
	for _, c := range profs {
		if _, ok := pb.profiles[c.ID]; ok {
			continue
		}
		if _, ok := pb.stored[c.ID]; ok {
			continue
		}
		if c.Root != "" && c.Root != c.ID && pb.info[c.ID].Root == "" {
			pb.setInfo(c.ID, PartyInfo{Root: c.Root, TaxID: pb.info[c.ID].TaxID})
		}
		if pb.stored == nil {
			pb.stored = map[string]PartyProfile{}
		}
		pb.stored[c.ID] = c
	}
	return nil
}

// wholeMemberProfiles is memberProfiles with the stored members the batch loaded
// (loadJoinableMembers) where it holds no profile of its own.
func (pb *partyBook) wholeMemberProfiles(root string) iter.Seq2[string, PartyProfile] {
	return func(yield func(string, PartyProfile) bool) {
		for _, id := range pb.members(root) {
			p, ok := pb.profiles[id]
			if !ok {
				p, ok = pb.stored[id]
			}
			if ok && !yield(id, p) {
				return
			}
		}
	}
}

// keyAccount is the Account (system:id) of a customer's shop account key
// (ext:system:customer:id), "" for any other key.
func keyAccount(k string) string {
	rest, ok := strings.CutPrefix(k, "ext:")
	if !ok {
		return ""
	}
	system, rest, _ := strings.Cut(rest, ":")
	role, id, _ := strings.Cut(rest, ":")
	if system == "" || id == "" || role != string(ontology.PartyCustomer) {
		return ""
	}
	return system + ":" + id
}
