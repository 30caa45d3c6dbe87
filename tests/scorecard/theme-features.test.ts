import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { pageFeatures } from '../../src/scorecard'
import { loadThemes, themeChromeHtml } from '../../src/sites'

/** Before any probe, the scorecard reads a theme's page features from what the theme registry renders. */
const dir = mkdtempSync(join(tmpdir(), 'theme-features-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function theme(name: string, header?: string) {
  mkdirSync(join(dir, name, 'partials'), { recursive: true })
  writeFileSync(join(dir, name, 'theme.json'), JSON.stringify({ name, description: name }))
  if (header) writeFileSync(join(dir, name, 'partials', 'header.liquid'), header)
}

describe('page features of a theme', () => {
  cpSync('themes/_base', join(dir, '_base'), { recursive: true })
  theme('department') // the fallback theme of the sites configuration
  theme('plain')
  theme('no-search', '<header role="banner"><a href="{{ site.baseUrl }}/">{{ site.name }}</a></header>')
  const themes = loadThemes(dir, '_base', { compiled: true })

  it('takes a partial the theme does not have from the base theme', () => {
    expect(pageFeatures(themeChromeHtml('plain', themes))).toEqual({ searchBox: true, errorReportEntry: true })
  })

  it("sees a theme's own header replace the base one", () => {
    expect(pageFeatures(themeChromeHtml('no-search', themes))).toEqual({ searchBox: false, errorReportEntry: true })
  })

  it('answers for the installed themes too, an unknown name as the fallback theme', () => {
    expect(pageFeatures(themeChromeHtml('portal'))).toEqual({ searchBox: true, errorReportEntry: true })
    expect(themeChromeHtml('no-such-theme')).toContain('theme-department')
  })
})
