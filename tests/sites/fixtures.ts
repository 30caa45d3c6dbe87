import type { ArticleSummaryView, PageContext, SiteView } from '../../src/sites/view-models'

export function siteView(overrides: Partial<SiteView> = {}): SiteView {
  return {
    id: 1,
    code: 'yulin',
    name: '中国玉林',
    theme: 'portal',
    baseUrl: 'http://localhost:3000/s/yulin',
    pathPrefix: '/s/yulin',
    siteStyleUrl: '/_site/yulin.abc.css',
    navigation: [
      { title: '要闻动态', href: 'http://localhost:3000/s/yulin/news/' },
      { title: '政务公开', href: 'http://localhost:3000/s/yulin/xxgk/', current: true },
    ],
    footer: {
      sponsor: '玉林市人民政府办公室',
      organizer: '玉林市大数据发展局',
      identificationCode: '4509000001',
      icp: '桂ICP备05000001号',
      publicSecurity: '桂公网安备45090202000001号',
      address: '玉林市玉州区',
      phone: '0775-2800000',
      email: 'web@yulin.gov.cn',
    },
    organizationName: '玉林市人民政府',
    organizationKind: 'city',
    ...overrides,
  }
}

export function summary(n: number, overrides: Partial<ArticleSummaryView> = {}): ArticleSummaryView {
  return {
    id: n,
    title: `文章${n}`,
    href: `http://localhost:3000/s/yulin/news/${n}.html`,
    publishedAt: '2024-05-01T08:00:00.000Z',
    publishedDate: '2024-05-01',
    summary: `摘要${n}`,
    ...overrides,
  }
}

export function pageContext(type: PageContext['page']['type'], overrides: Partial<PageContext> = {}): PageContext {
  return {
    site: siteView(),
    page: {
      type,
      title: '测试页面',
      description: '描述',
      canonicalUrl: 'http://localhost:3000/s/yulin/news/',
      ogType: 'website',
      breadcrumbs: [
        { title: '首页', href: 'http://localhost:3000/s/yulin/' },
        { title: '要闻动态', href: 'http://localhost:3000/s/yulin/news/' },
      ],
      searchHref: 'http://localhost:3000/s/yulin/search',
      errorReportHref: '/error-report?url=x',
    },
    ...overrides,
  }
}
