// Reads from the registry what an image reference points to: its digest, its platforms and the
// labels of its config (or of its manifest's annotations), through the runner's docker login when
// docker buildx is there, else the registry's HTTP API with the credentials docker stored, or the
// GitHub token for ghcr.io.
// Registries can lag a push by seconds: a missing tag is asked again, backing off.
import { formatDuration } from '../timing/duration.js'
import { REGISTRY_RETRY } from '../timing/timing.js'
import { withBackoff } from '../timing/backoff.js'
import {
  choosePlatformManifest,
  describeImage,
  formatPlatform,
  indexImages,
  type Descriptor,
  type ImageConfig,
  type InspectedImage,
} from './image-manifest.js'
import { parseImageReference, type ParsedImageReference } from './image-ref.js'
import { INPUTS_LABEL, REVISION_LABEL } from './labels.js'
import { mayReceiveToken, registryBaseUrl } from './registry-access.js'
import { deniedHint, missingTagHint } from './registry-hints.js'
import { isRetryable, RegistryError } from './errors.js'
import { GITHUB_TOKEN_HOSTS, readRegistryOverHttp, type RegistryReadOptions } from './http-reader.js'
import { hasBuildx, imagetoolsTransport } from './imagetools.js'
import type { Resolved, Transport } from './transport.js'

export { RegistryError } from './errors.js'

export interface InspectOptions extends RegistryReadOptions {
  /** `auto`: docker buildx when it is installed, else HTTP. `never`: HTTP only. */
  docker?: 'auto' | 'never'
  log?: (line: string) => void
  sleep: (ms: number) => Promise<void>
  /** Tries in all, the first included (default: timing's REGISTRY_RETRY). */
  attempts?: number
  /** Pause before the second try; doubles after each failure (default: timing's REGISTRY_RETRY). */
  firstDelayMs?: number
}

export interface RegistryImage extends InspectedImage {
  /** How the registry was read. */
  via: 'docker' | 'http'
}

/**
 * The images of an index read at most: each costs up to two requests and 12 MiB (a manifest, and a
 * config unless the manifest's annotations carry the labels: http.ts), and an index lists one per
 * platform of a build, a handful (BuildKit's attestations are not read). An index of more is refused before any of them is read.
 */
const MAX_INDEX_IMAGES = 64
/** Configs read at once: as many as dockerd pulls layers at once (moby, daemon/config/config.go, DefaultMaxConcurrentDownloads). */
const CONFIGS_IN_FLIGHT = 3

/** The labels one build sets alike on every platform, each proof of what the image was built from, and what images that differ were not. */
const ONE_BUILD_LABELS = [
  [REVISION_LABEL, 'they were not built together from one commit'],
  [INPUTS_LABEL, 'they were not built from the same inputs'],
] as const

/** `read` of every item, at most `limit` at once, in the items' order; after a failure, no new one starts. */
async function readLimited<T, R>(items: readonly T[], limit: number, read: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  let next = 0
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      try {
        results[i] = await read(items[i]!)
      } catch (error) {
        next = items.length
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * The labels of every image of an index (its config's, or its manifest's annotations), each digest
 * read once: one build sets the same revision and inputs labels on each platform, so images that
 * disagree (or one without the label) are not one build's, whichever platform runs.
 */
async function platformConfigs(
  transport: Transport,
  resolved: Resolved,
  reference: string,
): Promise<{ chosen?: Descriptor; config: ImageConfig }> {
  if (resolved.document.kind !== 'index') return { config: await transport.config(resolved.digest, resolved) }
  const chosen = choosePlatformManifest(resolved.document)
  const images = indexImages(resolved.document)
  const digests = [...new Set(images.map((d) => d.digest))]
  if (digests.length > MAX_INDEX_IMAGES) {
    throw new RegistryError(
      'invalid',
      `${reference} is an index of ${digests.length} images; ci-image reads at most ${MAX_INDEX_IMAGES}, and a build pushes one per platform.`,
    )
  }
  const read = await readLimited(digests, CONFIGS_IN_FLIGHT, (digest) => transport.config(digest, resolved))
  const configs = new Map(digests.map((digest, i) => [digest, read[i]!]))
  const labelOf = (d: Descriptor, label: string) => configs.get(d.digest)!.labels[label]
  for (const [label, meaning] of ONE_BUILD_LABELS) {
    if (new Set(images.map((d) => labelOf(d, label))).size === 1) continue
    const each = images.map((d) => `${d.platform ? formatPlatform(d.platform) : d.digest}: ${labelOf(d, label) ?? 'no label'}`)
    throw new RegistryError('invalid', `The platforms of ${reference} disagree on ${label} (${each.join('; ')}): ${meaning}.`)
  }
  return { chosen, config: configs.get(chosen.digest)! }
}

function withRetries(reference: string, transport: Transport, o: InspectOptions): Promise<RegistryImage> {
  return withBackoff(
    async () => {
      const resolved = await transport.resolve()
      const { chosen, config } = await platformConfigs(transport, resolved, reference)
      const platform = chosen?.platform ? formatPlatform(chosen.platform) : undefined
      return { ...describeImage(reference, resolved, config, platform), via: transport.via }
    },
    {
      attempts: o.attempts ?? REGISTRY_RETRY.attempts,
      firstDelayMs: o.firstDelayMs ?? REGISTRY_RETRY.firstDelayMs,
      sleep: o.sleep,
      retryable: isRetryable,
      onRetry: (error, delayMs) => {
        const why = (error as Error).message.split('\n')[0]!
        o.log?.(`${why}${/[.)]$/.test(why) ? '' : '.'} The registry may lag the build: trying again in ${Math.round(delayMs / 1000)}s.`)
      },
      giveUp: (error, tries, waitedMs) =>
        error instanceof RegistryError && tries > 1
          ? new RegistryError(error.fault, `${error.message} (${tries} tries over ${formatDuration(waitedMs)})`, error.credentials)
          : error,
    },
  )
}

/** The error to show: what failed, then what usually causes it. */
function explained(error: unknown, ref: ParsedImageReference, reference: string): unknown {
  if (!(error instanceof RegistryError)) return error
  if (error.fault === 'denied') {
    return new RegistryError('denied', `${error.message}\n${deniedHint(ref.registry, error.credentials)}`, error.credentials)
  }
  if (error.fault === 'missing') return new RegistryError('missing', `${error.message}\n${missingTagHint(reference)}`)
  return error
}

/**
 * What `reference` (a tag, or a digest) points to in its registry. Throws a RegistryError whose
 * message says what usually causes the fault; its `fault` tells a refusal from a missing tag.
 */
export async function inspectImage(reference: string, o: InspectOptions): Promise<RegistryImage> {
  const ref = parseImageReference(reference)
  if (ref.tag === undefined && ref.digest === undefined) {
    throw new Error(`"${reference}" names no tag or digest: ci-image reads one image, e.g. ${reference}:pr-42.`)
  }
  const tokenHosts = o.tokenHosts ?? GITHUB_TOKEN_HOSTS
  /** Docker's credentials are used unless docker itself was just refused with them. */
  let refusedToDocker = false
  const overHttp = async (withDockerCredentials = true) =>
    withRetries(reference, await readRegistryOverHttp(ref, o, withDockerCredentials), o)
  if (o.docker !== 'never' && (await hasBuildx())) {
    try {
      return await withRetries(reference, imagetoolsTransport(ref, reference), o)
    } catch (error) {
      const tokenHelps = o.token !== undefined && o.token !== '' && mayReceiveToken(registryBaseUrl(ref.registry), tokenHosts)
      if (!(error instanceof RegistryError && error.fault === 'denied' && tokenHelps)) throw explained(error, ref, reference)
      o.log?.(
        `docker's login was refused (${error.message.split('\n')[0]}); reading the registry's HTTP API with the GitHub token instead.`,
      )
      refusedToDocker = true
    }
  } else if (o.docker !== 'never') {
    o.log?.('docker buildx is not available: reading the registry over its HTTP API.')
  }
  try {
    return await overHttp(!refusedToDocker)
  } catch (error) {
    throw explained(error, ref, reference)
  }
}
