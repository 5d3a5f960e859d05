// What each case hands back to bench/run.ts, and plain-text tables: the first column
// left-aligned (names), the others right-aligned (numbers).

export interface Section {
  title: string
  head: string[]
  rows: string[][]
  /** Lines printed under the table. */
  notes: string[]
}

export function renderSection({ title, head, rows, notes }: Section): string {
  const all = [head, ...rows]
  const widths = head.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)))
  const line = (row: string[]) =>
    `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ')}`.trimEnd()
  const rule = `  ${widths.map((w) => '-'.repeat(w)).join('   ')}`
  return [title, '', line(head), rule, ...rows.map(line), ...(notes.length ? ['', ...notes.map((n) => `  ${n}`)] : [])].join('\n')
}
