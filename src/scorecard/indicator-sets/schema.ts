import { z } from 'zod'

export const AREAS = ['publishing', 'services', 'interaction', 'functional'] as const
export type Area = (typeof AREAS)[number]
/** Chinese names of the four areas of the national indicators. */
export const AREA_NAMES: Record<Area, string> = {
  publishing: '发布解读',
  services: '办事服务',
  interaction: '互动交流',
  functional: '功能设计',
}

export const GROUPS = ['veto', 'deduction', 'bonus'] as const
export type Group = (typeof GROUPS)[number]
export const GROUP_NAMES: Record<Group, string> = { veto: '单项否决', deduction: '扣分指标', bonus: '加分指标' }

const ORGANIZATION_KINDS = ['city', 'department', 'county', 'district', 'township'] as const

const points = z
  .object({
    /** Deducted (or earned) per failing unit. */
    perItem: z.number().nonnegative().optional(),
    /** Deducted once when the indicator fails, whatever the count. */
    fixed: z.number().nonnegative().optional(),
    /** Most this indicator may deduct or award. */
    cap: z.number().positive().optional(),
    /** Weighted sets: the points this indicator is worth. */
    max: z.number().positive().optional(),
  })
  .strict()

export const indicatorSchema = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9.-]+$/, 'use letters, digits, dots and dashes'),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    group: z.enum(GROUPS),
    area: z.enum(AREAS),
    /** Which of the national veto items (1–6) this indicator belongs to. */
    vetoItem: z.number().int().min(1).optional(),
    measure: z.union([z.literal('manual'), z.object({ check: z.string().min(1), params: z.record(z.string(), z.unknown()).default({}) }).strict()]),
    thresholds: z
      .object({ failAtCount: z.number().int().positive().default(1) })
      .strict()
      .default({ failAtCount: 1 }),
    points: points.optional(),
    /** Paths of values that no public source confirms (e.g. "points.perItem"). */
    unverified: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .strict()

export const indicatorSetSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    version: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    source: z.string().optional(),
    scoring: z
      .object({
        method: z.enum(['deduction', 'weighted']),
        fullMarks: z.number().positive(),
        passMark: z.number().nonnegative(),
        areaCaps: z.partialRecord(z.enum(AREAS), z.number().positive()).default({}),
        bonus: z
          .object({
            cap: z.number().positive(),
            minBaseScore: z.number().nonnegative(),
            eligibleKinds: z.array(z.enum(ORGANIZATION_KINDS)).min(1),
          })
          .strict()
          .optional(),
      })
      .strict(),
    rectification: z.object({ deadlineDays: z.number().int().positive() }).strict(),
    indicators: z.array(indicatorSchema).min(1, 'a set needs at least one indicator'),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>()
    set.indicators.forEach((indicator, index) => {
      const at = (key: string) => ['indicators', index, key]
      if (seen.has(indicator.code)) ctx.addIssue({ code: 'custom', path: at('code'), message: `duplicate code ${indicator.code}` })
      seen.add(indicator.code)
      const p = indicator.points
      if (indicator.group === 'veto' && p) {
        ctx.addIssue({ code: 'custom', path: at('points'), message: 'a veto indicator carries no points' })
      }
      if (indicator.group === 'deduction' && set.scoring.method === 'deduction' && p?.perItem === undefined && p?.fixed === undefined) {
        ctx.addIssue({ code: 'custom', path: at('points'), message: 'a deduction needs points.perItem or points.fixed' })
      }
      if (indicator.group !== 'veto' && set.scoring.method === 'weighted' && p?.max === undefined) {
        ctx.addIssue({ code: 'custom', path: at('points'), message: 'a weighted set needs points.max on every scored indicator' })
      }
      if (indicator.group === 'bonus' && !set.scoring.bonus) {
        ctx.addIssue({ code: 'custom', path: at('group'), message: 'bonus indicators need scoring.bonus in the set' })
      }
    })
    if (set.scoring.passMark > set.scoring.fullMarks) {
      ctx.addIssue({ code: 'custom', path: ['scoring', 'passMark'], message: 'passMark is above fullMarks' })
    }
  })

export type IndicatorSetData = z.input<typeof indicatorSetSchema>
export type ParsedIndicatorSetData = z.output<typeof indicatorSetSchema>
export type ParsedIndicator = z.output<typeof indicatorSchema>
