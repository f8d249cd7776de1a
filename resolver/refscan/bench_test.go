package refscan_test

import (
	"testing"

	"github.com/seamhub/seam/resolver/refscan"
)

// typicalNotes are the free text of one document of each kind: a POS reference, a
// clerk's note, a Meituan buyer's remark, a customs remark, a payment description.
var typicalNotes = []string{
	"MT-27061900338491023",
	"Re-rung Meituan order MT-27061900338491023 at the till, 2 lattes, paid ¥58.60",
	"顾客备注：美团外卖订单27061900338491023，到店自取，电话13800001111_5521，实付¥58.60",
	"合同号：PO-2025-00381，提单COSU6201234567，柜号MSKU1234565，海外仓 WH-NL-001",
	"Order #1047 (SO-1047), shipped UPS 1Z999AA10123456784 on 2025-03-04 10:15",
	"Leave at reception",
}

func BenchmarkScan(b *testing.B) {
	n := 0
	for _, t := range typicalNotes {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range typicalNotes {
			refscan.Scan("note", t)
		}
	}
}
