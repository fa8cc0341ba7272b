//go:build !race

package server

// raceEnabled is whether the tests run under the race detector; the factbox
// binary for the end-to-end tests is then built with it too.
const raceEnabled = false
