import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`import_records\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`source_url\` text NOT NULL,
  	\`kind\` text DEFAULT 'page' NOT NULL,
  	\`content_hash\` text,
  	\`index_number\` text,
  	\`article_id\` integer,
  	\`media_id\` integer,
  	\`status\` text NOT NULL,
  	\`reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`import_records_site_idx\` ON \`import_records\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`import_records_source_url_idx\` ON \`import_records\` (\`source_url\`);`)
  await db.run(sql`CREATE INDEX \`import_records_article_idx\` ON \`import_records\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`import_records_media_idx\` ON \`import_records\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`import_records_updated_at_idx\` ON \`import_records\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`import_records_created_at_idx\` ON \`import_records\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`site_sourceUrl_idx\` ON \`import_records\` (\`site_id\`,\`source_url\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`import_records_id\` integer REFERENCES import_records(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_import_records_id_idx\` ON \`payload_locked_documents_rels\` (\`import_records_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`import_records\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`organizations_id\` integer,
  	\`sites_id\` integer,
  	\`columns_id\` integer,
  	\`articles_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`audit_log_id\` integer,
  	\`login_attempts_id\` integer,
  	\`service_guides_id\` integer,
  	\`page_views_id\` integer,
  	\`letters_id\` integer,
  	\`letter_inbox_id\` integer,
  	\`holidays_id\` integer,
  	\`ratings_id\` integer,
  	\`error_reports_id\` integer,
  	\`indicator_sets_id\` integer,
  	\`evaluation_runs_id\` integer,
  	\`evaluation_results_id\` integer,
  	\`rectification_items_id\` integer,
  	\`manual_scores_id\` integer,
  	\`probe_samples_id\` integer,
  	\`search_queries_id\` integer,
  	\`mode_switches_id\` integer,
  	\`redirects_id\` integer,
  	\`placements_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organizations_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sites_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`login_attempts_id\`) REFERENCES \`login_attempts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`service_guides_id\`) REFERENCES \`service_guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`page_views_id\`) REFERENCES \`page_views\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`letters_id\`) REFERENCES \`letters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`letter_inbox_id\`) REFERENCES \`letter_inbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`holidays_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ratings_id\`) REFERENCES \`ratings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`error_reports_id\`) REFERENCES \`error_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`indicator_sets_id\`) REFERENCES \`indicator_sets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`evaluation_runs_id\`) REFERENCES \`evaluation_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`evaluation_results_id\`) REFERENCES \`evaluation_results\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rectification_items_id\`) REFERENCES \`rectification_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`manual_scores_id\`) REFERENCES \`manual_scores\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`probe_samples_id\`) REFERENCES \`probe_samples\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_queries_id\`) REFERENCES \`search_queries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mode_switches_id\`) REFERENCES \`mode_switches\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`redirects_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`placements_id\`) REFERENCES \`placements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "organizations_id", "sites_id", "columns_id", "articles_id", "media_id", "users_id", "audit_log_id", "login_attempts_id", "service_guides_id", "page_views_id", "letters_id", "letter_inbox_id", "holidays_id", "ratings_id", "error_reports_id", "indicator_sets_id", "evaluation_runs_id", "evaluation_results_id", "rectification_items_id", "manual_scores_id", "probe_samples_id", "search_queries_id", "mode_switches_id", "redirects_id", "placements_id") SELECT "id", "order", "parent_id", "path", "organizations_id", "sites_id", "columns_id", "articles_id", "media_id", "users_id", "audit_log_id", "login_attempts_id", "service_guides_id", "page_views_id", "letters_id", "letter_inbox_id", "holidays_id", "ratings_id", "error_reports_id", "indicator_sets_id", "evaluation_runs_id", "evaluation_results_id", "rectification_items_id", "manual_scores_id", "probe_samples_id", "search_queries_id", "mode_switches_id", "redirects_id", "placements_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organizations_id_idx\` ON \`payload_locked_documents_rels\` (\`organizations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sites_id_idx\` ON \`payload_locked_documents_rels\` (\`sites_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_columns_id_idx\` ON \`payload_locked_documents_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_login_attempts_id_idx\` ON \`payload_locked_documents_rels\` (\`login_attempts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_service_guides_id_idx\` ON \`payload_locked_documents_rels\` (\`service_guides_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_page_views_id_idx\` ON \`payload_locked_documents_rels\` (\`page_views_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_letters_id_idx\` ON \`payload_locked_documents_rels\` (\`letters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_letter_inbox_id_idx\` ON \`payload_locked_documents_rels\` (\`letter_inbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holidays_id_idx\` ON \`payload_locked_documents_rels\` (\`holidays_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ratings_id_idx\` ON \`payload_locked_documents_rels\` (\`ratings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_error_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`error_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicator_sets_id_idx\` ON \`payload_locked_documents_rels\` (\`indicator_sets_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_evaluation_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`evaluation_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_evaluation_results_id_idx\` ON \`payload_locked_documents_rels\` (\`evaluation_results_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rectification_items_id_idx\` ON \`payload_locked_documents_rels\` (\`rectification_items_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_manual_scores_id_idx\` ON \`payload_locked_documents_rels\` (\`manual_scores_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_probe_samples_id_idx\` ON \`payload_locked_documents_rels\` (\`probe_samples_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_queries_id_idx\` ON \`payload_locked_documents_rels\` (\`search_queries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mode_switches_id_idx\` ON \`payload_locked_documents_rels\` (\`mode_switches_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_placements_id_idx\` ON \`payload_locked_documents_rels\` (\`placements_id\`);`)
}
