package analysis_test

import (
	"fmt"

	"github.com/factbox/factbox/analysis"
)

func ExampleCountSyllables() {
	for _, w := range []string{"beautiful", "didn't", "China's", "n't", "2013", "700,000", "60th"} {
		fmt.Println(w, analysis.CountSyllables(w))
	}
	// Output:
	// beautiful 3
	// didn't 2
	// China's 2
	// n't 0
	// 2013 4
	// 700,000 6
	// 60th 3
}

func ExampleExplainSyllables() {
	for _, w := range []string{"business", "little", "jumped", "idea", "U.S"} {
		n, rule := analysis.ExplainSyllables(w)
		fmt.Println(w, n, rule)
	}
	// Output:
	// business 2 table
	// little 2 rule:syllabic-le
	// jumped 1 rule:silent-ed
	// idea 3 rule:hiatus
	// U.S 2 rule:initialism
}
