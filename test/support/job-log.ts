// A step's output as a person reads it on GitHub, for `npm run demo`: the runner turns workflow
// commands into what its log page shows, and so does this. `::group::` opens a section,
// `::notice`/`::warning`/`::error` become annotations, `::debug::`, `::add-mask::` and
// `::endgroup::` show nothing, and between `::stop-commands::<token>` and `::<token>::` lines are
// shown as they are, the two markers not at all (actions/runner, ActionCommandManager.cs; command
// data is escaped as @actions/core writes it: %25, %0D, %0A, and in properties %3A, %2C).
// @actions/exec's `[command]<path> <args>` echo is shown as the command line, as the log page does.

const unescape = (text: string) =>
  text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%')

/** Reads a step's stdout line by line; each call returns what the log page shows, or nothing. */
export function jobLogReader(): (line: string) => string | undefined {
  let stoppedUntil: string | undefined
  return (line) => {
    const echoed = /^\[command\](\S+)(.*)$/.exec(line)
    if (echoed) return `$ ${echoed[1]!.slice(echoed[1]!.lastIndexOf('/') + 1)}${echoed[2]}`
    if (stoppedUntil !== undefined) {
      if (line === `::${stoppedUntil}::`) {
        stoppedUntil = undefined
        return undefined
      }
      return line
    }
    const command = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line.trimStart())
    if (command) {
      const [, name, properties, data] = command as unknown as [string, string, string | undefined, string]
      if (name === 'stop-commands') {
        stoppedUntil = data
        return undefined
      }
      if (name === 'group') return `▸ ${unescape(data)}`
      if (name === 'notice' || name === 'warning' || name === 'error') {
        const title = /(?:^|,)title=([^,]*)/.exec(properties ?? '')?.[1]
        return `${name.toUpperCase()}${title ? ` (${unescape(title)})` : ''}: ${unescape(data)}`
      }
      return undefined
    }
    return line === '' ? undefined : line
  }
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/** The job summary (core.summary's HTML) as the lines a person reads on the run's page. */
export function summaryText(html: string): string[] {
  const text = (fragment: string) =>
    fragment
      .replace(/<br\s*\/?>/g, ', ')
      .replace(/<[^>]+>/g, '')
      .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!)
      .trim()
  const lines: string[] = []
  for (const [, tag, body] of html.matchAll(/<(h\d|tr|summary|p)>([\s\S]*?)<\/\1>/g)) {
    if (tag === 'tr') {
      const cells = [...body!.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!))
      lines.push(cells.length === 2 ? `${cells[0]}: ${cells[1]}` : cells.join(' | '))
    } else {
      lines.push(tag!.startsWith('h') ? `■ ${text(body!)}` : text(body!))
    }
  }
  // Text outside those elements (addRaw): what is left once they are removed.
  const rest = text(html.replace(/<(h\d|table|details|p)>[\s\S]*?<\/\1>/g, ''))
  if (rest) lines.push(rest)
  return lines
}
