package resolver

import "testing"

// TestApartContraAskedOnlyWhereItCounts: the contradiction of a candidate judged Apart
// is worked out for a cluster a link on part of a value asks about, never for the
// others (a returning customer's new writing is scored against every party of its
// blocks, and its names were compared twice for each), and counts there as
// matchProfile's loop counted it: past the mention's own cluster and a company.
func TestApartContraAskedOnlyWhereItCounts(t *testing.T) {
	home := "江苏省苏州市相城区人民路2192号狮山花园35幢6单元2601室"
	prof := buyer("李畅", "13559463509", home)
	pb := &partyBook{info: map[string]PartyInfo{}, profiles: map[string]PartyProfile{
		"asked":   buyer("李思颖", "18432463867", home), // contradicts, in a cluster a link asks about
		"other":   buyer("李霞雪", "18432463000", home), // contradicts, in a cluster nothing asks about
		"self":    buyer("李颖娜", "18432463111", home), // contradicts, but the mention's own cluster
		"company": {Company: true, Name: "李思颖"},
	}}
	judged := map[int32]judgement{}
	var ac apartContra
	for i, c := range []string{"asked", "other", "self", "company"} {
		ac.add(c, int32(i))
	}
	parts := newPartLinks()
	ac.note(pb, "self", prof, parts, judged, func(root string) bool { return root != "other" })
	if !parts.contra["asked"] {
		t.Errorf("李思颖's cluster, asked about: contradiction not marked")
	}
	for _, r := range []string{"other", "self", "company"} {
		if parts.contra[r] {
			t.Errorf("%s: contradiction marked, want none", r)
		}
	}
	if !judged[0].contraKnown || judged[1].contraKnown {
		t.Errorf("judged = %+v: want the contradiction worked out for the cluster asked about only", judged)
	}
}
