package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestRoomsApart: rooms of three digits or more that differ are two homes, however
// the building is written (H座, or left out); a room left out, a floor, or a parcel
// point is not.
func TestRoomsApart(t *testing.T) {
	const road = "重庆市重庆市南岸区天星桥正街2763号"
	checkDetails(t, []detailCase{
		{road + "金科天籁城H座1505", road + "金科天籁城15栋2单元2706室", compare.OtherHome},
		{road + "金科天籁城2706", road + "金科天籁城15栋2单元1505室", compare.OtherHome},
		{road + "金科天籁城15栋2单元2706室", road + "金科天籁城15-2-1505", compare.OtherHome}, // as before
		{road + "金科天籁城H座1505", road + "金科天籁城15栋2单元1505室", compare.Similar},      // the room agrees
		{road + "金科天籁城15栋", road + "金科天籁城15栋2单元2706室", compare.Similar},         // the room left out
		{road + "赛格国际42楼", road + "金科天籁城15栋2单元2706室", compare.Different},        // a floor is no room
		{road + "金科天籁城丰巢快递柜", road + "金科天籁城15栋2单元2706室", compare.Partial},       // a parcel point
	})
}
