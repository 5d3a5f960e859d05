// Text made safe for the HTML and Markdown of a job summary or a comment.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`\\[\]*_]/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

/** Text as an inline code element, safe inside a Markdown table cell. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`
}
