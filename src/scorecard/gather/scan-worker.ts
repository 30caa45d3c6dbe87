// A text-scan worker (see fast-scan.ts): reads one id range of articles, prefilters the raw bodies
// and parses and walks only those the checks could find something in. Loads no Payload.
import { parentPort, workerData } from 'node:worker_threads'
import { openArticleTextReader } from '../../db/bulk-scan-sqlite'
import { compileBodyPrefilter } from './body-prefilter'
import { readScanChunk, scanIndicatorsFrom, type ScanChunkRequest, type ScanIndicatorSpec } from './scan-chunk'

const { uri, prefilter, indicators } = workerData as { uri: string; prefilter: string[] | null; indicators: ScanIndicatorSpec[] | null }
const reader = openArticleTextReader(uri)
const patterns = compileBodyPrefilter(prefilter)
const scanIndicators = indicators === null ? null : scanIndicatorsFrom(indicators)

parentPort!.on('message', (request: ScanChunkRequest) => {
  try {
    parentPort!.postMessage({ seq: request.seq, chunk: readScanChunk(reader, patterns, request, scanIndicators) })
  } catch (error) {
    parentPort!.postMessage({ seq: request.seq, error: error instanceof Error ? error.message : String(error) })
  }
})
parentPort!.postMessage({ ready: true })
