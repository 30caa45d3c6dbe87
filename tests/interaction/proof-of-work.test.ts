import { describe, expect, it } from 'vitest'
import { createChallenge, leadingZeroBits, memorySpentChallenges, solveChallenge, verifySolution, powSolverScript } from '../../src/interaction'
import { createHash, webcrypto } from 'node:crypto'

const SECRET = 'test-secret-0123456789abcdef'
const now = new Date('2025-04-25T02:00:00Z')

describe('proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0, 0, 0x80]))).toBe(16)
    expect(leadingZeroBits(Buffer.from([0, 0x0f]))).toBe(12)
    expect(leadingZeroBits(Buffer.from([0xff]))).toBe(0)
  })

  it('accepts a solved challenge once', () => {
    const spent = memorySpentChallenges()
    const { challenge } = createChallenge(SECRET, { now, bits: 10, ttlSeconds: 600 })
    const solution = solveChallenge(challenge, 10)
    const digest = createHash('sha256').update(`${challenge}:${solution}`).digest()
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(10)
    expect(verifySolution(SECRET, challenge, solution, { now, minBits: 10, spent })).toMatchObject({ ok: true })
    expect(verifySolution(SECRET, challenge, solution, { now, minBits: 10, spent })).toMatchObject({
      ok: false,
      error: expect.stringContaining('already used'),
    })
  })

  it('refuses a wrong solution, a forged or weakened challenge, an expired one', () => {
    const spent = memorySpentChallenges()
    const { challenge } = createChallenge(SECRET, { now, bits: 12, ttlSeconds: 600 })
    const solution = solveChallenge(challenge, 12)
    const wrong = String(Number(solution) + 1)
    const wrongDigest = createHash('sha256').update(`${challenge}:${wrong}`).digest()
    if (leadingZeroBits(wrongDigest) < 12)
      expect(verifySolution(SECRET, challenge, wrong, { now, minBits: 12, spent })).toMatchObject({ ok: false, error: expect.stringContaining('failed') })
    const weakened = challenge.replace('.12.', '.0.')
    expect(verifySolution(SECRET, weakened, '0', { now, minBits: 0, spent })).toMatchObject({ ok: false, error: expect.stringContaining('invalid check') })
    expect(verifySolution('another-secret-0123456789', challenge, solution, { now, minBits: 12, spent })).toMatchObject({ ok: false })
    const weak = createChallenge(SECRET, { now, bits: 2, ttlSeconds: 600 })
    expect(verifySolution(SECRET, weak.challenge, solveChallenge(weak.challenge, 2), { now, minBits: 12, spent })).toMatchObject({
      ok: false,
      error: expect.stringContaining('too weak'),
    })
    const later = new Date(now.getTime() + 601_000)
    expect(verifySolution(SECRET, challenge, solution, { now: later, minBits: 12, spent })).toMatchObject({
      ok: false,
      error: expect.stringContaining('expired'),
    })
  })

  it('never throws on garbage', () => {
    const spent = memorySpentChallenges()
    for (const [c, s] of [
      [undefined, undefined],
      [{}, []],
      ['v1.a.b.c.d', 'x'],
      ['x'.repeat(10_000), '1'],
      ['v1....', '1'],
      [null, '99999999999999999'],
    ]) {
      expect(verifySolution(SECRET, c, s, { now, minBits: 0, spent }).ok).toBe(false)
    }
  })

  it('the browser solver script finds the same kind of solution (run here with WebCrypto)', async () => {
    const { challenge } = createChallenge(SECRET, { now, bits: 8, ttlSeconds: 600 })
    // Execute the solver's inner functions in a fake page: one form, submitted once.
    let submitted = false
    const inputs: Record<string, { value: string }> = { pow_challenge: { value: challenge }, pow_bits: { value: '8' }, pow_solution: { value: '' } }
    const form = {
      hasAttribute: (name: string) => name === 'data-pow',
      querySelector: (selector: string) => {
        const name = /name="([^"]+)"/.exec(selector)?.[1]
        if (name) return inputs[name]
        if (selector === '[data-pow-status]') return { textContent: '' }
        return { disabled: false }
      },
      submit: () => {
        submitted = true
      },
    }
    let listener: ((event: unknown) => Promise<void>) | undefined
    const document = { addEventListener: (_: string, fn: typeof listener) => (listener = fn) }
    new Function('document', 'crypto', 'TextEncoder', powSolverScript)(document, webcrypto, TextEncoder)
    await listener!({ target: form, preventDefault() {} })
    expect(submitted).toBe(true)
    expect(verifySolution(SECRET, challenge, inputs.pow_solution.value, { now, minBits: 8, spent: memorySpentChallenges() })).toMatchObject({ ok: true })
  })
})
