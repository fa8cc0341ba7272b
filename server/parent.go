package server

import (
	"time"
)

// parentPollInterval is how often the server checks that the process that
// started it, named by initialize's processId, still runs.
const parentPollInterval = 3 * time.Second

// watchParent closes the connection once the process pid no longer runs, as
// LSP asks: an editor that was killed cannot send exit, and another process
// may still hold the server's standard input open. It returns when the
// server stops serving.
func (s *Server) watchParent(pid int, interval time.Duration) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-s.stopped:
			return
		case <-ticker.C:
		}
		if processAlive(pid) {
			continue
		}
		s.log.Warningf("parent process %d is gone; exiting", pid)
		s.mu.Lock()
		conn := s.conn
		s.mu.Unlock()
		if conn != nil {
			conn.Close()
		}
		return
	}
}
