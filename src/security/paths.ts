/**
 * Path traversal: a request path that, decoded up to three times (%252e%252e is %2e%2e is ..),
 * has a ".." segment, a backslash or a NUL is refused before any handler looks at a file. No page,
 * theme asset or media URL of ours contains one.
 */
const BAD = /(^|[/\\])\.\.([/\\]|$)|\\|\u0000/

export function isTraversal(url: string | undefined): boolean {
  let current = (url ?? '/').split('?')[0]
  for (let round = 0; round < 3; round++) {
    if (BAD.test(current)) return true
    let decoded: string
    try {
      decoded = decodeURIComponent(current)
    } catch {
      return /%2e|%2f|%5c|%00/i.test(current) // malformed encoding wrapped around a traversal attempt
    }
    if (decoded === current) return false
    current = decoded
  }
  return BAD.test(current) || /%[0-9a-f]{2}/i.test(current)
}
