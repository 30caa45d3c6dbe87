// Worker threads do not inherit a TypeScript loader under every runner (vitest, plain node),
// so the worker registers tsx itself before loading its TypeScript entry.
import { register } from 'tsx/esm/api'

register()
await import('./scan-worker.ts')
