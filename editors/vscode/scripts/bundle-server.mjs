// Builds the factbox server into bin/ so that `npm run package` ships it in
// the .vsix. Cross-compile with GOOS/GOARCH in the environment, e.g.
//   GOOS=windows GOARCH=amd64 npm run bundle-server
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ext = resolve(here, '..');
const repo = resolve(ext, '..', '..');
const goos = process.env.GOOS ?? execFileSync('go', ['env', 'GOOS'], { encoding: 'utf8' }).trim();
const out = join(ext, 'bin', goos === 'windows' ? 'factbox.exe' : 'factbox');
mkdirSync(dirname(out), { recursive: true });
execFileSync('go', ['build', '-trimpath', '-o', out, './cmd/factbox'], {
  cwd: repo,
  stdio: 'inherit',
  env: { ...process.env, CGO_ENABLED: '0' },
});
console.log(`built ${out}`);
