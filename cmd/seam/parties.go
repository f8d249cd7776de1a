package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/seamhub/seam/resolver"
)

// maxTrainingMentions bounds what one training reads: enough for the rare levels'
// estimates, bounded so a tenant of millions of documents trains in seconds.
const maxTrainingMentions = 200_000

func runParties(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "train" {
		return usageError{"usage: seam parties train --tenant T [--seed N]"}
	}
	fs := newFlags("parties train", stdout)
	tenant := fs.String("tenant", "", "tenant (required)")
	seed := fs.Uint64("seed", 1, "seed of the random pairs u is estimated on (the same data and seed give the same model)")
	show := fs.Bool("show", false, "print every field's weights")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *tenant == "" {
		return usageError{"--tenant is required"}
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	pm, version, err := trainParties(ctx, app, *tenant, *seed, stdout)
	if err != nil {
		return err
	}
	if pin := cfg.PartyModelPins[*tenant]; pin != "" {
		fmt.Fprintf(stdout, "note: the config pins %s to %s; %s is stored but not used until the pin changes\n", *tenant, pin, version)
	}
	if *show {
		fmt.Fprintln(stdout, pm.String())
	}
	return nil
}

// trainParties fits the tenant's party model to its documents' party mentions and stores
// it as the tenant's active version.
func trainParties(ctx context.Context, app *App, tenant string, seed uint64, stdout io.Writer) (resolver.PartyModel, string, error) {
	start := time.Now()
	mentions, err := app.store.PartyMentions(ctx, tenant, maxTrainingMentions)
	if err != nil {
		return resolver.PartyModel{}, "", fmt.Errorf("reading %s's party mentions: %w", tenant, err)
	}
	if len(mentions) < 50 {
		return resolver.PartyModel{}, "", fmt.Errorf("%s has %d party mentions; training needs at least 50 (the prior stays in use)", tenant, len(mentions))
	}
	pm, profiles, pairs := resolver.TrainOnMentions(mentions, seed)
	version, err := app.store.SavePartyModel(ctx, tenant, pm)
	if err != nil {
		return resolver.PartyModel{}, "", err
	}
	pm.Version = version
	fmt.Fprintf(stdout, "%s: party model %s from %d mentions (%d blocked pairs) in %s: accept %.1f, review %.1f, share of matches among blocked pairs %.4f\n",
		tenant, version, profiles, pairs, time.Since(start).Round(time.Millisecond), pm.Accept, pm.Review, pm.Lambda)
	return pm, version, nil
}
