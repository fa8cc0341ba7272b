//go:build !unix && !windows

package server

// processAlive reports true: this system gives no portable way to look a
// process up, so the server relies on exit and the end of its input.
func processAlive(int) bool { return true }
