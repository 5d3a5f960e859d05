// A `docker` executable for tests and the demo: it records its arguments and answers a pull as
// docker does (digest line included). No Docker engine runs on CI machines.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './git.js'

export const DIGEST = `sha256:${'ab12'.repeat(16)}`

export interface FakeDocker {
  dir: string
  /** The argument lists docker was called with. */
  calls(): string[][]
}

/**
 * A `docker` that fails its first `failures` pulls with `error`, then pulls as docker 24 does.
 * Only shell builtins, so it runs with nothing else on PATH.
 */
export function fakeDocker(o: { failures?: number; error?: string; digestLine?: boolean } = {}): FakeDocker {
  const dir = tempDir('ci-image-docker-')
  const log = join(dir, 'calls.log')
  const count = join(dir, 'pulls')
  const digestLine = o.digestLine ?? true
  writeFileSync(
    join(dir, 'docker'),
    `#!/bin/sh
{ for arg in "$@"; do printf '%s\\n' "$arg"; done; printf '%s\\n' '--'; } >> '${log}'
if [ "$1" = pull ]; then
  n=0; [ -f '${count}' ] && read -r n < '${count}'; n=$((n + 1)); echo "$n" > '${count}'
  if [ "$n" -le ${o.failures ?? 0} ]; then echo 'Error response from daemon: ${o.error ?? 'manifest unknown'}' >&2; exit 1; fi
  echo "\${2##*:}: Pulling from acme/app/ci"
  echo 'a1b2c3d4e5f6: Pull complete'
  ${digestLine ? `echo 'Digest: ${DIGEST}'` : ':'}
  echo "Status: Downloaded newer image for $2"
  echo "$2"
  exit 0
fi
if [ "$1" = image ] && [ "$2" = inspect ]; then echo '["ghcr.io/acme/app/ci@${DIGEST}"]'; exit 0; fi
echo "unexpected: $*" >&2; exit 2
`,
  )
  chmodSync(join(dir, 'docker'), 0o755)
  return {
    dir,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('--\n')
            .filter((call) => call !== '')
            .map((call) => call.replace(/\n$/, '').split('\n'))
        : [],
  }
}
