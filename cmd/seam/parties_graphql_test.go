package main

import (
	"context"
	"strings"
	"testing"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestPartyDecisionsOverGraphQL: two storefront customers nothing links (another e-mail,
// another account, a name alone never merges people). An admin confirms they are one:
// both orders read one party. Then rejects: they are two again, each with its own id, and
// the decisions are listed. A reader may look at the network but decide nothing.
func TestPartyDecisionsOverGraphQL(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	ctx := context.Background()
	second := strings.NewReplacer(`"id": 9820193847261123`, `"id": 9820193847261999`,
		`Order/9820193847261123`, `Order/9820193847261999`, `"#1047"`, `"#1048"`, `1047`, `1048`,
		`mei.lin@example.com`, `lin.mei@example.net`, `7391002211`, `7391009999`).Replace(shopifyOrder)
	for _, body := range []string{shopifyOrder, second} {
		if _, err := s.App.intake.Accept(ctx, []connectors.Payload{{Tenant: tenant, System: "shopify", Type: "order", Raw: []byte(body), Via: "file"}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.App.worker.Drain(ctx, tenant); err != nil {
		t.Fatal(err)
	}
	type party struct{ PartyID, MentionedPartyID string }
	partyOf := func(id string) party {
		t.Helper()
		var out struct {
			Document struct{ Parties []party }
		}
		graphQL(t, base, tenant, `query($id: String!) { document(system: "shopify", type: "order", externalId: $id) { parties { partyId mentionedPartyId } } }`,
			map[string]any{"id": id}, &out)
		if len(out.Document.Parties) != 1 {
			t.Fatalf("parties of order %s: %+v", id, out.Document.Parties)
		}
		return out.Document.Parties[0]
	}
	a, b := partyOf("9820193847261123"), partyOf("9820193847261999")
	if a.PartyID == b.PartyID {
		t.Fatalf("two customers with only a name in common merged: %s", a.PartyID)
	}

	var conf struct {
		ConfirmPartyMatch struct{ Party, Other string }
	}
	res := graphQL(t, base, tenant, `mutation($a: ID!, $b: ID!) { confirmPartyMatch(party: $a, other: $b) { party other } }`,
		map[string]any{"a": a.MentionedPartyID, "b": b.MentionedPartyID}, &conf)
	if len(res.Errors) > 0 || conf.ConfirmPartyMatch.Party != conf.ConfirmPartyMatch.Other {
		t.Fatalf("confirm: %+v %+v", conf, res.Errors)
	}
	if x, y := partyOf("9820193847261123"), partyOf("9820193847261999"); x.PartyID != y.PartyID {
		t.Fatalf("confirmed, still two: %+v %+v", x, y)
	}

	var rej struct {
		RejectPartyMatch struct {
			Party, Other string
			Cut          *struct{ From, To, Reason string }
		}
	}
	res = graphQL(t, base, tenant, `mutation($a: ID!, $b: ID!) { rejectPartyMatch(party: $a, other: $b) { party other cut { from to reason } } }`,
		map[string]any{"a": a.MentionedPartyID, "b": b.MentionedPartyID}, &rej)
	if len(res.Errors) > 0 || rej.RejectPartyMatch.Cut == nil || !strings.HasPrefix(rej.RejectPartyMatch.Cut.Reason, "confirmed by") {
		t.Fatalf("reject: %+v %+v", rej, res.Errors)
	}
	if x, y := partyOf("9820193847261123"), partyOf("9820193847261999"); x.PartyID != a.MentionedPartyID || y.PartyID != b.MentionedPartyID {
		t.Fatalf("after the rejection each keeps its id: %+v %+v", x, y)
	}
	var ds struct {
		PartyDecisions []struct{ Party, Other, Verdict string }
	}
	graphQL(t, base, tenant, `{ partyDecisions { party other verdict } }`, nil, &ds)
	if len(ds.PartyDecisions) != 1 || ds.PartyDecisions[0].Verdict != "apart" {
		t.Errorf("decisions: %+v (one pair, the latest verdict)", ds.PartyDecisions)
	}

	reader := mintKey(t, tenant, "reader")
	var net struct {
		PartyNetwork struct {
			Root    string
			Parties []struct{ ID string }
		}
	}
	if r, _ := graphQLWith(t, base, reader, nil, `query($p: ID!) { partyNetwork(partyId: $p, depth: 1) { root parties { id } } }`,
		map[string]any{"p": a.MentionedPartyID}, &net); len(r.Errors) > 0 || net.PartyNetwork.Root != a.MentionedPartyID || len(net.PartyNetwork.Parties) != 1 {
		t.Errorf("network: %+v %+v", net, r.Errors)
	}
	if r, _ := graphQLWith(t, base, reader, nil, `query($p: ID!) { partyNetwork(partyId: $p, depth: 9) { root } }`,
		map[string]any{"p": a.MentionedPartyID}, nil); len(r.Errors) == 0 {
		t.Error("depth 9 accepted")
	}
	if r, _ := graphQLWith(t, base, reader, nil, `mutation($a: ID!, $b: ID!) { confirmPartyMatch(party: $a, other: $b) { party } }`,
		map[string]any{"a": a.MentionedPartyID, "b": b.MentionedPartyID}, nil); len(r.Errors) == 0 {
		t.Error("a reader decided on parties")
	}
	if r, _ := graphQLWith(t, base, reader, nil, `{ partyNetwork(partyId: "pt_none") { root } }`, nil, nil); len(r.Errors) == 0 ||
		!strings.Contains(r.Errors[0].Message, "not found") {
		t.Errorf("unknown party: %+v", r.Errors)
	}
}
