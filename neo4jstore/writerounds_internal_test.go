package neo4jstore

import (
	"fmt"
	"testing"
)

// TestWriteRoundsKeepOrder: a step larger than a batch spreads over rounds of the same
// steps; the steps before it go in its first round, those after it in its last, and
// every round holds at most a batch of each step's rows.
func TestWriteRoundsKeepOrder(t *testing.T) {
	rows := func(tag string, n int) []map[string]any {
		out := make([]map[string]any, n)
		for i := range out {
			out[i] = map[string]any{"r": fmt.Sprintf("%s%d", tag, i)}
		}
		return out
	}
	steps := []writeStep{{"a", rows("a", 2)}, {"b", nil}, {"c", rows("c", 7)}, {"d", rows("d", 1)}, {"e", rows("e", 4)}}
	rounds := writeRounds(steps, 3)
	// a:2 + c:3 | c:3 | c:1 + d:1 + e:3 | e:1
	want := [][]int{{2, 0, 3, 0, 0}, {0, 0, 3, 0, 0}, {0, 0, 1, 1, 3}, {0, 0, 0, 0, 1}}
	if len(rounds) != len(want) {
		t.Fatalf("want %d rounds, got %d", len(want), len(rounds))
	}
	var order []string
	for i, r := range rounds {
		if len(r) != len(steps) {
			t.Fatalf("round %d holds %d steps, want every one of %d", i, len(r), len(steps))
		}
		for j, st := range r {
			if st.cypher != steps[j].cypher {
				t.Errorf("round %d step %d is %q, want %q", i, j, st.cypher, steps[j].cypher)
			}
			if len(st.rows) != want[i][j] {
				t.Errorf("round %d step %s: %d rows, want %d", i, st.cypher, len(st.rows), want[i][j])
			}
			for _, row := range st.rows {
				order = append(order, row["r"].(string))
			}
		}
	}
	wantOrder := "[a0 a1 c0 c1 c2 c3 c4 c5 c6 d0 e0 e1 e2 e3]"
	if got := fmt.Sprint(order); got != wantOrder {
		t.Errorf("rows written in the order %s, want %s", got, wantOrder)
	}
	if got := writeRounds([]writeStep{{"a", nil}, {"b", nil}}, 3); len(got) != 0 {
		t.Errorf("nothing to write gave %d rounds", len(got))
	}
}

// TestParamTypesAsThePlanCacheSeesThem: an empty list is another type than a list of
// strings or rows, a map is a map whatever it holds, and the description does not depend
// on the order of the parameters.
func TestParamTypesAsThePlanCacheSeesThem(t *testing.T) {
	a := paramTypes(map[string]any{"t": "x", "keys": []string{}, "lists": map[string]any{"a": []string{}}})
	b := paramTypes(map[string]any{"lists": map[string]any{"a": []string{"v"}}, "keys": []string{}, "t": "y"})
	if a != b {
		t.Errorf("same types described apart: %q and %q", a, b)
	}
	c := paramTypes(map[string]any{"t": "x", "keys": []string{"k"}, "lists": map[string]any{}})
	if a == c {
		t.Errorf("an empty list and a list of strings described alike: %q", a)
	}
	if paramTypes(map[string]any{"rows": []map[string]any{}}) == paramTypes(map[string]any{"rows": []map[string]any{{"a": 1}}}) {
		t.Error("an empty list and a list of rows described alike")
	}
	if !profilable("UNWIND $rows AS r MERGE (n:X {id: r})") || profilable("CYPHER runtime=slotted MATCH (n) RETURN n") ||
		profilable("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10 ROWS") {
		t.Error("profilable: PROFILE goes before a plain statement only")
	}
	if h := statementHead("UNWIND $rows AS r\n  MERGE (e:BusinessEvent {id: r.id})\n  ON CREATE SET e.tenant = $tenant, e.createdAt = $now"); h != "UNWIND $rows AS r MERGE (e:BusinessEvent {id: r.id}) ON CREA…" {
		t.Errorf("statementHead = %q", h)
	}
}
