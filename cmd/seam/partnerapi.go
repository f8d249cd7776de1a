package main

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"sort"
	"strconv"
	"sync"
)

// partnerAPI is a local stand-in for Square's Orders API in the demo: POST
// /v2/orders/search answers in Square's shape, filtered by updated_at and paged by
// cursor, so the demo exercises Seam's real pull connector.
type partnerAPI struct {
	mu     sync.Mutex
	orders []json.RawMessage
	times  []string
}

func newPartnerAPI() *partnerAPI { return &partnerAPI{} }

func (a *partnerAPI) add(order []byte) {
	var o struct {
		UpdatedAt string `json:"updated_at"`
	}
	_ = json.Unmarshal(order, &o)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.orders = append(a.orders, append(json.RawMessage(nil), order...))
	a.times = append(a.times, o.UpdatedAt)
}

func (a *partnerAPI) listen() (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2/orders/search", a.search)
	mux.HandleFunc("GET /v2/orders/{id}", a.retrieve)
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	return ln.Addr().String(), func() { srv.Close() }, nil
}

// retrieve answers RetrieveOrder with the newest version of the order, as
// {"order": {...}}, or Square's 404 error shape.
func (a *partnerAPI) retrieve(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a.mu.Lock()
	var found json.RawMessage
	for i := len(a.orders) - 1; i >= 0 && found == nil; i-- {
		var o struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(a.orders[i], &o) == nil && o.ID == id {
			found = a.orders[i]
		}
	}
	a.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if found == nil {
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"errors":[{"category":"INVALID_REQUEST_ERROR","code":"NOT_FOUND","detail":"Order not found"}]}`))
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]json.RawMessage{"order": found})
}

func (a *partnerAPI) search(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Cursor string `json:"cursor"`
		Limit  int    `json:"limit"`
		Query  struct {
			Filter struct {
				DateTimeFilter struct {
					UpdatedAt struct {
						StartAt string `json:"start_at"`
					} `json:"updated_at"`
				} `json:"date_time_filter"`
			} `json:"filter"`
		} `json:"query"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"errors":[{"category":"INVALID_REQUEST_ERROR"}]}`, http.StatusBadRequest)
		return
	}
	if req.Limit <= 0 || req.Limit > 500 {
		req.Limit = 500
	}
	a.mu.Lock()
	var idx []int
	for i, t := range a.times {
		if t >= req.Query.Filter.DateTimeFilter.UpdatedAt.StartAt {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(i, j int) bool { return a.times[idx[i]] < a.times[idx[j]] })
	from, _ := strconv.Atoi(req.Cursor)
	var page []json.RawMessage
	for _, i := range idx[min(from, len(idx)):min(from+req.Limit, len(idx))] {
		page = append(page, a.orders[i])
	}
	a.mu.Unlock()
	out := map[string]any{"orders": page}
	if from+req.Limit < len(idx) {
		out["cursor"] = strconv.Itoa(from + req.Limit)
	}
	var b bytes.Buffer
	_ = json.NewEncoder(&b).Encode(out)
	w.Header().Set("Content-Type", "application/json")
	w.Write(b.Bytes())
}
