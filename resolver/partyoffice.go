package resolver

import "github.com/seamhub/seam/resolver/compare"

// An office's line. Simon Clarke orders for his salon with its landline, once from his
// own mailbox and once from the salon's, each order billed to Clarke Hair Salon Ltd; at
// home he orders from his own mailbox with his mobile. A fixed line under one name and
// two mailboxes reads as a home's line shared by a father and son of one name (see
// partyhome.go), so the two business orders stayed two parties. A storefront's billing
// company says whose line it is: an office's, where colleagues order too, and they are
// told apart by their names, which household() reads before the line is. One name on
// one office's line, billed to the same company on both sides, is one person, whatever
// the mailboxes. A father and son of one name in a family firm are left to what tells
// a generation (Jr., Sr., a mailbox's jr).

// sameOffice reports whether two profiles give one fixed line under one company billed.
func sameOffice(a, b PartyProfile) bool {
	return a.Organization != "" && a.Organization == b.Organization && a.Phone != "" && a.Phone == b.Phone &&
		!compare.IsMasked(a.Phone) && compare.FixedLine(a.Phone)
}

// officeLineOf reports whether a member of the party whose surviving id is root (or its
// first profile) gives the mention's fixed line under the company the mention is billed
// to.
func (pb *partyBook) officeLineOf(root string, prof PartyProfile) bool {
	if prof.Organization == "" {
		return false
	}
	if p, ok := pb.profiles[root]; ok && sameOffice(p, prof) {
		return true
	}
	for _, p := range pb.memberProfiles(root) {
		if sameOffice(p, prof) {
			return true
		}
	}
	return false
}

// shareOfficeLine reports whether two parties (surviving ids), one of them with the
// mention prof being filed as it (PartyProfile{} for none), give one fixed line under
// one company billed.
func (pb *partyBook) shareOfficeLine(rx, ry string, prof PartyProfile) bool {
	if pb.officeLineOf(ry, prof) {
		return true
	}
	if p, ok := pb.profiles[rx]; ok && pb.officeLineOf(ry, p) {
		return true
	}
	for _, p := range pb.memberProfiles(rx) {
		if pb.officeLineOf(ry, p) {
			return true
		}
	}
	return false
}
