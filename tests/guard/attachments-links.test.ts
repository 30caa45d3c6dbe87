import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AttachmentTextError, buildGuardLists, checkLinks, docxText, guardLinks, guardText, loadGuardLists, pdfText, xlsxText } from '../../src/guard/index'

const lists = buildGuardLists(loadGuardLists())

async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  )
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  )
  return zip.generateAsync({ type: 'uint8array' })
}

/** A one-page PDF with one line of Latin text in Helvetica, offsets computed for a valid xref. */
function makePdf(text: string): Uint8Array {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((body, i) => {
    const at = pdf.length
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
    return at
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(pdf)
}

describe('attachment text', () => {
  it('reads a .docx and its text is guarded', async () => {
    const paragraphs = await docxText('通知.docx', await makeDocx(['关于印发通知', '截止目前，原国土资源部']))
    expect(paragraphs).toEqual(['关于印发通知', '截止目前，原国土资源部'])
    expect(guardText({ 'attachment:通知.docx': paragraphs }, lists).map((f) => f.kind)).toEqual(['typo', 'outdated-name'])
  })

  it('reads an .xlsx, one paragraph per row', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('名单')
    sheet.addRow(['姓名', '身份证号'])
    sheet.addRow(['张三', '11010519491231002X'])
    const rows = await xlsxText('名单.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))
    expect(rows).toEqual(['姓名 身份证号', '张三 11010519491231002X'])
  })

  it('reads a .pdf, one paragraph per page', async () => {
    expect(await pdfText('a.pdf', makePdf('Contact 13812345678'))).toEqual(['Contact 13812345678'])
  })

  it('refuses broken, empty and oversized files with the reason', async () => {
    await expect(docxText('x.docx', new TextEncoder().encode('not a zip'))).rejects.toThrow(/x.docx: 不是有效的 Word/)
    await expect(docxText('x.docx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).rejects.toThrow(/无法读取 Word 文件/)
    await expect(xlsxText('x.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).rejects.toThrow(AttachmentTextError)
    await expect(pdfText('x.pdf', new TextEncoder().encode('%PDF-1.4 garbage'))).rejects.toThrow(/无法读取 PDF 文件/)
    await expect(pdfText('x.pdf', new Uint8Array(0))).rejects.toThrow(/文件为空/)
    await expect(pdfText('x.pdf', makePdf('a'), 10)).rejects.toThrow(/上限/)
  })
})

describe('links', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000)
      if (req.url === '/head-refused' && req.method === 'HEAD') return void res.writeHead(405).end()
      res.writeHead(req.url === '/missing' ? 404 : 200).end('ok')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('reports 404, timeouts and unreachable hosts; follows a refused HEAD with GET', async () => {
    const results = await checkLinks([`${base}/ok`, `${base}/missing`, `${base}/slow`, `${base}/head-refused`, 'http://127.0.0.1:1/x'], {
      timeoutMs: 500,
      concurrency: 2,
    })
    expect(results.map((r) => [r.ok, r.status ?? r.error?.split(':')[0]])).toEqual([
      [true, 200],
      [false, 404],
      [false, 'timeout'],
      [true, 200],
      [false, 'unreachable'],
    ])
  })

  it('turns broken body links into findings at their place', async () => {
    const link = (url: string, text: string) => ({ type: 'link', fields: { url, linkType: 'custom' }, children: [{ type: 'text', text }] })
    const body = {
      root: {
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'text', text: '详见' }, link(`${base}/missing`, '通知'), link(`${base}/ok`, '附件')] }],
      },
    }
    const findings = await guardLinks({ body }, lists, { timeoutMs: 1000 })
    expect(findings.map((f) => [f.kind, f.severity, f.location.paragraph, f.location.offset, f.text])).toEqual([['link', 'warn', 0, 2, '通知']])
  })
})
