/** Hosting modes // 建站模式切换 as a Payload plugin: the mode switches and the redirects they leave behind. */
import type { Plugin } from 'payload'
import { ModeSwitches } from '../../collections/mode-switches'
import { Redirects } from '../../collections/redirects'
import { capabilityPlugin } from '../lib/plugin'

export function hostingPlugin(): Plugin {
  return capabilityPlugin(() => ({ collections: [ModeSwitches, Redirects] }))
}
