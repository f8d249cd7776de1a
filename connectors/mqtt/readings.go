package mqtt

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/iot"
	"github.com/seamhub/seam/ontology"
)

// Readings maps sensor payloads (system "iot", type "reading") to documents: one
// document per device per payload, keyed by the device and the time of its first
// reading, so a redelivered payload is the same document.
type Readings struct {
	aliases *iot.AliasTable
	// OnUnknownAlias, when set, is called for a Sparkplug DATA message whose aliases no
	// birth has named, so that the caller can ask the edge node for a rebirth.
	OnUnknownAlias func(group, edge string)
	// FormerBefore bounds the Sparkplug device readings that may be stored under their
	// former id: readings timed before it. Seam once keyed a Sparkplug device's readings
	// by the bare device id ("PALLET-SENSOR-0042@..."), before the id carried its edge
	// node ("gw-07/PALLET-SENSOR-0042@..."); a message stored then and delivered again
	// now (an unacknowledged QoS 1 message, a replayed backlog) is the document already
	// stored, not a second reading. Only a version of Seam older than this mapper stored
	// such ids, so a reading timed after the mapper was built never was, and costs the
	// intake no look-up. NewReadings sets it to ten minutes after it was called (a
	// device's clock may run ahead of Seam's); zero means no reading has a former id.
	FormerBefore time.Time
}

// formerSkew is how far ahead of Seam's clock a device's clock may run while a reading
// still counts as possibly stored under its former id.
const formerSkew = 10 * time.Minute

// NewReadings builds a reading mapper with an empty Sparkplug session table.
func NewReadings() *Readings {
	return &Readings{aliases: iot.NewAliasTable(), FormerBefore: time.Now().UTC().Add(formerSkew)}
}

// Map implements the intake's Mapper for sensor payloads.
func (r *Readings) Map(p connectors.Payload) ([]connectors.Mapped, error) {
	received := p.ReceivedAt
	if received.IsZero() {
		received = time.Now().UTC()
	}
	format := iot.Format(p.Format)
	if format == "" || format == "json" {
		format = iot.Detect(p.Topic, p.Raw)
	}
	device := ""
	if parts := strings.Split(p.Topic, "/"); len(parts) == 4 && parts[0] == "seam" && parts[2] == "sensors" {
		device = parts[3]
	}
	var rs []ontology.Reading
	var skipped []*iot.FieldError
	var err error
	// bare is the device id a Sparkplug device topic's readings had before the id
	// carried the edge node (see FormerBefore).
	bare := ""
	switch {
	case format == iot.FormatSparkplugB:
		rs, _, err = iot.Parse(format, p.Topic, p.Raw, received, r.aliases)
		if t, terr := iot.ParseTopic(p.Topic); terr == nil && t.Device != "" {
			bare = t.Device
		}
		var ua *iot.UnknownAliasError
		if errors.As(err, &ua) && r.OnUnknownAlias != nil {
			r.OnUnknownAlias(ua.Topic.Group, ua.Topic.EdgeNode)
		}
	case format == iot.FormatSenML:
		rs, skipped, err = iot.ParseSenML(p.Raw, device, received)
	case device != "":
		rs, err = iot.ParseThingsBoard(p.Raw, device, received)
	default:
		// A file or a gateway topic: ThingsBoard's gateway form names its devices.
		rs, err = iot.ParseThingsBoardGateway(p.Raw, received)
	}
	if err != nil {
		return nil, &ontology.InvalidError{Problems: []ontology.Problem{{Field: "payload", Rule: string(format), Message: err.Error()}}}
	}
	if len(rs) == 0 {
		// Sparkplug control traffic (NCMD, STATE, DEATH) carries no readings: nothing to
		// store, and nothing lost.
		return nil, connectors.ErrNoDocuments
	}
	byDevice := map[string][]ontology.Reading{}
	for _, x := range rs {
		byDevice[x.DeviceID] = append(byDevice[x.DeviceID], x)
	}
	devices := make([]string, 0, len(byDevice))
	for d := range byDevice {
		devices = append(devices, d)
	}
	sort.Strings(devices)
	out := make([]connectors.Mapped, 0, len(devices))
	for _, d := range devices {
		readings := byDevice[d]
		first := readings[0]
		id := d + "@" + strconv.FormatInt(first.At.UnixMilli(), 10)
		if first.Seq != nil {
			id += fmt.Sprintf("#%d", *first.Seq)
		}
		doc := &ontology.Document{
			Key:        ontology.DocKey{Tenant: p.Tenant, System: p.System, Type: p.Type, ExternalID: id},
			Role:       ontology.RoleReading,
			Verb:       ontology.VerbObserved,
			OccurredAt: first.At,
			Readings:   readings,
		}
		for _, x := range readings {
			if x.PalletSSCC != "" {
				doc.AddRef(ontology.RefSSCC, "", x.PalletSSCC)
			}
		}
		m := connectors.Mapped{Doc: doc, Raw: p.Raw, ExternalID: id}
		if bare != "" && first.At.Before(r.FormerBefore) {
			m.FormerIDs = []string{bare + strings.TrimPrefix(id, d)}
		}
		out = append(out, m)
	}
	if len(skipped) > 0 {
		// The records of a SenML pack Seam could not use are quarantined with the
		// pack, each with its reason, while the pack's other readings are stored:
		// visible, and a replay stores the readings once and quarantines these again.
		probs := make([]ontology.Problem, len(skipped))
		for i, s := range skipped {
			probs[i] = s.Problem()
			probs[i].Message = "record skipped, the pack's other records were stored: " + probs[i].Message
		}
		out = append(out, connectors.Mapped{Raw: p.Raw, ExternalID: out[0].ExternalID + "/skipped", Problems: probs})
	}
	return out, nil
}
