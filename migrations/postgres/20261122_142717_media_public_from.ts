import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "public_from" timestamp(3) with time zone;
  CREATE INDEX "media_public_from_idx" ON "media" USING btree ("public_from");
  -- Files stored before this migration were public; they stay so (new uploads wait for publication).
  UPDATE "media" SET "public_from" = "created_at";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "media_public_from_idx";
  ALTER TABLE "media" DROP COLUMN "public_from";`)
}
