package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var stormBinary = flag.String("storm-binary", "", "factbox binary BenchmarkEditStorm runs instead of the one built from this tree (to compare with another build in the same session)")

// stormClient is a lean client of the factbox binary for the storm
// benchmark: it reads frames without decoding publications, so that the
// round trips it measures are the server's, not a JSON parser's.
type stormClient struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	wmu   sync.Mutex
	id    int

	mu           sync.Mutex
	responses    map[int]chan time.Time
	publications []stormPublication
	published    map[int]chan struct{}
	readErr      error
}

type stormPublication struct {
	version int
	at      time.Time
}

func startStormClient(b *testing.B) *stormClient {
	b.Helper()
	bin := *stormBinary
	if bin == "" {
		if buildErr != nil {
			b.Fatal(buildErr)
		}
		bin = binary
	}
	cmd := exec.Command(bin, "serve", "--log-level", "none")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	c := &stormClient{cmd: cmd, stdin: stdin, responses: make(map[int]chan time.Time), published: make(map[int]chan struct{})}
	go c.read(bufio.NewReaderSize(stdout, 1<<20))
	b.Cleanup(func() {
		stdin.Close()
		cmd.Process.Kill()
		cmd.Wait()
	})
	c.request(b, "initialize", map[string]any{"processId": os.Getpid(), "capabilities": map[string]any{}})
	c.send(b, map[string]any{"method": "initialized", "params": map[string]any{}})
	return c
}

var publishPrefix = []byte(`{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":`)

func (c *stormClient) read(r *bufio.Reader) {
	for {
		body, err := readTestFrame(r)
		at := time.Now()
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			for _, ch := range c.published {
				close(ch)
			}
			c.published = nil
			c.mu.Unlock()
			return
		}
		if bytes.HasPrefix(body, publishPrefix) {
			head := body[:min(len(body), 400)]
			_, rest, _ := bytes.Cut(head, []byte(`"version":`))
			end := bytes.IndexAny(rest, ",}")
			v, _ := strconv.Atoi(string(rest[:max(end, 0)]))
			c.mu.Lock()
			c.publications = append(c.publications, stormPublication{v, at})
			if ch := c.published[v]; ch != nil {
				close(ch)
				delete(c.published, v)
			}
			c.mu.Unlock()
			continue
		}
		var m struct {
			ID *int `json:"id"`
		}
		if json.Unmarshal(body, &m) == nil && m.ID != nil {
			c.mu.Lock()
			ch := c.responses[*m.ID]
			delete(c.responses, *m.ID)
			c.mu.Unlock()
			if ch != nil {
				ch <- at
			}
		}
	}
}

func (c *stormClient) send(b *testing.B, fields map[string]any) {
	fields["jsonrpc"] = "2.0"
	body, err := json.Marshal(fields)
	if err != nil {
		b.Error(err)
		return
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := c.stdin.Write(append(fmt.Appendf(nil, "Content-Length: %d\r\n\r\n", len(body)), body...)); err != nil {
		b.Error(err)
	}
}

// start sends a request and returns a channel that receives the time its
// response was read.
func (c *stormClient) start(b *testing.B, method string, params any) <-chan time.Time {
	ch := make(chan time.Time, 1)
	c.mu.Lock()
	c.id++
	id := c.id
	c.responses[id] = ch
	c.mu.Unlock()
	c.send(b, map[string]any{"id": id, "method": method, "params": params})
	return ch
}

func (c *stormClient) request(b *testing.B, method string, params any) {
	select {
	case <-c.start(b, method, params):
	case <-time.After(time.Minute):
		b.Fatalf("no response to %s", method)
	}
}

// awaitPublication waits for the publication of version.
func (c *stormClient) awaitPublication(b *testing.B, version int) {
	c.mu.Lock()
	for _, p := range c.publications {
		if p.version == version {
			c.mu.Unlock()
			return
		}
	}
	ch := make(chan struct{})
	if c.published == nil {
		c.mu.Unlock()
		b.Fatalf("connection ended: %v", c.readErr)
	}
	c.published[version] = ch
	c.mu.Unlock()
	select {
	case <-ch:
	case <-time.After(time.Minute):
		b.Fatalf("no publication of version %d", version)
	}
}

// BenchmarkEditStorm sends one-character edits to a 1 MB document in the
// factbox binary at 1,000 a second, for a second per iteration, with a hover
// and a factbox/factBox request every 10 ms, as issue 9's targets describe.
// It reports the queries' round trips (p50 and p95), the publications during
// the storm and the longest interval between them (the storm's start and end
// count as publications), and the time from the last edit to the last
// version's publication. -storm-binary runs another build, to compare.
func BenchmarkEditStorm(b *testing.B) {
	const rate, perStorm = 1000, 1000
	text := benchText(b, 1<<20)
	lines := strings.Count(text, "\n")
	c := startStormClient(b)
	const uri = "file:///storm.txt"
	c.send(b, map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
	c.awaitPublication(b, 1)
	version, line := 1, 0
	var hovers, factBoxes, intervals, settles []time.Duration
	published := 0
	for b.Loop() {
		var wg sync.WaitGroup
		var qmu sync.Mutex
		stop := make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				case <-time.After(10 * time.Millisecond):
				}
				at := pos(uint32(i*104729%lines), 2)
				params := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": at}
				t := time.Now()
				h := <-c.start(b, "textDocument/hover", params)
				t2 := time.Now()
				f := <-c.start(b, MethodFactBox, params)
				qmu.Lock()
				hovers, factBoxes = append(hovers, h.Sub(t)), append(factBoxes, f.Sub(t2))
				qmu.Unlock()
			}
		}()
		c.mu.Lock()
		first := len(c.publications)
		c.mu.Unlock()
		begin := time.Now()
		for sent := 0; sent < perStorm; {
			due := min(perStorm, int(time.Since(begin).Seconds()*rate)+1)
			for ; sent < due; sent++ {
				version++
				var change map[string]any
				if version%2 == 0 {
					line = version * 7919 % lines
					change = map[string]any{"range": rng(uint32(line), 0, uint32(line), 0), "text": "x"}
				} else {
					change = map[string]any{"range": rng(uint32(line), 0, uint32(line), 1), "text": ""}
				}
				c.send(b, map[string]any{"method": "textDocument/didChange", "params": map[string]any{
					"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": []any{change}}})
			}
			time.Sleep(time.Millisecond)
		}
		end := time.Now()
		c.awaitPublication(b, version)
		settles = append(settles, time.Since(end))
		close(stop)
		wg.Wait()
		c.mu.Lock()
		last := begin
		for _, p := range c.publications[first:] {
			if p.at.After(end) {
				break
			}
			intervals = append(intervals, p.at.Sub(last))
			last = p.at
			published++
		}
		intervals = append(intervals, end.Sub(last))
		c.mu.Unlock()
	}
	slices.Sort(hovers)
	slices.Sort(factBoxes)
	slices.Sort(intervals)
	slices.Sort(settles)
	ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
	b.ReportMetric(ms(percentile(hovers, 50)), "hover-p50-ms")
	b.ReportMetric(ms(percentile(hovers, 95)), "hover-p95-ms")
	b.ReportMetric(ms(percentile(factBoxes, 95)), "factBox-p95-ms")
	b.ReportMetric(float64(published)/float64(b.N), "publications/storm")
	b.ReportMetric(ms(intervals[len(intervals)-1]), "max-interval-ms")
	b.ReportMetric(ms(percentile(settles, 50)), "settle-ms")
}
