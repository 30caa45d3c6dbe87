import type { Access } from 'payload'
import { centralAdminOnly } from '../../src/access'

// Mode switches move whole units between sites: the central office's decision alone.
export const modeSwitchAccess: Access = centralAdminOnly
// Records are written by the switch itself; nobody edits the history afterwards.
export const noManualWrites: Access = () => false
