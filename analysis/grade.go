package analysis

import (
	"math"
	"strconv"
)

// maxGradeDecimals bounds how many decimals RoundGrade adds to tell a grade
// from a threshold it is closer to than the requested precision can show.
const maxGradeDecimals = 9

// RoundGrade rounds a grade level for display with at least decimals
// decimals (0 to 9), so that the shown value is on the same side of every
// threshold in opts (HardLevel, VeryHardLevel) as the grade itself: a grade
// of 13.984 is shown as 13.9, not 14.0, when very hard starts at 14, and
// 9.96 as 9.9 when hard starts at 10. Where plain rounding would cross a
// threshold, it truncates toward the grade's own side; if the threshold has
// more decimals than that can show, it adds decimals until the two differ.
// It returns the value to print, which is level itself when no threshold is
// within a unit of the last decimal, and the number of decimals to print it with.
// NaN and infinities are returned as they are.
func RoundGrade(level float64, decimals int, opts Options) (float64, int) {
	if math.IsNaN(level) || math.IsInf(level, 0) {
		return level, max(decimals, 0)
	}
	decimals = min(max(decimals, 0), maxGradeDecimals)
	for d := decimals; ; d++ {
		p := math.Pow10(d)
		if math.Abs(level-opts.HardLevel) > 1/p && math.Abs(level-opts.VeryHardLevel) > 1/p {
			return level, d // rounding moves it by half a unit at most: it cannot cross
		}
		// Round as strconv prints (correctly rounded from the binary value),
		// so that a grade no threshold is near prints as it always has.
		var buf [40]byte
		shown, _ := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], level, 'f', d, 64)), 64)
		for _, t := range [...]float64{opts.HardLevel, opts.VeryHardLevel} {
			switch {
			case level < t && shown >= t:
				shown = math.Floor(level*p) / p
			case level >= t && shown < t:
				shown = math.Ceil(level*p) / p
			}
		}
		if d == maxGradeDecimals || sameSide(level, shown, opts) {
			return shown, d
		}
	}
}

// sameSide reports whether a and b are on the same side of both thresholds.
func sameSide(a, b float64, opts Options) bool {
	return (a < opts.HardLevel) == (b < opts.HardLevel) && (a < opts.VeryHardLevel) == (b < opts.VeryHardLevel)
}

// AppendGrade appends level formatted by RoundGrade to b, as in "13.9".
func AppendGrade(b []byte, level float64, decimals int, opts Options) []byte {
	v, d := RoundGrade(level, decimals, opts)
	if v <= 0 && v > -0.5/math.Pow10(d) {
		v = 0 // no "-0.0"
	}
	return strconv.AppendFloat(b, v, 'f', d, 64)
}

// FormatGrade returns level formatted by RoundGrade, as in "13.9".
func FormatGrade(level float64, decimals int, opts Options) string {
	return string(AppendGrade(nil, level, decimals, opts))
}
