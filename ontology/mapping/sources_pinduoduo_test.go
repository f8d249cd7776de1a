package mapping_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestPinduoduoReceiver: the customer of a Pinduoduo order is the receiver the merchant
// decrypted, with the whole address (address, or receiver_address with the region the
// order names beside it, never receiver_address alone), and the platform's masks when
// nothing was decrypted.
func TestPinduoduoReceiver(t *testing.T) {
	const (
		detail = "文三路478号华星大厦5楼"
		whole  = "浙江省杭州市西湖区文三路478号华星大厦5楼"
	)
	tests := []struct {
		name                 string
		plain                map[string]any
		drop                 []string
		wantName, wantPhone  string
		wantAddress, country string
	}{
		{name: "decrypted: the whole address, not the part without the region",
			plain: map[string]any{"receiver_name": "李娜", "receiver_phone": "13912342222",
				"receiver_address": detail, "address": whole},
			wantName: "李娜", wantPhone: "13912342222", wantAddress: whole, country: "CN"},
		{name: "only receiver_address decrypted: joined to the region",
			plain:    map[string]any{"receiver_name": "李娜", "receiver_phone": "13912342222", "receiver_address": detail},
			wantName: "李娜", wantPhone: "13912342222", wantAddress: whole, country: "CN"},
		{name: "receiver_address without its district: the mask, which names the region",
			plain: map[string]any{"receiver_name": "李娜", "receiver_address": detail}, drop: []string{"town"},
			wantName: "李娜", wantPhone: "139****2222", wantAddress: "浙江省杭州市西湖区文三路***", country: "CN"},
		{name: "nothing decrypted: the masks",
			wantName: "李*", wantPhone: "139****2222", wantAddress: "浙江省杭州市西湖区文三路***", country: "CN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, probs := mapEdited(t, "pinduoduo", "order", "pinduoduo/order.json", func(o map[string]any) {
				info := inner(o, "order_info_get_response.order_info")
				for k, v := range tt.plain {
					info[k] = v
				}
				for _, k := range tt.drop {
					delete(info, k)
				}
			})
			if d == nil || len(probs) > 0 || len(d.Parties) != 1 {
				t.Fatalf("%+v %v, want an order with its customer", d, probs)
			}
			p := d.Parties[0]
			if p.Role != ontology.PartyCustomer || p.Name != tt.wantName || p.Phone != tt.wantPhone ||
				p.Address != tt.wantAddress || p.Country != tt.country {
				t.Fatalf("customer %+v, want %s, %s, %s in %s", p, tt.wantName, tt.wantPhone, tt.wantAddress, tt.country)
			}
		})
	}
}
