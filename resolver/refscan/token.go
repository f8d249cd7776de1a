package refscan

import (
	"regexp"
	"strings"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/check"
	"github.com/seamhub/seam/resolver/normalize"
)

// orderLeads are the letters in front of an order number that mean "order number"
// ("SO-1047", "ORD-0001047", "No.1047"): such a number is asked as its digits, as
// normalize.OrderNumber and the mappings' orderNumber transform store it.
var orderLeads = map[string]bool{"SO": true, "ORD": true, "ORDER": true, "NO": true, "NR": true, "ORDERNO": true}

// mappingDrops reports whether the mappings' orderNumber transform drops this lead
// (ontology/mapping.OrderNumber: "#", "No.", "order", "ord-", "so-", "po-", repeated).
// It keeps "ORDER-1047", "NO-1047" and "NR1047" whole, so those are asked whole too.
var mappingDrops = regexp.MustCompile(`^(?:NO\.?|ORDER|ORD[-_]?|SO[-_]?)+$`).MatchString

// token reads one token alone: a shape that names its kind (a Stripe id, a UPS, S10 or
// container number, an ERPNext name), then what its labels or its own letters say, then
// its digits.
func (s *scanner) token(i int) {
	l := s.lx[i]
	t := l.text
	if k, ok := stripeID(t); ok {
		s.add(k, "", t, l.start, l.end, RuleStripe, Specific)
		return
	}
	up := strings.ToUpper(t)
	parts, joiners := groups(up)
	compact := stripJoiners(up)
	c := s.context(i, i)
	if c.never || c.labels&labPhone != 0 || notID(up, parts, joiners, compact) || !c.named() && phoneShape(parts, joiners, compact) {
		return
	}
	if ok, valid := upsNumber(compact); ok {
		s.add(ontology.RefTracking, "", compact, l.start, l.end, RuleUPS, checked(valid))
		return
	}
	if ok, valid := s10Number(compact); ok {
		s.add(ontology.RefTracking, "", compact, l.start, l.end, RuleS10, checked(valid))
		return
	}
	if len(compact) == 11 && !hasDigit(compact[:4]) && check.ContainerNumber(compact) == nil {
		s.add(ontology.RefContainer, "", compact, l.start, l.end, RuleContainer, Specific)
		return
	}
	lead, rest := splitLead(up)
	key := stripJoiners(lead)
	restDigits := stripJoiners(rest)
	if k, ok := erpnextName(lead, rest); ok {
		if k != "" {
			s.add(k, "", up, l.start, l.end, RuleERPNext, Specific)
		}
		return
	}
	switch {
	case key == "ASN" && len(restDigits) >= 3:
		s.asWritten(ontology.RefASN, t, up, l.start, l.end, RuleASN, Specific)
		return
	case key == "FBA" && len(compact) >= 10 && len(compact) <= 14:
		s.add(ontology.RefASN, "", compact, l.start, l.end, RuleASN, Specific)
		return
	case c.labels&labPO != 0 || key == "PO" || key == "PONO":
		s.po(up, key, rest, c.from, l.end)
		return
	case c.labels&labBL != 0 && len(compact) >= 6 && len(compact) <= 40:
		s.add(ontology.RefBL, "", up, c.from, l.end, RuleBL, Specific)
		return
	case c.labels&labTracking != 0 && len(compact) >= 8 && len(compact) <= 40:
		s.tracking(normalize.TrackingNumber(t), c, c.from, l.end)
		return
	case isCarrierLead(key) && allDigits(restDigits) && len(restDigits) >= 9 && len(restDigits) <= 20:
		s.add(ontology.RefTracking, "", normalize.TrackingNumber(t), l.start, l.end, RuleCarrierPrefix, Specific)
		return
	case lead == "":
		s.digitsFirst(i, c, up, parts, joiners, compact)
		return
	}
	if sys := asciiLabels[strings.ToLower(key)] & labSystem; sys != 0 && allDigits(restDigits) {
		c.labels |= sys
		s.number(restDigits, c, c.from, l.end)
		return
	}
	if orderLeads[key] && allDigits(rest) {
		c.labels |= labOrder
		s.number(rest, c, c.from, l.end)
		if !mappingDrops(lead) {
			s.add(ontology.RefOrderNumber, "", up, l.start, l.end, RuleOrderLiteral, Weak)
		}
		if key != "NO" && key != "NR" { // "SO-7781" is an ERP's reference as often as an order number
			s.hubRef(t, up, Plausible, l.start, l.end)
		}
		return
	}
	if len(lead) == 4 && lead == key && countDigits(rest) >= 8 && len(compact) <= 18 {
		// A carrier's SCAC and a number: a sea bill of lading (COSU6201234567).
		s.add(ontology.RefBL, "", up, l.start, l.end, RuleBL, Plausible)
	}
	s.literal(i, c, up, true)
}

// notID reports whether a token is a date, a time or a decimal number, which never
// name a document.
func notID(up string, parts []string, joiners, compact string) bool {
	return isDate(parts, joiners) || isISOTime(up) ||
		allDigits(compact) && joiners != "" && strings.Trim(joiners, ".") == "" // 58.60, 1.5, 10.0.0.1
}

// phoneShape reports whether a token of digits is written like a phone number: a
// mainland mobile, a number with an area code, a Meituan privacy number
// (13812345678_1234). Unless a label says otherwise, it is one.
func phoneShape(parts []string, joiners, compact string) bool {
	if !allDigits(compact) {
		return false
	}
	return chinaMobile(compact) || landline(parts) || strings.Contains(joiners, "_") && chinaMobile(parts[0])
}

// splitLead splits a token at its first digit: "MT-27061900338491023" is "MT-" and
// "27061900338491023".
func splitLead(up string) (lead, rest string) {
	i := strings.IndexFunc(up, isDigit)
	if i < 0 {
		return up, ""
	}
	return up[:i], up[i:]
}

// digitsFirst reads a token that starts with a digit: a number, a Pinduoduo order_sn,
// a list ("1047/1048"), a number in chunks ("2706-1900-3384-91023"), or an order number
// with more than digits ("1047-2", "1047A").
func (s *scanner) digitsFirst(i int, c ctx, up string, parts []string, joiners, compact string) {
	l := s.lx[i]
	switch {
	case !allDigits(compact):
		s.literal(i, c, up, false)
	case len(parts) == 1:
		s.number(compact, c, c.from, l.end)
	case len(parts) == 2 && len(parts[0]) == 6 && len(compact) == 21:
		if sn, ok := pddSN(compact); ok {
			st := Plausible
			if joiners == "-" || c.labels&labPinduoduo != 0 {
				st = Specific
			}
			s.add(ontology.RefOrderNumber, "", sn, c.from, l.end, RulePinduoduo, st)
			return
		}
		s.literal(i, c, up, false)
	case strings.Trim(joiners, "/") == "":
		off := 0
		for _, p := range parts {
			a, b := s.span(i, off, off+len(p))
			s.number(p, c, a, b)
			off += len(p) + 1
		}
	case chunked(parts) && len(compact) >= 10:
		s.number(compact, c, c.from, l.end)
	default:
		s.literal(i, c, up, false)
	}
}

// chunked reports whether digit groups look like one number written in chunks.
func chunked(parts []string) bool {
	for _, p := range parts {
		if len(p) < 3 || len(p) > 6 {
			return false
		}
	}
	return true
}

// number asks what a run of digits d can be. A label or prefix that names a system
// decides; without one, d is asked as every kind its length allows, and the resolver
// keeps the kind that is known. Order numbers and platform ids are asked without their
// leading zeros, tracking numbers and declaration numbers with them.
func (s *scanner) number(d string, c ctx, start, end int) {
	if c.never || !c.named() && (c.bare || c.labels&(labMoney|labQty) != 0 || yyyymmdd(d)) {
		return
	}
	core, _ := normalize.OrderNumber(d)
	add := func(kind ontology.RefKind, scope, value string, rule Rule, st Strength) {
		s.add(kind, scope, value, start, end, rule, st)
	}
	switch {
	case c.labels&labTracking != 0:
		s.tracking(d, c, start, end)
		return
	case c.labels&labMeituan != 0 && len(core) >= 12 && len(core) <= 20:
		add(ontology.RefOrderID, "meituan", core, RuleMeituan, Specific)
		add(ontology.RefOrderNumber, "", core, RuleMeituan, Specific)
		return
	case c.labels&labDouyin != 0 && len(core) >= 15 && len(core) <= 20:
		add(ontology.RefOrderID, "douyin", core, RuleDouyin, Specific)
		add(ontology.RefOrderNumber, "", core, RuleDouyin, Specific)
		return
	case c.labels&labShopify != 0 && len(core) >= 3 && len(core) <= 20:
		if len(core) >= 10 && len(core) <= 14 {
			add(ontology.RefOrderID, "shopify", core, RuleShopify, Specific)
		}
		add(ontology.RefOrderNumber, "", core, RuleShopify, Plausible)
		return
	}
	if sn, ok := pddSN(d); ok {
		st := Plausible
		if c.labels&labPinduoduo != 0 {
			st = Specific
		}
		add(ontology.RefOrderNumber, "", sn, RulePinduoduo, st)
		return
	}
	// A system named in front whose ids the number does not fit ("美团 1047") still says
	// it is an order, of that system: it is asked as an order number only.
	ordered := c.hash || c.labels&(labOrder|labSystem) != 0
	if c.labels&labSystem == 0 && len(core) >= 15 && len(core) <= 19 {
		add(ontology.RefOrderID, "meituan", core, RuleBareNumber, Plausible)
	}
	if c.labels&labSystem == 0 && len(core) == 19 {
		add(ontology.RefOrderID, "douyin", core, RuleBareNumber, Plausible)
	}
	if len(d) == 18 && check.ChinaEntryID(d) == nil {
		add(ontology.RefEntry, "", d, RuleCustomsEntry, Plausible)
	}
	if len(d) == 28 {
		add(ontology.RefPayment, "", d, RulePaymentSerial, Plausible)
	}
	if !ordered && trackingDigits(len(d)) {
		add(ontology.RefTracking, "", d, RuleTrackingDigits, Plausible)
	}
	if len(core) >= 3 && len(core) <= 20 {
		rule, st := RuleBareNumber, Weak
		switch {
		case ordered:
			rule, st = RuleOrderPrefix, Plausible
		case len(core) >= 9:
			st = Plausible
		}
		add(ontology.RefOrderNumber, "", core, rule, st)
	}
}

// tracking records a tracking number that a label announced, and with the carrier's
// letters in front when the label named a carrier that writes them ("顺丰 1420012345678"
// may be "SF1420012345678").
func (s *scanner) tracking(v string, c ctx, start, end int) {
	if len(v) < 8 || len(v) > 40 {
		return
	}
	s.add(ontology.RefTracking, "", v, start, end, RuleTrackingLabel, Specific)
	if c.carrier != "" && allDigits(v) {
		s.add(ontology.RefTracking, "", c.carrier+v, start, end, RuleTrackingLabel, Specific)
	}
}

// po records a purchase order number. The mappings store PO numbers as written, so it is
// asked in the spelling most systems use, "PO-" and the number ("PO12345", "PO# 12345"
// and "采购单 12345" are "PO-12345"), and as typed.
func (s *scanner) po(up, key, rest string, start, end int) {
	canon := up
	switch key {
	case "PO", "PONO":
		canon = "PO-" + rest
	case "":
		canon = "PO-" + up
	}
	s.add(ontology.RefPO, "", canon, start, end, RulePO, Specific)
	s.add(ontology.RefPO, "", up, start, end, RulePO, Specific)
}

// hubRef records a reference that a partner may carry as our hub reference.
func (s *scanner) hubRef(t, up string, st Strength, start, end int) {
	s.asWritten(ontology.RefHubRef, t, up, start, end, RuleHubRef, st)
}

// asWritten records a key that mappings store as the source wrote it, without
// normalisation: as typed, and upper case, the way such references are issued.
func (s *scanner) asWritten(kind ontology.RefKind, t, up string, start, end int, rule Rule, st Strength) {
	s.add(kind, "", t, start, end, rule, st)
	s.add(kind, "", up, start, end, rule, st)
}

// literal records a token that is more than a number as the order number it would be
// stored as (upper case, kept whole: "SO-1047-2", "#1047-EU", "INV-1047"), and, when it
// starts with letters, as a hub reference. A token with fewer than two digits, or fewer
// than three and no joiner, is a word ("COVID19", "A4"), not a reference.
func (s *scanner) literal(i int, c ctx, up string, lettered bool) {
	l := s.lx[i]
	_, joiners := groups(up)
	n := countDigits(up)
	if len(up) > 40 || n < 2 || n < 3 && joiners == "" {
		return
	}
	if !c.named() && (c.bare || c.labels&(labMoney|labQty) != 0) {
		return
	}
	ord := up
	if c.hash {
		ord = "#" + up
	}
	s.add(ontology.RefOrderNumber, "", ord, c.from, l.end, RuleOrderLiteral, Weak)
	if lettered {
		st := Weak
		if joiners != "" {
			st = Plausible
		}
		s.hubRef(l.text, up, st, l.start, l.end)
	}
}
