import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from '../../src/lib/server-flags'

// The bench measures what production runs only while `npm start` passes the same Node flags.
describe('server Node flags', () => {
  it('npm start passes every flag the public-pages bench starts its servers with', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start
    const flags = start.split(/\s+/).filter((word) => word.startsWith('--') && word !== '--import')
    expect(flags).toEqual(SERVER_NODE_FLAGS)
  })
})
