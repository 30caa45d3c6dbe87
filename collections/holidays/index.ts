import type { CollectionConfig } from 'payload'
import { assertDay } from '../../src/interaction'
import { createHolidays, deleteHolidays, readHolidays, updateHolidays } from './access'
import { refreshCalendarAfterChange, refreshCalendarAfterDelete } from './hooks'
import { zhEn } from '../shared'

/** Holiday // 节假日与调休: days off and make-up working days, for working-day deadlines. */
export const Holidays: CollectionConfig = {
  slug: 'holidays',
  labels: { singular: zhEn('节假日', 'Holiday'), plural: zhEn('节假日与调休', 'Holidays') },
  defaultSort: 'date',
  admin: { useAsTitle: 'date', defaultColumns: ['date', 'kind', 'name'], group: zhEn('互动交流', 'Interaction') },
  access: { read: readHolidays, create: createHolidays, update: updateHolidays, delete: deleteHolidays },
  hooks: { afterChange: [refreshCalendarAfterChange], afterDelete: [refreshCalendarAfterDelete] },
  fields: [
    {
      name: 'date',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: zhEn('日期', 'Date'),
      admin: { description: zhEn('格式 YYYY-MM-DD（北京时间）', 'YYYY-MM-DD, Beijing time') },
      validate: (value: unknown) => {
        try {
          assertDay(String(value ?? ''))
          return true
        } catch {
          return '日期格式应为 YYYY-MM-DD，且为真实日期 / date must be a real day written YYYY-MM-DD'
        }
      },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'holiday',
      label: zhEn('类型', 'Kind'),
      options: [
        { value: 'holiday', label: zhEn('放假', 'Holiday (day off)') },
        { value: 'workday', label: zhEn('调休上班', 'Make-up working day') },
      ],
    },
    { name: 'name', type: 'text', label: zhEn('名称', 'Name') },
  ],
}
