import pino from 'pino'

const clientMistake = (entry: unknown) => {
  const status = (entry as { err?: { status?: unknown } } | null)?.err?.status
  return typeof status === 'number' && status >= 400 && status < 500
}

/**
 * One structured logger for the server, jobs and Payload (JSON lines; pipe through pino-pretty to
 * read). A refusal Payload logs as an error (a 403 for another unit's column, a 400 for a bad
 * value) is the client's mistake: it goes out at info, so ERROR lines mean the server failed.
 */
export function createLogger(
  destination?: pino.DestinationStream,
  level = process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'sitegroup' },
    hooks: {
      logMethod(args, method, methodLevel) {
        if (methodLevel >= 50 && clientMistake(args[0])) return this.info(...(args as [object, string]))
        return method.apply(this, args)
      },
    },
  }
  return destination ? pino(options, destination) : pino(options)
}

export const logger = createLogger()

/**
 * The access log: one JSON line per request the front door answers (`ACCESS_LOG=0` turns it off;
 * off in tests). Written asynchronously in 4 KB chunks: at thousands of cache hits a second a
 * synchronous write per request would cost more than the hit itself.
 */
const accessDestination =
  (process.env.ACCESS_LOG ?? (process.env.NODE_ENV === 'test' ? '0' : '1')) === '0' ? null : pino.destination({ dest: 1, sync: false, minLength: 4096 })
export const accessLogger: pino.Logger | null = accessDestination && pino({ base: { app: 'sitegroup', log: 'access' } }, accessDestination)

// Lines still buffered when the process ends are written out: 'exit' allows only synchronous work,
// and the logger's own flush() is asynchronous.
if (accessDestination) process.once('exit', () => accessDestination.flushSync())
