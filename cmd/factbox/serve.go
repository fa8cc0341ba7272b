package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/factbox/factbox/server"
	"github.com/tliron/commonlog"
	"github.com/tliron/commonlog/simple"
)

func init() { commands["serve"] = runServe }

const serveUsage = `Usage: factbox serve [--stdio | --tcp ADDR] [--log-file FILE] [--log-level LEVEL | -v]

Runs the factbox language server. It speaks the Language Server Protocol over
standard input and output (--stdio, the default) or, with --tcp, to each
client that connects to ADDR. ADDR without a host, such as ":7777", binds to
127.0.0.1 only. Logs go to standard error, or to --log-file; never to
standard output.

Flags:
`

// runServe runs "factbox serve" and returns the exit code: 0 when the client
// sent shutdown before exit, 1 when it did not, 2 for bad flags.
func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, serveUsage)
		printFlags(stderr, fs)
	}
	fs.Bool("stdio", true, "speak LSP over standard input and output (the default; editors pass it)")
	tcp := fs.String("tcp", "", "listen for LSP clients on `ADDR` instead, e.g. 127.0.0.1:7777 or :7777 (loopback)")
	logFile := fs.String("log-file", "", "append log lines to `FILE` instead of standard error")
	logLevel := fs.String("log-level", "", "log `LEVEL`: none, critical, error, warning, notice (default), info or debug")
	var verbose verbosity
	fs.Var(&verbose, "v", "log more: -v logs info, -v -v debug")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "factbox serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	level := int(verbose)
	if *logLevel != "" {
		var ok bool
		if level, ok = logLevels[strings.ToLower(*logLevel)]; !ok {
			fmt.Fprintf(stderr, "factbox serve: unknown log level %q\n", *logLevel)
			return 2
		}
	}
	if err := configureLogging(level, *logFile, stderr); err != nil {
		fmt.Fprintf(stderr, "factbox serve: %s\n", err)
		return 1
	}
	log := commonlog.GetLogger(server.Name)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := server.Options{Version: version(), Log: log}
	if *tcp != "" {
		if err := serveTCP(ctx, *tcp, opts, log); err != nil {
			fmt.Fprintf(stderr, "factbox serve: %s\n", err)
			return 1
		}
		return 0
	}
	log.Noticef("factbox %s serving LSP on standard input/output", opts.Version)
	opts.WatchParent = true
	return server.New(opts).Serve(ctx, stdio{stdin, stdout})
}

// serveTCP serves each client that connects to addr with its own server,
// until ctx is done.
func serveTCP(ctx context.Context, addr string, opts server.Options, log commonlog.Logger) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--tcp %q: %w", addr, err)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	log.Noticef("factbox %s listening for LSP clients on %s", opts.Version, ln.Addr())
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("accept: %w", err)
		}
		log.Infof("client connected from %s", conn.RemoteAddr())
		wg.Add(1)
		go func() {
			defer wg.Done()
			code := server.New(opts).Serve(ctx, conn)
			log.Infof("client %s gone (exit code %d)", conn.RemoteAddr(), code)
		}()
	}
}

// logLevels maps --log-level names to commonlog verbosities.
var logLevels = map[string]int{
	"none": -4, "critical": -3, "error": -2, "warning": -1, "notice": 0, "info": 1, "debug": 2,
}

// configureLogging sends commonlog's lines at verbosity and above to file, or
// to stderr when file is empty. Lines are written unbuffered, so none is lost
// when the process exits.
func configureLogging(verbosity int, file string, stderr io.Writer) error {
	backend := simple.NewBackend()
	backend.Buffered = false
	if file != "" {
		f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return fmt.Errorf("log file: %w", err)
		}
		f.Close()
		backend.Configure(verbosity, &file)
	} else {
		backend.Configure(verbosity, nil)
		if verbosity > -4 {
			backend.Writer = &lockedWriter{w: stderr}
		}
	}
	commonlog.SetBackend(backend)
	return nil
}

// lockedWriter serialises writes to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// verbosity is a flag that counts how often it is given.
type verbosity int

func (v *verbosity) String() string   { return strconv.Itoa(int(*v)) }
func (v *verbosity) IsBoolFlag() bool { return true }
func (v *verbosity) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	if b {
		*v++
	}
	return nil
}

// stdio joins standard input and output into the stream the server talks on.
type stdio struct {
	r io.Reader
	w io.Writer
}

func (s stdio) Read(p []byte) (int, error)  { return s.r.Read(p) }
func (s stdio) Write(p []byte) (int, error) { return s.w.Write(p) }

// Close closes standard input, so that nothing more is read after exit.
func (s stdio) Close() error {
	if c, ok := s.r.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
