import { describe, expect, it } from 'vitest'
import { boundedRequest, runTiming } from '../../src/timing/timing.js'

describe("a run's timing", () => {
  it('waits out any rate limit before the wait starts, then only one that ends by the deadline', () => {
    let now = 1_000_000
    const timing = runTiming({ pollIntervalSeconds: 15, timeoutSeconds: 600 }, () => now)
    expect(timing.pollIntervalMs).toBe(15_000)
    expect(timing.mayWaitRateLimit(3600)).toBe(true)
    const deadline = timing.startWait()
    expect(deadline.remainingMs()).toBe(600_000)
    expect(timing.mayWaitRateLimit(600)).toBe(true)
    expect(timing.mayWaitRateLimit(601)).toBe(false)
    now += 590_000
    expect(timing.mayWaitRateLimit(10)).toBe(true)
    expect(timing.mayWaitRateLimit(11)).toBe(false)
  })

  it('keeps one poll within the deadline: no retries closer to it than their back-off, a request timeout of 10 to 30 s', () => {
    expect(boundedRequest(600_000)).toEqual({ timeoutMs: 30_000 })
    expect(boundedRequest(20_000)).toEqual({ timeoutMs: 20_000 })
    expect(boundedRequest(13_999)).toEqual({ retries: 0, timeoutMs: 13_999 })
    expect(boundedRequest(2_000)).toEqual({ retries: 0, timeoutMs: 10_000 })
  })
})
