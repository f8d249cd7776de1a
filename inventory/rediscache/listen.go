package rediscache

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// listen delivers what decode makes of a subscription's messages until ctx ends, and
// closes the channel and the subscription then. Messages decode refuses are skipped.
func listen[T any](ctx context.Context, sub *redis.PubSub, what string, decode func(*redis.Message) (T, bool)) (<-chan T, error) {
	if _, err := sub.Receive(ctx); err != nil {
		sub.Close()
		return nil, fmt.Errorf("subscribing to %s: %w", what, err)
	}
	out := make(chan T, 64)
	go func() {
		defer close(out)
		defer sub.Close()
		msgs := sub.Channel()
		for {
			select {
			case <-ctx.Done():
				return
			case m, ok := <-msgs:
				if !ok {
					return
				}
				v, ok := decode(m)
				if !ok {
					continue
				}
				select {
				case out <- v:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out, nil
}
