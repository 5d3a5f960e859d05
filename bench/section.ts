// What each measurement hands back to bench/run.ts: its table, notes and targets.
import { renderTable, type Table } from './table.js'

export interface Target {
  name: string
  goal: string
  measured: string
  met: boolean
}

export interface Section {
  title: string
  table: Table
  /** Lines printed under the table: sizes, counts, what was checked. */
  notes: string[]
  targets: Target[]
}

export function renderSection(number: number, section: Section): string {
  const notes = section.notes.map((note) => `  ${note}`)
  return [`${number}. ${section.title}`, '', renderTable(section.table), ...(notes.length ? ['', ...notes] : [])].join('\n')
}

export function renderTargets(targets: readonly Target[]): string {
  return renderTable({
    head: ['target', 'goal', 'measured', 'verdict'],
    rows: targets.map((t) => [t.name, t.goal, t.measured, t.met ? 'met' : 'MISSED']),
  })
}
