import { describe, expect, it } from 'vitest'
import { databaseKind } from '../../src/db/adapter'

const MONGODB_URI = process.env.MONGODB_URI
if (!MONGODB_URI)
  console.log(
    '[skip] MongoDB integration: MONGODB_URI is not set (no MongoDB server can be installed on this machine); the adapter selection is still tested below.',
  )

describe('database selection', () => {
  it('chooses the adapter from DATABASE_URI', () => {
    expect(databaseKind('')).toBe('sqlite')
    expect(databaseKind('file:data/x.db')).toBe('sqlite')
    expect(databaseKind('postgres://u:p@h:5432/db')).toBe('postgres')
    expect(databaseKind('postgresql://u:p@h/db')).toBe('postgres')
    expect(databaseKind('mongodb://h:27017/db')).toBe('mongodb')
    expect(databaseKind('mongodb+srv://cluster/db')).toBe('mongodb')
  })
})

describe.skipIf(!MONGODB_URI)('MongoDB adapter (runs where MONGODB_URI is set)', () => {
  it('seeds a unit, publishes through the workflow and reads back through the Local API', async () => {
    const url = new URL(MONGODB_URI!)
    url.pathname = `/sitegroup_test_${process.pid}_${Date.now()}`
    process.env.DATABASE_URI = url.toString()
    process.env.JOBS_AUTORUN = 'false'
    process.env.PAYLOAD_SECRET ||= 'mongo-test'
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    const { seedArticles } = await import('../../src/seed')
    const payload = await getPayload({ config })
    const org = await payload.create({
      collection: 'organizations',
      data: { name: '测试局', code: '11450900TEST00001X', kind: 'department', hostingMode: 'own-site' },
      overrideAccess: true,
    })
    const site = await payload.create({
      collection: 'sites',
      data: { name: '测试网站', code: 'test', identificationCode: '4509009998', organization: org.id, theme: 'department' },
      overrideAccess: true,
    })
    const column = await payload.create({
      collection: 'columns',
      data: { name: '工作动态', slug: 'gzdt', site: site.id, category: 'news' },
      overrideAccess: true,
    })
    await seedArticles(payload, { count: 50 })
    const found = await payload.find({ collection: 'articles', where: { column: { equals: column.id } }, limit: 100, overrideAccess: true })
    expect(found.totalDocs).toBe(50)
    expect(found.docs[0].disclosure?.indexNumber).toMatch(/^11450900TEST00001X\/\d{4}-\d{5}$/)
    await payload.db.connection?.dropDatabase?.()
    await payload.destroy()
  })
})
