package connectors

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Payload is what a way in received: one webhook body, one file, one MQTT message, one
// page item of a partner API.
type Payload struct {
	Tenant string
	System string
	Type   string
	Raw    []byte
	// Format is the payload's encoding (json, jsonl, csv, xml, form, protobuf); empty
	// means the mapping's own format.
	Format string
	// Topic is the MQTT topic for sensor payloads.
	Topic string
	// Source names where a file drop's payload was read from (its path), so that a
	// quarantined item says which file to look at.
	Source     string
	Via        string // webhook, pull, file, mqtt, replay
	DeliveryID string
	ReceivedAt time.Time
}

// Mapped is one record of a payload after mapping: a document, or the problems that
// kept it from becoming one. Raw is the record's own bytes (one CSV row with its header,
// one JSON line), kept as evidence or quarantined.
type Mapped struct {
	Doc        *ontology.Document
	Raw        []byte
	ExternalID string
	Problems   []ontology.Problem
	// Skipped is why the record is no document by design (an ERPNext draft, which books
	// nothing until it is submitted): it is counted as ignored, neither stored nor
	// quarantined.
	Skipped string
	// FormerIDs are ids an earlier version of the mapping gave the same record (a
	// Sparkplug device reading keyed before its device id carried the edge node). A
	// record stored under one of them, with the same bytes, is that document: the
	// intake stores it there, so that its redelivery is a duplicate, not a second
	// document under the new id.
	FormerIDs []string
}

// FormerDocuments finds stored documents by key, for the ids records had before
// (Mapped.FormerIDs); keys with no document are absent from the answer, keyed by uid.
type FormerDocuments interface {
	Documents(ctx context.Context, tenant string, keys []ontology.DocKey) (map[string]*ontology.StoredDocument, error)
}

// Mapper turns a payload into canonical documents.
type Mapper interface {
	// Map decodes a payload and maps each record in it. An error means the payload as
	// a whole could not be read (malformed bytes, unknown source); the intake then
	// quarantines all of it.
	Map(p Payload) ([]Mapped, error)
}

// ErrNoDocuments is what a Mapper returns for a payload that is valid but carries no
// document by design (Sparkplug session traffic, a source's keep-alive). The intake
// counts it as ignored; any other payload without records is quarantined, so that a
// mapping that silently finds nothing can never drop data.
var ErrNoDocuments = errors.New("payload carries no document by design")

// DocumentStore is where the intake puts what it accepted or refused.
type DocumentStore interface {
	SaveDocuments(ctx context.Context, envs []ontology.Envelope) ([]Outcome, error)
	Quarantine(ctx context.Context, items []ontology.Quarantined) error
}

// ResolvingStore is a DocumentStore that may also resolve what it stores in the same
// transaction (a live webhook's few documents). resolved reports that it did: the
// documents need no announcement to the worker, whose pass would find nothing and
// compete with the next request.
type ResolvingStore interface {
	SaveResolved(ctx context.Context, envs []ontology.Envelope) (outcomes []Outcome, resolved bool, err error)
}

// Outcome says what storing one document did: "new", "duplicate", "updated" (a new
// current version) or "stale" (a version older by the source's clock than the current
// one, kept as history only).
type Outcome = string

// Result counts what the intake did with a set of payloads.
type Result struct {
	Accepted    int // new documents
	Updated     int // new current versions of known documents
	Duplicates  int // repeats of stored bytes, ignored
	Stale       int // versions older by the source's clock than the current one: kept as history, stock untouched
	Quarantined int
	Ignored     int // payloads and records that carry no document by design (ErrNoDocuments, Mapped.Skipped)
	// IgnoredWhy is why the first record skipped by its mapping is no document (an
	// ERPNext draft), for the caller's answer; "" when none was.
	IgnoredWhy string
	// Documents lists the keys stored (new or updated), in order.
	Documents []ontology.DocKey
	// Problems holds the reasons of the quarantined records, for the caller's answer.
	Problems []ontology.Problem
	// Malformed is true when a payload could not be decoded at all.
	Malformed bool
}

// Add folds another result into r.
func (r *Result) Add(o Result) {
	r.Accepted += o.Accepted
	r.Updated += o.Updated
	r.Duplicates += o.Duplicates
	r.Stale += o.Stale
	r.Quarantined += o.Quarantined
	r.Ignored += o.Ignored
	r.IgnoredWhy = cmp.Or(r.IgnoredWhy, o.IgnoredWhy)
	r.Documents = append(r.Documents, o.Documents...)
	r.Problems = append(r.Problems, o.Problems...)
	r.Malformed = r.Malformed || o.Malformed
}

// Intake maps, validates and stores payloads, and quarantines what fails.
type Intake struct {
	mapper    Mapper
	validator *ontology.Validator
	store     DocumentStore
	// notify, when set, is called with each tenant that got new documents.
	notify func(tenant string)
	now    func() time.Time
	// Observe, when set, is told every document's outcome (for metrics).
	Observe func(system, typ, via, outcome string)
	// Former, when set, is asked for the documents stored under records' former ids
	// (Mapped.FormerIDs); without it a record is always stored under its own id.
	Former FormerDocuments
}

// NewIntake builds an intake. notify may be nil.
func NewIntake(m Mapper, v *ontology.Validator, s DocumentStore, notify func(tenant string)) *Intake {
	return &Intake{mapper: m, validator: v, store: s, notify: notify, now: time.Now}
}

// Accept takes payloads of any tenants and sources. It returns an error only when the
// store could not be written; bad input is quarantined and counted, never an error.
func (in *Intake) Accept(ctx context.Context, payloads []Payload) (Result, error) {
	var res Result
	var envs []ontology.Envelope
	var former [][]string // each envelope's former ids
	var bad []ontology.Quarantined
	tenants := map[string]bool{}
	for _, p := range payloads {
		if p.ReceivedAt.IsZero() {
			p.ReceivedAt = in.now().UTC()
		}
		records, err := in.mapSafely(p)
		if errors.Is(err, ErrNoDocuments) {
			res.Ignored++
			continue
		}
		if err != nil {
			probs := ontology.ProblemsOf(err)
			bad = append(bad, quarantined(p, p.Raw, "", probs))
			res.Problems = append(res.Problems, probs...)
			res.Malformed = true
			continue
		}
		if len(records) == 0 {
			probs := []ontology.Problem{{Rule: "empty", Message: "the payload holds no record"}}
			bad = append(bad, quarantined(p, p.Raw, "", probs))
			res.Problems = append(res.Problems, probs...)
			res.Malformed = true
			continue
		}
		for _, r := range records {
			if r.Skipped != "" && r.Doc == nil && len(r.Problems) == 0 {
				res.Ignored++
				res.IgnoredWhy = cmp.Or(res.IgnoredWhy, r.Skipped)
				in.observe(p.System, p.Type, p.Via, "ignored")
				continue
			}
			if len(r.Problems) == 0 && r.Doc != nil {
				if err := in.validator.Document(r.Doc); err != nil {
					r.Problems = ontology.ProblemsOf(err)
				}
			}
			if len(r.Problems) > 0 || r.Doc == nil {
				if len(r.Problems) == 0 {
					r.Problems = []ontology.Problem{{Rule: "mapping", Message: "mapping produced no document"}}
				}
				bad = append(bad, quarantined(p, r.Raw, r.ExternalID, r.Problems))
				res.Problems = append(res.Problems, r.Problems...)
				continue
			}
			envs = append(envs, ontology.Envelope{
				Doc: *r.Doc, Raw: r.Raw, Format: p.Format, Via: p.Via, ReceivedAt: p.ReceivedAt, DeliveryID: p.DeliveryID,
			})
			former = append(former, r.FormerIDs)
		}
	}
	if err := in.adoptFormerKeys(ctx, envs, former); err != nil {
		return res, err
	}
	if len(bad) > 0 {
		if err := in.store.Quarantine(ctx, bad); err != nil {
			return res, fmt.Errorf("quarantining: %w", err)
		}
		res.Quarantined = len(bad)
		for _, q := range bad {
			in.observe(q.System, q.Type, q.Via, "quarantined")
		}
	}
	resolved := false
	if len(envs) > 0 {
		var outcomes []Outcome
		var err error
		if rs, ok := in.store.(ResolvingStore); ok {
			outcomes, resolved, err = rs.SaveResolved(ctx, envs)
		} else {
			outcomes, err = in.store.SaveDocuments(ctx, envs)
		}
		if err != nil {
			return res, fmt.Errorf("storing documents: %w", err)
		}
		for i, o := range outcomes {
			in.observe(envs[i].Doc.Key.System, envs[i].Doc.Key.Type, envs[i].Via, o)
			switch o {
			case "duplicate":
				res.Duplicates++
				continue
			case "stale":
				res.Stale++
				continue
			case "updated":
				res.Updated++
			default:
				res.Accepted++
			}
			res.Documents = append(res.Documents, envs[i].Doc.Key)
			tenants[envs[i].Doc.Key.Tenant] = true
		}
	}
	if in.notify != nil && !resolved {
		for t := range tenants {
			in.notify(t)
		}
	}
	return res, nil
}

// adoptFormerKeys stores each envelope whose record was stored before under one of its
// former ids, with the same bytes, under that id instead: the store then finds it a
// duplicate of what it holds. Bytes that differ under a former id are another record
// that had the same id then (two edge nodes' devices of one name), which the new id
// tells apart: the envelope keeps its own.
func (in *Intake) adoptFormerKeys(ctx context.Context, envs []ontology.Envelope, former [][]string) error {
	if in.Former == nil {
		return nil
	}
	byTenant := map[string][]ontology.DocKey{}
	for i, ids := range former {
		for _, id := range ids {
			k := envs[i].Doc.Key
			k.ExternalID = id
			byTenant[k.Tenant] = append(byTenant[k.Tenant], k)
		}
	}
	found := map[string]*ontology.StoredDocument{}
	for tenant, keys := range byTenant {
		got, err := in.Former.Documents(ctx, tenant, keys)
		if err != nil {
			return fmt.Errorf("looking up documents under former ids: %w", err)
		}
		maps.Copy(found, got)
	}
	for i, ids := range former {
		for _, id := range ids {
			k := envs[i].Doc.Key
			k.ExternalID = id
			if d := found[k.UID()]; d != nil && d.Hash == ontology.Hash(envs[i].Raw) {
				envs[i].Doc.Key = k
				break
			}
		}
	}
	return nil
}

// Refuse quarantines a payload its way in could not hand to Accept (an MQTT message on
// a topic no tenant owns, one too large to read, one the store kept refusing), with the
// reasons: kept with its bytes, listed and counted like any other refused payload.
func (in *Intake) Refuse(ctx context.Context, p Payload, probs []ontology.Problem) error {
	if p.ReceivedAt.IsZero() {
		p.ReceivedAt = in.now().UTC()
	}
	if err := in.store.Quarantine(ctx, []ontology.Quarantined{quarantined(p, p.Raw, "", probs)}); err != nil {
		return fmt.Errorf("quarantining: %w", err)
	}
	in.observe(p.System, p.Type, p.Via, "quarantined")
	return nil
}

// mapSafely maps a payload and turns a panic in a mapping into an error, so that a
// payload that crashes a mapper is quarantined with the reason instead of killing the
// request, the file import or the MQTT queue that carried it.
func (in *Intake) mapSafely(p Payload) (records []Mapped, err error) {
	defer func() {
		if r := recover(); r != nil {
			records, err = nil, &ontology.InvalidError{Problems: []ontology.Problem{{Rule: "panic", Message: fmt.Sprintf("the mapping crashed on this payload: %v", r)}}}
		}
	}()
	return in.mapper.Map(p)
}

func (in *Intake) observe(system, typ, via, outcome string) {
	if in.Observe != nil {
		in.Observe(system, typ, via, outcome)
	}
}

func quarantined(p Payload, raw []byte, externalID string, probs []ontology.Problem) ontology.Quarantined {
	if raw == nil {
		raw = p.Raw
	}
	id := ontology.QuarantineID(p.Tenant, p.System, p.Type, raw)
	if p.Topic != "" {
		// A sensor's topic names its device: the same bytes from two devices are two
		// readings, and one item for both would replay only the first.
		id = ontology.QuarantineID(p.Tenant, p.System, p.Type, append([]byte(p.Topic+"\x00"), raw...))
	}
	return ontology.Quarantined{
		ID:         id,
		Tenant:     p.Tenant,
		System:     p.System,
		Type:       p.Type,
		ExternalID: externalID,
		Raw:        raw,
		Format:     p.Format,
		Via:        p.Via,
		Topic:      p.Topic,
		Source:     p.Source,
		Problems:   probs,
		ReceivedAt: p.ReceivedAt,
	}
}
