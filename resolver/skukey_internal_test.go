package resolver

import "testing"

// CanonicalSKUKey's one-pass reading of ASCII spellings must key every spelling as
// skuKey does, or a stock read would miss the product resolution stored it under.
func TestCanonicalSKUKeyOfASCIIIsSkuKeys(t *testing.T) {
	for _, sku := range []string{"TEA-OOL-250G", "tea_ool_250g", " tea ool 250g\t", "", "-_ ", "a1B2z9Z0",
		"\x00\x7f@[`{", "ÄPFEL-1", "caf\u00e9-1", "ǅ-1", "\xff\xfe-bad-utf8", "ᵃ", "٣-digit"} {
		if got, want := CanonicalSKUKey(sku), "sku:"+skuKey(sku); got != want {
			t.Errorf("CanonicalSKUKey(%q) = %q, want %q", sku, got, want)
		}
	}
	if got := CanonicalSKUKey("tea_ool-250g"); got != "sku:TEAOOL250G" {
		t.Errorf("CanonicalSKUKey = %q, want sku:TEAOOL250G", got)
	}
}

func FuzzCanonicalSKUKey(f *testing.F) {
	for _, s := range []string{"TEA-OOL-250G", "tea_ool_250g", "ÄPFEL", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sku string) {
		if got, want := CanonicalSKUKey(sku), "sku:"+skuKey(sku); got != want {
			t.Fatalf("CanonicalSKUKey(%q) = %q, want %q", sku, got, want)
		}
	})
}
