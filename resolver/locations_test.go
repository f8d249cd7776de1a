package resolver

import "testing"

func TestSuggestLocations(t *testing.T) {
	reg := NewRegistry([]LocationAlias{{System: "square", Code: "L2K8", Location: "STORE-PUDONG"}}, nil)
	codes := []LocationCode{
		{System: "square", Code: "L2K8", Name: "Seam Coffee Pudong", Address: "88 Shiyan Road, Pudong, Shanghai"},
		{System: "meituan", Code: "SH-PD-003", Name: "Seam Coffee (Pudong)", Address: "Shiyan Road 88, Pudong, Shanghai"},
		{System: "douyin", Code: "190007", Name: "Tea House Hangzhou", Address: "West Lake, Hangzhou"},
	}
	got := reg.SuggestLocations("", codes)
	if len(got) != 1 || got[0].Code != "SH-PD-003" || got[0].Location != "STORE-PUDONG" || got[0].Score < 0.5 {
		t.Fatalf("suggestions = %+v", got)
	}
}
