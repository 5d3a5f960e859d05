// A full commit SHA as an input, an event or a comment may carry it: 40 hexadecimal characters
// (SHA-1), or 64 in a SHA-256 repository (git-scm.com/docs/hash-function-transition), either case.
export const FULL_COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i

/** A commit as messages name it: a full SHA's first 7 characters; anything else (a branch name) as it is. */
export function shortSha(commit: string): string {
  return FULL_COMMIT_SHA.test(commit) ? commit.slice(0, 7) : commit
}
