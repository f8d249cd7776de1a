package mapping

import (
	"bytes"
	"encoding/json"
	"testing"
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
