// Simulated time: sleeping moves the clock instead of waiting, so a 20-minute wait runs in
// well under a second while every request still sees the time it would be sent at.

export interface SimulatedClock {
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly elapsedMs: () => number
}

export function createSimulatedClock(start = Date.parse('2024-05-01T12:00:00Z')): SimulatedClock {
  let now = start
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms
    },
    elapsedMs: () => now - start,
  }
}
