// Text made safe for the HTML and Markdown of a job summary or a comment.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`\\[\]*_]/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

/** Text as an inline code element, safe inside a Markdown table cell. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`
}

/** Untrusted text for one line: control and format characters (line breaks, bidi overrides) replaced, at most `max` characters. */
export function oneLine(text: string, max = 100): string {
  // max characters take at most 2 * max UTF-16 units: the rest of a long text is never looked at.
  const chars = Array.from(text.slice(0, 2 * max + 2).replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '\uFFFD'))
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : chars.join('')
}
