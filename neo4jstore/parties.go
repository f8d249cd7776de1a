package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/resolver"
)

// blockProps names the Party property (indexed with the tenant) that files each block
// rule's key. The names come from this table, never from a caller.
var blockProps = map[string]string{
	resolver.BlockName: "bName", resolver.BlockAddress: "bAddr", resolver.BlockFamilyPost: "bFamPc",
	resolver.BlockBirthDate: "bDob", resolver.BlockGivenLocale: "bGivLoc", resolver.BlockNationalID: "bNid",
	resolver.BlockLetters: "bAbc", resolver.BlockLettersWG: "bAbw", resolver.BlockMaskedPhone: "bMph",
	resolver.BlockFamilyHome: "bFamSt", resolver.BlockFamilySound: "bFamSnd", resolver.BlockHome: "bHome",
	resolver.BlockFamilyFlat: "bFamCmp", resolver.BlockFlat: "bCmpFlat",
}

// partyBlockSets keeps each block key a party was first filed under (mentionRows sends
// them): made from blockProps, so that a block rule added there is stored, not only
// looked up. (A rule added by hand to the lookup and not to this list found nothing.)
// partyBlockCreates is the same for a party the statement creates, which has none yet.
var partyBlockSets, partyBlockCreates = func() (string, string) {
	sets := make([]string, 0, len(resolver.BlockRules))
	creates := make([]string, 0, len(resolver.BlockRules))
	for _, rule := range resolver.BlockRules {
		prop := blockProps[rule]
		sets = append(sets, fmt.Sprintf("p.%[1]s = coalesce(p.%[1]s, r.%[1]s)", prop))
		creates = append(creates, fmt.Sprintf("p.%[1]s = r.%[1]s", prop))
	}
	return strings.Join(sets, ", "), strings.Join(creates, ", ")
}()

func mentionRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Mentions))
	for _, m := range ch.Mentions {
		kind := "person"
		if m.Company {
			kind = "company"
		}
		pr := m.Profile
		profile, _ := json.Marshal(pr)
		row := map[string]any{"doc": m.DocUID, "party": m.PartyID, "role": string(m.Role),
			"name": m.Name, "tax": m.TaxID, "kind": kind, "profile": string(profile)}
		blocks := m.Blocks
		if blocks == nil {
			blocks = pr.Blocks()
		}
		for rule, prop := range blockProps {
			row[prop] = orNil(blocks[rule])
		}
		rows = append(rows, row)
	}
	return rows
}

// staleMentionsCypher removes the parties a resolved document no longer mentions: a new
// version names another customer, or resolution now files the same mention elsewhere
// (a key's party merged into an older one). Without it a resent document would mention
// both, the old party and the new.
const staleMentionsCypher = `UNWIND $rows AS r
MATCH (d:SourceDocument {uid: r.doc, tenant: $tenant})-[m:MENTIONS]->(p) USING INDEX SEEK d:SourceDocument(uid)
WHERE NOT m.role + '/' + p.id IN r.keep
DELETE m`

// staleMentionRows lists, for each document resolved, the role and party of each of
// its mentions now.
func staleMentionRows(ch *resolver.Changes) []map[string]any {
	keep := map[string][]string{}
	for _, m := range ch.Mentions {
		keep[m.DocUID] = append(keep[m.DocUID], string(m.Role)+"/"+m.PartyID)
	}
	rows := make([]map[string]any, 0, len(ch.Resolved))
	for _, uid := range ch.Resolved {
		rows = append(rows, map[string]any{"doc": uid, "keep": append([]string{}, keep[uid]...)})
	}
	return rows
}

// candidatesPerBlock bounds how many parties one block key brings into a batch: a very
// common name must not load thousands of parties for every mention of it.
const candidatesPerBlock = 20

// filedCap bounds the count of parties sharing a block value: past a thousand, a value
// is common enough that its exact agreement weighs nothing more either way.
const filedCap = 1000

// PartyCandidates returns the parties filed under the block keys ("rule=value"), each
// with its own first mention's profile and its surviving id, at most candidatesPerBlock
// per key; and, for the name and address rules, how many surviving parties hold each
// value (up to filedCap), for the term-frequency adjustment.
//
// One statement whatever the rules, and a second only for name and address values that
// fill their candidatesPerBlock: one per rule made ten round trips a batch, and a party
// found under several rules (a person's name, birth date and address all block) had its
// surviving id walked and its profile sent once per rule. A value's candidates are all
// the parties filed under it when fewer than candidatesPerBlock come back, so its count
// is theirs, taken from the same index seek: counted apart, every name and address of a
// batch was sought twice (FEBRL 4: 24,573 of 29,399 database hits of the count).
func (t *resolutionTx) PartyCandidates(ctx context.Context, blocks []string) ([]resolver.PartyProfile, map[string]int, error) {
	recs, err := run(ctx, t.tx, partyCandidatesCypher, partyCandidatesParams(t.tenant, blocks))
	if err != nil {
		return nil, nil, fmt.Errorf("party candidates: %w", err)
	}
	var out []resolver.PartyProfile
	seen := map[string]bool{}
	filed := map[string]int{}
	full := map[string][]string{} // rule -> values whose candidates were cut at candidatesPerBlock
	for _, r := range recs {
		cs, _ := r.Get("counts")
		list, _ := cs.([]any)
		for _, c := range list {
			m, _ := c.(map[string]any)
			rule, _ := m["rule"].(string)
			v, _ := m["v"].(string)
			switch n, counted := m["n"].(int64); {
			case !counted:
				full[rule] = append(full[rule], v)
			case n > 0:
				filed[rule+"="+v] = int(n)
			}
		}
		node := get[string](r, "node")
		if seen[node] {
			continue
		}
		seen[node] = true
		pr, err := storedProfile(r)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, pr)
	}
	if len(full) > 0 {
		counts, err := run(ctx, t.tx, partyBlockCountsCypher, map[string]any{"tenant": t.tenant, "cap": filedCap,
			valuesParam: map[string]any{"name": orEmpty(full[resolver.BlockName]), "addr": orEmpty(full[resolver.BlockAddress])}})
		if err != nil {
			return nil, nil, fmt.Errorf("counting party blocks: %w", err)
		}
		for _, r := range counts {
			filed[get[string](r, "rule")+"="+get[string](r, "v")] = int(get[int64](r, "n"))
		}
	}
	return out, filed, nil
}

// storedProfile decodes a party row (node, root, kind, profile, old, tax): its first
// mention's profile with its id, surviving id and tax id.
func storedProfile(r *neo4j.Record) (resolver.PartyProfile, error) {
	node := get[string](r, "node")
	var pr resolver.PartyProfile
	if js := get[string](r, "profile"); js != "" {
		if err := json.Unmarshal([]byte(js), &pr); err != nil {
			return pr, fmt.Errorf("decoding the profile of party %s: %w", node, err)
		}
	} else {
		// A party stored before profiles were kept whole.
		old := get[map[string]any](r, "old")
		str := func(k string) string { v, _ := old[k].(string); return v }
		pr = resolver.PartyProfile{Name: str("nameKey"), Email: str("email"), Phone: str("phone"),
			Address: str("address"), Country: str("country")}
	}
	pr.ID, pr.Root, pr.Company = node, get[string](r, "root"), get[string](r, "kind") == "company"
	if pr.TaxID == "" {
		pr.TaxID = get[string](r, "tax")
	}
	return pr, nil
}

// PartyProfiles returns the listed parties that exist, each with its own first
// mention's profile and its surviving id: the members of a cluster a mention may split
// (see the resolver's partygencut.go), which no block may file together.
func (t *resolutionTx) PartyProfiles(ctx context.Context, ids []string) ([]resolver.PartyProfile, error) {
	recs, err := run(ctx, t.tx, `
UNWIND $ids AS id
MATCH (p:Party {uid: $tenant + '/' + id}) USING INDEX SEEK p:Party(uid)
OPTIONAL MATCH (p)-[:SAME_AS*1..32]->(r:Party) WHERE NOT (r)-[:SAME_AS]->()
WITH p, collect(r)[0] AS r, p.profile AS profile
RETURN p.id AS node, coalesce(r.id, p.id) AS root, p.kind AS kind, profile,
       CASE WHEN profile IS NULL THEN p {.nameKey, .email, .phone, .address, .country} END AS old,
       coalesce(r.taxId, p.taxId) AS tax`, map[string]any{"ids": ids, "tenant": t.tenant})
	if err != nil {
		return nil, fmt.Errorf("loading party profiles: %w", err)
	}
	out := make([]resolver.PartyProfile, 0, len(recs))
	for _, r := range recs {
		pr, err := storedProfile(r)
		if err != nil {
			return nil, err
		}
		out = append(out, pr)
	}
	return out, nil
}

// partyCandidatesParams are partyCandidatesCypher's parameters for the block keys
// ("rule=value") of tenant: each rule's values a list in one map, valuesParam.
//
// Neo4j keys its plans by the statement and the types of its parameters, and an empty
// list is not of the type of a list of strings: with a parameter for each rule, every
// pattern of rules with and without values was a statement of its own, planned when
// first sent (each of its fourteen branches), and a batch's pattern depends on what
// its mentions hold. seam bench backlog (load 17-20): 3.6 and 5.1 s for two of five
// batches' lookups against 10-100 ms for the others; a new pattern 7-10 s, the same
// one again 6-50 ms. A map's type does not depend on what it holds (see groupParam).
func partyCandidatesParams(tenant string, blocks []string) map[string]any {
	byRule := map[string][]string{}
	span := 1
	for _, b := range blocks {
		rule, value, ok := cutBlock(b)
		if ok {
			byRule[rule] = append(byRule[rule], value)
			span = max(span, len(byRule[rule]))
		}
	}
	values := make(map[string]any, len(resolver.BlockRules))
	for i, rule := range resolver.BlockRules {
		values[fmt.Sprintf("v%d", i)] = orEmpty(byRule[rule])
	}
	return map[string]any{"tenant": tenant, "per": candidatesPerBlock, "span": span, valuesParam: values}
}

// valuesParam is the one parameter that holds the lists of values a party lookup
// seeks, each under its own key (see partyCandidatesParams).
const valuesParam = "values"

// orEmpty sends a list that may be nil as an empty one: a statement's UNWIND of a
// missing parameter fails.
func orEmpty(vs []string) []string {
	if vs == nil {
		return []string{}
	}
	return vs
}

// partyBlockCountsCypher counts the surviving parties filed under each name and address
// value, up to $cap, leaving out values none holds.
var partyBlockCountsCypher = func() string {
	branch := func(rule, param string) string {
		return `
  UNWIND $` + valuesParam + `.` + param + ` AS v
  CALL (v) {
    MATCH (p:Party {tenant: $tenant, ` + blockProps[rule] + `: v}) WHERE NOT (p)-[:SAME_AS]->()
    WITH p LIMIT $cap RETURN count(p) AS n
  }
  RETURN '` + rule + `' AS rule, v, n`
	}
	return `CALL () {` + branch(resolver.BlockName, "name") + `
  UNION ALL` + branch(resolver.BlockAddress, "addr") + `
}
WITH rule, v, n WHERE n > 0
RETURN rule, v, n`
}()

// partyCandidatesCypher finds the parties under every rule's values ($values.v0 ... in
// BlockRules order), at most $per a value, each party once with its surviving id, in
// the order a lookup rule by rule, value by value, would first meet it: o numbers the
// finds by rule, then value, then the index's own order within a value. The order
// decides which candidate a tie in scoring keeps, so it is the order one statement per
// rule gave.
//
// Each name and address value found also comes back in counts, with beside it the
// surviving parties it holds when the seek found them all (fewer than $per), or no
// count when it did not (see PartyCandidates). A party's five fields of old (a party
// stored before profiles were kept whole) are read only when it has no profile.
var partyCandidatesCypher = func() string {
	var branches []string
	for i, rule := range resolver.BlockRules {
		count := "null"
		if rule == resolver.BlockName || rule == resolver.BlockAddress {
			count = fmt.Sprintf(`CASE WHEN j = 0 THEN {rule: '%s', v: $values.v%d[i],
    n: CASE WHEN size(ps) < $per THEN size([x IN ps WHERE NOT (x)-[:SAME_AS]->()]) END} END`, rule, i)
		}
		branches = append(branches, fmt.Sprintf(`
  UNWIND range(0, size($values.v%[1]d) - 1) AS i
  CALL (i) {
    MATCH (p:Party {tenant: $tenant, %[2]s: $values.v%[1]d[i]}) WITH p LIMIT $per RETURN collect(p) AS ps
  }
  UNWIND range(0, size(ps) - 1) AS j
  RETURN ps[j] AS p, (%[1]d * $span + i) * $per + j AS o, %[3]s AS c`, i, blockProps[rule], count))
	}
	return `CALL () {` + strings.Join(branches, `
  UNION ALL`) + `
}
WITH p, min(o) AS o, collect(c) AS counts
OPTIONAL MATCH (p)-[:SAME_AS*1..32]->(r:Party) WHERE NOT (r)-[:SAME_AS]->()
WITH p, o, counts, collect(r)[0] AS r
WITH p, o, counts, r, p.profile AS profile
RETURN p.id AS node, coalesce(r.id, p.id) AS root, p.kind AS kind, profile,
       CASE WHEN profile IS NULL THEN p {.nameKey, .email, .phone, .address, .country} END AS old,
       coalesce(r.taxId, p.taxId) AS tax, counts
ORDER BY o`
}()

func cutBlock(b string) (rule, value string, ok bool) {
	for i := 0; i < len(b); i++ {
		if b[i] == '=' {
			return b[:i], b[i+1:], true
		}
	}
	return "", "", false
}
