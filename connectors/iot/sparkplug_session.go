package iot

import (
	"errors"
	"fmt"
	"sync"
)

// ErrUnknownAlias means a Sparkplug DATA message used a metric alias that no BIRTH since
// the node's last (re)birth has named. The payload cannot be read: quarantine it, and ask
// the edge node for a rebirth (publish [RebirthRequest] to the error's RebirthTopic);
// the quarantined payload can be replayed once the BIRTH has arrived. Test with
// errors.Is; errors.As with [*UnknownAliasError] gives the node and alias.
var ErrUnknownAlias = errors.New("unknown sparkplug metric alias")

// UnknownAliasError is the error behind [ErrUnknownAlias].
type UnknownAliasError struct {
	Topic Topic  // the DATA message's topic: group, edge node, device
	Field string // metrics[i].alias
	Alias uint64
}

func (e *UnknownAliasError) Error() string {
	return fmt.Sprintf("%s: %s: alias %d of %s: %v", FormatSparkplugB, e.Field, e.Alias, e.Topic, ErrUnknownAlias)
}

// Unwrap makes errors.Is(err, ErrUnknownAlias) true.
func (e *UnknownAliasError) Unwrap() error { return ErrUnknownAlias }

// RebirthTopic is where a rebirth request for the error's edge node goes
// (spBv1.0/{group}/NCMD/{edge node}); a device cannot be reborn on its own.
func (e *UnknownAliasError) RebirthTopic() string {
	return Topic{Group: e.Topic.Group, Type: NCmd, EdgeNode: e.Topic.EdgeNode}.String()
}

// Gap is a break in an edge node's seq: Missing messages between the last one seen and
// this one were lost (or are still to come out of order, which MQTT does not do on one
// connection). Seq rolls over at 256, so a gap is counted modulo 256.
type Gap struct {
	Group    string
	EdgeNode string
	Expected uint64
	Got      uint64
	Missing  int
}

// AliasTable is the Sparkplug session state readings need, per edge node and device:
// the alias-to-name map and the datatypes of the last NBIRTH/DBIRTH, the last seq (for
// gap detection) and the NBIRTH's bdSeq (so that a late NDEATH of an old session does not
// end the new one). One table serves all nodes; it is safe for concurrent use, and each
// message is applied under one lock so that a BIRTH and the DATA after it are seen in
// the order they are parsed. The zero value is ready to use.
//
// Session rules (Sparkplug B 3.0): an NBIRTH starts a new node session and drops the
// births of its devices (they must be reborn); an NDEATH whose bdSeq matches ends the
// session; a DBIRTH replaces one device's aliases and a DDEATH drops them.
type AliasTable struct {
	mu     sync.Mutex
	births map[scope]*birth
	nodes  map[nodeKey]*nodeState
}

// NewAliasTable returns an empty table.
func NewAliasTable() *AliasTable { return &AliasTable{} }

type nodeKey struct{ group, edge string }

type scope struct {
	node   nodeKey
	device string
}

type birth struct {
	aliases map[uint64]string
	types   map[string]DataType
}

type nodeState struct {
	seq, bdSeq       uint64
	hasSeq, hasBdSeq bool
}

// resolved is a metric's name and datatype after alias and birth lookup.
type resolved struct {
	name     string
	datatype DataType
}

// Lookup is the metric name alias stands for on a node (device "") or device, as the
// last birth said.
func (t *AliasTable) Lookup(group, edge, device string, alias uint64) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	b := t.births[scope{nodeKey{group, edge}, device}]
	if b == nil {
		return "", false
	}
	name, ok := b.aliases[alias]
	return name, ok
}

// observe applies one message to the session state and resolves its metrics' names and
// datatypes. It returns no metrics for DEATH messages.
func (t *AliasTable) observe(topic Topic, p *Payload) ([]resolved, *Gap, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.births == nil {
		t.births, t.nodes = map[scope]*birth{}, map[nodeKey]*nodeState{}
	}
	node := nodeKey{topic.Group, topic.EdgeNode}
	sc := scope{node, topic.Device}
	if topic.Type == NDeath {
		if st := t.nodes[node]; st != nil && st.hasBdSeq {
			if bd, ok := bdSeq(p); ok && bd != st.bdSeq {
				return nil, nil, nil // the death of an earlier session, delivered late
			}
		}
		t.forget(node)
		delete(t.nodes, node)
		return nil, nil, nil
	}
	gap, err := t.trackSeq(topic, node, p)
	if err != nil {
		return nil, nil, err
	}
	switch topic.Type {
	case DDeath:
		delete(t.births, sc)
		return nil, gap, nil
	case NBirth, DBirth:
		if topic.Type == NBirth {
			t.forget(node)
			st := t.nodes[node]
			st.bdSeq, st.hasBdSeq = bdSeq(p)
		}
		delete(t.births, sc)
		b, res, err := newBirth(p)
		if err != nil {
			return nil, gap, err
		}
		t.births[sc] = b
		return res, gap, nil
	}
	b := t.births[sc]
	res := make([]resolved, len(p.Metrics))
	for i, m := range p.Metrics {
		name := m.Name
		if name == "" {
			field := index("metrics", i)
			if m.Alias == nil {
				return nil, gap, fieldErr(FormatSparkplugB, field, "required", "", "metric has neither name nor alias")
			}
			var ok bool
			if b != nil {
				name, ok = b.aliases[*m.Alias]
			}
			if !ok {
				return nil, gap, &UnknownAliasError{Topic: topic, Field: join(field, "alias"), Alias: *m.Alias}
			}
		}
		dt := m.Datatype
		if dt == TypeUnknown && b != nil {
			dt = b.types[name]
		}
		res[i] = resolved{name, dt}
	}
	return res, gap, nil
}

// forget drops the births of a node and all its devices.
func (t *AliasTable) forget(node nodeKey) {
	for sc := range t.births {
		if sc.node == node {
			delete(t.births, sc)
		}
	}
}

// trackSeq records the message's seq and reports a gap. An NBIRTH starts counting
// afresh; a message repeating the last seq is a redelivery, not a gap of 255.
func (t *AliasTable) trackSeq(topic Topic, node nodeKey, p *Payload) (*Gap, error) {
	st := t.nodes[node]
	if st == nil {
		st = &nodeState{}
		t.nodes[node] = st
	}
	if p.Seq == nil {
		return nil, nil
	}
	seq := *p.Seq
	if seq > 255 {
		return nil, fieldErr(FormatSparkplugB, "seq", "range", fmt.Sprint(seq), "seq is 0 to 255")
	}
	last, known := st.seq, st.hasSeq
	st.seq, st.hasSeq = seq, true
	if topic.Type == NBirth || !known || seq == last {
		return nil, nil
	}
	want := (last + 1) % 256
	if seq == want {
		return nil, nil
	}
	return &Gap{Group: node.group, EdgeNode: node.edge, Expected: want, Got: seq, Missing: int((seq + 256 - want) % 256)}, nil
}

func newBirth(p *Payload) (*birth, []resolved, error) {
	b := &birth{aliases: map[uint64]string{}, types: map[string]DataType{}}
	res := make([]resolved, len(p.Metrics))
	for i, m := range p.Metrics {
		field := index("metrics", i)
		if m.Name == "" {
			return nil, nil, fieldErr(FormatSparkplugB, join(field, "name"), "required", "", "a BIRTH metric needs its name")
		}
		if m.Alias != nil {
			if prev, dup := b.aliases[*m.Alias]; dup && prev != m.Name {
				return nil, nil, fieldErr(FormatSparkplugB, join(field, "alias"), "duplicate", fmt.Sprint(*m.Alias),
					"alias already names %q", prev)
			}
			b.aliases[*m.Alias] = m.Name
		}
		if m.Datatype != TypeUnknown {
			b.types[m.Name] = m.Datatype
		}
		res[i] = resolved{m.Name, m.Datatype}
	}
	return b, res, nil
}

// bdSeq is the value of a payload's bdSeq metric, which ties an NBIRTH to its NDEATH.
func bdSeq(p *Payload) (uint64, bool) {
	for _, m := range p.Metrics {
		if m.Name != "bdSeq" {
			continue
		}
		switch m.Kind {
		case KindLong:
			return m.LongValue, true
		case KindInt:
			return uint64(m.IntValue), true
		}
	}
	return 0, false
}
