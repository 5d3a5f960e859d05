// The labels resolve-image gives a build (its `labels` output): the commit the build is built
// from and where that commit lives, checked so that no value can add a label of its own. Pure.
import type { Target } from '../action/target.js'
import { FULL_COMMIT_SHA } from '../git/commit-sha.js'
import { INPUTS_LABEL, REVISION_LABEL, SOURCE_LABEL } from '../registry/labels.js'
import { isInputsHash } from './inputs-hash.js'

export interface OciLabelInput {
  /** The commit the build is built from: a full SHA. */
  revision: string
  /** The repository's URL, e.g. https://github.com/acme/app (or the GitHub Enterprise server's). */
  sourceUrl: string
  /** The image's inputs hash, when known. */
  inputsHash?: string
}

/**
 * The commit a build in this context is built from: the PR head (never the merge commit), the
 * pushed commit, or a merge queue's commit.
 */
export function builtRevision(target: Target): string {
  switch (target.kind) {
    case 'pull_request':
      return target.headSha
    case 'merge_group':
      return target.queue.headSha
    case 'push':
      return target.sha
  }
}

/**
 * `key=value` lines for docker/build-push-action's `labels` and `annotations` inputs (newline-delimited
 * lists): values are checked so that none can add a line, that is, a label of its own. As an
 * annotation, a line whose key has no `:` has no level prefix and goes on the image manifest
 * (docker/buildx, util/buildflags/export.go, ParseAnnotations, cuts at the first `=`, then the key
 * at `:`): a URL value stays a value.
 */
export function ociLabels(input: OciLabelInput): string[] {
  if (!FULL_COMMIT_SHA.test(input.revision)) {
    throw new Error(`The revision label needs a full commit SHA (40 or 64 hexadecimal characters); got "${input.revision}".`)
  }
  let url: URL | undefined
  try {
    url = new URL(input.sourceUrl)
  } catch {
    url = undefined
  }
  if (!url || !/^https?:$/.test(url.protocol) || /\s/.test(input.sourceUrl)) {
    throw new Error(`The source label needs the repository's http(s) URL; got "${input.sourceUrl}".`)
  }
  if (input.inputsHash !== undefined && !isInputsHash(input.inputsHash)) {
    throw new Error(`The inputs label needs a sha256 in lower-case hexadecimal; got "${input.inputsHash}".`)
  }
  const inputs = input.inputsHash === undefined ? [] : [`${INPUTS_LABEL}=${input.inputsHash}`]
  return [`${REVISION_LABEL}=${input.revision.toLowerCase()}`, `${SOURCE_LABEL}=${input.sourceUrl}`, ...inputs]
}
