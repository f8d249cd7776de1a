package main

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
)

// rawHTTP is an HTTP/1.1 client on one kept-alive TCP connection that writes each
// request in one write and reads the answer on the calling goroutine, as load
// generators (wrk, h2load) do and as go-redis does for the GET the stock read is
// compared with. net/http's Transport hands every request to a writer goroutine and
// every answer back from a reader goroutine: on this 2-core machine those hand-offs
// alone cost more than the server's whole work for a stock read, and no go-redis
// command pays them. Timing the read through both clients separates what the server
// costs from what a particular client library adds.
type rawHTTP struct {
	addr string
	host string
	conn net.Conn
	r    *bufio.Reader
	req  []byte
	body bytes.Buffer
}

// newRawHTTP makes a client of base ("http://host:port"); it connects on first use.
func newRawHTTP(base string) (*rawHTTP, error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return nil, fmt.Errorf("raw HTTP client: %q is not an http://host:port address", base)
	}
	return &rawHTTP{addr: u.Host, host: u.Host}, nil
}

// do sends one request and returns the status and the answer's body, which stays valid
// until the next call. A connection the server closed (idle timeout, restart) is opened
// again once; an answer that says "Connection: close" closes it after reading.
func (c *rawHTTP) do(method, path string, header [][2]string, body []byte) (int, []byte, error) {
	c.req = c.req[:0]
	c.req = append(c.req, method...)
	c.req = append(c.req, ' ')
	c.req = append(c.req, path...)
	c.req = append(c.req, " HTTP/1.1\r\nHost: "...)
	c.req = append(c.req, c.host...)
	c.req = append(c.req, "\r\n"...)
	for _, h := range header {
		c.req = append(c.req, h[0]...)
		c.req = append(c.req, ": "...)
		c.req = append(c.req, h[1]...)
		c.req = append(c.req, "\r\n"...)
	}
	if body != nil || method == http.MethodPost {
		c.req = append(c.req, "Content-Length: "...)
		c.req = strconv.AppendInt(c.req, int64(len(body)), 10)
		c.req = append(c.req, "\r\n"...)
	}
	c.req = append(c.req, "\r\n"...)
	c.req = append(c.req, body...)
	// A kept connection's failure may be the server closing it while idle, which
	// deserves one try on a new one; a fresh connection's failure is returned as it is.
	reused := c.conn != nil
	status, out, err := c.roundTrip(method)
	if err != nil && reused {
		return c.roundTrip(method)
	}
	return status, out, err
}

func (c *rawHTTP) roundTrip(method string) (int, []byte, error) {
	if c.conn == nil {
		conn, err := net.Dial("tcp", c.addr)
		if err != nil {
			return 0, nil, fmt.Errorf("raw HTTP client: %w", err)
		}
		c.conn, c.r = conn, bufio.NewReaderSize(conn, 16<<10)
	}
	if _, err := c.conn.Write(c.req); err != nil {
		c.close()
		return 0, nil, fmt.Errorf("raw HTTP client: writing the request: %w", err)
	}
	resp, err := http.ReadResponse(c.r, &http.Request{Method: method})
	if err != nil {
		c.close()
		return 0, nil, fmt.Errorf("raw HTTP client: reading the answer: %w", err)
	}
	c.body.Reset()
	_, err = c.body.ReadFrom(resp.Body)
	resp.Body.Close()
	if err != nil {
		c.close()
		return 0, nil, fmt.Errorf("raw HTTP client: reading the answer's body: %w", err)
	}
	if resp.Close {
		c.close()
	}
	return resp.StatusCode, c.body.Bytes(), nil
}

// close drops the connection; the next request opens another.
func (c *rawHTTP) close() {
	if c.conn != nil {
		_ = c.conn.Close()
		c.conn, c.r = nil, nil
	}
}
