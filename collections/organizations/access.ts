import type { Access } from 'payload'
import { centralAdminOnly } from '../../src/access'

// Organizations are public facts (the directory of units), so anyone may read them; only the
// central office creates, changes (hosting mode included) or removes them.
export const readOrganizations: Access = () => true
export const createOrganizations: Access = centralAdminOnly
export const updateOrganizations: Access = centralAdminOnly
export const deleteOrganizations: Access = centralAdminOnly
