/**
 * Reminders (催办) and supervision (电子监察): flags open letters yellow (deadline near) or red
 * (overdue), and e-mails the handling unit's letter handlers once per new flag; red letters and
 * letters nobody holds also go to the central office. Runs on Payload's jobs queue; in
 * development without an e-mail adapter, Payload logs the e-mails instead of sending them.
 */
import type { Payload, TaskConfig } from 'payload'
import { loadWorkingCalendar } from './calendar-store'
import { systemClock, type Clock } from './clock'
import { relationIdOf } from './letter-service'
import { openStatuses, type LetterStatus } from './letter-workflow'
import { interactionPolicy } from './policy'
import { deadlineFlag, type DeadlineFlag } from './supervision'
import { formatDate } from './views'

export interface ReminderRun {
  checked: number
  yellow: number
  red: number
  remindersSent: number
  emailsFailed: number
}

type Doc = Record<string, any>

export async function runLetterReminders(payload: Payload, options: { clock?: Clock; batchSize?: number } = {}): Promise<ReminderRun> {
  const clock = options.clock ?? systemClock
  const now = clock.now()
  const calendar = await loadWorkingCalendar(payload, { fresh: true })
  const run: ReminderRun = { checked: 0, yellow: 0, red: 0, remindersSent: 0, emailsFailed: 0 }
  const recipients = recipientDirectory(payload)

  // Letters are re-read by id range rather than by page, because updating flags changes nothing we filter on.
  let lastId: number | string | null = null
  for (;;) {
    const where: Doc = { and: [{ status: { in: openStatuses } }, ...(lastId != null ? [{ id: { greater_than: lastId } }] : [])] }
    const { docs } = await payload.find({
      collection: 'letters',
      where: where,
      sort: 'id',
      limit: options.batchSize ?? 200,
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    if (!docs.length) break
    for (const letter of docs as Doc[]) {
      lastId = letter.id
      run.checked++
      const flag = deadlineFlag({
        status: letter.status as LetterStatus,
        deadline: letter.deadline,
        now,
        calendar,
        yellowWhenWorkingDaysLeft: interactionPolicy.deadline.yellowWhenWorkingDaysLeft,
      })
      if (flag === 'yellow') run.yellow++
      if (flag === 'red') run.red++
      const supervision = letter.supervision ?? {}
      const remind = flag !== 'green' && supervision.remindedFlag !== flag
      if (!remind && supervision.flag === flag) continue
      let reminded = false
      if (remind) {
        const to = await recipients.forLetter(letter, flag)
        if (to.length) {
          try {
            await payload.sendEmail({ to, subject: reminderSubject(letter, flag), text: reminderText(letter, flag) })
            run.remindersSent++
            reminded = true
          } catch (error) {
            run.emailsFailed++
            payload.logger.error({ err: error, msg: `letter reminder for #${letter.id} could not be sent` })
          }
        }
      }
      await payload.update({
        collection: 'letters',
        id: letter.id,
        overrideAccess: true,
        context: { letterInternal: true, skipAudit: true },
        data: {
          supervision: {
            flag,
            remindedFlag: reminded ? flag : (supervision.remindedFlag ?? null),
            remindedAt: reminded ? now.toISOString() : (supervision.remindedAt ?? null),
          },
        },
      })
    }
  }
  return run
}

function reminderSubject(letter: Doc, flag: DeadlineFlag): string {
  return flag === 'red' ? `【督办】来信已超期：${letter.subject}` : `【催办】来信即将到期：${letter.subject}`
}

function reminderText(letter: Doc, flag: DeadlineFlag): string {
  return [
    flag === 'red' ? '以下来信已超过办理期限，已纳入电子监察，请立即办理：' : '以下来信即将到期，请抓紧办理：',
    `标题：${letter.subject}`,
    `办理期限：${formatDate(letter.deadline)}`,
    `编号：${letter.id}`,
    '请登录后台“群众来信”办理。',
  ].join('\n')
}

/** E-mail addresses of a unit's letter handlers, and of the central office, looked up once per run. */
function recipientDirectory(payload: Payload) {
  const cache = new Map<string, string[]>()
  const emails = async (key: string, where: Doc) => {
    if (!cache.has(key)) {
      const { docs } = await payload.find({ collection: 'users', where: where, pagination: false, depth: 0, overrideAccess: true })
      cache.set(key, (docs as Doc[]).map((u) => u.email).filter(Boolean))
    }
    return cache.get(key)!
  }
  return {
    async forLetter(letter: Doc, flag: DeadlineFlag): Promise<string[]> {
      const unit = relationIdOf(letter.assignedOrganization)
      const central = await emails('central', { roles: { contains: 'central-admin' } })
      if (unit == null) return central
      const handlers = await emails(`unit:${unit}`, { and: [{ roles: { contains: 'letter-handler' } }, { organization: { equals: unit } }] })
      return [...new Set(flag === 'red' || !handlers.length ? [...handlers, ...central] : handlers)]
    },
  }
}

/**
 * The jobs-queue task. Register it in payload.config.ts `jobs.tasks` and schedule it (e.g. hourly);
 * `input.now` (ISO) lets a test run it at a chosen moment.
 */
export const letterRemindersTask: TaskConfig<{ input: { now?: string }; output: ReminderRun }> = {
  slug: 'letterReminders',
  label: '来信催办与电子监察 (letter reminders)',
  inputSchema: [{ name: 'now', type: 'text' }],
  outputSchema: [
    { name: 'checked', type: 'number' },
    { name: 'yellow', type: 'number' },
    { name: 'red', type: 'number' },
    { name: 'remindersSent', type: 'number' },
    { name: 'emailsFailed', type: 'number' },
  ],
  schedule: [{ cron: '0 * * * *', queue: 'default' }],
  retries: 2,
  handler: async ({ input, req }) => {
    const fixed = input?.now ? new Date(input.now) : null
    const clock: Clock = fixed && !Number.isNaN(fixed.getTime()) ? { now: () => fixed } : systemClock
    return { output: await runLetterReminders(req.payload, { clock }) }
  },
}
