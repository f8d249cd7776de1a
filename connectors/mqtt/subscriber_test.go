package mqtt

import (
	"strconv"
	"strings"
	"testing"
)

func TestRoute(t *testing.T) {
	s := NewSubscriber(t.Context(), nil, []SparkplugGroup{{Group: "plant-1", Tenant: "acme"}}, nil)
	for _, tc := range []struct {
		topic, tenant, device string
		refusal               string // a part of the error; "" when the topic is taken
	}{
		{topic: "seam/acme/sensors/PALLET-1", tenant: "acme", device: "PALLET-1"},
		{topic: "spBv1.0/plant-1/DDATA/gw-7/PALLET-2", tenant: "acme"},
		{topic: "seam//sensors/PALLET-1", refusal: "empty tenant level"},
		{topic: "seam/acme/sensors/", refusal: "empty device level"},
		{topic: "seam/Acme/sensors/PALLET-1", refusal: "not a valid tenant name"},
		{topic: "seam/../sensors/PALLET-1", refusal: "not a valid tenant name"},
		{topic: "spBv1.0/plant-9/DDATA/gw-7/PALLET-2", refusal: `group "plant-9" is not mapped`},
		{topic: "spBv1.0/plant-1/NBIRTH", refusal: "not one Seam takes"},
		{topic: "seam/acme/other/PALLET-1", refusal: "not one Seam takes"},
	} {
		tenant, device, err := s.Route(tc.topic)
		switch {
		case tc.refusal == "" && err != nil:
			t.Errorf("Route(%q): %v", tc.topic, err)
		case tc.refusal == "" && (tenant != tc.tenant || device != tc.device):
			t.Errorf("Route(%q) = %q, %q; want %q, %q", tc.topic, tenant, device, tc.tenant, tc.device)
		case tc.refusal != "" && (err == nil || !strings.Contains(err.Error(), tc.refusal)):
			t.Errorf("Route(%q) = %q, %q, %v; want an error saying %q", tc.topic, tenant, device, err, tc.refusal)
		}
	}
}

// TestRouteConfiguredTenants: with a tenant list, a topic naming another tenant is
// refused, Sparkplug groups included; without one any valid name is taken.
func TestRouteConfiguredTenants(t *testing.T) {
	s := NewSubscriber(t.Context(), nil, []SparkplugGroup{{Group: "g", Tenant: "other"}}, nil)
	if _, _, err := s.Route("seam/other/sensors/d"); err != nil {
		t.Fatalf("no tenant list: %v", err)
	}
	s.Tenants = map[string]bool{"acme": true}
	if _, _, err := s.Route("seam/acme/sensors/d"); err != nil {
		t.Fatalf("a configured tenant: %v", err)
	}
	for _, topic := range []string{"seam/other/sensors/d", "spBv1.0/g/DDATA/e/d"} {
		if _, _, err := s.Route(topic); err == nil || !strings.Contains(err.Error(), "not configured") {
			t.Errorf("Route(%q) with tenants [acme]: %v", topic, err)
		}
	}
}

// TestQueueIndex: a source always lands on the same queue (its messages stay in order),
// every index is in range, and many sources spread over all the queues.
func TestQueueIndex(t *testing.T) {
	const n = 8
	used := map[int]int{}
	for i := range 1000 {
		key := orderKey("seam/acme/sensors/DEV-" + strconv.Itoa(i))
		q := queueIndex(key, n)
		if q < 0 || q >= n {
			t.Fatalf("queueIndex(%q) = %d, out of [0,%d)", key, q, n)
		}
		if again := queueIndex(key, n); again != q {
			t.Fatalf("queueIndex(%q) = %d then %d", key, q, again)
		}
		used[q]++
	}
	if len(used) != n {
		t.Fatalf("1000 sources used %d of %d queues: %v", len(used), n, used)
	}
	// A Sparkplug edge node's births and data (and all its devices) share one queue.
	if a, b := queueIndex(orderKey("spBv1.0/g/NBIRTH/gw-1"), n), queueIndex(orderKey("spBv1.0/g/DDATA/gw-1/PALLET-9"), n); a != b {
		t.Fatalf("an edge node's NBIRTH and DDATA on queues %d and %d", a, b)
	}
}
