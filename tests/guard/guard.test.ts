import { describe, expect, it } from 'vitest'
import {
  applyFix,
  buildGuardLists,
  GuardListError,
  guardText,
  idChecksumValid,
  loadGuardLists,
  luhnValid,
  parseGuardList,
  StaleFixError,
  type Finding,
  type GuardInput,
} from '../../src/guard/index'

const shipped = loadGuardLists()
const leaders = [
  { name: '张三', unit: '市人民政府', title: '市长' },
  { name: '李四', unit: '市教育局', title: '局长' },
  { name: '王明', unit: '市财政局', title: '副局长' },
]
const lists = buildGuardLists({ ...shipped, leaders })
const now = new Date('2026-12-01T00:00:00Z')
const only = (findings: Finding[], kind: Finding['kind']) => findings.filter((f) => f.kind === kind)

const paragraph = (...texts: string[]) => ({ type: 'paragraph', children: texts.map((text) => ({ type: 'text', text })) })

describe('lists', () => {
  it('ships well over 100 entries that all load', () => {
    expect(shipped.entries.length).toBeGreaterThan(250)
    expect(new Set(shipped.entries.map((e) => e.kind))).toEqual(new Set(['typo', 'forbidden', 'sensitive', 'outdated-name']))
  })

  it('refuses malformed rows with their line numbers', () => {
    const text = [
      '# comment',
      'word\tkind\tseverity\tsuggestion\treason\tbefore\tafter\texceptions\tfields',
      '其它\ttypo\twarn\t其他',
      '坏词\tnonsense\twarn',
      '截止\ttypo\twarn\t截至\t\t\t(目前',
      '农业部\toutdated-name\twarn\t农业农村部\t\t\t\t林业部门',
      '错字\ttypo\twarn',
      '其它\ttypo\twarn\t其他',
    ].join('\n')
    try {
      parseGuardList(text, 'unit.tsv')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(GuardListError)
      const lines = (error as GuardListError).issues.map((i) => `${i.file}:${i.line}`)
      expect(lines).toEqual(['unit.tsv:4', 'unit.tsv:5', 'unit.tsv:6', 'unit.tsv:7', 'unit.tsv:8'])
      expect((error as GuardListError).message).toContain('unit.tsv:5: after: is not a valid regular expression')
    }
  })

  it('refuses a file without the header', () => {
    expect(() => parseGuardList('其它\ttypo\twarn\t其他', 'x.tsv')).toThrow(/x.tsv:1: the header must be/)
  })

  it('refuses a leader record without a unit', () => {
    expect(() => buildGuardLists({ ...shipped, leaders: [{ name: '赵六', unit: ' ', title: '局长' }] })).toThrow(/unit/)
  })
})

describe('guardText', () => {
  it('finds each list kind at its place with the list severity', () => {
    const findings = guardText({ title: '截止目前全市共有其它单位', summary: '原国家工商行政管理总局和农业部门', body: ['残废人', '台湾政府'] }, lists)
    expect(findings.map((f) => [f.kind, f.severity, f.location.field, f.location.paragraph, f.location.offset, f.text])).toEqual([
      ['typo', 'warn', 'title', 0, 0, '截止'],
      ['typo', 'warn', 'title', 0, 8, '其它'],
      ['outdated-name', 'warn', 'summary', 0, 1, '国家工商行政管理总局'],
      ['forbidden', 'block', 'body', 0, 0, '残废人'],
      ['sensitive', 'block', 'body', 1, 0, '台湾政府'],
    ])
    expect(findings[0].location.after).toBe('目前全市共有其它单位')
    expect(findings[0].fix).toEqual({ replacement: '截至' })
  })

  it('reads context patterns: 截止 is a typo only when a time follows', () => {
    expect(only(guardText({ body: ['报名截止时间为5月1日', '截止2024年底'] }, lists), 'typo').map((f) => f.location.paragraph)).toEqual([1])
  })

  it('finds a word split by a space, a line break or full-width forms, and points at the original', () => {
    const findings = guardText({ body: '会议由国土 资源部召开\n和环境\n保护部' }, lists)
    expect(findings.map((f) => [f.location.offset, f.text])).toEqual([
      [3, '国土 资源部'],
      [13, '环境\n保护部'],
    ])
    expect(only(guardText({ body: ['截止２０２４年'] }, lists), 'typo')).toHaveLength(1)
  })

  it('checks leaders: wrong title before or after the name, wrong unit', () => {
    const findings = guardText({ body: ['副市长张三出席。张三市长讲话。市财政局局长李四和市教育局局长李四。局长王明。'] }, lists)
    expect(findings.map((f) => [f.kind, f.severity, f.location.offset, f.text])).toEqual([
      ['leader-title', 'block', 0, '副市长张三'],
      ['leader-unit', 'block', 15, '市财政局局长李四'],
      ['leader-title', 'block', 33, '局长王明'],
    ])
  })

  it('flags a valid ID number and not one with a wrong checksum or date', () => {
    const valid = '11010519491231002X'
    expect(idChecksumValid(valid)).toBe(true)
    const body = [`身份证号${valid}。`, '编号110105194912310021。', '号码110105194913310023。', `订单9${valid}`]
    const findings = only(guardText({ body }, lists, { now }), 'id-number')
    expect(findings.map((f) => [f.location.paragraph, f.location.offset, f.severity])).toEqual([[0, 4, 'block']])
  })

  it('flags mobile numbers only outside longer digit runs', () => {
    const findings = only(guardText({ body: ['联系电话13812345678。', '电话：139-1234-5678', '流水号2013812345678901', '座机0775-2826123'] }, lists), 'mobile')
    expect(findings.map((f) => [f.location.paragraph, f.text])).toEqual([
      [0, '13812345678'],
      [1, '139-1234-5678'],
    ])
  })

  it('flags bank cards by Luhn and not an ID number', () => {
    expect(luhnValid('6222021234567890128')).toBe(true)
    expect(luhnValid('6222021234567890127')).toBe(false)
    const findings = only(
      guardText({ body: ['卡号6222 0212 3456 7890 128', '卡号6222021234567890127', '身份证11010519491231002X'] }, lists, { now }),
      'bank-card',
    )
    expect(findings.map((f) => [f.location.paragraph, f.text])).toEqual([[0, '6222 0212 3456 7890 128']])
  })

  it('flags an address down to the room next to a personal name, not an office address', () => {
    const body = ['户主：王五，住址：民主路12号3栋201室。', '市政务服务中心地址：民主路12号3栋201室。', '申请人：李华。', '民主路12号3栋201室']
    const findings = only(guardText({ body }, lists), 'address')
    expect(findings.map((f) => [f.location.paragraph, f.location.offset, f.text, f.severity])).toEqual([[0, 9, '民主路12号3栋201室', 'block']])
  })

  it('finds images without alt and links whose text shows another host', () => {
    const body = {
      root: {
        type: 'root',
        children: [
          paragraph('正文'),
          { type: 'upload', relationTo: 'media', value: { id: 1, alt: '', filename: 'a.jpg' } },
          { type: 'upload', relationTo: 'media', value: { id: 2, alt: '会场', filename: 'b.jpg' } },
          { type: 'upload', relationTo: 'media', value: 3 },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: '详见' },
              { type: 'link', fields: { url: 'https://evil.example.com/x', linkType: 'custom' }, children: [{ type: 'text', text: 'www.gov.cn' }] },
            ],
          },
          {
            type: 'paragraph',
            children: [
              { type: 'link', fields: { url: 'https://www.gov.cn/zhengce', linkType: 'custom' }, children: [{ type: 'text', text: 'gov.cn/zhengce' }] },
            ],
          },
        ],
      },
    }
    const findings = guardText({ body }, lists, { mediaAlt: (id) => (id === 3 ? null : 'x') })
    expect(only(findings, 'image-alt').map((f) => f.text)).toEqual(['a.jpg', '媒体 3'])
    expect(only(findings, 'link').map((f) => [f.location.paragraph, f.location.offset, f.text])).toEqual([[1, 2, 'www.gov.cn']])
  })
})

describe('applyFix', () => {
  it('fixes a typo in plain text, paragraphs and across Lexical text nodes', () => {
    const input: GuardInput = {
      title: '截止目前',
      summary: ['第一段', '其它事项'],
      body: { root: { type: 'root', children: [paragraph('按步', '就班地做出决定')] } },
    }
    let doc = input
    for (const finding of guardText(input, lists).filter((f) => f.fix)) doc = applyFix(doc, finding)
    expect(doc.title).toBe('截至目前')
    expect(doc.summary).toEqual(['第一段', '其他事项'])
    const texts = (doc.body as { root: { children: { children: { text: string }[] }[] } }).root.children[0].children.map((n) => n.text)
    expect(texts).toEqual(['按部就班', '地作出决定'])
    expect(guardText(doc, lists).filter((f) => f.fix)).toEqual([])
    expect(input.title).toBe('截止目前')
  })

  it('refuses a stale fix', () => {
    const [finding] = guardText({ title: '其它' }, lists)
    expect(() => applyFix({ title: '其他' }, finding)).toThrow(StaleFixError)
  })
})
