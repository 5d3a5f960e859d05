// A full commit SHA as an input, an event or a comment may carry it: 40 hexadecimal characters
// (SHA-1), or 64 in a SHA-256 repository (git-scm.com/docs/hash-function-transition), either case.
export const FULL_COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i
