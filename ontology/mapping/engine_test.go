package mapping

import (
	"bytes"
	"encoding/json"
	"testing"
	"testing/fstest"
)

// A JSON file saved by a Windows tool (a broker's declaration export) starts with a UTF-8
// byte order mark. It is read like the same file without one, and the record's raw bytes
// stay exactly as received.
func TestDecodeJSONWithByteOrderMark(t *testing.T) {
	const bom = "\ufeff"
	tests := []struct {
		name   string
		format Format
		raw    string
		want   []string // each record's EntryId
	}{
		{"object", JSON, bom + `{"DecHead": {"EntryId": 531620251000654321}}`, []string{"531620251000654321"}},
		{"object after spaces", JSON, bom + "\r\n " + `{"DecHead": {"EntryId": "1"}}`, []string{"1"}},
		{"array", JSON, bom + `[{"DecHead": {"EntryId": "1"}}, {"DecHead": {"EntryId": "2"}}]`, []string{"1", "2"}},
		{"lines", JSONL, bom + `{"DecHead": {"EntryId": "1"}}` + "\n" + `{"DecHead": {"EntryId": "2"}}`, []string{"1", "2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := Decode(tt.format, []byte(tt.raw), DecodeOptions{})
			if err != nil || len(recs) != len(tt.want) {
				t.Fatalf("%d records, %v", len(recs), err)
			}
			for i, r := range recs {
				if r.Err != nil {
					t.Fatalf("record %d: %v", i, r.Err)
				}
				head, _ := r.Tree.(map[string]any)["DecHead"].(map[string]any)
				if id := scalar(head["EntryId"]); id != tt.want[i] {
					t.Errorf("record %d EntryId = %q, want %q", i, id, tt.want[i])
				}
				if _, isNumber := head["EntryId"].(json.Number); tt.name == "object" && !isNumber {
					t.Errorf("EntryId decoded as %T, want an exact json.Number", head["EntryId"])
				}
			}
			if tt.format == JSON && len(recs) == 1 && !bytes.Equal(recs[0].Raw, []byte(tt.raw)) {
				t.Errorf("raw bytes changed: %q", recs[0].Raw)
			}
		})
	}
	// A mark anywhere else is still malformed JSON.
	if _, err := Decode(JSON, []byte(`{"a": 1}`+bom), DecodeOptions{}); err == nil {
		t.Error("a trailing byte order mark was accepted")
	}
}

// A webhook does not say its format. A mapping whose format is form (Meituan's push)
// also receives the same fields as JSON (the order detail a connector pulls, a file): a
// body that starts with "{" is read as JSON, anything else as the form it says it is.
// Before, the form mapping decoded a JSON body as one form key and lost every field.
func TestMapPayloadSniffsJSONForAFormMapping(t *testing.T) {
	reg := &Registry{mappings: map[[2]string]*Mapping{}}
	err := reg.LoadFS(fstest.MapFS{"push.yaml": {Data: []byte(`system: push
type: order
role: payment
format: form
externalId: order_id
verb: {path: status, map: {"4": paid}}
occurredAt: {path: ctime, time: unix}
`)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ format, body string }{
		{"", "order_id=27061900338318741&status=4&ctime=1741054522"},
		{"", `{"order_id": 27061900338318741, "status": 4, "ctime": 1741054522}`},
		{"", " \r\n" + `{"order_id": "27061900338318741", "status": "4", "ctime": "1741054522"}`},
		{"json", `{"order_id": 27061900338318741, "status": 4, "ctime": 1741054522}`},
		{"form", "order_id=27061900338318741&status=4&ctime=1741054522"},
	} {
		res, err := reg.MapPayload("t", "push", "order", tt.format, []byte(tt.body))
		if err != nil || len(res) != 1 || res[0].Doc == nil {
			t.Fatalf("format %q, body %q: %+v %v", tt.format, tt.body, res, err)
		}
		if d := res[0].Doc; d.Key.ExternalID != "27061900338318741" || d.Verb != "paid" || d.OccurredAt.Unix() != 1741054522 {
			t.Errorf("format %q, body %q: %+v", tt.format, tt.body, d)
		}
	}
}
