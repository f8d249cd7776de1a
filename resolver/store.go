package resolver

import (
	"context"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/productmatch"
)

// Store runs resolution work in transactions. Implementations hold a per-tenant lock for
// the whole of fn, so that two processes (a server and a `seam ingest`, or two replicas)
// never resolve the same tenant at once, and retry fn on transient failures: fn must only
// read and write through tx.
type Store interface {
	WithTenantLock(ctx context.Context, tenant string, fn func(ctx context.Context, tx Tx) error) error
}

// Tx is what a Matcher reads and writes inside one transaction.
type Tx interface {
	// Pending returns up to limit documents awaiting resolution, oldest first.
	Pending(ctx context.Context, limit int) ([]PendingDoc, error)
	// PendingOf returns those of the listed documents that still await resolution,
	// oldest first.
	PendingOf(ctx context.Context, uids []string) ([]PendingDoc, error)
	// EventsByKeys returns, for each key uid, the live (not merged) events that documents
	// holding that key belong to: at most limit of them, so that a key shared far more
	// widely than any business action (a mapping's mistake, a number that repeats every
	// day) cannot make a batch's cost grow with the data.
	EventsByKeys(ctx context.Context, keyUIDs []string, limit int) (map[string][]string, error)
	// Candidates is EventsByKeys for keys and, in the same round trip, the same for the
	// documents whose notes name the keys of mentions and for the documents under the
	// content block keys of blocks; at is when each event of a block occurred, as the
	// event says (its earliest document's time), where it says.
	Candidates(ctx context.Context, keyUIDs, mentionUIDs, blockUIDs []string, limit int) (byKey, byMention, byBlock map[string][]string, at map[string]time.Time, err error)
	// Rejections returns, for each document, the documents a person said it does not
	// belong with.
	Rejections(ctx context.Context, docUIDs []string) (map[string]map[string]bool, error)
	// Events loads events with their members and the net of their movements so far.
	Events(ctx context.Context, ids []string) (map[string]*EventState, error)
	// EventMembers loads events with their members only, without reading their
	// movements (Done empty, Seq 0): for events that are looked at, never planned.
	EventMembers(ctx context.Context, ids []string) (map[string]*EventState, error)
	// Parties returns, for party keys, the party each names and what is known of those
	// parties (their surviving id and tax id).
	Parties(ctx context.Context, keys []string) (map[string]string, map[string]PartyInfo, error)
	// PartyCandidates returns the profiles of parties found under these block keys (see
	// PartyProfile.Blocks), with their surviving ids, at most a few per block so that a
	// common name cannot make a batch's memory grow with the data; and how many
	// surviving parties each block key holds (counted up to a cap), for the frequency
	// adjustment of the scores.
	PartyCandidates(ctx context.Context, blocks []string) ([]PartyProfile, map[string]int, error)
	// Customers returns the customer parties (surviving ids) each document mentions, and
	// what is known of those parties.
	Customers(ctx context.Context, docUIDs []string) (map[string][]string, map[string]PartyInfo, error)
	// PartyCluster returns what is known of each listed party that exists (its
	// surviving id and tax id) and every SAME_AS link inside the clusters they belong to.
	PartyCluster(ctx context.Context, ids []string) (map[string]PartyInfo, []PartyLink, error)
	// PartyProfiles returns the stored profiles (with their surviving ids) of the listed
	// parties that exist.
	PartyProfiles(ctx context.Context, ids []string) ([]PartyProfile, error)
	// PartyMembers returns the stored profiles (with their surviving ids) of the
	// members of the clusters the listed parties belong to, the surviving party among
	// them, at most per of each cluster: what the cluster rules read of a party the
	// batch may join, whose members no block of the batch's mentions may return; and
	// the shop account keys (ext:) naming each member.
	PartyMembers(ctx context.Context, ids []string, per int) ([]PartyProfile, map[string][]string, error)
	// PartyApart returns the pairs of parties people said are different, and what is
	// known of each party named in them.
	PartyApart(ctx context.Context) ([][2]string, map[string]PartyInfo, error)
	// AccountBuyers returns, for shop account keys (ext:), the names the account's
	// orders were written to, one per document, in the order first seen (see
	// partyholder.go).
	AccountBuyers(ctx context.Context, keys []string) (map[string][]AccountBuyer, error)
	// ProductAliases returns the canonical SKU of each known product key.
	ProductAliases(ctx context.Context, keys []string) (map[string]string, error)
	// Catalogue returns up to limit products with the titles and HS codes lines have
	// named them by, for scoring lines that name their product only in words.
	Catalogue(ctx context.Context, limit int) ([]productmatch.Product, error)
	// EventOf returns the event a document is linked to ("" when none).
	EventOf(ctx context.Context, docUID string) (string, error)
	// LotStock returns the lots on hand at these places, with their expiry, for
	// products that have lots; other places are absent. Lots that expired by since
	// (no event of the batch can take them any more) may be left out: years of
	// expired lots stay on the shelves' books, and planning need not pass over them.
	LotStock(ctx context.Context, places []inventory.Place, since time.Time) (*inventory.LotStock, error)
	// AttachReservations makes the hold movements of the reservations that documents
	// consumed part of those documents' events (document uid -> event id; an event this
	// batch creates is created), each hold once and for one event only. It returns the
	// holds it attached now, by event id.
	AttachReservations(ctx context.Context, events map[string]string) (map[string][]ontology.Movement, error)
	// Apply writes the changes.
	Apply(ctx context.Context, ch *Changes) error
}

// PendingDoc is a stored document awaiting resolution.
type PendingDoc struct {
	UID     string
	Version int64
	Doc     ontology.Document
	// EventID is the event the document already belongs to, when this is a new version
	// of a resolved document.
	EventID string
	// Problem says why the stored document cannot be read (its canonical form does not
	// decode); such a document is set aside instead of failing its batch.
	Problem string
}

// Member is a document in an event as stored.
type Member struct {
	UID       string
	Doc       ontology.Document
	DecidedBy string
	Score     float64
}

// EventState is an event as stored: its members and what its movements did so far.
type EventState struct {
	ID         string
	Kind       ontology.EventKind
	Status     string
	OccurredAt time.Time
	Members    []Member
	Done       inventory.Effect
	Seq        int64 // number of movements so far
	MergedInto string
	created    bool
	touched    bool
}

// Changes is everything one resolution batch writes.
type Changes struct {
	Tenant    string
	Events    []EventWrite
	Links     []Link
	Unlinks   []Unlink
	Merges    []Merge
	Keys      []KeyLink
	Movements []ontology.Movement
	Resolved  []string // document uids whose Pending mark is cleared
	// ResolvedVersions is the version of each resolved document that was read: a newer
	// version saved while the batch ran keeps its Pending mark and is resolved next.
	ResolvedVersions map[string]int64
	Reviews          []ReviewItem
	Decisions        []Decision
	// ReviewUpdates close review items a person decided.
	ReviewUpdates []ReviewUpdate
	// ProductAliases are product keys seen for the first time, with their product.
	ProductAliases []ProductAlias
	// Mentions link documents to the parties they mention; PartyAliases are new party
	// keys; PartyLinks are SAME_AS and RELATED edges between parties.
	Mentions     []PartyMention
	PartyAliases []PartyAlias
	PartyLinks   []PartyLink
	// PartyDecisions are people's verdicts on parties; PartyCuts are SAME_AS links a
	// rejection removes.
	PartyDecisions []PartyDecision
	PartyCuts      []PartyLink
	// AccountBuyers are the names of each account's orders, whole, for the keys whose
	// list the batch changed; AccountMoves are account keys that now name another
	// party (the account's holder, see partyholder.go); Requeued are documents put
	// back in the queue, to be filed again after such a move.
	AccountBuyers map[string][]AccountBuyer
	AccountMoves  []PartyAlias
	Requeued      []string
	// SetAside takes documents out of the queue with the reason they cannot be resolved.
	SetAside []SetAside
	// ProductFacts are titles and HS codes lines named products by; Unresolved are
	// described lines no rule identified.
	ProductFacts []ProductFact
	Unresolved   []UnresolvedLine
	// LocationPairs are evidence that two location codes are one place.
	LocationPairs []LocationPair
	// Places link documents to the location codes their lines name apart from the
	// document's own (an ERPNext line booked in a warehouse of its own), so that an
	// alias set for such a code finds the documents whose stock it moves.
	Places []PlaceLink
	// Lots are the lots the documents name, with their expiry where they say.
	Lots []LotFact
	// Projected are movements of earlier batches the stock cache has applied, whose
	// Unprojected marks this write clears (Matcher.SetHeldMarks): a write that runs
	// anyway, instead of a transaction of their own beside the next webhook's.
	Projected []string
}

// ReviewUpdate records a person's verdict on a review item (if there is one).
type ReviewUpdate struct {
	DocUID, EventID string
	Status          string // confirmed, rejected
	By              string
}

// ReviewItem is a possible match between the review and accept thresholds, waiting for a
// person: the document stays in its own event until someone confirms.
type ReviewItem struct {
	DocUID   string
	EventID  string
	Score    float64
	Evidence string
}

// Decision is a person's verdict on two documents: "same" or "different". Resolution
// never overturns it.
type Decision struct {
	A, B    string // document uids
	Verdict string
	By      string
}

// EventWrite creates or updates an event node.
type EventWrite struct {
	ID            string
	Kind          ontology.EventKind
	Status        string
	OccurredAt    time.Time
	Location      string
	Discrepancies string // JSON list of inventory.Discrepancy
	// LotPicks are the lots the event's goods were taken from when they named none
	// (JSON list of inventory.LotPick): the evidence of the FEFO choice.
	LotPicks string
	Created  bool
}

// Link says that a document evidences an event, with the evidence of the decision.
type Link struct {
	DocUID    string
	EventID   string
	Role      ontology.Role
	Score     float64
	DecidedBy string // rule:<name>, merge, person:<who>
	Evidence  string // JSON Evidence
}

// Unlink removes a document from an event.
type Unlink struct {
	DocUID  string
	EventID string
}

// Merge records that event From proved to be event Into; From stays as an alias.
type Merge struct {
	From, Into string
	Evidence   string
}

// PlaceLink says that a document's lines name a location code (System, Code) other
// than the document's own.
type PlaceLink struct {
	DocUID string
	System string
	Code   string
}

// KeyLink attaches a reference key to a document.
type KeyLink struct {
	DocUID string
	KeyUID string
	Kind   string
	Value  string
	// Identity is true when the key names the document's own business action (see
	// identifying); only identity keys are followed to find candidate events.
	Identity bool
	// Block is true for content block keys (same store, basket and hour).
	Block bool
	// Mention is true for an identifier the document's notes name: never followed as
	// the document's own identity, only by the identifier's holder (see notes.go).
	Mention bool
}
