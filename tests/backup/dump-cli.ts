/** Child process: boots Payload on DATABASE_URI and writes dumpDatabase() as JSON to argv[2]. */
import { writeFileSync } from 'node:fs'
import { getPayload } from 'payload'
import config from '@payload-config'
import { dumpDatabase } from './dump'

process.env.JOBS_AUTORUN = 'false'
const payload = await getPayload({ config })
writeFileSync(process.argv[2], JSON.stringify(await dumpDatabase(payload)))
process.exit(0)
