package neo4jstore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// TestPartyCandidatesInRuleOrder: the candidates of every rule come from one statement,
// each party once, at most twenty a value, in the order a lookup rule by rule would
// first meet them (the order decides which candidate a tie in scoring keeps), with the
// surviving id of a merged party; and the name and address values count the surviving
// parties that hold them.
func TestPartyCandidatesInRuleOrder(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	const crowd = 22 // more than a value brings in
	tenant := pendingBacklog(t, s, crowd+3)
	uid := func(i int) string { return fmt.Sprintf("%s/shopify/order/%05d", tenant, i) }
	mention := func(i int, party string, blocks map[string]string) resolver.PartyMention {
		return resolver.PartyMention{DocUID: uid(i), PartyID: party, Role: ontology.PartyCustomer, Name: party,
			Profile: resolver.PartyProfile{Name: party, FullName: party}, Blocks: blocks}
	}
	ch := &resolver.Changes{Tenant: tenant}
	for i := range crowd {
		ch.Mentions = append(ch.Mentions, mention(i, fmt.Sprintf("crowd-%02d", i), map[string]string{resolver.BlockName: "p:crowd"}))
	}
	ch.Mentions = append(ch.Mentions,
		mention(crowd, "both", map[string]string{resolver.BlockName: "p:solo", resolver.BlockBirthDate: "p:19810602"}),
		mention(crowd+1, "merged", map[string]string{resolver.BlockAddress: "p:1kentstreet"}),
		mention(crowd+2, "dobonly", map[string]string{resolver.BlockBirthDate: "p:19810602"}))
	ch.PartyLinks = []resolver.PartyLink{{From: "merged", To: "both", Kind: "same_as", Reason: "test"}}
	var cands []resolver.PartyProfile
	var filed map[string]int
	err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error {
		if err := tx.Apply(ctx, ch); err != nil {
			return err
		}
		var err error
		cands, filed, err = tx.PartyCandidates(ctx, []string{"addr=p:1kentstreet", "dob=p:19810602", "name=p:crowd", "name=p:solo"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range cands {
		ids = append(ids, c.ID)
	}
	if len(cands) != 23 {
		t.Fatalf("%d candidates %v, want twenty of the crowd, both, merged and dobonly", len(cands), ids)
	}
	for i, c := range cands[:20] {
		if !strings.HasPrefix(c.ID, "crowd-") {
			t.Errorf("candidate %d is %s: the name rule's first value (crowd) comes first", i, c.ID)
		}
	}
	if got := strings.Join(ids[20:], " "); got != "both merged dobonly" {
		t.Errorf("after the crowd: %s, want both (name, then birth date: once), merged (address), dobonly (birth date)", got)
	}
	for _, c := range cands {
		want := c.ID
		if c.ID == "merged" {
			want = "both"
		}
		if c.Root != want || c.Name != c.ID {
			t.Errorf("%s: root %q, name %q, want root %q and its own profile", c.ID, c.Root, c.Name, want)
		}
	}
	want := map[string]int{"name=p:crowd": crowd, "name=p:solo": 1} // merged survives as both: not counted
	if fmt.Sprint(filed) != fmt.Sprint(want) {
		t.Errorf("filed = %v, want %v", filed, want)
	}
}
