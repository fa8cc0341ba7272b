package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

func TestFormatGrade(t *testing.T) {
	def := DefaultOptions() // hard from 10, very hard from 14
	odd := def
	odd.HardLevel, odd.VeryHardLevel = 10.25, 14.125
	for _, tt := range []struct {
		name     string
		level    float64
		decimals int
		opts     Options
		want     string
	}{
		{"below very hard rounds down not up", 13.984, 1, def, "13.9"},
		{"just below very hard at three decimals", 13.9996, 3, def, "13.999"},
		{"below hard", 9.96, 1, def, "9.9"},
		{"exactly very hard", 14, 1, def, "14.0"},
		{"exactly hard", 10, 1, def, "10.0"},
		{"just above very hard rounds as usual", 14.04, 1, def, "14.0"},
		{"far from thresholds rounds as usual", 12.46, 1, def, "12.5"},
		{"rounding down is never a problem", 14.96, 1, def, "15.0"},
		{"zero decimals below hard", 9.6, 0, def, "9"},
		{"zero decimals above hard", 10.6, 0, def, "11"},
		{"negative zero shows as zero", -0.04, 1, def, "0.0"},
		{"threshold with more decimals than shown, above", 10.251, 1, odd, "10.3"},
		{"threshold with more decimals than shown, below", 10.249, 1, odd, "10.2"},
		{"above a threshold that rounding hides", 14.126, 1, odd, "14.2"},
		{"between close values needs more decimals", 14.1249, 2, odd, "14.12"},
		{"two thresholds closer than shown need more decimals", 10.22, 1, Options{HardLevel: 10.21, VeryHardLevel: 10.24}, "10.22"},
		{"negative decimals count as zero", 3.4, -2, def, "3"},
		{"NaN", math.NaN(), 1, def, "NaN"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatGrade(tt.level, tt.decimals, tt.opts); got != tt.want {
				t.Errorf("FormatGrade(%v, %d) = %q, want %q", tt.level, tt.decimals, got, tt.want)
			}
		})
	}
}

// TestFormatGradeNeverCrosses checks, over grades near the thresholds, that
// the shown grade read back is on the same side of each threshold as the grade.
func TestFormatGradeNeverCrosses(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for _, opts := range []Options{DefaultOptions(), {HardLevel: 8.5, VeryHardLevel: 12.05}, {HardLevel: 0, VeryHardLevel: 0.001}} {
		for range 20000 {
			t0 := []float64{opts.HardLevel, opts.VeryHardLevel}[r.IntN(2)]
			level := t0 + (r.Float64()-0.5)*0.2
			for d := 0; d <= 3; d++ {
				s := FormatGrade(level, d, opts)
				shown, err := strconv.ParseFloat(s, 64)
				if err != nil {
					t.Fatal(err)
				}
				if !sameSide(level, shown, opts) {
					t.Fatalf("FormatGrade(%v, %d) with thresholds %v/%v = %s: crosses a threshold", level, d, opts.HardLevel, opts.VeryHardLevel, s)
				}
			}
		}
	}
}

func ExampleFormatGrade() {
	opts := DefaultOptions() // very hard from grade 14
	fmt.Println(FormatGrade(13.984, 1, opts))
	fmt.Println(FormatGrade(14.04, 1, opts))
	// Output:
	// 13.9
	// 14.0
}
