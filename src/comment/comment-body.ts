// The PR's image comment: what a person needs to find, trust and run the PR's image, or why
// there is none for this commit. Pure: no I/O. (GitHub refuses a longer body with 422 "Body is
// too long (maximum is 65536 characters)": REST docs, "Create an issue comment".)
import { commentMarker } from './comment-marker.js'
import { FULL_COMMIT_SHA } from '../git/commit-sha.js'
import { escapeHtml, oneLine } from '../action/html.js'
import { imageReference, isImageRepository, isValidTag, pinnedReference, SHA256_DIGEST } from '../registry/image-ref.js'

/** GitHub rejects a comment body longer than this (422 "Body is too long"). */
export const MAX_COMMENT_LENGTH = 65_536
/** Untrusted values (a branch name) are cut here: a person reads the start, the rest is noise. */
const MAX_VALUE_LENGTH = 200

/** What the comment says of the PR's image, as the build ended (or as the PR changed). */
export type CommentState =
  /** The build pushed the image of this commit. */
  | 'built'
  /** The build of this commit failed: no image of its own. */
  | 'failed'
  /** The build was cancelled, most likely superseded by a newer push. */
  | 'cancelled'
  /** The PR no longer changes the watched paths: its checks use the stable image. */
  | 'stable'

export interface ImageComment {
  state: CommentState
  /** Image repository without tag, e.g. ghcr.io/acme/app/ci. */
  imageRepository: string
  /** The tag the checks use: `pr-42`, or the stable tag in the `stable` state. */
  tag: string
  /** The tag only this commit's image has, `pr-42-sha-1a2b3c4`, when the build pushes one. */
  commitTag?: string
  /** `sha256:…` of the pushed image, when the workflow passes it. */
  digest?: string
  /** The commit the build was for. */
  commitSha: string
  /** The PR's head branch: chosen by whoever opened the PR, so untrusted. */
  branch?: string
  /** https://github.com/<owner>/<repo>, for links to the commit. */
  repositoryUrl: string
  /** The workflow run that built the image. */
  runUrl?: string
  /** The `local-command` input: what the usage block runs in the image. */
  localCommand: string
  /** Set when the image was reused (inputs unchanged) instead of built: `from` is the commit it was built for, when its label says. */
  reused?: { from?: string }
  /** The comparison with the stable image the PR replaces, as Markdown (diff/markdown.ts: escaped and bounded). */
  diff?: string
}

/**
 * Untrusted text as an inline code element that shows the text and nothing else: control and
 * format characters (newlines, bidi overrides) are replaced, HTML and Markdown are escaped, so
 * no value can open a comment, a tag, a link or a new block. Mentions and `#123` are inert
 * inside <code> on GitHub.
 */
export function untrustedCode(text: string, maxLength = MAX_VALUE_LENGTH): string {
  return `<code>${escapeHtml(oneLine(text, maxLength))}</code>`
}

// What the inputs accept as a repository and a tag: nothing that can end a code block or a line.
// Checked again here because these values go into a shell example.
function checkReference(imageRepository: string, tag: string): string {
  if (!isImageRepository(imageRepository) || !isValidTag(tag)) {
    throw new Error(`Refusing to render an image comment for "${imageRepository}:${tag}": not an image reference.`)
  }
  return imageReference(imageRepository, tag)
}

/** A commit as a link when it is a full SHA (a label's value may be anything), else as inert code. */
function commitLink(comment: ImageComment, sha: string): string {
  const short = untrustedCode(sha.slice(0, 7))
  return FULL_COMMIT_SHA.test(sha) ? `[${short}](${comment.repositoryUrl}/commit/${sha.toLowerCase()})` : short
}

function commitLine(comment: ImageComment): string {
  const commit = commitLink(comment, comment.commitSha)
  return comment.branch === undefined ? commit : `${commit} on ${untrustedCode(comment.branch)}`
}

const run = (comment: ImageComment) => (comment.runUrl ? `[workflow run](${comment.runUrl})` : 'its workflow run')

function usage(reference: string, localCommand: string): string[] {
  // The inputs parser refused a command that could leave this block (a newline, a backtick).
  return ['```sh', `docker pull ${reference}`, `docker run --rm -v "$PWD":/workspace -w /workspace ${reference} ${localCommand}`, '```']
}

/** The exact image of this commit: by digest when known, else by the tag only it has. */
export function exactReference(comment: Pick<ImageComment, 'imageRepository' | 'tag' | 'commitTag' | 'digest'>): string {
  const reference = checkReference(comment.imageRepository, comment.tag)
  const commitReference = comment.commitTag ? checkReference(comment.imageRepository, comment.commitTag) : undefined
  const digest = comment.digest !== undefined && SHA256_DIGEST.test(comment.digest) ? comment.digest : undefined
  return digest ? pinnedReference(reference, digest) : (commitReference ?? reference)
}

function built(comment: ImageComment): string[] {
  const reference = checkReference(comment.imageRepository, comment.tag)
  const commitReference = comment.commitTag ? checkReference(comment.imageRepository, comment.commitTag) : undefined
  const digest = comment.digest !== undefined && SHA256_DIGEST.test(comment.digest) ? comment.digest : undefined
  const exact = exactReference(comment)
  const facts = [`- **Image:** ${untrustedCode(reference)}${commitReference ? ` (this commit: ${untrustedCode(commitReference)})` : ''}`]
  if (digest) facts.push(`- **Digest:** ${untrustedCode(digest, 80)}`)
  facts.push(`- **Commit:** ${commitLine(comment)}`)
  if (comment.reused) {
    const from = comment.reused.from ? commitLink(comment, comment.reused.from) : 'an earlier commit'
    facts.push(`- **Build:** reused the image built for ${from} (inputs unchanged)`)
  } else if (comment.runUrl) facts.push(`- **Build:** [workflow run](${comment.runUrl})`)
  return [
    '### 🐳 Docker CI Image Built',
    '',
    ...facts,
    '',
    "This pull request's checks run in this image. To use exactly this commit's image locally:",
    '',
    ...usage(exact, comment.localCommand),
    ...(comment.diff === undefined ? [] : ['', comment.diff]),
  ]
}

function failed(comment: ImageComment): string[] {
  return [
    '### ❌ Docker CI image build failed',
    '',
    `The image for commit ${commitLine(comment)} did not build: see ${run(comment)}. ` +
      'The checks of this commit have no image of their own; fix the build and push again.',
  ]
}

function cancelled(comment: ImageComment): string[] {
  return [
    '### ⏹️ Docker CI image build cancelled',
    '',
    `The build of commit ${commitLine(comment)} was cancelled (${run(comment)}), most likely superseded by a newer push to this pull request.`,
  ]
}

/** No commit, no run: the same words on every push, so that an unchanged body needs no update. */
function stable(comment: ImageComment): string[] {
  const reference = checkReference(comment.imageRepository, comment.tag)
  return [
    '### 🐳 Docker CI image: the stable one',
    '',
    `This pull request no longer changes the CI image, so its checks use the stable image ${untrustedCode(reference)}. To use it locally:`,
    '',
    ...usage(reference, comment.localCommand),
  ]
}

const STATES: Record<CommentState, (comment: ImageComment) => string[]> = { built, failed, cancelled, stable }

export function renderComment(comment: ImageComment): string {
  const body = [
    commentMarker(comment.imageRepository),
    ...STATES[comment.state](comment),
    '',
    '<sub>Posted by ci-image and updated in place on each build of this pull request.</sub>',
    '',
  ].join('\n')
  // Every value above is bounded, so this only guards against a future field that is not.
  if (body.length > MAX_COMMENT_LENGTH)
    throw new Error(`The image comment is ${body.length} characters, over GitHub's ${MAX_COMMENT_LENGTH}.`)
  return body
}
