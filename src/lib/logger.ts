import pino from 'pino'

/** One structured logger for the server and jobs (JSON lines; pipe through pino-pretty to read). */
export const logger = pino({ level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'info'), base: { app: 'sitegroup' } })
