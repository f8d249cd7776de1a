package graph

// gqlgen writes graph/generated; leaflists then has the list marshalers of leaf object
// types (no field calls a resolver) marshal in sequence rather than a goroutine per
// element (see graph/generated/leaflist.go). A type added here must stay a leaf: a list
// whose elements call resolvers needs gqlgen's concurrency for its dataloaders.
//go:generate go tool gqlgen generate --config gqlgen.yml
//go:generate go run ./internal/leaflists -dir generated StockRow
