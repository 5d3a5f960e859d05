// The "🐳 Docker CI Image Built" comment: what a person needs to find, trust and run the PR's
// image. Pure: no I/O.
import { commentMarker } from './comment-marker.js'
import { escapeHtml } from './html.js'
import { imageReference } from './image-ref.js'
import { isValidTag } from './tags.js'

/** GitHub rejects a comment body longer than this. */
export const MAX_COMMENT_LENGTH = 65_536
/** Untrusted values (a branch name) are cut here: a person reads the start, the rest is noise. */
const MAX_VALUE_LENGTH = 200

export interface ImageComment {
  /** Image repository without tag, e.g. ghcr.io/acme/app/ci. */
  imageRepository: string
  tag: string
  /** The commit the image was built from. */
  commitSha: string
  /** The PR's head branch: chosen by whoever opened the PR, so untrusted. */
  branch?: string
  /** https://github.com/<owner>/<repo>, for links to the commit. */
  repositoryUrl: string
  /** The workflow run that built the image. */
  runUrl?: string
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i
// What the inputs accept as a repository (lower case, registry host, path): nothing that can
// end a code block or a line. Checked again here because these values go into a shell example.
const SAFE_REPOSITORY = /^[a-z0-9][a-z0-9._/:-]*$/

/**
 * Untrusted text as an inline code element that shows the text and nothing else: control and
 * format characters (newlines, bidi overrides) are replaced, HTML and Markdown are escaped, so
 * no value can open a comment, a tag, a link or a new block. Mentions and `#123` are inert
 * inside <code> on GitHub.
 */
export function untrustedCode(text: string, maxLength = MAX_VALUE_LENGTH): string {
  const chars = Array.from(text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '\uFFFD'))
  const shown = chars.length > maxLength ? chars.slice(0, maxLength - 1).join('') + '…' : chars.join('')
  return `<code>${escapeHtml(shown)}</code>`
}

function checkReference(comment: ImageComment): string {
  if (!SAFE_REPOSITORY.test(comment.imageRepository) || !isValidTag(comment.tag)) {
    throw new Error(`Refusing to render an image comment for "${comment.imageRepository}:${comment.tag}": not an image reference.`)
  }
  return imageReference(comment.imageRepository, comment.tag)
}

function commitLine(comment: ImageComment): string {
  const short = untrustedCode(comment.commitSha.slice(0, 7))
  const commit = SHA.test(comment.commitSha) ? `[${short}](${comment.repositoryUrl}/commit/${comment.commitSha.toLowerCase()})` : short
  return comment.branch === undefined ? commit : `${commit} on ${untrustedCode(comment.branch)}`
}

export function renderComment(comment: ImageComment): string {
  const reference = checkReference(comment)
  const facts = [`- **Image:** ${untrustedCode(reference)}`]
  facts.push(`- **Commit:** ${commitLine(comment)}`)
  if (comment.runUrl) facts.push(`- **Build:** [workflow run](${comment.runUrl})`)
  const body = [
    commentMarker(comment.imageRepository),
    '### 🐳 Docker CI Image Built',
    '',
    ...facts,
    '',
    "This pull request's checks run in this image. To use it locally:",
    '',
    '```sh',
    `docker pull ${reference}`,
    `docker run --rm -v "$PWD":/workspace -w /workspace ${reference} make gen`,
    '```',
    '',
    '<sub>Posted by ci-image and updated in place on each build of this pull request.</sub>',
    '',
  ].join('\n')
  // Every value above is bounded, so this only guards against a future field that is not.
  if (body.length > MAX_COMMENT_LENGTH)
    throw new Error(`The image comment is ${body.length} characters, over GitHub's ${MAX_COMMENT_LENGTH}.`)
  return body
}
