import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { coreCollections, safeguardsPlugin } from './collections'
import { GroupSettings } from './globals/group-settings'
import { accountsPlugin } from './src/accounts'
import { databaseAdapter } from './src/db/adapter'
import { hostingPlugin } from './src/hosting'
import { i18n } from './src/i18n'
import { importPlugin } from './src/import'
import { interactionPlugin } from './src/interaction'
import { logger } from './src/lib/logger'
import { payloadSecret } from './src/lib/secret'
import { scorecardPlugin } from './src/scorecard'
import { searchPlugin } from './src/search'
import { searchSources } from './src/search-sources'
import { sharingPlugin } from './src/sharing'
import { publicPageInvalidationPlugin, sitesPlugin } from './src/sites'
import { mediaStoragePlugin } from './src/storage'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.PUBLIC_URL || '',
  admin: {
    user: 'users',
    avatar: 'default', // no Gravatar look-ups: government networks are often closed
    meta: { titleSuffix: ' · SiteGroup 政务网站群' },
    importMap: { baseDir: dirname, importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js') },
  },
  // The base every capability builds on; each capability's collections, jobs and admin views come with its plugin.
  collections: coreCollections,
  globals: [GroupSettings],
  editor: lexicalEditor(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  sharp,
  i18n,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
  graphQL: { disablePlaygroundInProduction: true },
  // A refused login or a bad query is the client's mistake, not the server's: logged below ERROR so
  // alerts on ERROR mean the server failed (Payload already lowers Forbidden, NotFound, ValidationError).
  // The server's own pino logger, so stdout carries one format (JSON lines) instead of JSON and coloured text.
  logger,
  loggingLevels: { AuthenticationError: 'info', LockedAuth: 'warn', QueryError: 'info', UnverifiedEmail: 'info', FileUploadError: 'info' },
  jobs: {
    tasks: [],
    // Scheduled publishing and every periodic job run from this queue; tests drive jobs by hand.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 50 }],
    shouldAutoRun: () => process.env.JOBS_AUTORUN !== 'false',
  },
  // One plugin per capability (docs/architecture.md); the list order is the order of the admin
  // navigation and of the generated schema. The scorecard's jobs come before interaction's, as the
  // PostgreSQL enum of task names was created in that order.
  plugins: [
    sitesPlugin(),
    scorecardPlugin(),
    interactionPlugin(),
    searchPlugin({ sources: searchSources }),
    hostingPlugin(),
    sharingPlugin(),
    importPlugin(),
    accountsPlugin(),
    // Media on S3-compatible storage when S3_BUCKET is set, on local disk otherwise (src/storage).
    mediaStoragePlugin(),
    // These two run after all the others whatever their place here (their `order`), over every collection.
    safeguardsPlugin(),
    publicPageInvalidationPlugin(),
  ],
  telemetry: false,
})
