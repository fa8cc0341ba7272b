package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

const corpusPath = "../../../shared/corpus/prose.txt"

// BenchmarkCheckProcess runs the factbox binary as a user does, as a whole
// process, on the 2.37 MB prose corpus: MB/s counts process start-up, reading,
// analysis and the report. It also reports the peak resident memory per input
// byte (maxrss-B/in-B).
func BenchmarkCheckProcess(b *testing.B) {
	info, err := os.Stat(corpusPath)
	if err != nil {
		b.Skipf("corpus not found beside the repository: %v", err)
	}
	bin := filepath.Join(b.TempDir(), "factbox")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	b.SetBytes(info.Size())
	var maxRSS int64
	for b.Loop() {
		cmd := exec.Command(bin, "check", corpusPath)
		cmd.Stdout = io.Discard
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			maxRSS = max(maxRSS, ru.Maxrss*1024)
		}
	}
	b.ReportMetric(float64(maxRSS)/float64(info.Size()), "maxrss-B/in-B")
}

var sinkCode int

// BenchmarkCheck runs the check command in-process on the corpus; B/op divided
// by the corpus size is the heap allocated per input byte.
func BenchmarkCheck(b *testing.B) {
	info, err := os.Stat(corpusPath)
	if err != nil {
		b.Skipf("corpus not found beside the repository: %v", err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	for b.Loop() {
		sinkCode = run([]string{"check", corpusPath}, nil, io.Discard, io.Discard)
	}
}
