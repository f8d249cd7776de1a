package compare

import "testing"

// A coding allocates its two codes and nothing else: it runs for every word of every
// pair of names compared, and its state, word and builders on the heap were a third of
// the memory that comparing FEBRL 4's names allocated. A name too long for the room
// on the stack is coded as well (TestDoubleMetaphone's codes are unchanged).
func TestDoubleMetaphoneAllocatesItsCodesOnly(t *testing.T) {
	if n := testing.AllocsPerRun(50, func() { DoubleMetaphone("Schmidt") }); n > 2 {
		t.Errorf("coding Schmidt made %.0f allocations, want at most 2 (its codes)", n)
	}
	long := "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft"
	if p, a := DoubleMetaphone(long); p != "ALFX" || a != "FLFX" {
		t.Errorf("DoubleMetaphone(%q) = %q, %q; want ALFX, FLFX", long, p, a)
	}
}
