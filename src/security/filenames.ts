/**
 * Upload file names: one clean, readable name. Chinese and other letters stay; what could
 * address another path, hide an extension or confuse a terminal or a Windows share goes.
 */

// Control characters, bidirectional overrides (they make "gpj.exe" read as "exe.jpg") and zero-width marks.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
// Characters Windows and SMB shares refuse in names.
const RESERVED_CHARS = /[<>:"|?*]/g
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/**
 * NFC form, no control or bidi characters, only the last path segment, no "%" or "..", no
 * leading or trailing dots and spaces, the extension in lower case, at most `maxLength`
 * characters and `maxBytes` UTF-8 bytes (the extension kept).
 */
export function normalizeFilename(raw: string, maxLength = 120, maxBytes = 180): string {
  let name = String(raw ?? '')
    .normalize('NFC')
    .replace(INVISIBLE, '')
  name = name.split(/[\\/]/).pop() ?? ''
  // "%2f" and ".." are harmless on disk but make the file's URL look like a traversal (refused).
  name = name
    .replace(RESERVED_CHARS, '_')
    .replace(/%/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
  const ext = fileExtension(name)
  let base = ext ? name.slice(0, name.length - ext.length - 1).replace(/[.\s]+$/g, '') : name
  if (!base || WINDOWS_DEVICE.test(base)) base = `file${base ? `-${base}` : ''}`
  const room = Math.max(1, maxLength - (ext ? ext.length + 1 : 0))
  const chars = Array.from(base) // code points, so a cut never splits a character
  if (chars.length > room) chars.length = room
  // File systems count bytes (255 on ext4); Payload adds "-1" and "-320x213" to derivative names.
  const byteRoom = maxBytes - (ext ? Buffer.byteLength(ext) + 1 : 0)
  while (chars.length > 1 && Buffer.byteLength(chars.join('')) > byteRoom) chars.pop()
  base = chars.join('').replace(/[.\s]+$/g, '') || 'file'
  return ext ? `${base}.${ext}` : base
}
