package resolver

import (
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// EventDetail is an event as people inspect it: what it is, which documents evidence it
// and why, what it did to stock, and which events were merged into it.
type EventDetail struct {
	Event         ontology.BusinessEvent
	Sources       []Source
	Movements     []ontology.Movement
	Discrepancies []inventory.Discrepancy
	// LotPicks are the lots FEFO chose for goods that named none.
	LotPicks []inventory.LotPick
	// Count is the count the event books, when it is a count's adjustment.
	Count      *inventory.CountRecord
	MergedFrom []string
}

// Source is one document of an event with the decision that put it there.
type Source struct {
	Role      ontology.Role
	Key       ontology.DocKey
	DecidedBy string
	Score     float64
	Evidence  Evidence
}

// Review is an open review item: a possible match waiting for a person.
type Review struct {
	ID        string
	Doc       ontology.DocKey
	EventID   string
	Score     float64
	Evidence  Evidence
	CreatedAt time.Time
}

// DocumentParty is a party a document mentions, as people inspect it: the surviving
// party, why the mentioned party is that one, and which parties are possibly related.
type DocumentParty struct {
	Role    string
	PartyID string
	// MentionedID is the party the mention itself founded or joined, before SAME_AS
	// links: what a person names to split a wrong merge.
	MentionedID string
	Related     []string // parties possibly related to it
	// SameAs gives the reasons (with the score of a probabilistic match) of the SAME_AS
	// links from the party the document mentions to the surviving party, in path order.
	SameAs []PartyLinkReason
	// RelatedBecause gives the reason of each RELATED link, beside Related.
	RelatedBecause []PartyLinkReason
}

// PartyLinkReason is why two parties are linked, and the score of a probabilistic link
// (0 when a shared key decided).
type PartyLinkReason struct {
	Party  string // the party at the other end
	Reason string
	Score  float64
}

// PartyNetwork is the group of parties around one, over RELATED links (a shared legal
// representative, phone, address or bank account, or a probable but unproven match):
// each party by its surviving id, and the links between them with their reasons.
type PartyNetwork struct {
	Root    string
	Parties []NetworkParty
	Links   []NetworkLink
	// Truncated says the walk stopped at the party limit before it reached its depth.
	Truncated bool
}

// NetworkParty is one party of a network: its surviving id, what it is known by, and how
// many RELATED steps it is from the party asked about.
type NetworkParty struct {
	ID, Name, Kind, TaxID string
	Depth                 int
	// Merged counts the parties linked SAME_AS into this one.
	Merged int
}

// NetworkLink is a RELATED link between two parties of a network, by surviving id.
type NetworkLink struct {
	From, To, Reason string
	Score            float64
}
