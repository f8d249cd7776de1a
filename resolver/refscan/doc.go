// Package refscan finds other systems' identifiers in free text: a POS reference or note,
// invoice remarks, a payment's description and metadata, a customs declaration's ContrNo
// and remarks, a marketplace order's buyer and seller words.
//
// People copy identifiers from one system into another by hand and spell them their own
// way. The same Meituan order reaches a Square till's reference as "27061900338491023",
// "MT27061900338491023", "MT-27061900338491023", "meituan:27061900338491023",
// "美团单号 27061900338491023 自取" or in full-width digits; a Shopify order is "#1047",
// "SO-1047" or "ref: #1047 thanks"; a Pinduoduo order_sn loses its dash. Scan reads such
// text and returns each identifier it can see as the key the built-in mappings store
// for it (ontology.Ref, compared by Ref.ID), so that the resolver can look the key up in
// its index of known keys.
//
// # A candidate is only a question
//
// A Candidate says "if some other document of this tenant is known by this key, this
// text may be pointing at it". It links only when it equals, in full, a known identifier
// of another document: never by a substring, a prefix or a similar number. Two orders
// whose numbers differ in one digit give different keys; a number in a note that belongs
// to no known document gives candidates that match nothing and are dropped. So Scan may
// offer several readings of one number and leave the choice to the index: without a
// prefix, a 17-digit number is asked as a Meituan order id and as an order number, and
// whichever is known answers.
//
// Each candidate carries its evidence: the field, the exact substring it was read from
// (Raw, with its byte offsets), the normalised key and the Rule that produced it, with a
// Strength. A prefix that names a system ("MT", "美团", "DY", "PDD") or a shape that
// nothing else has (a UPS "1Z" number with a valid check digit, a Pinduoduo order_sn) is
// Specific; a number whose length fits a kind is Plausible; a short bare number such as
// "1047" is Weak and is only ever asked as an order number, never as a tracking number.
//
// # What is not an identifier
//
// Numbers that are something else are left out: phone numbers ("13812345678",
// "+86 138 1234 5678", a Meituan privacy number "13812345678_1234", "021-61234567"),
// dates and times ("2025-03-04", "2025年3月4日", "10:15"), amounts ("¥58.60", "1,280",
// "RMB 58", "58元"), quantities ("2 cups", "3杯") and one- or two-digit numbers. A label
// in front of a number decides what it is: "电话" or "tel" makes it a phone number,
// "运单号" or "tracking" a tracking number, "采购单" or "PO#" a purchase order.
//
// # Keys, as the mappings store them
//
//   - Meituan order_id: {order_id, meituan, digits}, and wm_order_id_view (the same
//     number) as {order_number, digits}.
//   - Douyin order_id and SKU order ids: {order_id, douyin, digits}; the shop order id
//     also as {order_number, digits}.
//   - Pinduoduo order_sn: {order_number, "YYMMDD-" + 15 digits}, the dash restored.
//   - Shop order numbers (Shopify name and order_number, WooCommerce number, AfterShip,
//     Stripe metadata, ERPNext po_no): {order_number, core} where the core is the digits
//     without a known prefix ("#", "SO-", "ORD", "No.") and without leading zeros, as
//     normalize.OrderNumber and the mappings' orderNumber transform give it. A number
//     with letters after it ("#1047-EU", "SO-1047-2") is kept whole, upper case.
//   - Tracking numbers: {tracking, normalize.TrackingNumber(value)}, leading zeros
//     kept; UPS "1Z" and UPU S10 numbers are checked by their check digit.
//   - Purchase orders, hub references, ASNs, invoices and ERPNext names, bills of
//     lading: mappings store them as written, so they are asked as written and upper
//     case, purchase orders also as "PO-" and the number.
//   - Stripe ids (ch_, pi_, py_, re_, po_, txn_) as written, case and all; container
//     numbers with a valid ISO 6346 check digit; China customs declaration numbers;
//     28-digit WeChat Pay and Alipay serials as payments.
//
// Numeric platform ids are compared without leading zeros, as the platforms issue them.
// A number written in chunks ("2706 1900 3384 91023", "2706-1900-3384-91023") is joined
// only when the chunks are three to six digits and the whole has the length of what the
// label in front names (of any platform id or tracking number without a label); a run
// of numbers is joined as a whole or not at all, so a list of order numbers stays a list.
//
// Everything here is a pure function of its arguments: no I/O, no state, safe for
// concurrent use.
package refscan
