import type { Access } from 'payload'
import { centralAdminOnly } from '../../src/access'

// The holiday calendar is public knowledge; only the central office maintains it.
export const readHolidays: Access = () => true
export const createHolidays: Access = centralAdminOnly
export const updateHolidays: Access = centralAdminOnly
export const deleteHolidays: Access = centralAdminOnly
