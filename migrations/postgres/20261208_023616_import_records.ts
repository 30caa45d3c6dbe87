import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_import_records_kind" AS ENUM('page', 'asset');
  CREATE TYPE "public"."enum_import_records_status" AS ENUM('pending', 'imported', 'updated', 'failed');
  CREATE TABLE "import_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"source_url" varchar NOT NULL,
  	"kind" "enum_import_records_kind" DEFAULT 'page' NOT NULL,
  	"content_hash" varchar,
  	"index_number" varchar,
  	"article_id" integer,
  	"media_id" integer,
  	"status" "enum_import_records_status" NOT NULL,
  	"reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "import_records_id" integer;
  ALTER TABLE "import_records" ADD CONSTRAINT "import_records_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_records" ADD CONSTRAINT "import_records_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_records" ADD CONSTRAINT "import_records_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "import_records_site_idx" ON "import_records" USING btree ("site_id");
  CREATE INDEX "import_records_source_url_idx" ON "import_records" USING btree ("source_url");
  CREATE INDEX "import_records_article_idx" ON "import_records" USING btree ("article_id");
  CREATE INDEX "import_records_media_idx" ON "import_records" USING btree ("media_id");
  CREATE INDEX "import_records_updated_at_idx" ON "import_records" USING btree ("updated_at");
  CREATE INDEX "import_records_created_at_idx" ON "import_records" USING btree ("created_at");
  CREATE UNIQUE INDEX "site_sourceUrl_idx" ON "import_records" USING btree ("site_id","source_url");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_import_records_fk" FOREIGN KEY ("import_records_id") REFERENCES "public"."import_records"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_import_records_id_idx" ON "payload_locked_documents_rels" USING btree ("import_records_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "import_records" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "import_records" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_import_records_fk";
  
  DROP INDEX "payload_locked_documents_rels_import_records_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "import_records_id";
  DROP TYPE "public"."enum_import_records_kind";
  DROP TYPE "public"."enum_import_records_status";`)
}
