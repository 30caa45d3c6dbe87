import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { collections } from './collections'
import { GroupSettings } from './globals/group-settings'
import { SearchSettings } from './globals/search-settings'
import { withGlobalRestrictions } from './src/accounts'
import { databaseAdapter } from './src/db/adapter'
import { i18n } from './src/i18n'
import { logger } from './src/lib/logger'
import { payloadSecret } from './src/lib/secret'
import { letterInboxTask, letterRemindersTask } from './src/interaction'
import { searchReconcileTask } from './src/search'
import { scorecardTasks } from './src/scorecard'
import { mediaStoragePlugin } from './src/storage'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.PUBLIC_URL || '',
  admin: {
    user: 'users',
    avatar: 'default', // no Gravatar look-ups: government networks are often closed
    meta: { titleSuffix: ' · SiteGroup 政务网站群' },
    importMap: { baseDir: dirname, importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js') },
    components: {
      // Scorecard // 绩效考评: the ranking view and its navigation link.
      views: {
        scorecard: { Component: '/src/scorecard/admin/RankingView#RankingView', path: '/scorecard' },
        searchReport: { Component: '/src/search/admin/QueryReportView#QueryReportView', path: '/search-report' },
        // Accounts // 账号安全: login with the second-factor code field, and the user's own second-factor screen.
        login: { Component: '/src/accounts/admin/LoginView#TotpLoginView' },
        twoFactor: { Component: '/src/accounts/admin/TwoFactorView#TwoFactorView', path: '/two-factor' },
      },
      afterNavLinks: ['/src/scorecard/admin/NavLink#ScorecardNavLink', '/src/accounts/admin/NavLink#TwoFactorNavLink'],
    },
  },
  collections,
  globals: withGlobalRestrictions([GroupSettings, SearchSettings]),
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
    tasks: [...scorecardTasks, letterRemindersTask, letterInboxTask, searchReconcileTask],
    // Scheduled publishing and every periodic job run from this queue; tests drive jobs by hand.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 50 }],
    shouldAutoRun: () => process.env.JOBS_AUTORUN !== 'false',
  },
  // Media on S3-compatible storage when S3_BUCKET is set, on local disk otherwise (src/storage).
  plugins: [mediaStoragePlugin()],
  telemetry: false,
})
