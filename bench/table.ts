// Plain-text tables: the first column left-aligned (names), the others right-aligned (numbers).

export interface Table {
  head: string[]
  rows: string[][]
}

export function renderTable({ head, rows }: Table, indent = '  '): string {
  const all = [head, ...rows]
  const widths = head.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)))
  const line = (row: string[]) =>
    indent +
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('   ')
      .trimEnd()
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('   ')
  return [line(head), rule, ...rows.map(line)].join('\n')
}
