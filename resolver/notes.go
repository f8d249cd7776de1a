package resolver

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/refscan"
)

// References in free text. Clerks, brokers and accountants copy other systems' numbers
// into fields meant for people: a Meituan order id typed into the Square reference as
// "MT-27061900338491023", an order number in an invoice's remarks. A document's notes are
// read by refscan, which returns each identifier it can see in the form the mappings store
// keys. Such a key is only a question: it links when it equals a known identifier of
// another document of the tenant, never as an identity of the document itself, so two
// notes that name the same number do not link to each other. The link works both ways:
// the note may arrive first (the till's ring-up before the marketplace's order), and the
// identifier's holder then finds the note through the mention keys each note leaves.

// noteCandidates returns the identifiers d's notes name that may link: those in the note
// fields the tenant has searched (all by default), and a weak one (a short bare number)
// only when it is the note's whole text, the way a clerk types a reference into a field
// made for it, never a number standing somewhere in a remark.
func (b *batch) noteCandidates(d *ontology.Document) []refscan.Candidate {
	if len(d.Notes) == 0 {
		return nil
	}
	uid := d.Key.UID()
	if c, ok := b.noted[uid]; ok {
		return c
	}
	fields, restricted := b.m.canon.NoteFields(b.tenant, d.Key.System, d.Key.Type)
	var out []refscan.Candidate
	seen := map[string]bool{}
	own := map[string]bool{}
	for _, r := range d.Refs {
		own[r.ID()] = true
	}
	particulars := partyParticulars(d)
	for _, n := range d.Notes {
		if restricted && !contains(fields, n.Field) || storefrontContext[n.Field] {
			continue // not searched, or a party's context (names and homes, see partystorefront.go)
		}
		text := strings.TrimSpace(n.Text)
		if particulars[text] {
			continue
		}
		for _, c := range refscan.Scan(n.Field, text) {
			id := c.Ref.ID()
			if seen[id] || own[id] {
				continue // a note naming the document's own number says nothing new
			}
			if c.Strength == refscan.Weak && strings.TrimSpace(c.Raw) != text {
				continue
			}
			seen[id] = true
			out = append(out, c)
		}
	}
	b.noted[uid] = out
	return out
}

// partyParticulars are the texts d's mappings read as a party's own particulars: a
// birth date, a national id, a loyalty or member number, a tax id, a bank account. A
// shop keeps them in checkout attributes (Shopify's note_attributes, WooCommerce's
// meta_data), which the mapping reads twice: once by name as the customer's, and again
// among all the attributes, where partners and apps leave other systems' references. A
// note that is exactly one of them says who the customer is, not which document it
// refers to: a social security number "3124171" is not order number 3124171, and read
// as one it left a mention key and two links on every such order, and would have joined
// an order to another whose number it happened to equal.
func partyParticulars(d *ontology.Document) map[string]bool {
	var out map[string]bool
	for i := range d.Parties {
		p := &d.Parties[i]
		for _, v := range []string{p.BirthDate, p.NationalID, p.LoyaltyID, p.TaxID, p.BankAccount} {
			if v = strings.TrimSpace(v); v != "" {
				if out == nil {
					out = map[string]bool{}
				}
				out[v] = true
			}
		}
	}
	return out
}

// notedKeys are the key uids of the identifiers the pending documents' notes name.
func (b *batch) notedKeys(docs []PendingDoc) []string {
	var named []string
	for i := range docs {
		for _, c := range b.noteCandidates(&docs[i].Doc) {
			named = append(named, b.keyUID(c.Ref))
		}
	}
	return named
}

// noteEventIDs returns the events to load for notes: those whose documents hold an
// identifier the pending notes name (named), and those whose documents' notes name a
// pending document's identifiers, both looked up with the batch's own keys.
func (b *batch) noteEventIDs(named []string) map[string]bool {
	ids := map[string]bool{}
	for _, k := range named {
		for _, id := range b.keyEvents[k] {
			ids[id] = true
		}
	}
	for _, evs := range b.mentionEvents {
		for _, id := range evs {
			ids[id] = true
		}
	}
	return ids
}

// notedEvents returns the live events d's notes point at, or whose documents' notes point
// at d, with the evidence of the links. What d's own notes name must be one event: a note
// naming two different actions links to neither and goes to review, since a person wrote
// two numbers and only a person can say which is meant. What names d may be several
// events (an invoice's remarks and a charge's description each name the order before it
// arrives): they all name d's own identifier, so they are all d's action, and they merge
// with it unless their roles clash (two orders are never one action).
func (b *batch) notedEvents(uid string, d *ontology.Document) ([]*EventState, Evidence, bool) {
	type hit struct {
		ev   *EventState
		note string
		key  string
	}
	var forward, reverse []hit
	for _, c := range b.noteCandidates(d) {
		for _, id := range b.keyEvents[b.keyUID(c.Ref)] {
			if ev := b.live(id); ev != nil && b.fits(ev, uid, d) {
				forward = append(forward, hit{ev, c.Evidence(), c.Ref.ID()})
			}
		}
	}
	for _, r := range d.Refs {
		if !identifies(d, r) {
			continue
		}
		for _, id := range b.mentionEvents[b.keyUID(r)] {
			ev := b.live(id)
			if ev == nil || !b.fits(ev, uid, d) {
				continue
			}
			reverse = append(reverse, hit{ev, b.mentionEvidence(ev, r), r.ID()})
		}
	}
	sort.SliceStable(forward, func(i, j int) bool { return older(forward[i].ev, forward[j].ev) })
	for _, h := range forward[min(1, len(forward)):] {
		if h.ev != forward[0].ev {
			e := Evidence{Rule: "text-reference", Score: 1, Keys: []string{forward[0].key, h.key},
				Note: fmt.Sprintf("notes name two actions (%s, %s); a person decides", forward[0].ev.ID, h.ev.ID)}
			b.changes.Reviews = append(b.changes.Reviews, ReviewItem{DocUID: uid, EventID: forward[0].ev.ID, Score: 1, Evidence: mustJSON(e)})
			forward = nil
			break
		}
	}
	hits := append(forward, reverse...)
	if len(hits) == 0 {
		return nil, Evidence{}, false
	}
	var evs []*EventState
	var keys, notes []string
	for _, h := range hits {
		if !slices.Contains(evs, h.ev) {
			evs = append(evs, h.ev)
		}
		keys = appendUnique(keys, h.key)
		notes = appendUnique(notes, h.note)
	}
	return evs, Evidence{Rule: "text-reference", Keys: keys, Score: 1, Note: strings.Join(notes, "; ")}, true
}

// mentionEvidence explains a reverse link: which member of ev names r in which note.
func (b *batch) mentionEvidence(ev *EventState, r ontology.Ref) string {
	for _, m := range ev.Members {
		for _, c := range b.noteCandidates(&m.Doc) {
			if c.Ref.ID() == r.ID() {
				return fmt.Sprintf("%s/%s %s: %s", m.Doc.Key.System, m.Doc.Key.ExternalID, "names this document", c.Evidence())
			}
		}
	}
	return "a note of " + ev.ID + " names " + r.ID()
}

// noteKeys records a linked document's note identifiers as mention keys, so that the
// identifier's holder, arriving later, finds the note.
func (b *batch) noteKeys(uid string, d *ontology.Document) {
	for _, c := range b.noteCandidates(d) {
		b.changes.Keys = append(b.changes.Keys, KeyLink{DocUID: uid, KeyUID: b.keyUID(c.Ref), Kind: string(c.Ref.Kind),
			Value: c.Ref.Value, Mention: true})
	}
}

// rememberNotes indexes a linked document's mention keys for the rest of the batch.
func (b *batch) rememberNotes(d *ontology.Document, ev *EventState) {
	for _, c := range b.noteCandidates(d) {
		k := b.keyUID(c.Ref)
		b.mentionEvents[k] = appendUnique(b.mentionEvents[k], ev.ID)
	}
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
