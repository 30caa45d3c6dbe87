import { z } from 'zod'
import { defineCheck, measureFindings } from './define'

/** Images without alternative text (图片缺少替代文本), WCAG 1.1.1 / GB/T 37668. */
export const imageAlt = defineCheck({
  id: 'image-alt',
  description: 'Images in published content without alt text',
  params: z.object({}),
  scanArticle(article) {
    const missing = article.images.filter((image) => !image.alt || image.alt.trim() === '')
    if (missing.length === 0) return []
    return [{ count: missing.length, detail: { images: missing.length, firstSrc: missing[0]!.src } }]
  },
  evaluate(_input, _params, ctx) {
    return measureFindings(ctx, (finding) => ({
      key: `article:${finding.articleId}`,
      message: `《${finding.title}》有 ${finding.count} 张图片缺少替代文本`,
      detail: finding.detail,
    }))
  },
})
