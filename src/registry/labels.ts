// The OCI labels a build sets so that its image says which commit it was built from and where
// that commit lives, and the check of that claim once the image is in the registry.
//
// Keys: the OCI image spec's pre-defined annotation keys
// (https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys).
// `created` is left out on purpose: a timestamp in the image config changes the config, and with
// it the digest, of every rebuild of the same commit.

/** "Source control revision identifier for the packaged software" (OCI annotations). */
export const REVISION_LABEL = 'org.opencontainers.image.revision'
/**
 * "URL to get source code for building the image" (OCI annotations). On GHCR this label also
 * connects the package to the repository, from which it can inherit its access: GitHub Docs,
 * "Connecting a repository to a package" (https://docs.github.com/en/packages/learn-github-packages/connecting-a-repository-to-a-package).
 */
export const SOURCE_LABEL = 'org.opencontainers.image.source'
/** The inputs hash the image was built from (resolution/inputs-hash.ts): what makes it reusable. */
export const INPUTS_LABEL = 'ci-image.inputs'

export type RevisionCheck =
  /** The image was built from the awaited commit. */
  | { kind: 'match' }
  /** The image was built from another commit: its checks would test the wrong image. */
  | { kind: 'mismatch'; message: string }
  /** The image does not say: it cannot be verified. */
  | { kind: 'unlabelled'; message: string }
  /**
   * Built from another commit and copied as an image of the same inputs (its inputs label), which
   * this run, knowing no inputs hash, cannot check: it cannot be verified.
   */
  | { kind: 'unproved'; message: string }

/** The image's inputs label against the hash this context computed: equal proves the image as well as its revision would. */
export interface InputsCheck {
  expected?: string
  labelled?: string
}

/**
 * Compares the image's revision label with the commit whose build was awaited; an image copied
 * from a build of other commits with the same inputs (reuse) is proved by its inputs label.
 */
export function checkRevision(reference: string, expected: string, labelled: string | undefined, inputs: InputsCheck = {}): RevisionCheck {
  if (inputs.expected !== undefined && inputs.labelled?.trim() === inputs.expected) return { kind: 'match' }
  if (labelled === undefined || labelled.trim() === '') {
    return {
      kind: 'unlabelled',
      message:
        `${reference} has no ${REVISION_LABEL} label, so it cannot be checked to be built from ${expected}. ` +
        "Pass resolve-image's `labels` output to docker/build-push-action's `labels` and `annotations` inputs.",
    }
  }
  if (labelled.trim().toLowerCase() === expected.toLowerCase()) return { kind: 'match' }
  const inputsLabel = inputs.labelled?.trim()
  if (inputs.expected === undefined && inputsLabel) {
    return {
      kind: 'unproved',
      message:
        `${reference} was built from commit ${labelled.trim()}, not from ${expected}, and carries ${INPUTS_LABEL}=${inputsLabel.slice(0, 80)}: ` +
        `the build of ${expected} reused it as an image of the same inputs, which this run cannot check, as it has no inputs hash (resolve-image's notice says why).`,
    }
  }
  return {
    kind: 'mismatch',
    message:
      `${reference} was built from commit ${labelled.trim()}, not from ${expected}, the commit whose build was awaited: ` +
      'a later build may have overwritten the tag, or the build labels the merge commit instead of the PR head.',
  }
}
