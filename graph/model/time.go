package model

import (
	"fmt"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// MarshalTime writes a Time as gqlgen's own scalar does (RFC 3339 with nanoseconds).
func MarshalTime(t time.Time) graphql.Marshaler { return graphql.MarshalTime(t) }

// UnmarshalTime reads a Time as gqlgen's own scalar does, but a value that is no
// RFC 3339 time is an InputError, answered BAD_USER_INPUT, not an internal one.
func UnmarshalTime(v any) (time.Time, error) {
	t, err := graphql.UnmarshalTime(v)
	if err != nil {
		val := v
		if _, ok := v.(string); !ok {
			val = fmt.Sprintf("%T", v)
		}
		return time.Time{}, &InputError{"Time", val, "must be an RFC 3339 time such as \"2026-01-02T15:04:05Z\""}
	}
	return t, nil
}
