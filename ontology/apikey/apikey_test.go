package apikey

import (
	"strings"
	"testing"
)

func TestNewSecret(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 100; i++ {
		s := NewSecret()
		if !strings.HasPrefix(s, "seam_") || len(s) != len("seam_")+52 {
			t.Fatalf("secret %q: want seam_ and 52 base32 letters", s)
		}
		if !WellFormed(s) {
			t.Fatalf("a new secret is not well formed: %q", s)
		}
		if seen[s] {
			t.Fatalf("secret %q made twice", s)
		}
		seen[s] = true
	}
	if id := NewID(); !strings.HasPrefix(id, "key_") || len(id) != 20 {
		t.Fatalf("id %q", id)
	}
}

func TestHash(t *testing.T) {
	s := NewSecret()
	h := Hash(s)
	if h != Hash(s) || len(h) != 64 {
		t.Fatalf("hash %q is not a stable hex SHA-256", h)
	}
	if strings.Contains(h, s[5:15]) || h == Hash(NewSecret()) {
		t.Fatalf("hash %q reveals or collides", h)
	}
	// The known answer pins the algorithm: stored hashes must stay valid across releases.
	if got := Hash("seam_x"); got != "990c35b6550cf83a2eb4cb6ba673f7e9f1e18021e76903601c114ba8557b3991" {
		t.Fatalf("hash of a fixed secret = %q", got)
	}
}

func TestWellFormed(t *testing.T) {
	good := NewSecret()
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{good, true},
		{strings.ToUpper(good[:5]) + good[5:], false},
		{good[:len(good)-1], false},
		{good + "a", false},
		{"seam_" + strings.Repeat("1", 52), false}, // 1 is not a base32 letter
		{"", false},
		{"Bearer " + good, false},
		{"seam_" + strings.ToUpper(good[5:]), true},
		// Bytes no key has: a line break base32 would skip, a letter whose upper case
		// is ASCII ('ſ' is 'S'). Refused before any lookup.
		{good[:20] + "\n" + good[20:], false},
		{good[:len(good)-1] + "\n", false},
		{good[:len(good)-1] + "ſ", false},
	} {
		if got := WellFormed(tc.in); got != tc.want {
			t.Errorf("WellFormed(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// WellFormed, which decodes nothing, says yes to exactly the ASCII strings the base32
// decoder reads as a key's secretBytes.
func TestWellFormedIsWhatDecodes(t *testing.T) {
	decodes := func(s string) bool {
		b, err := encoding.DecodeString(strings.ToUpper(strings.TrimPrefix(s, prefix)))
		return strings.HasPrefix(s, prefix) && err == nil && len(b) == secretBytes
	}
	good := NewSecret()
	for c := range 128 {
		if c == '\r' || c == '\n' {
			continue // the decoder skips line breaks; WellFormed refuses them
		}
		for _, at := range []int{len(prefix), len(good) - 1, len(good) - 4} {
			for _, s := range []string{good[:at] + string(rune(c)) + good[at+1:], good[:at] + string(rune(c)) + good[at:], good[:at] + good[at+1:]} {
				if WellFormed(s) != decodes(s) {
					t.Errorf("WellFormed(%q) = %v, the decoder says %v", s, WellFormed(s), decodes(s))
				}
			}
		}
	}
}

func TestBearer(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"Bearer seam_abc", "seam_abc", true},
		{"bearer seam_abc", "seam_abc", true},
		{"  Bearer   seam_abc  ", "seam_abc", true},
		{"Basic dXNlcjpwYXNz", "", false},
		{"Bearer", "", false},
		{"Bearer ", "", false},
		{"seam_abc", "", false},
		{"", "", false},
	} {
		got, ok := Bearer(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Bearer(%q) = %q %v, want %q %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzBearer(f *testing.F) {
	for _, s := range []string{"Bearer seam_abc", "bearer  x", "Basic y", "", "Bearer\tseam_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		secret, ok := Bearer(header)
		if ok != (secret != "") {
			t.Fatalf("Bearer(%q) = %q, %v", header, secret, ok)
		}
		if ok && strings.TrimSpace(secret) != secret {
			t.Fatalf("Bearer(%q) kept spaces: %q", header, secret)
		}
		if WellFormed(secret) && !strings.HasPrefix(secret, "seam_") {
			t.Fatalf("well formed without the prefix: %q", secret)
		}
	})
}

func TestParseRole(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Role
		ok   bool
	}{
		{"reader", Reader, true},
		{"Partner", Partner, true},
		{" finance ", Finance, true},
		{"ADMIN", Admin, true},
		{"root", "", false},
		{"", "", false},
	} {
		got, err := ParseRole(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseRole(%q) = %q, %v", tc.in, got, err)
		}
	}
}

func TestHasRoleAndSeesSystem(t *testing.T) {
	partner := Key{Role: Partner, Systems: []string{"shopify"}}
	for _, tc := range []struct {
		key    Key
		roles  []Role
		system string
		has    bool
		sees   bool
	}{
		{Key{Role: Reader}, []Role{Reader, Finance}, "square", true, true},
		{Key{Role: Reader}, []Role{Finance}, "square", false, true},
		{Key{Role: Finance}, []Role{Finance}, "square", true, true},
		{Key{Role: Admin}, nil, "square", true, true},
		{Key{Role: Admin}, []Role{Finance}, "shopify", true, true},
		{partner, []Role{Reader, Finance}, "shopify", false, true},
		{partner, []Role{Partner}, "square", true, false},
		{Key{Role: Partner}, []Role{Partner}, "shopify", true, false},
		{Key{Role: Operator}, []Role{Reader, Finance}, "square", true, true},
		{Key{Role: Operator}, []Role{Operator}, "square", true, true},
		{Key{Role: Operator}, []Role{Finance}, "square", false, true},
		{Key{Role: Operator}, []Role{Partner}, "square", false, true},
		{Key{Role: Reader}, []Role{Operator}, "square", false, true},
	} {
		if got := tc.key.HasRole(tc.roles...); got != tc.has {
			t.Errorf("%s HasRole(%v) = %v", tc.key.Role, tc.roles, got)
		}
		if got := tc.key.SeesSystem(tc.system); got != tc.sees {
			t.Errorf("%s %v SeesSystem(%s) = %v", tc.key.Role, tc.key.Systems, tc.system, got)
		}
	}
}

func TestValidTenant(t *testing.T) {
	for in, want := range map[string]bool{
		"demo": true, "acme-nl_2": true, "a": true, strings.Repeat("a", 63): true,
		"": false, "Acme": false, "a/b": false, "-a": false, strings.Repeat("a", 64): false, "a b": false,
	} {
		if got := ValidTenant(in); got != want {
			t.Errorf("ValidTenant(%q) = %v", in, got)
		}
	}
}
