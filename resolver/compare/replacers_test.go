package compare

import "testing"

// The tables of uFoldBack and nicknameKey are built once, and a word they leave alone
// is not copied: they run for every word of every pair of names compared, and a
// Replacer built per call was a tenth of the CPU of seam bench parties.
func TestFoldTablesBuiltOnce(t *testing.T) {
	for in, want := range map[string]string{"lüe": "lve", "lyu": "lv", "nyue": "nve", "yu": "yu", "zhang": "zhang", "": ""} {
		if got := uFoldBack(in); got != want {
			t.Errorf("uFoldBack(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"małgorzata": "malgorzata", "søren": "soren", "giuseppe": "giuseppe"} {
		if got := nicknameKey(in); got != want {
			t.Errorf("nicknameKey(%q) = %q, want %q", in, got, want)
		}
	}
	for _, c := range []struct {
		name string
		fn   func()
		max  float64 // a word that changes is written anew: Replacer's buffer and string
	}{
		{"uFoldBack of a word without ü", func() { _ = uFoldBack("zhang") }, 0},
		{"uFoldBack of a word with ü", func() { _ = uFoldBack("lüe") }, 3},
		{"nicknameKey of an ASCII name", func() { _ = nicknameKey("giuseppe") }, 0},
	} {
		if n := testing.AllocsPerRun(50, c.fn); n > c.max {
			t.Errorf("%s: %.0f allocations a call, want at most %.0f", c.name, n, c.max)
		}
	}
}
