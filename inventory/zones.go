package inventory

// ZoneTable names each location's temperature zone (ambient, chilled, frozen...), by
// tenant and then location, as the config file gives it: a property of the place, not
// of the stock, so stock rows show it beside their quantities. A nil table names none.
type ZoneTable map[string]map[string]string

// Zone returns a location's zone, "" when none is configured.
func (z ZoneTable) Zone(tenant, location string) string { return z[tenant][location] }
