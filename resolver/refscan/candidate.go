package refscan

import (
	"fmt"

	"github.com/seamhub/seam/ontology"
)

// Candidate is one identifier that free text may name: the key to look up, and the
// evidence for asking (which field, which substring, which rule). It links nothing by
// itself; see the package documentation.
type Candidate struct {
	Ref      ontology.Ref // the key, in the form the mappings store it
	Field    string       // the field the text came from, as the caller named it
	Raw      string       // the exact substring of the text that was read
	Start    int          // byte offset of Raw in the text
	End      int          // byte offset just after Raw
	Rule     Rule
	Strength Strength
}

// Evidence is the candidate as one line for a link's explanation: the field, the raw
// text, the key and the rule.
func (c Candidate) Evidence() string {
	return fmt.Sprintf("%s %q read as %s by rule %s (%s)", c.Field, c.Raw, c.Ref.ID(), c.Rule, c.Strength)
}

// Strength says how much the spelling of a candidate alone says about its kind, so that
// the resolver can weigh a link found through it.
type Strength uint8

// Strengths, weakest first.
const (
	// Weak: a short bare number ("1047"). Asked only as an order number.
	Weak Strength = iota + 1
	// Plausible: the shape fits the kind (a 17-digit number, "#1047", "SO-1047"), but
	// nothing in the text names the system.
	Plausible
	// Specific: a prefix or label names the system ("MT-", "美团", "运单号"), or the shape
	// is one no other kind has (a check digit holds, a Pinduoduo order_sn with its dash).
	Specific
)

func (s Strength) String() string {
	switch s {
	case Weak:
		return "weak"
	case Plausible:
		return "plausible"
	case Specific:
		return "specific"
	}
	return fmt.Sprintf("strength(%d)", uint8(s))
}

// Rule names the shape or prefix that produced a candidate.
type Rule string

// Rules.
const (
	// RuleMeituan: a Meituan prefix or label (MT, MT-, meituan:, 美团) before 12 to 20
	// digits.
	RuleMeituan Rule = "meituan"
	// RuleDouyin: a Douyin prefix or label (DY, douyin, 抖音, 抖店) before 15 to 20 digits.
	RuleDouyin Rule = "douyin"
	// RulePinduoduo: a Pinduoduo order_sn, YYMMDD and 15 digits, with its dash, another
	// separator or none, with or without PDD or 拼多多 in front.
	RulePinduoduo Rule = "pinduoduo"
	// RuleShopify: a Shopify label before an order number or order id.
	RuleShopify Rule = "shopify"
	// RuleOrderPrefix: an order number behind "#", "SO-", "ORD", "No.", "order", "订单号".
	RuleOrderPrefix Rule = "order-prefix"
	// RuleBareNumber: digits with no prefix, asked as every kind their length allows.
	RuleBareNumber Rule = "bare-number"
	// RuleOrderLiteral: an order number that is more than digits ("SO-1047-2",
	// "#1047-EU"), kept whole.
	RuleOrderLiteral Rule = "order-literal"
	// RuleHubRef: a letters-and-digits reference ("SO-7781", "POS-SH-20250304-0112")
	// that a partner may carry as our hub reference.
	RuleHubRef Rule = "hub-ref"
	// RulePO: a purchase order number behind PO, PO#, P.O., 采购单 or 合同号.
	RulePO Rule = "po"
	// RuleERPNext: an ERPNext document name (ACC-SINV-2025-00127, PUR-ORD-2025-00381).
	RuleERPNext Rule = "erpnext-name"
	// RuleASN: an inbound shipment number, "ASN-88213" or Amazon's "FBA17QX2M4LZ".
	RuleASN Rule = "asn"
	// RuleBL: a bill of lading or air waybill behind B/L, BL, 提单, or a carrier's four
	// letters and a number (COSU6201234567).
	RuleBL Rule = "bill-of-lading"
	// RuleUPS: a UPS "1Z" tracking number, 18 characters.
	RuleUPS Rule = "tracking-ups"
	// RuleS10: a UPU S10 postal item number (China Post EMS "EE123456789CN").
	RuleS10 Rule = "tracking-s10"
	// RuleCarrierPrefix: a carrier's own letters before the digits (SF, YT, JT, JD...).
	RuleCarrierPrefix Rule = "tracking-carrier"
	// RuleTrackingLabel: a tracking label before a number (运单号, 快递, tracking, a
	// carrier's name).
	RuleTrackingLabel Rule = "tracking-label"
	// RuleTrackingDigits: a bare run of digits of a carrier's length (DHL 10, FedEx 12
	// and 15, ZTO/YTO/Yunda 12 to 15, USPS and FedEx 20 to 22).
	RuleTrackingDigits Rule = "tracking-digits"
	// RuleStripe: a Stripe object id (ch_, pi_, py_, re_, po_, txn_).
	RuleStripe Rule = "stripe-id"
	// RuleContainer: an ISO 6346 container number with a valid check digit.
	RuleContainer Rule = "container"
	// RuleCustomsEntry: a China customs declaration number (18 digits, year, I/E flag).
	RuleCustomsEntry Rule = "customs-entry"
	// RulePaymentSerial: a 28-digit payment channel serial (WeChat Pay, Alipay).
	RulePaymentSerial Rule = "payment-serial"
)
