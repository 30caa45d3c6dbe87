/**
 * The page around an interaction form. The public sites pass their themed layout (a theme's
 * "generic" page with mainHtml); this minimal, accessible one is used when none is given.
 */
import type { Request } from 'express'
import { escapeHtml } from './html'

export interface SiteRef {
  id: number | string
  code: string
  name: string
  organizationId: number | string | null
  /** '' on the site's own domain, '/s/<code>' when reached through the group's address */
  pathPrefix: string
}

export interface InteractionPage {
  site: SiteRef | null
  title: string
  mainHtml: string
  status: number
}

export type Layout = (req: Request, page: InteractionPage) => string | Promise<string>

// The CSP allows exactly this inline style by its hash (src/security).
export const MINIMAL_LAYOUT_CSS = `
body{font:16px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:48rem;margin:0 auto;padding:1rem;color:#1a1a1a}
label{display:block;font-weight:600;margin-top:1rem}input,select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.4rem;border:1px solid #555}
input[type=checkbox],input[type=radio]{width:auto}.error{color:#a00000}.notice{border:2px solid #a00000;padding:.5rem 1rem}
button{font:inherit;margin-top:1rem;padding:.5rem 1.5rem}:focus{outline:3px solid #1f4e8c;outline-offset:2px}.code{font-size:1.6rem;letter-spacing:.15em;font-family:monospace}
.inline{display:inline}
`

export const minimalLayout: Layout = (_req, page) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}${page.site ? ` - ${escapeHtml(page.site.name)}` : ''}</title>
<style>${MINIMAL_LAYOUT_CSS}</style>
</head>
<body>
<a href="#main" class="skip">跳到主要内容</a>
${page.site ? `<header><p>${escapeHtml(page.site.name)}</p></header>` : ''}
<main id="main">
${page.mainHtml}
</main>
</body>
</html>`
