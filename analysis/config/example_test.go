package config_test

import (
	"fmt"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/analysis/config"
)

func ExampleParse() {
	c, err := config.Parse("/repo/.factbox.toml", []byte(`
hardLevel = 11
exclude = ["vendor/**"]

[[overrides]]
files = ["docs/legal/**"]
veryHardLevel = 20
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, file := range []string{"/repo/README.md", "/repo/docs/legal/terms.md", "/repo/vendor/x.md"} {
		v, excluded := c.Settings(file)
		opts, diagnostics := v.Apply(analysis.DefaultOptions())
		fmt.Println(file, excluded, opts.HardLevel, opts.VeryHardLevel, diagnostics)
	}

	_, err = config.Parse("/repo/.factbox.toml", []byte("minWords = 'ten'\n"))
	fmt.Println(err)
	// Output:
	// /repo/README.md false 11 14 true
	// /repo/docs/legal/terms.md false 11 20 true
	// /repo/vendor/x.md true 11 14 true
	// /repo/.factbox.toml:1:12: minWords must be a whole number, not a TOML string
}
