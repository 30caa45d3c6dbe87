// Opens an embedded index for writing in its own process, as a server worker does at start-up.
import { EmbeddedSearchEngine } from '../../src/search/index'

console.log('opening')
const engine = new EmbeddedSearchEngine({ file: process.argv[2]!, workers: 0 })
console.log(JSON.stringify({ count: await engine.count() }))
await engine.close()
