/** A query the caller got wrong: the HTTP layer answers it with 400 and `issues`. */
export class SearchInputError extends Error {
  readonly status = 400
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message)
    this.name = 'SearchInputError'
  }
}

/** The engine is down or rebuilding: callers show "search temporarily unavailable". */
export class SearchUnavailableError extends Error {
  readonly status = 503
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SearchUnavailableError'
  }
}
