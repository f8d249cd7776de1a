package compare

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Hong Kong writes a home as the block of an estate, the floor and the flat, in English
// or in Chinese, in any order and abbreviated as the customer likes: Flat H, 29/F, Block
// 8, Laguna City; Rm H, 29F, Blk 8; 29H, Blk 8 (the floor and the flat run together);
// 觀塘麗港城第8座29樓H室. Compared as text, these were different streets or nothing at
// all (the Chinese form lands in the second line), so one person's two orders lost the
// whole address. HongKongFlat reads the block, floor and flat out of any of them.

// HKFlat is a Hong Kong home's block (empty for a single building), floor and flat, in
// upper case.
type HKFlat struct{ Block, Floor, Flat string }

var (
	hkFloor     = regexp.MustCompile(`(?i)\b(\d{1,3})\s*/?\s*f\b|\b(\d{1,3})(?:st|nd|rd|th)?\s+floor\b`)
	hkFlatWord  = regexp.MustCompile(`(?i)\b(?:flat|rm|room|unit)\.?\s*([a-z]{1,2}|\d{1,2}[a-z]?)\b`)
	hkBlock     = regexp.MustCompile(`(?i)\b(?:block|blk|tower|twr|tw)\.?\s*(\d{1,2}[a-z]?|[a-z])\b`)
	hkShorthand = regexp.MustCompile(`(?i)^\s*(\d{1,2})([a-z])\b`)
	hkHan       = regexp.MustCompile(`第?(\d{1,2}[A-Za-z]?)座.*?(\d{1,3})[樓楼]([A-Za-z0-9]{1,2})[室號号]?`)
)

// HongKongFlat reads a Hong Kong home's block, floor and flat from an address written in
// English or in Chinese; ok is false where the floor or the flat is not given.
func HongKongFlat(s string) (HKFlat, bool) {
	s = norm.NFKC.String(s)
	if m := hkHan.FindStringSubmatch(s); m != nil {
		return HKFlat{Block: strings.ToUpper(m[1]), Floor: m[2], Flat: strings.ToUpper(m[3])}, true
	}
	if hasHan(s) {
		return HKFlat{}, false
	}
	var f HKFlat
	if m := hkBlock.FindStringSubmatch(s); m != nil {
		f.Block = strings.ToUpper(m[1])
	}
	if m := hkFloor.FindStringSubmatch(s); m != nil {
		f.Floor = m[1] + m[2]
	}
	if m := hkFlatWord.FindStringSubmatch(s); m != nil {
		f.Flat = strings.ToUpper(m[1])
	}
	if f.Floor == "" && f.Flat == "" {
		if m := hkShorthand.FindStringSubmatch(s); m != nil {
			f.Floor, f.Flat = m[1], strings.ToUpper(m[2])
		}
	}
	f.Floor = strings.TrimLeft(f.Floor, "0")
	return f, f.Floor != "" && f.Flat != ""
}
