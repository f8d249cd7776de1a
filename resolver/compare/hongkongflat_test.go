package compare

import "testing"

// TestHongKongFlat: one home of Laguna City in the ways customers write it, in English
// and in Chinese, reads as one block, floor and flat; an address without a flat, or a
// street address elsewhere, reads as none.
func TestHongKongFlat(t *testing.T) {
	want := HKFlat{Block: "8", Floor: "29", Flat: "H"}
	for _, s := range []string{
		"Flat H, 29/F, Block 8, Laguna City",
		"Rm H, 29F, Blk 8, Laguna City",
		"29H, Blk 8, Laguna City",
		"29/F, Flat H, Tower 8, Laguna City, Kwun Tong",
		"觀塘麗港城第8座29樓H室",
		"九龍觀塘麗港城第8座29楼H室",
	} {
		if got, ok := HongKongFlat(s); !ok || got != want {
			t.Errorf("%q: %+v %v, want %+v", s, got, ok, want)
		}
	}
	for _, s := range []string{"35F, Tower 2, Kingswood Villas", "6231 Morris Street", "板橋區民生路160號8樓", "Flat 15, 41 Clark Gardens"} {
		if got, ok := HongKongFlat(s); ok {
			t.Errorf("%q: %+v, want no flat", s, got)
		}
	}
}
