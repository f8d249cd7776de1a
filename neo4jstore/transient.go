package neo4jstore

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// IsTransient reports whether a store error is an outage that passes by itself (Neo4j
// unreachable, a timeout, a failure the driver calls retryable such as a deadlock or a
// leader switch) rather than a refusal of what was asked, which asking again cannot
// change. Callers retry the first kind for as long as it lasts and give up on the second
// after a few tries.
//
// A write to a Neo4j that is down ends as the driver's TransactionExecutionLimit (its
// own retries of the connectivity errors ran out), not as a connectivity error: the
// driver retries only what it calls retryable, so running out of retries is an outage.
func IsTransient(err error) bool {
	var limit *neo4j.TransactionExecutionLimit
	var conn *neo4j.ConnectivityError
	return errors.Is(err, ErrUnavailable) || errors.Is(err, context.DeadlineExceeded) ||
		errors.As(err, &limit) || errors.As(err, &conn) || neo4j.IsRetryable(err)
}
