// Runs commands in rounds, A B C A B C ..., so that whatever else the machine does at a given
// moment slows all of them alike, instead of all the samples of one.
import { median } from './stats.js'
import { runChecked, type Command } from './timed-command.js'

export interface InterleaveOptions {
  rounds: number
  /** Rounds run first and thrown away: disk cache, git's index, node's compile cache. */
  warmup: number
}

export interface Timing {
  name: string
  samples: number[]
  median: number
}

export async function interleave(commands: readonly Command[], { rounds, warmup }: InterleaveOptions): Promise<Timing[]> {
  const samples = commands.map(() => [] as number[])
  for (let round = 0; round < warmup + rounds; round++) {
    // Each round starts with a different command, so none always runs first (or after a cold cache).
    for (let i = 0; i < commands.length; i++) {
      const index = (i + round) % commands.length
      const result = await runChecked(commands[index]!)
      if (round >= warmup) samples[index]!.push(result.ms)
    }
  }
  return commands.map((command, i) => ({ name: command.name, samples: samples[i]!, median: median(samples[i]!) }))
}

export function timingOf(timings: readonly Timing[], name: string): Timing {
  const found = timings.find((t) => t.name === name)
  if (!found) throw new Error(`no timing named ${name}`)
  return found
}
