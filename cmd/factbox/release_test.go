package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// releasePlatform is one platform of the release set.
type releasePlatform struct {
	goos, goarch, vscode string
}

var releasePlatforms = []releasePlatform{
	{"linux", "amd64", "linux-x64"},
	{"linux", "arm64", "linux-arm64"},
	{"darwin", "amd64", "darwin-x64"},
	{"darwin", "arm64", "darwin-arm64"},
	{"windows", "amd64", "win32-x64"},
}

// TestReleaseSet checks a release built by .ci/release.sh (make test-release
// builds one and runs this test on it; it skips when FACTBOX_DIST is unset):
// exactly the expected files, checksums that match, and in every archive and
// .vsix a server built for that platform, stamped with the version.
func TestReleaseSet(t *testing.T) {
	dist, version := os.Getenv("FACTBOX_DIST"), os.Getenv("FACTBOX_DIST_VERSION")
	if dist == "" || version == "" {
		t.Skip("FACTBOX_DIST and FACTBOX_DIST_VERSION name a release to check (make test-release)")
	}
	num := strings.TrimPrefix(version, "v")
	var want []string
	for _, p := range releasePlatforms {
		name := fmt.Sprintf("factbox_%s_%s_%s", num, p.goos, p.goarch)
		archive := name + ".tar.gz"
		if p.goos == "windows" {
			archive = name + ".zip"
		}
		want = append(want, name, archive, fmt.Sprintf("factbox-%s-%s.vsix", p.vscode, num))
	}
	want = append(want, "SHA256SUMS")
	slices.Sort(want)
	entries, err := os.ReadDir(dist)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Fatalf("release files\n got  %q\n want %q", got, want)
	}

	sums := readSums(t, filepath.Join(dist, "SHA256SUMS"))
	for _, name := range want {
		if strings.HasSuffix(name, ".tar.gz") || strings.HasSuffix(name, ".zip") || strings.HasSuffix(name, ".vsix") {
			data, err := os.ReadFile(filepath.Join(dist, name))
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(data)
			if sums[name] != hex.EncodeToString(sum[:]) {
				t.Errorf("SHA256SUMS: %s is %q, the file hashes to %x", name, sums[name], sum)
			}
			delete(sums, name)
		}
	}
	if len(sums) > 0 {
		t.Errorf("SHA256SUMS lists files not in the release: %v", sums)
	}

	for _, p := range releasePlatforms {
		t.Run(p.goos+"/"+p.goarch, func(t *testing.T) {
			exe := "factbox"
			if p.goos == "windows" {
				exe = "factbox.exe"
			}
			name := fmt.Sprintf("factbox_%s_%s_%s", num, p.goos, p.goarch)
			var files map[string][]byte
			if p.goos == "windows" {
				files = zipFiles(t, filepath.Join(dist, name+".zip"))
			} else {
				files = tarFiles(t, filepath.Join(dist, name+".tar.gz"))
			}
			for _, f := range []string{exe, "README.md", "LICENSE"} {
				if _, ok := files[name+"/"+f]; !ok {
					t.Errorf("%s: no %s/%s", name, name, f)
				}
			}
			checkBinary(t, name, files[name+"/"+exe], p, version)

			vsix := zipFiles(t, filepath.Join(dist, fmt.Sprintf("factbox-%s-%s.vsix", p.vscode, num)))
			checkBinary(t, "vsix", vsix["extension/bin/"+exe], p, version)
			var pkg struct{ Version string }
			if err := json.Unmarshal(vsix["extension/package.json"], &pkg); err != nil || pkg.Version != num {
				t.Errorf("vsix package.json version %q (%v), want %q", pkg.Version, err, num)
			}
			if m := string(vsix["extension.vsixmanifest"]); !strings.Contains(m, `TargetPlatform="`+p.vscode+`"`) {
				t.Errorf("vsix manifest has no TargetPlatform=%q:\n%s", p.vscode, m)
			}
			if _, ok := vsix["extension/dist/extension.js"]; !ok {
				t.Error("vsix has no extension/dist/extension.js")
			}

			// The binary for this machine runs and says its version.
			if p.goos == runtime.GOOS && p.goarch == runtime.GOARCH {
				out, err := exec.Command(filepath.Join(dist, name, exe), "version").CombinedOutput()
				if err != nil || strings.TrimSpace(string(out)) != "factbox "+version {
					t.Errorf("factbox version: %q, %v; want %q", out, err, "factbox "+version)
				}
			}
		})
	}
}

// checkBinary checks that data is an executable for p with version in it.
func checkBinary(t *testing.T, where string, data []byte, p releasePlatform, version string) {
	t.Helper()
	if len(data) == 0 {
		t.Errorf("%s: no server binary", where)
		return
	}
	r := bytes.NewReader(data)
	var ok bool
	switch p.goos {
	case "linux":
		f, err := elf.NewFile(r)
		ok = err == nil && f.Machine == map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}[p.goarch]
	case "darwin":
		f, err := macho.NewFile(r)
		ok = err == nil && f.Cpu == map[string]macho.Cpu{"amd64": macho.CpuAmd64, "arm64": macho.CpuArm64}[p.goarch]
	case "windows":
		f, err := pe.NewFile(r)
		ok = err == nil && f.Machine == pe.IMAGE_FILE_MACHINE_AMD64
	}
	if !ok {
		t.Errorf("%s: not a %s/%s executable", where, p.goos, p.goarch)
	}
	if !bytes.Contains(data, []byte(version)) {
		t.Errorf("%s: the binary does not hold its version %q", where, version)
	}
}

func readSums(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("SHA256SUMS: bad line %q", sc.Text())
		}
		sums[name] = sum
	}
	return sums
}

func tarFiles(t *testing.T, path string) map[string][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			data, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			if h.Mode&0o111 == 0 && !strings.HasSuffix(h.Name, ".md") && !strings.HasSuffix(h.Name, "LICENSE") {
				t.Errorf("%s: %s is not executable", path, h.Name)
			}
			files[h.Name] = data
		}
	}
}

func zipFiles(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = data
	}
	return files
}
