package resolver

import "testing"

func TestCutBetween(t *testing.T) {
	// A cluster: e -> c -> a <- b, d -> b; scores on the probabilistic links.
	links := []PartyLink{
		{From: "b", To: "a", Reason: "a mention carries keys of both"},
		{From: "c", To: "a", Reason: "same description", Score: 14.2},
		{From: "d", To: "b", Reason: "same description", Score: 9.5},
		{From: "e", To: "c", Reason: "customer of the same sale"},
	}
	parent := map[string]PartyLink{}
	for _, l := range links {
		parent[l.From] = l
	}
	cases := []struct {
		a, b     string
		wantFrom string
		ok       bool
	}{
		{"d", "e", "d", true},  // path d-b-a-c-e: the weakest scored link is d->b
		{"e", "d", "d", true},  // either order
		{"a", "b", "b", true},  // a key link, the only one on the path
		{"e", "a", "c", true},  // path e-c-a: the scored link c->a
		{"b", "a", "b", true},  // from the child's side
		{"e", "b", "c", true},  // e-c-a-b: c->a is the only scored one
		{"a", "zz", "", false}, // not in the cluster
	}
	for _, c := range cases {
		got, ok := cutBetween(parent, c.a, c.b)
		if ok != c.ok || ok && got.From != c.wantFrom {
			t.Errorf("cutBetween(%s, %s) = %+v %v, want from %q %v", c.a, c.b, got, ok, c.wantFrom, c.ok)
			continue
		}
		if !ok {
			continue
		}
		cut := map[string]PartyLink{}
		for k, v := range parent {
			if k != got.From {
				cut[k] = v
			}
		}
		if rootOf(cut, c.a) == rootOf(cut, c.b) {
			t.Errorf("cutting %+v leaves %s and %s together", got, c.a, c.b)
		}
	}
}

func TestMayJoin(t *testing.T) {
	pb := &partyBook{info: map[string]PartyInfo{"b": {Root: "a"}, "d": {Root: "c"}}, apart: [][2]string{{"b", "d"}}}
	if pb.mayJoin("a", "c") {
		t.Error("clusters holding a rejected pair may join")
	}
	if !pb.mayJoin("a", "e") || !pb.mayJoin("b", "a") {
		t.Error("unrelated clusters, or one cluster, refused")
	}
	pb.dropApart("d", "b")
	if !pb.mayJoin("a", "c") {
		t.Error("a dropped rejection still holds")
	}
}
