// The tags of a PR's image (docs/how-it-decides.md, its table): `pr-<N>`, which every push to the
// PR moves, and `pr-<N>-sha-<7>`, which names one commit's build and never moves. resolution/tags.ts
// chooses them; registry-hints.ts tells by them what a missing tag means.
import { FULL_COMMIT_SHA } from '../git/commit-sha.js'

const PR_COMMIT_TAG = /^pr-\d+-sha-[0-9a-f]{7}$/

/** `pr-<N>`: the image of PR N, moved by every push to it. */
export function prTag(prNumber: number): string {
  return `pr-${prNumber}`
}

/** `pr-<N>-sha-<7>`: the immutable tag of one commit's build of a PR, beside `pr-<N>`. */
export function prCommitTag(prNumber: number, headSha: string): string {
  if (!FULL_COMMIT_SHA.test(headSha)) throw new Error(`A PR's head commit must be a hexadecimal SHA; got "${headSha}".`)
  return `${prTag(prNumber)}-sha-${headSha.slice(0, 7).toLowerCase()}`
}

/** Whether `tag` is a `pr-<N>-sha-<7>` tag. */
export function isPrCommitTag(tag: string): boolean {
  return PR_COMMIT_TAG.test(tag)
}
