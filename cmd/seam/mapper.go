package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/mqtt"
	"github.com/seamhub/seam/connectors/signals"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// Mapper routes each payload to what can read it: sensor payloads to the IoT parsers,
// external signals (trend, weather, calendar) to their parsers, everything else to the declarative mappings (built-in, then the partner folder).
type Mapper struct {
	readings *mqtt.Readings
	registry *mapping.Registry
}

// NewMapper loads the built-in mappings and the partner mappings in dir ("" for none).
// A wrong partner file stops Seam at start with every problem and its line, rather than
// quarantining a whole feed later.
func NewMapper(dir string) (*Mapper, error) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		return nil, err
	}
	if dir != "" {
		if err := reg.LoadFS(os.DirFS(dir)); err != nil {
			return nil, fmt.Errorf("mappings in %s:\n%w", dir, err)
		}
	}
	return &Mapper{readings: mqtt.NewReadings(), registry: reg}, nil
}

// Map implements connectors.Mapper.
func (m *Mapper) Map(p connectors.Payload) ([]connectors.Mapped, error) {
	if p.System == "iot" && p.Type == "reading" {
		if p.Format == "jsonl" {
			return m.readingLines(p)
		}
		return m.readings.Map(p)
	}
	if p.System == signals.System {
		return signals.Map(p)
	}
	res, err := m.registry.MapPayloadAt(p.Tenant, p.System, p.Type, p.Format, p.Raw, p.ReceivedAt)
	if err != nil {
		return nil, &ontology.InvalidError{Problems: []ontology.Problem{{Field: "payload", Rule: "decode", Message: err.Error()}}}
	}
	out := make([]connectors.Mapped, len(res))
	for i, r := range res {
		out[i] = connectors.Mapped{Doc: r.Doc, Raw: r.Raw, Problems: r.Problems, Skipped: r.Skipped}
		if r.Doc != nil {
			out[i].ExternalID = r.Doc.Key.ExternalID
		}
	}
	return out, nil
}

// Known implements webhook.Systems: a system some mapping reads (sensors always).
func (m *Mapper) Known(system string) bool {
	return system == "iot" || system == signals.System || len(m.registry.Types(system)) > 0
}

// Reads says whether some mapping reads documents of system and typ, and when none does,
// which systems, or which types of that system, there are: a file drop names them by
// hand, and a slip would otherwise quarantine every file under a name nothing reads.
func (m *Mapper) Reads(system, typ string) error {
	switch {
	case system == "iot":
		if typ != "reading" {
			return fmt.Errorf("system iot has type reading only, not %q", typ)
		}
		return nil
	case system == signals.System:
		return nil // its parsers tell the kinds apart and quarantine what they cannot read
	case !m.Known(system):
		return fmt.Errorf("no mapping reads system %q; systems: %s (or add a mapping to the mappings folder)",
			system, strings.Join(append(m.registry.Systems(), "iot", signals.System), ", "))
	}
	if _, ok := m.registry.Lookup(system, typ); !ok {
		return fmt.Errorf("no mapping reads type %q of system %q; its types: %s", typ, system, strings.Join(m.registry.Types(system), ", "))
	}
	return nil
}

// OnlyType implements webhook.Systems.
func (m *Mapper) OnlyType(system string) (string, bool) {
	if system == "iot" {
		return "reading", true
	}
	// A type read alongside another (Meituan's refund push beside its order) is no
	// second type to choose from: a delivery of it is sent as the other.
	if ts := m.registry.SentTypes(system); len(ts) == 1 {
		return ts[0], true
	}
	return "", false
}

// readingLines maps a file of sensor payloads, one per line (the ThingsBoard gateway form
// names each payload's devices).
func (m *Mapper) readingLines(p connectors.Payload) ([]connectors.Mapped, error) {
	var out []connectors.Mapped
	for i, line := range bytes.Split(p.Raw, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		q := p
		q.Raw, q.Format = line, "json"
		recs, err := m.readings.Map(q)
		if errors.Is(err, connectors.ErrNoDocuments) {
			continue
		}
		if err != nil {
			out = append(out, connectors.Mapped{Raw: line, Problems: append(ontology.ProblemsOf(err),
				ontology.Problem{Field: fmt.Sprintf("line %d", i+1), Rule: "decode", Message: "this line could not be read"})})
			continue
		}
		out = append(out, recs...)
	}
	return out, nil
}
