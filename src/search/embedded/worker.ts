import { parentPort, workerData } from 'node:worker_threads'
import { openIndexDatabase } from './database'
import type { SearchPlan } from './plan'
import { IndexReader } from './reader'

interface WorkerInit {
  file: string
  cacheSizeMiB: number
}

const init = workerData as WorkerInit
const db = openIndexDatabase(init.file, { readonly: true, cacheSizeMiB: init.cacheSizeMiB })
const reader = new IndexReader(db)

parentPort!.on('message', (message: { plan: SearchPlan }) => {
  try {
    parentPort!.postMessage({ result: reader.execute(message.plan) })
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
})
parentPort!.postMessage({ ready: true })
