//go:build windows

package server

import (
	"errors"
	"syscall"
)

// processAlive reports whether the process pid still runs: a process that
// cannot be opened for lack of rights exists, and an open process whose
// handle is not yet signalled has not exited.
func processAlive(pid int) bool {
	const synchronize = 0x00100000
	h, err := syscall.OpenProcess(synchronize|syscall.PROCESS_QUERY_INFORMATION, false, uint32(pid))
	if err != nil {
		return errors.Is(err, syscall.ERROR_ACCESS_DENIED)
	}
	defer syscall.CloseHandle(h)
	event, err := syscall.WaitForSingleObject(h, 0)
	return err == nil && event == syscall.WAIT_TIMEOUT
}
