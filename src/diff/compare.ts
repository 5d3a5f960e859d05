// Compares a PR's image with the stable image it replaces, from what their registry holds: no
// scanner, no daemon. A few requests per image and platform (what the reference resolves to, the
// platform's manifest, its attestation manifest, one SBOM blob), platforms one after another so
// that one SBOM at a time is in memory, and the whole comparison within a time budget. Whatever
// goes wrong (a refusal, a missing stable image, a slow registry) is "no comparison", said in one
// sentence, never a thrown error.
import { RegistryError } from '../registry/errors.js'
import { readRegistryOverHttp, type RegistryReadOptions } from '../registry/http-reader.js'
import { parseImageReference } from '../registry/image-ref.js'
import { IMAGE_COMPARISON_BUDGET_MS } from '../timing/timing.js'
import { diffLayers, diffSboms, planSboms, planPlatforms, type DiffOutcome, type PlatformDiff } from './image-diff.js'
import { platformList } from './format.js'
import { firstLine, openImage, type OpenedImage } from './read-image.js'

export interface CompareOptions extends RegistryReadOptions {
  /** The whole comparison, both images (default: timing's IMAGE_COMPARISON_BUDGET_MS). */
  budgetMs?: number
}

async function open(reference: string, o: CompareOptions, fetch: typeof globalThis.fetch): Promise<OpenedImage> {
  return openImage(reference, await readRegistryOverHttp(parseImageReference(reference), { ...o, fetch }))
}

/** Why the stable image cannot be read, for a person: a missing one is the usual case (no build pushed it yet). */
function stableFault(error: unknown): string {
  if (error instanceof RegistryError && error.fault === 'missing') return 'the registry does not have it (no build has pushed it yet)'
  if (error instanceof RegistryError && error.fault === 'denied') return `the registry refused to serve it (${firstLine(error)})`
  return firstLine(error)
}

export async function compareImages(pr: string, stable: string, o: CompareOptions = {}): Promise<DiffOutcome> {
  const budgetMs = o.budgetMs ?? IMAGE_COMPARISON_BUDGET_MS
  const budget = AbortSignal.timeout(budgetMs)
  const fetchWithin: typeof fetch = (input, init) =>
    (o.fetch ?? fetch)(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, budget]) : budget })
  const none = (reason: string): DiffOutcome => ({
    kind: 'none',
    pr,
    stable,
    reason: budget.aborted ? `the registry did not answer within ${budgetMs / 1000} s` : reason,
  })

  let prImage: OpenedImage
  let stableImage: OpenedImage
  try {
    prImage = await open(pr, o, fetchWithin)
  } catch (error) {
    return none(`this PR's image ${pr} cannot be read (${firstLine(error)})`)
  }
  try {
    stableImage = await open(stable, o, fetchWithin)
  } catch (error) {
    return none(stableFault(error))
  }
  const plan = planPlatforms(prImage.platforms, stableImage.platforms)
  if (plan.compare.length === 0) {
    return none(
      `the images share no platform (this PR's: ${platformList(prImage.platforms)}; the stable one's: ${platformList(stableImage.platforms)})`,
    )
  }
  const platforms: PlatformDiff[] = []
  try {
    for (const platform of plan.compare) {
      const before = await stableImage.platform(platform)
      const after = await prImage.platform(platform)
      const sboms = planSboms(before.sbom, after.sbom)
      const packages = sboms.kind === 'read-both' ? diffSboms(await stableImage.sbom(sboms.stable), await prImage.sbom(sboms.pr)) : sboms
      platforms.push({ platform, layers: diffLayers(before.layers, after.layers), packages })
    }
  } catch (error) {
    return none(firstLine(error))
  }
  // An SBOM cut short by the budget reads as unreadable: say the budget instead, not half a comparison.
  if (budget.aborted) return none('')
  const { onlyPr, onlyStable, notCompared } = plan
  return { kind: 'compared', diff: { pr, stable, platforms, onlyPr, onlyStable, notCompared } }
}
