import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { builtInIndicatorSet, evaluateRun, exportRunToXlsx } from '../../src/scorecard'
import { AS_OF, fullScan, national } from './fixtures'
import { syntheticGroup } from './group'

async function exported() {
  const set = national()
  const { inputs, articles } = syntheticGroup()
  const run = evaluateRun(set, inputs, { asOf: AS_OF, scan: fullScan(set, articles) })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await exportRunToXlsx(run, set)) as unknown as ArrayBuffer)
  return { run, workbook }
}

const rows = (sheet: ExcelJS.Worksheet) => {
  const values: unknown[][] = []
  sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)))
  return values
}

describe('Excel export', () => {
  it('holds a ranking, a veto sheet, a sheet per area, bonus, evidence and the set version', async () => {
    const { workbook } = await exported()
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '排名 Ranking',
      '单项否决 Veto',
      '发布解读 publishing',
      '办事服务 services',
      '互动交流 interaction',
      '功能设计 functional',
      '加分 Bonus',
      '证据 Evidence',
      '说明 About',
    ])
    const ranking = rows(workbook.getWorksheet('排名 Ranking')!)
    expect(ranking[0]!.slice(0, 8)).toEqual(['名次', '单位', '类型', '结果', '总分', '基础分', '加分', '否决项'])
    expect(ranking.slice(1).map((row) => [row[0], row[1], row[3], row[4]])).toEqual([
      [1, '玉林市人民政府', '合格', 113],
      [2, '甲局', '合格', 100],
      [3, '丙局', '合格', 82.6],
      [4, '某县人民政府', '不合格', 46],
      [5, '乙局', '单项否决', 87],
    ])
    expect(ranking[3]!.slice(8)).toEqual([5, 6, 3, 3.4])
    expect(rows(workbook.getWorksheet('说明 About')!)[2]).toEqual(['版本 Version', '2019.1'])
  })

  it('puts each deduction under its area with a subtotal, and every failing evidence on the evidence sheet', async () => {
    const { run, workbook } = await exported()
    const services = rows(workbook.getWorksheet('办事服务 services')!)
    expect(services[0]).toEqual(['序号', '单位', 'D2.1 办事指南要素缺失', 'D2.2 办事统计未更新', '小计'])
    expect(services.find((row) => row[1] === '丙局')!.slice(2)).toEqual([6, 0, 6])
    expect(services.find((row) => row[1] === '某县人民政府')!.slice(2)).toEqual([16, 0, 16])
    const veto = rows(workbook.getWorksheet('单项否决 Veto')!)
    expect(
      veto
        .find((row) => row[1] === '乙局')!
        .slice(2)
        .every((cell) => cell === '不合格'),
    ).toBe(true)
    const bonus = rows(workbook.getWorksheet('加分 Bonus')!)
    expect(bonus.find((row) => row[1] === '玉林市人民政府')!.slice(2)).toEqual([8, 5, '不适用', 13])
    const evidence = rows(workbook.getWorksheet('证据 Evidence')!)
    const expected = run.results.flatMap((r) => r.indicators.filter((i) => i.status === 'fail').flatMap((i) => i.evidence))
    expect(evidence.length - 1).toBe(expected.length)
    expect(evidence.find((row) => row[2] === 'V5.2')!.slice(1, 7)).toEqual([
      '乙局',
      'V5.2',
      '留言超期未答复',
      expect.stringContaining('噪音扰民'),
      'letters',
      '201',
    ])
  })

  it('refuses to export a run with another set version', async () => {
    const { inputs } = syntheticGroup()
    const run = evaluateRun(national(), inputs, { asOf: AS_OF })
    await expect(exportRunToXlsx(run, builtInIndicatorSet('yulin-public-rating'))).rejects.toThrow(
      'run used national-2019@2019.1 but the set given is yulin-public-rating@2010.1',
    )
  })
})
