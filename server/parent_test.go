package server

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"
)

func TestProcessAlive(t *testing.T) {
	if !processAlive(os.Getpid()) {
		t.Fatal("the test's own process is not alive")
	}
	if runtime.GOOS == "windows" {
		t.Skip("uses true(1)")
	}
	child := exec.Command("true")
	if err := child.Run(); err != nil {
		t.Fatal(err)
	}
	if processAlive(child.Process.Pid) {
		t.Fatalf("process %d, exited and reaped, is alive", child.Process.Pid)
	}
}

// TestWatchParent checks that a server told to watch its parent closes the
// connection once the process initialize named is gone, and that one not
// told to (a server shared over TCP) keeps serving.
func TestWatchParent(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses sleep(1)")
	}
	for _, watch := range []bool{true, false} {
		parent := exec.Command("sleep", "60")
		if err := parent.Start(); err != nil {
			t.Fatal(err)
		}
		s := New(Options{WatchParent: watch})
		s.parentPoll = 5 * time.Millisecond
		c, _, wait := inProcessWith(t, s)
		c.result("initialize", map[string]any{"processId": parent.Process.Pid, "capabilities": map[string]any{}}, nil)
		parent.Process.Kill()
		parent.Wait()
		if watch {
			if code := wait(); code != 1 {
				t.Fatalf("exit code %d after the parent died, want 1", code)
			}
			continue
		}
		time.Sleep(50 * time.Millisecond) // ten polls, had there been any
		if m := c.call("factbox/nope", map[string]any{}); m.Error == nil || m.Error.Code != -32601 {
			t.Fatalf("server not watching its parent stopped answering: %+v", m)
		}
	}
}
