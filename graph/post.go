package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// plainPOST serves the common case of a POSTed query, a client that accepts
// application/json and a request that parses and validates, and writes its answer
// without a second pass over it. gqlgen's POST transport marshals the whole response
// with encoding/json, which re-reads and compacts the data it has just written: about a
// tenth of the server's time per stock read. A query that does not parse or validate is
// answered as gqlgen's transport answers it (422 for a protocol error); another Accept or
// a body that is not JSON goes to gqlgen's POST transport itself, which reads the body
// again from the buffer.
//
// plainPOST must be added before transport.POST: gqlgen uses the first transport whose
// Supports says yes.
type plainPOST struct {
	// direct, when set, answers stock reads without the executor (see directStock).
	direct *directStock
}

var _ graphql.Transport = plainPOST{}

// Supports takes a JSON POST whose client accepts application/json: no Accept header,
// */*, application/* or application/json first among those it names. A client that
// asks for application/graphql-response+json gets gqlgen's transport, which speaks it.
func (plainPOST) Supports(r *http.Request) bool {
	if r.Method != http.MethodPost || r.Header.Get("Upgrade") != "" {
		return false
	}
	// The common request, said plainly, is answered without parsing media types (which
	// allocates their parameters' map).
	ct, accept := r.Header.Get("Content-Type"), r.Header.Get("Accept")
	if ct != "application/json" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return false
		}
	}
	if accept == "" || accept == "*/*" || accept == "application/json" {
		return true
	}
	for part := range strings.SplitSeq(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case "*/*", "application/*", "application/json":
			return true
		case "application/graphql-response+json":
			return false
		}
	}
	return false
}

// Do runs the operation; any request it does not answer itself is gqlgen's.
func (p plainPOST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		transport.POST{}.Do(w, r, exec) // reports the read error as gqlgen does
		return
	}
	fallback := func() {
		r.Body = io.NopCloser(bytes.NewReader(body))
		transport.POST{}.Do(w, r, exec)
	}
	var params graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // as gqlgen: variables keep their exact digits
	if dec.Decode(&params) != nil {
		fallback()
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	ctx := r.Context()
	rc, errs := exec.CreateOperationContext(ctx, &params)
	w.Header().Set("Content-Type", "application/json")
	if errs != nil {
		// Answered here, as gqlgen's transport answers it: going back to it would parse
		// and validate a refused query twice, and such queries are never cached.
		if errcode.GetErrorKind(errs) == errcode.KindProtocol {
			w.WriteHeader(http.StatusUnprocessableEntity)
		}
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, rc), errs))
		return
	}
	if p.direct != nil && p.direct.serve(ctx, w, rc, body) {
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeResponse(w, responses(ctx))
}

// writeResponse writes a GraphQL response. The common one, data and nothing else, is
// written as it is: gqlgen's marshalers have already written the data as compact JSON.
// Any other goes through encoding/json, as gqlgen's transport writes it. Both are the
// same JSON; the bytes differ where encoding/json would escape <, > and & in the data as
// \u003c and the like, which plain JSON does not need. A response that never came (the
// client went away mid-operation) is null, as gqlgen writes it.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if resp == nil {
		_, _ = w.Write([]byte("null"))
		return
	}
	if len(resp.Errors) == 0 && resp.Label == "" && len(resp.Path) == 0 && resp.HasNext == nil && len(resp.Extensions) == 0 {
		data := []byte(resp.Data)
		if data == nil {
			data = []byte("null")
		}
		buf := make([]byte, 0, len(data)+len(`{"data":}`))
		buf = append(append(append(buf, `{"data":`...), data...), '}')
		_, _ = w.Write(buf)
		return
	}
	b, err := json.Marshal(resp)
	if err != nil {
		// A scalar wrote invalid JSON: a bug here, never the caller's.
		b, _ = json.Marshal(graphql.Response{Errors: gqlerror.List{{Message: "internal error: the answer is not valid JSON"}}})
	}
	_, _ = w.Write(b)
}
