package faulttest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// outage is how long a dependency stays away: SEAM_FAULT_OUTAGE (a Go duration such as
// 60s, as the soak asks), 8 s by default so that `make test` stays short.
func outage(t *testing.T) time.Duration {
	if v := os.Getenv("SEAM_FAULT_OUTAGE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("SEAM_FAULT_OUTAGE %q: %v", v, err)
		}
		return d
	}
	return 8 * time.Second
}

// TestNeo4jOutageUnderWebhookLoad: a private Neo4j is killed while four senders post
// orders and a gateway publishes sensor readings, and started again after the outage.
// Meanwhile /readyz names Neo4j as down and Redis as up, webhooks answer 503 with
// Retry-After (the senders retry), and readings stay unacknowledged at the broker. Within
// 30 s of the senders' last answer every order is stored, resolved and projected exactly
// once, and every reading is stored, none quarantined as refused.
func TestNeo4jOutageUnderWebhookLoad(t *testing.T) {
	redistest.Open(t)
	n4 := StartNeo4j(t)
	broker := StartMosquitto(t)
	tenant := neo4jtest.Tenant(t)
	env := Env{Neo4jURI: n4.URI(), RedisAddr: redistest.Addr(), TenantPrefix: neo4jtest.TenantPrefix(t),
		WebhookSecret: secret, MQTTURL: broker.URL(), MQTTClientID: "seam-" + tenant[len(tenant)-12:],
		Extra: passEnv("SEAM_REDIS_PASSWORD")}
	srv := Serve(t, env)
	srv.WaitReadyz(http.StatusOK, 2*time.Minute)
	// The readings go to a tenant of their own, so that the orders' tenant holds the
	// orders alone, as Settled counts them.
	sensors := neo4jtest.Tenant(t)
	readings := newGateway(t, broker.URL(), sensors)
	readings.publish(t, 10)
	orders := Orders(0, 300, 10)
	sender := NewSender(srv.Base(), tenant, secret)
	var answered atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), outage(t)+4*time.Minute)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- sender.DeliverAll(ctx, orders, 4, func(int) { answered.Add(1) }) }()

	waitFor(t, time.Minute, "some orders answered", func() bool { return answered.Load() >= 60 })
	n4.Kill()
	down := time.Now()
	r := srv.WaitReadyz(http.StatusServiceUnavailable, 15*time.Second)
	if r.Part("neo4j") || !r.Part("redis") {
		t.Fatalf("/readyz while neo4j is down: %v", r.Body)
	}
	waitFor(t, 15*time.Second, "a webhook answered 503", func() bool { return sender.Count(http.StatusServiceUnavailable) > 0 })
	readings.publish(t, 10) // taken by Seam, which cannot store them yet
	atDown := answered.Load()
	time.Sleep(time.Until(down.Add(outage(t))))
	if got := answered.Load(); got != atDown {
		t.Fatalf("%d orders were answered 200 while neo4j was down", got-atDown)
	}
	n4.Start()
	back := time.Now()
	srv.WaitReadyz(http.StatusOK, 30*time.Second)
	if err := <-done; err != nil {
		t.Fatalf("%v; %s", err, sender.Summary())
	}
	// The senders' backlog drains at their retry pace; from the last answer on, what
	// Seam holds must be resolved and projected within 30 s.
	delivered := time.Since(back)
	out := Settled(t, OpenStore(t, env.Neo4jURI, true), tenant, orders, 30*time.Second)
	caughtUp := time.Since(back)
	if sender.NoRetryAfter != 0 || len(sender.Other) != 0 || sender.Statuses["accepted"]+sender.Statuses["duplicate"] != len(orders) {
		t.Fatalf("answers: %s", sender.Summary())
	}
	CacheVerify(t, env, tenant)
	store := OpenStore(t, env.Neo4jURI, false)
	waitFor(t, 30*time.Second, "every sensor reading stored", func() bool {
		st, err := store.Stats(context.Background(), sensors)
		return err == nil && st.Documents == int64(readings.sent)
	})
	if st, err := store.Stats(context.Background(), sensors); err != nil || st.Quarantined != 0 {
		t.Fatalf("after the outage: %+v, %v; want no reading quarantined\n%s", st, err, srv.Proc.Tail(3000))
	}
	t.Logf("neo4j away %s after %d answered; the senders' backlog delivered %s and everything caught up %s after its return; %s; %s",
		back.Sub(down).Round(100*time.Millisecond), atDown, delivered.Round(100*time.Millisecond), caughtUp.Round(100*time.Millisecond), out, sender.Summary())
}

// TestRedisLostUnderWebhookLoad: a private Redis is killed, orders keep arriving (Neo4j
// stores and resolves them), and Redis comes back empty, as after a flush. Meanwhile
// stock reads answer UNAVAILABLE, never a wrong figure, and /readyz names Redis. After
// its return Seam notices the loss, rebuilds stock from the ledger and projects what
// waited: the stock read is the sum of every order and the cache equals the ledger.
func TestRedisLostUnderWebhookLoad(t *testing.T) {
	env := sharedEnv(t)
	rd := StartRedis(t)
	env.RedisAddr = rd.Addr()
	tenant := neo4jtest.Tenant(t)
	store := OpenStore(t, env.Neo4jURI, false)
	srv := Serve(t, env)
	srv.WaitReadyz(http.StatusOK, time.Minute)
	key := readerKey(t, env, tenant)
	before, during := Orders(0, 100, 5), Orders(100, 100, 5)
	all := append(append([]Order{}, before...), during...)
	sender := NewSender(srv.Base(), tenant, secret)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := sender.DeliverAll(ctx, before, 4, nil); err != nil {
		t.Fatal(err)
	}
	Settled(t, store, tenant, before, time.Minute)
	if got := stockReserved(t, srv, key, "FAULT-00"); got.err != "" || got.reserved != Want(before)["FAULT-00"] {
		t.Fatalf("stock before the loss: %+v, want reserved %d", got, Want(before)["FAULT-00"])
	}
	time.Sleep(2 * cacheGuardEvery) // the server has set its guard mark

	rd.Kill()
	down := time.Now()
	r := srv.WaitReadyz(http.StatusServiceUnavailable, 15*time.Second)
	if r.Part("redis") || !r.Part("neo4j") {
		t.Fatalf("/readyz while redis is down: %v", r.Body)
	}
	if got := stockReserved(t, srv, key, "FAULT-00"); got.code != "UNAVAILABLE" || !strings.Contains(got.err, "unavailable") {
		t.Fatalf("a stock read without redis: %+v, want a clear UNAVAILABLE error", got)
	}
	if err := sender.DeliverAll(ctx, during, 4, nil); err != nil {
		t.Fatal(err)
	}
	waitFor(t, time.Minute, "the orders during the outage resolved, awaiting projection", func() bool {
		st, err := store.Stats(ctx, tenant)
		return err == nil && st.Documents == int64(len(all)) && st.Pending == 0 && st.Unprojected > 0
	})
	time.Sleep(time.Until(down.Add(outage(t))))
	rd.Flush()
	rd.Start()
	back := time.Now()
	srv.WaitReadyz(http.StatusOK, 30*time.Second)
	out := Settled(t, store, tenant, all, 30*time.Second)
	want := Want(all)["FAULT-00"]
	waitFor(t, 30*time.Second-time.Since(back), "stock read equal to every order", func() bool {
		got := stockReserved(t, srv, key, "FAULT-00")
		return got.err == "" && got.reserved == want
	})
	CacheVerify(t, env, tenant)
	if sender.Count(http.StatusServiceUnavailable) != 0 || len(sender.Other) != 0 {
		t.Fatalf("webhooks were refused while only redis was away: %s", sender.Summary())
	}
	t.Logf("stock back %s after redis returned empty; %s", time.Since(back).Round(100*time.Millisecond), out)
}

// cacheGuardEvery mirrors the server's check interval (cmd/seam cacheguard.go).
const cacheGuardEvery = 2 * time.Second

// readerKey makes a reader API key of tenant with `seam keys create`.
func readerKey(t *testing.T, env Env, tenant string) string {
	t.Helper()
	out, errOut, err := Run(t, env, time.Minute, "keys", "create", "--tenant", tenant, "--role", "reader")
	if err != nil {
		t.Fatalf("seam keys create: %v\n%s", err, tail(errOut, 2000))
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

type stockAnswer struct {
	reserved  int
	err, code string
}

// stockReserved asks GraphQL for a product's reserved stock, summed over its cells.
func stockReserved(t *testing.T, srv *Server, key, sku string) stockAnswer {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": `query($sku: String!) { stock(sku: $sku) { reserved } }`,
		"variables": map[string]any{"sku": sku}})
	req, _ := http.NewRequest(http.MethodPost, srv.Base()+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		return stockAnswer{err: err.Error()}
	}
	defer resp.Body.Close()
	var r struct {
		Data   struct{ Stock []struct{ Reserved string } }
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return stockAnswer{err: fmt.Sprintf("HTTP %d: %v", resp.StatusCode, err)}
	}
	if len(r.Errors) > 0 {
		code, _ := r.Errors[0].Extensions["code"].(string)
		return stockAnswer{err: r.Errors[0].Message, code: code}
	}
	var a stockAnswer
	for _, s := range r.Data.Stock {
		var n int
		fmt.Sscan(s.Reserved, &n)
		a.reserved += n
	}
	return a
}

// TestBrokerRestartKeepsReadings: a private Mosquitto is stopped and started again while
// a sensor gateway publishes QoS 1 readings on a persistent session. Readings published
// before, while the broker was down (queued by the gateway) and after it returned
// (queued by the broker for Seam's persistent session) all arrive, each stored once.
func TestBrokerRestartKeepsReadings(t *testing.T) {
	env := sharedEnv(t)
	broker := StartMosquitto(t)
	tenant := neo4jtest.Tenant(t)
	env.MQTTURL = broker.URL()
	env.MQTTClientID = "seam-" + tenant[len(tenant)-12:]
	store := OpenStore(t, env.Neo4jURI, false)
	srv := Serve(t, env)
	srv.WaitReadyz(http.StatusOK, time.Minute)

	pub := paho.NewClient(paho.NewClientOptions().AddBroker(broker.URL()).SetClientID("gw-" + tenant[len(tenant)-12:]).
		SetCleanSession(false).SetAutoReconnect(true).SetConnectRetry(true).
		SetConnectRetryInterval(200 * time.Millisecond).SetMaxReconnectInterval(500 * time.Millisecond))
	if tok := pub.Connect(); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("connecting the gateway: %v", tok.Error())
	}
	t.Cleanup(func() { pub.Disconnect(100) })
	topic := "seam/" + tenant + "/sensors/PALLET-7"
	sent := 0
	var pending []paho.Token
	publish := func(n int) {
		for range n {
			ts := 1741054522000 + int64(sent)*1000
			pending = append(pending, pub.Publish(topic, 1, false, fmt.Sprintf(`{"ts":%d,"values":{"weight":%d.5}}`, ts, 400+sent)))
			sent++
		}
	}
	publish(20)
	waitFor(t, 30*time.Second, "the first readings stored", func() bool {
		st, err := store.Stats(context.Background(), tenant)
		return err == nil && st.Documents == 20
	})
	broker.Stop()
	// A publish written before the gateway's client has seen the connection drop fails
	// on the dead socket (broken pipe) instead of being queued: wait until it has, as a
	// gateway's next reading after an outage would.
	waitFor(t, 10*time.Second, "the gateway's client to see the broker gone", func() bool { return !pub.IsConnectionOpen() })
	publish(20) // queued by the gateway's client until the broker is back
	time.Sleep(outage(t))
	broker.Start()
	publish(20) // Seam may not be back yet: the broker queues these for its session
	for _, tok := range pending {
		if !tok.WaitTimeout(30*time.Second) || tok.Error() != nil {
			t.Fatalf("a QoS 1 publish was not acknowledged after the broker returned: %v", tok.Error())
		}
	}
	var last int64
	deadline := time.Now().Add(30 * time.Second)
	for {
		st, err := store.Stats(context.Background(), tenant)
		if err == nil {
			last = st.Documents
		}
		if last == int64(sent) && st.Quarantined == 0 {
			break
		}
		if last > int64(sent) || time.Now().After(deadline) {
			t.Fatalf("stored %d readings of %d published (quarantined %d)\n%s", last, sent, st.Quarantined, srv.Proc.Tail(3000))
		}
		time.Sleep(100 * time.Millisecond)
	}
	srv.WaitReadyz(http.StatusOK, 30*time.Second)
}

// gateway publishes ThingsBoard readings of a tenant's pallets at QoS 1, as a warehouse
// gateway does, several devices so that several of the subscriber's queues wait at once.
type gateway struct {
	client paho.Client
	tenant string
	sent   int
}

func newGateway(t *testing.T, url, tenant string) *gateway {
	t.Helper()
	c := paho.NewClient(paho.NewClientOptions().AddBroker(url).SetClientID("gw-" + tenant[len(tenant)-12:]))
	if tok := c.Connect(); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("connecting the gateway: %v", tok.Error())
	}
	t.Cleanup(func() { c.Disconnect(100) })
	return &gateway{client: c, tenant: tenant}
}

func (g *gateway) publish(t *testing.T, n int) {
	t.Helper()
	for range n {
		topic := fmt.Sprintf("seam/%s/sensors/PALLET-%d", g.tenant, g.sent%4)
		ts := 1741054522000 + int64(g.sent)*1000
		if tok := g.client.Publish(topic, 1, false, fmt.Sprintf(`{"ts":%d,"values":{"weight":%d.5}}`, ts, 400+g.sent)); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
			t.Fatalf("publishing: %v", tok.Error())
		}
		g.sent++
	}
}
