package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/seamhub/seam/resolver"
)

// blockProps names the Party property (indexed with the tenant) that files each block
// rule's key. The names come from this table, never from a caller.
var blockProps = map[string]string{
	resolver.BlockName: "bName", resolver.BlockAddress: "bAddr", resolver.BlockFamilyPost: "bFamPc",
	resolver.BlockBirthDate: "bDob", resolver.BlockGivenLocale: "bGivLoc", resolver.BlockNationalID: "bNid",
	resolver.BlockLetters: "bAbc", resolver.BlockLettersWG: "bAbw", resolver.BlockMaskedPhone: "bMph",
	resolver.BlockFamilyHome: "bFamSt",
}

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
			"name": m.Name, "tax": m.TaxID, "kind": kind, "nameKey": orNil(pr.Name), "email": orNil(pr.Email),
			"phone": orNil(pr.Phone), "address": orNil(pr.Address), "country": orNil(pr.Country),
			"profile": string(profile)}
		blocks := pr.Blocks()
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
MATCH (:SourceDocument {uid: r.doc, tenant: $tenant})-[m:MENTIONS]->(p:Party)
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
func (t *resolutionTx) PartyCandidates(ctx context.Context, blocks []string) ([]resolver.PartyProfile, map[string]int, error) {
	byRule := map[string][]string{}
	for _, b := range blocks {
		rule, value, ok := cutBlock(b)
		if ok {
			byRule[rule] = append(byRule[rule], value)
		}
	}
	filed := map[string]int{}
	var out []resolver.PartyProfile
	seen := map[string]bool{}
	for _, rule := range resolver.BlockRules {
		values := byRule[rule]
		if len(values) == 0 {
			continue
		}
		prop := blockProps[rule]
		if rule == resolver.BlockName || rule == resolver.BlockAddress {
			counts, err := run(ctx, t.tx, `
UNWIND $values AS v
CALL (v) {
  MATCH (p:Party {tenant: $tenant, `+prop+`: v}) WHERE NOT (p)-[:SAME_AS]->()
  WITH p LIMIT $cap RETURN count(p) AS n
}
RETURN v, n`, map[string]any{"values": values, "tenant": t.tenant, "cap": filedCap})
			if err != nil {
				return nil, nil, fmt.Errorf("counting party blocks: %w", err)
			}
			for _, r := range counts {
				if n := int(get[int64](r, "n")); n > 0 {
					filed[rule+"="+get[string](r, "v")] = n
				}
			}
		}
		recs, err := run(ctx, t.tx, `
UNWIND $values AS v
CALL (v) {
  MATCH (p:Party {tenant: $tenant, `+prop+`: v}) RETURN p LIMIT $per
}
OPTIONAL MATCH (p)-[:SAME_AS*1..32]->(r:Party) WHERE NOT (r)-[:SAME_AS]->()
RETURN DISTINCT p.id AS node, coalesce(r.id, p.id) AS root, p.kind AS kind, p.profile AS profile,
       p.nameKey AS name, p.email AS email, p.phone AS phone, p.address AS address, p.country AS country,
       coalesce(r.taxId, p.taxId) AS tax`, map[string]any{"values": values, "tenant": t.tenant, "per": candidatesPerBlock})
		if err != nil {
			return nil, nil, fmt.Errorf("party candidates (%s): %w", rule, err)
		}
		for _, r := range recs {
			node := get[string](r, "node")
			if seen[node] {
				continue
			}
			seen[node] = true
			var pr resolver.PartyProfile
			if js := get[string](r, "profile"); js != "" {
				if err := json.Unmarshal([]byte(js), &pr); err != nil {
					return nil, nil, fmt.Errorf("decoding the profile of party %s: %w", node, err)
				}
			} else {
				// A party stored before profiles were kept whole.
				pr = resolver.PartyProfile{Name: get[string](r, "name"), Email: get[string](r, "email"),
					Phone: get[string](r, "phone"), Address: get[string](r, "address"), Country: get[string](r, "country")}
			}
			pr.ID, pr.Root, pr.Company = node, get[string](r, "root"), get[string](r, "kind") == "company"
			if pr.TaxID == "" {
				pr.TaxID = get[string](r, "tax")
			}
			out = append(out, pr)
		}
	}
	return out, filed, nil
}

func cutBlock(b string) (rule, value string, ok bool) {
	for i := 0; i < len(b); i++ {
		if b[i] == '=' {
			return b[:i], b[i+1:], true
		}
	}
	return "", "", false
}
