package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestDeskReceiver: a receiver that names an office's desk or mail room, alone or after
// its company or department, is no person; a person named beside the desk is.
func TestDeskReceiver(t *testing.T) {
	for name, want := range map[string]bool{
		"前台":           true,
		"公司前台":         true,
		"前台代收":         true,
		"北京佳美广告有限公司前台": true,
		"行政部 前台":       true,
		"（前台）":         true,
		"收发室":          true,
		"Reception":    true,
		"front  desk":  true,
		"MAILROOM":     true,
		"張偉（前台代收）":     false, // 张伟, whom the desk takes it in for
		"张伟前台":         false,
		"陈刚":           false,
		"前台小王":         false,
		"Front":        false,
		"Desk Smith":   false,
		"":             false,
	} {
		if got := deskReceiver(name); got != want {
			t.Errorf("deskReceiver(%q) = %v, want %v", name, got, want)
		}
	}
	if p := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "1@#DESK", Name: "公司前台", Phone: "010-57528892",
		Address: "北京市朝阳区望京街1711号环球中心6层"}); p.Name != "" || p.Phone != "" || p.Address == "" {
		t.Errorf("a desk's order keeps its name %q or phone %q, or lost its address %q", p.Name, p.Phone, p.Address)
	}
}

// FuzzDeskReceiver: any text is read without a panic, and spaces around a name change
// nothing.
func FuzzDeskReceiver(f *testing.F) {
	for _, s := range []string{"前台", "北京佳美广告有限公司前台", "張偉（前台代收）", "Reception", "\xff前台", "部前台"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, b := deskReceiver(s), deskReceiver("  "+s+" \t"); a != b {
			t.Errorf("deskReceiver(%q) = %v, but %v with spaces around it", s, a, b)
		}
	})
}
