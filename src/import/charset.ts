import chardet from 'chardet'
import iconv from 'iconv-lite'

/** Why a page could not be turned into text: it becomes a report line, never an exception that stops the run. */
export class DecodeError extends Error {}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
]

/**
 * Old government sites label GB2312 pages that really hold GBK or GB18030 characters (rare names,
 * 䶮-style characters): GB18030 is a superset of both, so every Chinese GB label decodes with it.
 */
function normalize(label: string | undefined): string | undefined {
  if (!label) return undefined
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '')
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(name)) return 'gb18030'
  if (name === 'utf8') return 'utf-8'
  return iconv.encodingExists(name) ? name : undefined
}

export const headerCharset = (contentType: string | undefined) => normalize(/charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '')?.[1])

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">` within the first 4 KB, as browsers look. */
export function metaCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1')
  // Feeds declare theirs in the XML prolog instead.
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)
  return normalize(match?.[1])
}

/**
 * Decodes a page in the order browsers use: byte-order mark, HTTP header, meta tag, then statistical
 * detection. A declared charset that yields many replacement characters loses to detection (old
 * servers often send a wrong default header). Throws DecodeError when nothing gives clean text.
 */
export function decodeHtml(bytes: Buffer, contentType?: string): { text: string; charset: string } {
  for (const [mark, charset] of BOMS) {
    if (mark.every((b, i) => bytes[i] === b)) return { text: iconv.decode(bytes.subarray(mark.length), charset), charset }
  }
  const candidates = [headerCharset(contentType), metaCharset(bytes), normalize(chardet.detect(bytes) ?? undefined), 'utf-8']
  const tried = new Set<string>()
  for (const charset of candidates) {
    if (!charset || tried.has(charset)) continue
    tried.add(charset)
    const text = iconv.decode(bytes, charset)
    if (isClean(text)) return { text, charset }
  }
  throw new DecodeError(`undecodable page (tried ${[...tried].join(', ')})`)
}

/** Clean text has almost no U+FFFD replacement characters and no stray C0 control bytes. */
function isClean(text: string): boolean {
  let bad = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0xfffd || (code < 0x20 && code !== 9 && code !== 10 && code !== 13 && code !== 12)) bad++
  }
  return bad <= Math.max(2, text.length / 1000)
}
