package iot

import (
	"strings"
)

// MessageType is the Sparkplug message type, the topic's third level.
type MessageType string

// The Sparkplug B message types.
const (
	NBirth MessageType = "NBIRTH"
	NDeath MessageType = "NDEATH"
	DBirth MessageType = "DBIRTH"
	DDeath MessageType = "DDEATH"
	NData  MessageType = "NDATA"
	DData  MessageType = "DDATA"
	NCmd   MessageType = "NCMD"
	DCmd   MessageType = "DCMD"
	State  MessageType = "STATE"
)

// deviceLevel reports whether a message type is about a device (topic has a device
// level) and whether it is known at all.
func (t MessageType) deviceLevel() (device, known bool) {
	switch t {
	case NBirth, NDeath, NData, NCmd:
		return false, true
	case DBirth, DDeath, DData, DCmd:
		return true, true
	}
	return false, false
}

// Topic is a parsed Sparkplug B topic: spBv1.0/{group}/{type}/{edge}[/{device}], or
// spBv1.0/STATE/{host} for a host application's state.
type Topic struct {
	Group    string
	Type     MessageType
	EdgeNode string
	Device   string // "" for node messages
	HostID   string // only for STATE
}

// DeviceID is the device readings of this topic belong to: "{edge node}/{device}" when
// the topic names a device, else the edge node (a node may carry sensors itself).
// Sparkplug device ids are unique only within their edge node (two gateways may each
// have a PALLET-SENSOR-0042), so the edge node is part of the identity, as SOURCES.md
// §8d says. The group is not: a group maps to one tenant, and the tenant scopes the id.
func (t Topic) DeviceID() string {
	if t.Device != "" {
		return t.EdgeNode + "/" + t.Device
	}
	return t.EdgeNode
}

// String is the topic as published.
func (t Topic) String() string {
	if t.Type == State {
		return sparkplugNamespace + "/STATE/" + t.HostID
	}
	s := sparkplugNamespace + "/" + t.Group + "/" + string(t.Type) + "/" + t.EdgeNode
	if t.Device != "" {
		s += "/" + t.Device
	}
	return s
}

// ParseTopic reads a Sparkplug B topic. It fails ([*FieldError], field "topic") for
// another namespace, an unknown message type, a missing or extra level, an empty level,
// or an MQTT wildcard in a level.
func ParseTopic(topic string) (Topic, error) {
	bad := func(format string, args ...any) (Topic, error) {
		return Topic{}, fieldErr(FormatSparkplugB, "topic", "topic", topic, format, args...)
	}
	levels := strings.Split(topic, "/")
	if levels[0] != sparkplugNamespace {
		return bad("not a Sparkplug B topic (want %s/...)", sparkplugNamespace)
	}
	for i, l := range levels {
		if l == "" || strings.ContainsAny(l, "+#") {
			return bad("level %d is empty or a wildcard", i)
		}
	}
	if len(levels) == 3 && levels[1] == string(State) {
		return Topic{Type: State, HostID: levels[2]}, nil
	}
	if len(levels) < 4 {
		return bad("want %s/{group}/{type}/{edge node}[/{device}]", sparkplugNamespace)
	}
	t := Topic{Group: levels[1], Type: MessageType(levels[2]), EdgeNode: levels[3]}
	device, known := t.Type.deviceLevel()
	switch {
	case !known:
		return bad("unknown message type %q", levels[2])
	case device && len(levels) != 5:
		return bad("%s needs a device level", t.Type)
	case !device && len(levels) != 4:
		return bad("%s has no device level", t.Type)
	}
	if device {
		t.Device = levels[4]
	}
	return t, nil
}
