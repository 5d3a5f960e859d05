// A `docker` executable for tests and the demo: it records its arguments and answers a pull as
// docker does (digest line included), and `docker buildx imagetools inspect` as buildx prints it.
// No Docker engine runs on CI machines.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildxImage, type FakeImage } from './fake-registry.js'
import { tempDir } from './git.js'

const DIGEST = `sha256:${'ab12'.repeat(16)}`

export interface FakeDocker {
  dir: string
  /** The argument lists docker was called with. */
  calls(): string[][]
}

export interface FakeImagetools {
  /** The images the registry holds, by the reference (with its tag) they were pushed as. */
  images: Record<string, FakeImage>
  /** false: a docker CLI without the buildx plugin. */
  buildx?: boolean
  /** What every `imagetools inspect` prints to stderr before failing, e.g. a refused login. */
  error?: string
  /** `--raw` calls that fail as not found before the tag appears (a registry lagging the push). */
  missingFirst?: number
}

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`

/**
 * The `buildx` part of the script. What buildx prints (docker/buildx, util/imagetools/printers.go):
 * `--raw`, the bytes the reference resolves to, without a newline; `--format '{{json .Image}}'` on
 * a reference pinned to one image manifest, that image's config as indented JSON; failures,
 * `ERROR: <message>` on stderr (containerd's "<reference>: not found" for a missing tag).
 */
function imagetoolsScript(dir: string, o: FakeImagetools): string {
  const cases: string[] = []
  let n = 0
  const file = (bytes: Buffer | string) => {
    const path = join(dir, `answer-${++n}`)
    writeFileSync(path, bytes)
    return path
  }
  for (const [reference, image] of Object.entries(o.images)) {
    const repository = reference.replace(/:[^:/]+$/, '')
    const raw = file(image.root.bytes)
    cases.push(`${quote(`raw:${reference}`)}|${quote(`raw:${repository}@${image.root.digest}`)}) emit ${quote(raw)} ;;`)
    for (const [manifest, config] of image.configs) {
      const printed = file(JSON.stringify(JSON.parse(config.bytes.toString()), null, 2))
      cases.push(`${quote(`image:${repository}@${manifest}`)}) emit ${quote(printed)} ;;`)
    }
  }
  const count = join(dir, 'raw-calls')
  return `
# Prints a file exactly, with builtins only (the last line has no newline, as buildx prints).
emit() { first=1; while IFS= read -r line || [ -n "$line" ]; do [ "$first" = 1 ] || printf '\\n'; first=0; printf '%s' "$line"; done < "$1"; }
if [ "$1" = buildx ] && [ "$2" = version ]; then
  ${o.buildx === false ? `echo "docker: 'buildx' is not a docker command." >&2; exit 1` : `echo 'github.com/docker/buildx v0.17.1 257815a'; exit 0`}
fi
if [ "$1" = buildx ] && [ "$2" = imagetools ] && [ "$3" = inspect ]; then
  ${o.error === undefined ? ':' : `echo ${quote(`ERROR: ${o.error}`)} >&2; exit 1`}
  if [ "$4" = --raw ]; then
    key="raw:$5"
    n=0; [ -f '${count}' ] && read -r n < '${count}'; n=$((n + 1)); echo "$n" > '${count}'
    if [ "$n" -le ${o.missingFirst ?? 0} ]; then echo "ERROR: $5: not found" >&2; exit 1; fi
  elif [ "$4" = --format ] && [ "$5" = '{{json .Image}}' ]; then key="image:$6"
  else echo "unexpected: $*" >&2; exit 2
  fi
  case "$key" in
    ${cases.join('\n    ')}
    *) echo "ERROR: \${key#*:}: not found" >&2; exit 1 ;;
  esac
  exit 0
fi`
}

/**
 * A `docker` that fails its first `failures` pulls with `error`, then pulls as docker 24 does;
 * with `imagetools`, it also answers `docker buildx imagetools inspect` for those images.
 * Only shell builtins, so it runs with nothing else on PATH.
 */
export function fakeDocker(o: { failures?: number; error?: string; imagetools?: FakeImagetools } = {}): FakeDocker {
  const dir = tempDir('ci-image-docker-')
  const log = join(dir, 'calls.log')
  const count = join(dir, 'pulls')
  writeFileSync(
    join(dir, 'docker'),
    `#!/bin/sh
{ for arg in "$@"; do printf '%s\\n' "$arg"; done; printf '%s\\n' '--'; } >> '${log}'
if [ "$1" = pull ]; then
  n=0; [ -f '${count}' ] && read -r n < '${count}'; n=$((n + 1)); echo "$n" > '${count}'
  if [ "$n" -le ${o.failures ?? 0} ]; then echo 'Error response from daemon: ${o.error ?? 'manifest unknown'}' >&2; exit 1; fi
  echo "\${2##*:}: Pulling from acme/app/ci"
  echo 'a1b2c3d4e5f6: Pull complete'
  # A pull by digest gets, and prints, that digest.
  case "$2" in *@sha256:*) echo "Digest: \${2##*@}" ;; *) echo 'Digest: ${DIGEST}' ;; esac
  echo "Status: Downloaded newer image for $2"
  echo "$2"
  exit 0
fi
${o.imagetools ? imagetoolsScript(dir, o.imagetools) : ''}
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

/**
 * A `docker` whose registry holds the images a build pushed: each reference (a per-commit tag
 * such as `ghcr.io/acme/app/ci:pr-42-sha-1a2b3c4`) an image labelled with the commit it was built
 * from, as build-push-action pushes it with resolve-image's `labels`.
 */
export function dockerWithBuiltImages(built: Record<string, string>): FakeDocker {
  const images = Object.fromEntries(
    Object.entries(built).map(([reference, revision]) => [
      reference,
      buildxImage({
        labels: { 'org.opencontainers.image.revision': revision, 'org.opencontainers.image.source': 'https://github.com/acme/app' },
      }),
    ]),
  )
  return fakeDocker({ imagetools: { images } })
}

/** The environment of a step that finds `docker` first on PATH, and git and the rest after it. */
export function withDockerOnPath(docker: FakeDocker): Record<string, string> {
  return { PATH: `${docker.dir}:${process.env.PATH ?? ''}` }
}
