/**
 * Text of attached files, so the guard can read them as fields (attachment:<file name>). Each
 * extractor refuses a file over its size limit and throws AttachmentTextError with the reason
 * for a file it cannot read. PDF uses Mozilla's pdfjs-dist (legacy build, which runs on Node 20
 * without a canvas); it is heavy (~37 MB on disk) and loaded only when a PDF is read.
 */
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'

export class AttachmentTextError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`)
    this.name = 'AttachmentTextError'
  }
}

export const ATTACHMENT_LIMIT_BYTES = 20 * 1024 * 1024

function checkSize(file: string, data: Uint8Array, limit: number) {
  if (data.byteLength > limit) throw new AttachmentTextError(file, `文件超过 ${Math.round(limit / 1024 / 1024)} MB 上限，未检查`)
  if (data.byteLength === 0) throw new AttachmentTextError(file, '文件为空')
}

const isZip = (data: Uint8Array) => data[0] === 0x50 && data[1] === 0x4b

/** Paragraphs of a .docx (mammoth's raw text: one paragraph per line). */
export async function docxText(file: string, data: Uint8Array, limit = ATTACHMENT_LIMIT_BYTES): Promise<string[]> {
  checkSize(file, data, limit)
  if (!isZip(data)) throw new AttachmentTextError(file, '不是有效的 Word (.docx) 文件')
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(data) })
    return value.split(/\n+/).filter((line) => line.trim())
  } catch (error) {
    throw new AttachmentTextError(file, `无法读取 Word 文件：${(error as Error).message}`)
  }
}

/** One paragraph per non-empty row of every sheet, cells joined by a space. */
export async function xlsxText(file: string, data: Uint8Array, limit = ATTACHMENT_LIMIT_BYTES): Promise<string[]> {
  checkSize(file, data, limit)
  if (!isZip(data)) throw new AttachmentTextError(file, '不是有效的 Excel (.xlsx) 文件')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer)
  } catch (error) {
    throw new AttachmentTextError(file, `无法读取 Excel 文件：${(error as Error).message}`)
  }
  const rows: string[] = []
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1).map((v) => cellText(v))
      const line = cells.filter(Boolean).join(' ')
      if (line) rows.push(line)
    }),
  )
  return rows
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'object') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  const v = value as { text?: unknown; richText?: { text: string }[]; result?: unknown }
  if (v.richText) return v.richText.map((r) => r.text).join('')
  if (typeof v.text === 'string') return v.text
  if (v.result !== undefined) return cellText(v.result)
  return ''
}

/** One paragraph per page. Scanned PDFs (images only) give empty pages: their text cannot be checked. */
export async function pdfText(file: string, data: Uint8Array, limit = ATTACHMENT_LIMIT_BYTES): Promise<string[]> {
  checkSize(file, data, limit)
  if (String.fromCharCode(...data.subarray(0, 5)) !== '%PDF-') throw new AttachmentTextError(file, '不是有效的 PDF 文件')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  try {
    const document = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise
    const pages: string[] = []
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent()
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''))
    }
    await document.destroy()
    return pages
  } catch (error) {
    throw new AttachmentTextError(file, `无法读取 PDF 文件：${(error as Error).message}`)
  }
}

/** The extractor for a file name, or undefined for types whose text is not read. */
export function attachmentExtractor(file: string): ((file: string, data: Uint8Array, limit?: number) => Promise<string[]>) | undefined {
  const extension = file.toLowerCase().split('.').pop()
  return extension === 'docx' ? docxText : extension === 'xlsx' ? xlsxText : extension === 'pdf' ? pdfText : undefined
}
