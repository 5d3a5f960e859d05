// The image a finished build pushed, read from the registry and proved to be built from the
// awaited commit: a tag like pr-42 moves with every push to the PR, so the checks of commit A
// must not run on whatever it points to when they start. The per-commit tag (pr-42-sha-<7>)
// never moves; its digest pins the image; its revision label must name the awaited commit.
import { pinnedReference } from '../registry/image-ref.js'
import { checkRevision, INPUTS_LABEL } from '../registry/labels.js'
import { missingTagHint } from '../registry/registry-hints.js'
import { inspectImage, RegistryError, type RegistryImage } from '../registry/inspect.js'

export interface BuiltImage {
  /** The reference the step outputs: the tag checks use (`…/ci:pr-42`). */
  reference: string
  /** The tag that names this commit's image only (`…/ci:pr-42-sha-1a2b3c4`). */
  commitReference: string
  /** The commit whose build was awaited. */
  headSha: string
  /** The inputs hash of that commit: an image copied from a build of the same inputs carries it. */
  inputsHash?: string
}

export interface VerifiedImage {
  /** What the tag points to: the index for a multi-platform image. */
  digest: string
  /** `reference@digest`. */
  pinned: string
  image: RegistryImage
  /** Whether its revision label (or its inputs label) proved the image to be built from the awaited commit (or its inputs). */
  verified: boolean
  /** Set when the image could not be proved to be the commit's: a warning to show. */
  warning?: string
}

/** The first line of a registry error: what failed, without its hint. */
const firstLine = (error: Error) => error.message.split('\n')[0]!

export interface VerifyOptions {
  token: string
  sleep: (ms: number) => Promise<void>
  log: (line: string) => void
}

export async function verifyBuiltImage(built: BuiltImage, o: VerifyOptions): Promise<VerifiedImage> {
  const inspect = (reference: string, attempts?: number) =>
    inspectImage(reference, { token: o.token, sleep: o.sleep, log: o.log, attempts })
  let image: RegistryImage
  try {
    // Pushed together with the moving tag: missing means the build does not push it, not a lag.
    image = await inspect(built.commitReference, built.commitReference === built.reference ? undefined : 1)
  } catch (error) {
    if (!(error instanceof RegistryError && error.fault === 'missing') || built.commitReference === built.reference) throw error
    o.log(`The build pushed no ${built.commitReference}: reading ${built.reference} and checking that it was built from ${built.headSha}.`)
    try {
      image = await inspect(built.reference)
    } catch (second) {
      if (!(second instanceof RegistryError && second.fault === 'missing')) throw second
      // Both tags are missing: say so, each with how often it was asked.
      throw new RegistryError(
        'missing',
        `No image of ${built.headSha} is in the registry; both tags were tried:\n` +
          `- ${built.commitReference}: ${firstLine(error)} (1 try)\n` +
          `- ${built.reference}: ${firstLine(second)}\n` +
          missingTagHint(built.commitReference),
      )
    }
  }
  const revision = checkRevision(image.reference, built.headSha, image.revision, {
    expected: built.inputsHash,
    labelled: image.labels[INPUTS_LABEL],
  })
  if (revision.kind === 'mismatch') throw new Error(revision.message)
  return {
    digest: image.digest,
    pinned: pinnedReference(built.reference, image.digest),
    image,
    verified: revision.kind === 'match',
    warning: revision.kind === 'unlabelled' || revision.kind === 'unproved' ? revision.message : undefined,
  }
}
