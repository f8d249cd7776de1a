// Package finance is the finance view of Seam's graph: automated reconciliation of each
// business event's documents, the reports finance works from, the contract-drift
// circuit breaker on purchase approvals, and the five-level maturity baseline.
//
// Resolution already decides which documents describe one business action (an order,
// its shipment, its customs declaration, the warehouse receipt, the invoice, the
// payment, the processor's balance transaction, the payout). Reconciliation compares
// what those documents say, in money per currency (fees and exchange rates shown) and
// in quantity, under configurable tolerances, and says per event whether the documents
// agree: matched, matched_within_tolerance, partial or unmatched, each disagreement with
// a code from a fixed list, the expected and actual figures and the documents behind
// them.
//
// Everything here is pure: rules are functions over an event's documents (Reconcile),
// reports fold results (Report), breaker rules and maturity figures are functions over
// figures read elsewhere. The store adapter (neo4jstore) streams a period's events in
// pages, so that a period of millions of documents never sits in memory; the command
// line and GraphQL drive both.
package finance
