// `docker buildx imagetools inspect`: the registry read with the runner's docker login, argument
// arrays only (never a shell). What it prints, from docker/buildx's source:
// - `--raw` prints the bytes the reference resolves to, unchanged and without a newline "to keep
//   digest" (util/imagetools/printers.go, Printer.Print), so their sha256 is the digest;
// - `--format '{{json .Image}}'` prints the image config as indented JSON (printers.go, the `json`
//   template function); for one image (a reference pinned to a platform manifest's digest) it is
//   that image's config object, for several platforms a map by platform (tplInputs), and `null`
//   when there is no config. `--format` and `--raw` cannot be combined (commands/imagetools/inspect.go).
import { getExecOutput } from '@actions/exec'
import { lastLines } from './command-output.js'
import { digestOf, parseImageConfig, parseManifest } from './image-manifest.js'
import type { ParsedImageReference } from './image-ref.js'
import { RegistryError } from './errors.js'
import type { Transport } from './transport.js'

interface DockerResult {
  exitCode: number
  stdout: string
  stderr: string
}

// Retrying cannot fix credentials. containerd's messages: "unexpected status from GET request to
// …/token?…: 401 Unauthorized", "…: 403 Forbidden"; GHCR's: "denied: …", "unauthorized: …".
const DENIED = /unauthori[sz]ed|denied|forbidden|authentication required|no basic auth credentials|\b40[13]\b/i
// containerd's resolver: "<reference>: not found" (remotes/docker/resolver.go); registries: MANIFEST_UNKNOWN, NAME_UNKNOWN.
const MISSING = /: not found\b|manifest unknown|name unknown/i

async function docker(args: string[]): Promise<DockerResult | undefined> {
  try {
    return await getExecOutput('docker', args, { ignoreReturnCode: true, silent: true })
  } catch {
    // @actions/exec throws only when it cannot start the program.
    return undefined
  }
}

/** Whether a docker CLI with the buildx plugin is on PATH. */
export async function hasBuildx(): Promise<boolean> {
  const result = await docker(['buildx', 'version'])
  return result !== undefined && result.exitCode === 0
}

async function imagetools(args: string[], what: string): Promise<string> {
  const command = ['buildx', 'imagetools', 'inspect', ...args]
  const result = await docker(command)
  if (result === undefined) throw new RegistryError('unavailable', 'Cannot run docker.')
  if (result.exitCode === 0) return result.stdout
  const why = lastLines(result.stderr || result.stdout) || `exit code ${result.exitCode}`
  const message = `docker ${command.join(' ')} failed: ${why}`
  if (DENIED.test(why)) throw new RegistryError('denied', message)
  if (MISSING.test(why)) throw new RegistryError('missing', message)
  // Anything else (a network fault, a registry error): worth another try, like a pull.
  throw new RegistryError('unavailable', `${message} (reading ${what})`)
}

export function imagetoolsTransport(ref: ParsedImageReference, reference: string): Transport {
  return {
    via: 'docker',
    async resolve() {
      const raw = await imagetools(['--raw', reference], reference)
      const digest = digestOf(Buffer.from(raw, 'utf8'))
      if (ref.digest !== undefined && ref.digest !== digest) {
        throw new RegistryError('invalid', `docker buildx imagetools printed content with digest ${digest} for ${reference}.`)
      }
      try {
        return { digest, document: parseManifest(raw) }
      } catch (error) {
        throw new RegistryError('invalid', `${reference}: ${(error as Error).message}`)
      }
    },
    async config(digest) {
      // Pinned to the manifest's digest: one image, whatever the tag points to by now. This
      // transport reads the config even where the manifest's annotations carry the labels (the
      // HTTP transport, http.ts, takes those instead); the config's labels are the same build's.
      const pinned = `${ref.repository}@${digest}`
      const printed = await imagetools(['--format', '{{json .Image}}', pinned], pinned)
      try {
        return parseImageConfig(printed)
      } catch (error) {
        throw new RegistryError('invalid', `The config of ${pinned}: ${(error as Error).message}`)
      }
    },
  }
}
