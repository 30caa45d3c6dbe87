import ExcelJS from 'exceljs'

export type Outcome = 'imported' | 'updated' | 'skipped' | 'failed'

/** What a run did, page by page: the central office checks it before switching the domain. */
export class ImportReport {
  readonly counts: Record<Outcome | 'seen', number> = { seen: 0, imported: 0, updated: 0, skipped: 0, failed: 0 }
  readonly pages: Array<{ url: string; outcome: Outcome; reason?: string; article?: number | string }> = []
  readonly doubtful: Array<{ url: string; doubts: string }> = []
  readonly failedAssets: Array<{ page: string; url: string; reason: string }> = []
  readonly outsideLinks: Array<{ page: string; url: string }> = []
  /** Old column key → site column path it goes to ('' when unmatched), as a mapping file to edit. */
  readonly columns: Record<string, string> = {}

  add(url: string, outcome: Outcome, reason?: string, article?: number | string) {
    this.counts.seen++
    this.counts[outcome]++
    this.pages.push({ url, outcome, reason, article })
  }

  summary(): string {
    const c = this.counts
    return `seen ${c.seen}, imported ${c.imported}, updated ${c.updated}, skipped ${c.skipped}, failed ${c.failed}; doubtful ${this.doubtful.length}, failed files ${this.failedAssets.length}, outside links ${this.outsideLinks.length}`
  }

  async toXlsx(): Promise<Buffer> {
    const book = new ExcelJS.Workbook()
    const sheet = (name: string, columns: string[], rows: Array<Record<string, unknown>>) => {
      const ws = book.addWorksheet(name)
      ws.columns = columns.map((key) => ({ header: key, key, width: key === 'url' || key === 'page' ? 60 : 24 }))
      ws.addRows(rows)
    }
    sheet(
      '汇总 Summary',
      ['count', 'value'],
      Object.entries(this.counts).map(([count, value]) => ({ count, value })),
    )
    sheet('页面 Pages', ['url', 'outcome', 'reason', 'article'], this.pages)
    sheet('存疑 Doubtful', ['url', 'doubts'], this.doubtful)
    sheet('附件失败 Files', ['page', 'url', 'reason'], this.failedAssets)
    sheet('外部链接 Links', ['page', 'url'], this.outsideLinks)
    sheet(
      '栏目映射 Columns',
      ['old', 'column'],
      Object.entries(this.columns).map(([old, column]) => ({ old, column })),
    )
    return Buffer.from(await book.xlsx.writeBuffer())
  }
}
