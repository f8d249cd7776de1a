package compare

// MaskedAreaLevel compares the area a masked address leaves visible (山东省青岛市李沧区****:
// the province, the city, the district) with the same parts of an address in parts,
// where the street line that tells neighbours apart is hidden. The most precise part
// both give decides: the district (against the other's district, or its city or town
// where a form put the district there), else the city. It returns, strongest first:
//   - Null: no area part to compare;
//   - MaskedCompatible: that part agrees, at any level (浦东新区 and 浦东, 苏州市 and
//     Suzhou);
//   - Different.
//
// A province is not compared: forms write it as a code (BJ, CN18) as often as a name.
func MaskedAreaLevel(masked, plain Address) Level {
	if d := masked.Locality; d != "" {
		if plain.Locality != "" && plain.City == "" && masked.City != "" && comparePart(PartCity, masked.City, plain.Locality).Kind.Agrees() {
			// 320 Baoan Dadao, 深圳市: a storefront's form put the city in its
			// locality field and named no district, which the city leaves open.
			return level("address", MaskedCompatible, "city %s, as the locality of %s", masked.City, displayLine(plain))
		}
		if plain.Locality != "" {
			return areaVerdict(PartLocality, d, plain.Locality)
		}
		for _, p := range []Part{PartCity, PartTown} {
			if l := comparePart(PartLocality, d, plain.get(p)); l.Kind.Agrees() {
				return level("address", MaskedCompatible, "district %s, as the %s of %s", d, p, displayLine(plain))
			}
		}
	}
	if masked.City != "" && plain.City != "" {
		return areaVerdict(PartCity, masked.City, plain.City)
	}
	return level("address", Null, "no visible area on both sides")
}

// areaVerdict is MaskedAreaLevel's level for one area part present on both sides.
func areaVerdict(p Part, masked, plain string) Level {
	if l := comparePart(p, masked, plain); l.Kind.Agrees() {
		return level("address", MaskedCompatible, "%s %s fits %s", p, masked, plain)
	}
	return level("address", Different, "%s %s is not %s", p, masked, plain)
}
