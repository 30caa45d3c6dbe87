import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`published_by_owner\` integer DEFAULT false;`)
  // Which of today's public files a reference made public is not recorded: they all stay public
  // (as if published by their unit), so an upgrade takes no picture off a page.
  await db.run(sql`UPDATE \`media\` SET \`published_by_owner\` = true WHERE \`public_from\` IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`published_by_owner\`;`)
}
