package server

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
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
