import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`organizations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`short_name\` text,
  	\`code\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`parent_id\` integer,
  	\`hosting_mode\` text DEFAULT 'own-site',
  	\`host_site_id\` integer,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`host_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`organizations_code_idx\` ON \`organizations\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`organizations_kind_idx\` ON \`organizations\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`organizations_parent_idx\` ON \`organizations\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`organizations_host_site_idx\` ON \`organizations\` (\`host_site_id\`);`)
  await db.run(sql`CREATE INDEX \`organizations_updated_at_idx\` ON \`organizations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`organizations_created_at_idx\` ON \`organizations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sites_domains\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`domain\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sites_domains_order_idx\` ON \`sites_domains\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sites_domains_parent_id_idx\` ON \`sites_domains\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_domains_domain_idx\` ON \`sites_domains\` (\`domain\`);`)
  await db.run(sql`CREATE TABLE \`sites\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`code\` text NOT NULL,
  	\`identification_code\` text NOT NULL,
  	\`organization_id\` integer NOT NULL,
  	\`theme\` text DEFAULT 'department',
  	\`status\` text DEFAULT 'active',
  	\`settings_logo_id\` integer,
  	\`settings_primary_color\` text DEFAULT '#b3261e',
  	\`settings_accent_color\` text DEFAULT '#1f4e8c',
  	\`settings_footer_sponsor\` text,
  	\`settings_footer_organizer\` text,
  	\`settings_footer_icp\` text,
  	\`settings_footer_public_security\` text,
  	\`settings_footer_address\` text,
  	\`settings_footer_phone\` text,
  	\`settings_footer_email\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`settings_logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sites_code_idx\` ON \`sites\` (\`code\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`sites_identification_code_idx\` ON \`sites\` (\`identification_code\`);`)
  await db.run(sql`CREATE INDEX \`sites_organization_idx\` ON \`sites\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_status_idx\` ON \`sites\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`sites_settings_settings_logo_idx\` ON \`sites\` (\`settings_logo_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_updated_at_idx\` ON \`sites\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sites_created_at_idx\` ON \`sites\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sites_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`columns_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sites_rels_order_idx\` ON \`sites_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`sites_rels_parent_idx\` ON \`sites_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`sites_rels_path_idx\` ON \`sites_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`sites_rels_columns_id_idx\` ON \`sites_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE TABLE \`columns\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`parent_id\` integer,
  	\`path\` text,
  	\`category\` text DEFAULT 'other' NOT NULL,
  	\`owner_organization_id\` integer,
  	\`order\` numeric DEFAULT 0,
  	\`visibility\` text DEFAULT 'public',
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`owner_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`columns_site_idx\` ON \`columns\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`columns_parent_idx\` ON \`columns\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`columns_path_idx\` ON \`columns\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`columns_category_idx\` ON \`columns\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`columns_owner_organization_idx\` ON \`columns\` (\`owner_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`columns_updated_at_idx\` ON \`columns\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`columns_created_at_idx\` ON \`columns\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`articles_workflow\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`from\` text,
  	\`to\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`note\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_workflow_order_idx\` ON \`articles_workflow\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_workflow_parent_id_idx\` ON \`articles_workflow\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_workflow_by_idx\` ON \`articles_workflow\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`subtitle\` text,
  	\`column_id\` integer,
  	\`site_id\` integer,
  	\`organization_id\` integer,
  	\`state\` text DEFAULT 'draft',
  	\`published_at\` text,
  	\`source\` text,
  	\`author\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`cover_id\` integer,
  	\`disclosure_index_number\` text,
  	\`disclosure_publisher\` text,
  	\`disclosure_document_number\` text,
  	\`disclosure_topic\` text,
  	\`disclosure_written_at\` text,
  	\`disclosure_validity\` text DEFAULT 'valid',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`column_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_column_idx\` ON \`articles\` (\`column_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_site_idx\` ON \`articles\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_organization_idx\` ON \`articles\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_state_idx\` ON \`articles\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_cover_idx\` ON \`articles\` (\`cover_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_disclosure_disclosure_index_number_idx\` ON \`articles\` (\`disclosure_index_number\`);`)
  await db.run(sql`CREATE INDEX \`articles_disclosure_disclosure_document_number_idx\` ON \`articles\` (\`disclosure_document_number\`);`)
  await db.run(sql`CREATE INDEX \`articles_disclosure_disclosure_topic_idx\` ON \`articles\` (\`disclosure_topic\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`column__status_state_publishedAt_createdAt_idx\` ON \`articles\` (\`column_id\`,\`_status\`,\`state\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`site_publishedAt_idx\` ON \`articles\` (\`site_id\`,\`published_at\`);`)
  await db.run(sql`CREATE TABLE \`articles_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_rels_order_idx\` ON \`articles_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_parent_idx\` ON \`articles_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_path_idx\` ON \`articles_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_media_id_idx\` ON \`articles_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_version_workflow\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`from\` text,
  	\`to\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_version_workflow_order_idx\` ON \`_articles_v_version_workflow\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_workflow_parent_id_idx\` ON \`_articles_v_version_workflow\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_workflow_by_idx\` ON \`_articles_v_version_workflow\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_subtitle\` text,
  	\`version_column_id\` integer,
  	\`version_site_id\` integer,
  	\`version_organization_id\` integer,
  	\`version_state\` text DEFAULT 'draft',
  	\`version_published_at\` text,
  	\`version_source\` text,
  	\`version_author\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_cover_id\` integer,
  	\`version_disclosure_index_number\` text,
  	\`version_disclosure_publisher\` text,
  	\`version_disclosure_document_number\` text,
  	\`version_disclosure_topic\` text,
  	\`version_disclosure_written_at\` text,
  	\`version_disclosure_validity\` text DEFAULT 'valid',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_column_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_column_idx\` ON \`_articles_v\` (\`version_column_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_site_idx\` ON \`_articles_v\` (\`version_site_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_organization_idx\` ON \`_articles_v\` (\`version_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_state_idx\` ON \`_articles_v\` (\`version_state\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_cover_idx\` ON \`_articles_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_disclosure_version_disclosure_index__idx\` ON \`_articles_v\` (\`version_disclosure_index_number\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_disclosure_version_disclosure_docume_idx\` ON \`_articles_v\` (\`version_disclosure_document_number\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_disclosure_version_disclosure_topic_idx\` ON \`_articles_v\` (\`version_disclosure_topic\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version_column_id\`,\`version__status\`,\`version_state\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version_site_version_publishedAt_idx\` ON \`_articles_v\` (\`version_site_id\`,\`version_published_at\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_order_idx\` ON \`_articles_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_parent_idx\` ON \`_articles_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_path_idx\` ON \`_articles_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_media_id_idx\` ON \`_articles_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text,
  	\`caption\` text,
  	\`site_id\` integer,
  	\`organization_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_feature_url\` text,
  	\`sizes_feature_width\` numeric,
  	\`sizes_feature_height\` numeric,
  	\`sizes_feature_mime_type\` text,
  	\`sizes_feature_filesize\` numeric,
  	\`sizes_feature_filename\` text,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_site_idx\` ON \`media\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`media_organization_idx\` ON \`media\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_feature_sizes_feature_filename_idx\` ON \`media\` (\`sizes_feature_filename\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`organization_id\` integer,
  	\`must_change_password\` integer DEFAULT false,
  	\`password_changed_at\` text,
  	\`totp_enabled\` integer DEFAULT false,
  	\`password_history\` text,
  	\`session_activity\` text,
  	\`totp_secret\` text,
  	\`totp_pending_secret\` text,
  	\`totp_recovery_codes\` text,
  	\`totp_last_step\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`users_organization_idx\` ON \`users\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`user_id\` integer,
  	\`ip\` text,
  	\`user_agent\` text,
  	\`action\` text NOT NULL,
  	\`target_collection\` text,
  	\`target_id\` text,
  	\`summary\` text,
  	\`changes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_idx\` ON \`audit_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_ip_idx\` ON \`audit_log\` (\`ip\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_collection_idx\` ON \`audit_log\` (\`target_collection\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_id_idx\` ON \`audit_log\` (\`target_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`login_attempts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`at\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`login_attempts_key_idx\` ON \`login_attempts\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`login_attempts_at_idx\` ON \`login_attempts\` (\`at\`);`)
  await db.run(sql`CREATE TABLE \`service_guides_topics\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`service_guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`service_guides_topics_order_idx\` ON \`service_guides_topics\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`service_guides_topics_parent_idx\` ON \`service_guides_topics\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`service_guides_topics_value_idx\` ON \`service_guides_topics\` (\`value\`);`)
  await db.run(sql`CREATE TABLE \`service_guides\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`organization_id\` integer,
  	\`legal_basis\` text,
  	\`conditions\` text,
  	\`materials\` text,
  	\`process\` text,
  	\`place\` text,
  	\`hours\` text,
  	\`phone\` text,
  	\`fees\` text,
  	\`time_limit\` text,
  	\`online_url\` text,
  	\`order\` numeric DEFAULT 0,
  	\`elements_complete\` integer DEFAULT false,
  	\`missing_elements\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`service_guides_organization_idx\` ON \`service_guides\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`service_guides_elements_complete_idx\` ON \`service_guides\` (\`elements_complete\`);`)
  await db.run(sql`CREATE INDEX \`service_guides_updated_at_idx\` ON \`service_guides\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`service_guides_created_at_idx\` ON \`service_guides\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`service_guides__status_idx\` ON \`service_guides\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_service_guides_v_version_topics\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_service_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_service_guides_v_version_topics_order_idx\` ON \`_service_guides_v_version_topics\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_service_guides_v_version_topics_parent_idx\` ON \`_service_guides_v_version_topics\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_service_guides_v_version_topics_value_idx\` ON \`_service_guides_v_version_topics\` (\`value\`);`)
  await db.run(sql`CREATE TABLE \`_service_guides_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_organization_id\` integer,
  	\`version_legal_basis\` text,
  	\`version_conditions\` text,
  	\`version_materials\` text,
  	\`version_process\` text,
  	\`version_place\` text,
  	\`version_hours\` text,
  	\`version_phone\` text,
  	\`version_fees\` text,
  	\`version_time_limit\` text,
  	\`version_online_url\` text,
  	\`version_order\` numeric DEFAULT 0,
  	\`version_elements_complete\` integer DEFAULT false,
  	\`version_missing_elements\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`service_guides\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_service_guides_v_parent_idx\` ON \`_service_guides_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_service_guides_v_version_version_organization_idx\` ON \`_service_guides_v\` (\`version_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_service_guides_v_version_version_elements_complete_idx\` ON \`_service_guides_v\` (\`version_elements_complete\`);`)
  await db.run(sql`CREATE INDEX \`_service_guides_v_version_version_updated_at_idx\` ON \`_service_guides_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_service_guides_v_version_version_created_at_idx\` ON \`_service_guides_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_service_guides_v_version_version__status_idx\` ON \`_service_guides_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_service_guides_v_created_at_idx\` ON \`_service_guides_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_service_guides_v_updated_at_idx\` ON \`_service_guides_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_service_guides_v_latest_idx\` ON \`_service_guides_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`page_views\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`level\` text NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`column_id\` integer,
  	\`article_id\` integer,
  	\`instance\` text NOT NULL,
  	\`count\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`column_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`page_views_day_idx\` ON \`page_views\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`page_views_level_idx\` ON \`page_views\` (\`level\`);`)
  await db.run(sql`CREATE INDEX \`page_views_site_idx\` ON \`page_views\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`page_views_column_idx\` ON \`page_views\` (\`column_id\`);`)
  await db.run(sql`CREATE INDEX \`page_views_article_idx\` ON \`page_views\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`page_views_instance_idx\` ON \`page_views\` (\`instance\`);`)
  await db.run(sql`CREATE INDEX \`page_views_updated_at_idx\` ON \`page_views\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`page_views_created_at_idx\` ON \`page_views\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`letters_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`from\` text,
  	\`to\` text,
  	\`by_id\` integer,
  	\`by_name\` text,
  	\`at\` text,
  	\`note\` text,
  	\`organization_id\` integer,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`letters\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`letters_history_order_idx\` ON \`letters_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`letters_history_parent_id_idx\` ON \`letters_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_history_by_idx\` ON \`letters_history\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_history_organization_idx\` ON \`letters_history\` (\`organization_id\`);`)
  await db.run(sql`CREATE TABLE \`letters\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`subject\` text NOT NULL,
  	\`category\` text NOT NULL,
  	\`content\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`phone\` text NOT NULL,
  	\`email\` text,
  	\`publishable\` integer DEFAULT false,
  	\`route\` text DEFAULT 'site' NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'received' NOT NULL,
  	\`assigned_organization_id\` integer,
  	\`received_at\` text NOT NULL,
  	\`deadline\` text NOT NULL,
  	\`extended\` integer DEFAULT false,
  	\`extension_reason\` text,
  	\`pending_transfer_to_organization_id\` integer,
  	\`pending_transfer_reason\` text,
  	\`pending_transfer_requested_by_id\` integer,
  	\`pending_transfer_requested_at\` text,
  	\`command_action\` text,
  	\`command_to_organization_id\` integer,
  	\`command_text\` text,
  	\`reply\` text,
  	\`replied_at\` text,
  	\`replied_by_id\` integer,
  	\`closed_at\` text,
  	\`rejection_reason\` text,
  	\`publication_approved\` integer DEFAULT false,
  	\`publication_approved_by_id\` integer,
  	\`publication_approved_at\` text,
  	\`satisfaction_value\` text,
  	\`satisfaction_at\` text,
  	\`supervision_flag\` text DEFAULT 'green',
  	\`supervision_reminded_flag\` text,
  	\`supervision_reminded_at\` text,
  	\`public_subject\` text,
  	\`public_content\` text,
  	\`public_reply\` text,
  	\`query_code_hash\` text NOT NULL,
  	\`pow_nonce\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assigned_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`pending_transfer_to_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`pending_transfer_requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`command_to_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`replied_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`publication_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`letters_category_idx\` ON \`letters\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`letters_site_idx\` ON \`letters\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_status_idx\` ON \`letters\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`letters_assigned_organization_idx\` ON \`letters\` (\`assigned_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_received_at_idx\` ON \`letters\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`letters_deadline_idx\` ON \`letters\` (\`deadline\`);`)
  await db.run(sql`CREATE INDEX \`letters_pending_transfer_pending_transfer_to_organizatio_idx\` ON \`letters\` (\`pending_transfer_to_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_pending_transfer_pending_transfer_requested_by_idx\` ON \`letters\` (\`pending_transfer_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_command_command_to_organization_idx\` ON \`letters\` (\`command_to_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_replied_at_idx\` ON \`letters\` (\`replied_at\`);`)
  await db.run(sql`CREATE INDEX \`letters_replied_by_idx\` ON \`letters\` (\`replied_by_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_publication_publication_approved_idx\` ON \`letters\` (\`publication_approved\`);`)
  await db.run(sql`CREATE INDEX \`letters_publication_publication_approved_by_idx\` ON \`letters\` (\`publication_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_supervision_supervision_flag_idx\` ON \`letters\` (\`supervision_flag\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`letters_query_code_hash_idx\` ON \`letters\` (\`query_code_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`letters_pow_nonce_idx\` ON \`letters\` (\`pow_nonce\`);`)
  await db.run(sql`CREATE INDEX \`letters_updated_at_idx\` ON \`letters\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`letters_created_at_idx\` ON \`letters\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`letter_inbox\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`state\` text DEFAULT 'pending' NOT NULL,
  	\`problem\` text,
  	\`attempts\` numeric DEFAULT 0,
  	\`route\` text NOT NULL,
  	\`target_site\` text NOT NULL,
  	\`target_organization\` text,
  	\`received_at\` text NOT NULL,
  	\`deadline\` text NOT NULL,
  	\`submission\` text NOT NULL,
  	\`query_code_hash\` text NOT NULL,
  	\`pow_nonce\` text,
  	\`address_hash\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`letter_inbox_state_idx\` ON \`letter_inbox\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`letter_inbox_received_at_idx\` ON \`letter_inbox\` (\`received_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`letter_inbox_query_code_hash_idx\` ON \`letter_inbox\` (\`query_code_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`letter_inbox_pow_nonce_idx\` ON \`letter_inbox\` (\`pow_nonce\`);`)
  await db.run(sql`CREATE INDEX \`letter_inbox_updated_at_idx\` ON \`letter_inbox\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`letter_inbox_created_at_idx\` ON \`letter_inbox\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`holidays\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`kind\` text DEFAULT 'holiday' NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`holidays_date_idx\` ON \`holidays\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`holidays_updated_at_idx\` ON \`holidays\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`holidays_created_at_idx\` ON \`holidays\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`ratings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`organization_id\` integer NOT NULL,
  	\`period\` text NOT NULL,
  	\`scores_attitude\` numeric NOT NULL,
  	\`scores_efficiency\` numeric NOT NULL,
  	\`scores_lawfulness\` numeric NOT NULL,
  	\`scores_openness\` numeric NOT NULL,
  	\`scores_integrity\` numeric NOT NULL,
  	\`scores_conduct\` numeric NOT NULL,
  	\`scores_quality\` numeric NOT NULL,
  	\`scores_responsiveness\` numeric NOT NULL,
  	\`scores_convenience\` numeric NOT NULL,
  	\`scores_overall\` numeric NOT NULL,
  	\`comment\` text,
  	\`site_id\` integer,
  	\`visitor_key\` text NOT NULL,
  	\`pow_nonce\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`ratings_organization_idx\` ON \`ratings\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`ratings_period_idx\` ON \`ratings\` (\`period\`);`)
  await db.run(sql`CREATE INDEX \`ratings_site_idx\` ON \`ratings\` (\`site_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`ratings_visitor_key_idx\` ON \`ratings\` (\`visitor_key\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`ratings_pow_nonce_idx\` ON \`ratings\` (\`pow_nonce\`);`)
  await db.run(sql`CREATE INDEX \`ratings_updated_at_idx\` ON \`ratings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`ratings_created_at_idx\` ON \`ratings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`error_reports_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text,
  	\`to\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`note\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`error_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`error_reports_history_order_idx\` ON \`error_reports_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`error_reports_history_parent_id_idx\` ON \`error_reports_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`error_reports_history_by_idx\` ON \`error_reports_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`error_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`page_url\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`description\` text NOT NULL,
  	\`name\` text,
  	\`phone\` text,
  	\`email\` text,
  	\`site_id\` integer,
  	\`organization_id\` integer,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`received_at\` text NOT NULL,
  	\`deadline\` text NOT NULL,
  	\`resolved_at\` text,
  	\`resolution\` text,
  	\`pow_nonce\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`error_reports_site_idx\` ON \`error_reports\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`error_reports_organization_idx\` ON \`error_reports\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`error_reports_status_idx\` ON \`error_reports\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`error_reports_received_at_idx\` ON \`error_reports\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`error_reports_deadline_idx\` ON \`error_reports\` (\`deadline\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`error_reports_pow_nonce_idx\` ON \`error_reports\` (\`pow_nonce\`);`)
  await db.run(sql`CREATE INDEX \`error_reports_updated_at_idx\` ON \`error_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`error_reports_created_at_idx\` ON \`error_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`indicator_sets\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`code\` text,
  	\`version\` text,
  	\`active\` integer DEFAULT true,
  	\`built_in\` integer DEFAULT false,
  	\`data\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`indicator_sets_code_idx\` ON \`indicator_sets\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`indicator_sets_version_idx\` ON \`indicator_sets\` (\`version\`);`)
  await db.run(sql`CREATE INDEX \`indicator_sets_active_idx\` ON \`indicator_sets\` (\`active\`);`)
  await db.run(sql`CREATE INDEX \`indicator_sets_updated_at_idx\` ON \`indicator_sets\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`indicator_sets_created_at_idx\` ON \`indicator_sets\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`evaluation_runs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`scope\` text DEFAULT 'all' NOT NULL,
  	\`organization_id\` integer,
  	\`indicator_set_id\` integer,
  	\`as_of\` text,
  	\`status\` text DEFAULT 'queued',
  	\`progress\` numeric DEFAULT 0,
  	\`stage\` text,
  	\`set_code\` text,
  	\`set_version\` text,
  	\`trigger\` text DEFAULT 'manual',
  	\`requested_by_id\` integer,
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`organization_count\` numeric,
  	\`passed_count\` numeric,
  	\`vetoed_count\` numeric,
  	\`failed_count\` numeric,
  	\`rectification_opened\` numeric,
  	\`rectification_closed\` numeric,
  	\`text_scan_at\` text,
  	\`text_scan_mode\` text,
  	\`text_scan_articles\` numeric,
  	\`duration_ms\` numeric,
  	\`error\` text,
  	\`scan_state\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`indicator_set_id\`) REFERENCES \`indicator_sets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`evaluation_runs_organization_idx\` ON \`evaluation_runs\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_runs_indicator_set_idx\` ON \`evaluation_runs\` (\`indicator_set_id\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_runs_status_idx\` ON \`evaluation_runs\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_runs_set_code_idx\` ON \`evaluation_runs\` (\`set_code\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_runs_requested_by_idx\` ON \`evaluation_runs\` (\`requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_runs_updated_at_idx\` ON \`evaluation_runs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_runs_created_at_idx\` ON \`evaluation_runs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`evaluation_results\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`run_id\` integer NOT NULL,
  	\`organization_id\` integer NOT NULL,
  	\`organization_name\` text,
  	\`organization_kind\` text,
  	\`as_of\` text,
  	\`rank\` numeric,
  	\`status\` text,
  	\`total\` numeric,
  	\`base_score\` numeric,
  	\`bonus\` numeric,
  	\`veto_codes\` text,
  	\`area_deductions_publishing\` numeric,
  	\`area_deductions_services\` numeric,
  	\`area_deductions_interaction\` numeric,
  	\`area_deductions_functional\` numeric,
  	\`indicators\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`run_id\`) REFERENCES \`evaluation_runs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`evaluation_results_run_idx\` ON \`evaluation_results\` (\`run_id\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_results_organization_idx\` ON \`evaluation_results\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_results_organization_kind_idx\` ON \`evaluation_results\` (\`organization_kind\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_results_as_of_idx\` ON \`evaluation_results\` (\`as_of\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_results_rank_idx\` ON \`evaluation_results\` (\`rank\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_results_status_idx\` ON \`evaluation_results\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_results_updated_at_idx\` ON \`evaluation_results\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`evaluation_results_created_at_idx\` ON \`evaluation_results\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`rectification_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`message\` text NOT NULL,
  	\`status\` text DEFAULT 'open' NOT NULL,
  	\`note\` text,
  	\`deadline\` text,
  	\`organization_id\` integer NOT NULL,
  	\`target_url\` text,
  	\`target_collection\` text,
  	\`target_id\` text,
  	\`indicator_code\` text,
  	\`indicator_name\` text,
  	\`set_code\` text,
  	\`key\` text,
  	\`evidence_key\` text,
  	\`detail\` text,
  	\`opened_at\` text,
  	\`opened_in_run_id\` integer,
  	\`last_seen_in_run_id\` integer,
  	\`closed_at\` text,
  	\`closed_in_run_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`opened_in_run_id\`) REFERENCES \`evaluation_runs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_seen_in_run_id\`) REFERENCES \`evaluation_runs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`closed_in_run_id\`) REFERENCES \`evaluation_runs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`rectification_items_status_idx\` ON \`rectification_items\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`rectification_items_deadline_idx\` ON \`rectification_items\` (\`deadline\`);`)
  await db.run(sql`CREATE INDEX \`rectification_items_organization_idx\` ON \`rectification_items\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`rectification_items_indicator_code_idx\` ON \`rectification_items\` (\`indicator_code\`);`)
  await db.run(sql`CREATE INDEX \`rectification_items_set_code_idx\` ON \`rectification_items\` (\`set_code\`);`)
  await db.run(sql`CREATE INDEX \`rectification_items_key_idx\` ON \`rectification_items\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`rectification_items_opened_in_run_idx\` ON \`rectification_items\` (\`opened_in_run_id\`);`)
  await db.run(sql`CREATE INDEX \`rectification_items_last_seen_in_run_idx\` ON \`rectification_items\` (\`last_seen_in_run_id\`);`)
  await db.run(sql`CREATE INDEX \`rectification_items_closed_in_run_idx\` ON \`rectification_items\` (\`closed_in_run_id\`);`)
  await db.run(sql`CREATE INDEX \`rectification_items_updated_at_idx\` ON \`rectification_items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rectification_items_created_at_idx\` ON \`rectification_items\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`manual_scores\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`organization_id\` integer NOT NULL,
  	\`set_code\` text DEFAULT 'national-2019',
  	\`indicator_code\` text NOT NULL,
  	\`points\` numeric NOT NULL,
  	\`reason\` text NOT NULL,
  	\`evaluator_id\` integer,
  	\`evaluator_name\` text,
  	\`entered_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`evaluator_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`manual_scores_organization_idx\` ON \`manual_scores\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`manual_scores_set_code_idx\` ON \`manual_scores\` (\`set_code\`);`)
  await db.run(sql`CREATE INDEX \`manual_scores_indicator_code_idx\` ON \`manual_scores\` (\`indicator_code\`);`)
  await db.run(sql`CREATE INDEX \`manual_scores_evaluator_idx\` ON \`manual_scores\` (\`evaluator_id\`);`)
  await db.run(sql`CREATE INDEX \`manual_scores_entered_at_idx\` ON \`manual_scores\` (\`entered_at\`);`)
  await db.run(sql`CREATE INDEX \`manual_scores_updated_at_idx\` ON \`manual_scores\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`manual_scores_created_at_idx\` ON \`manual_scores\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`probe_samples\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`url\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`ok\` integer,
  	\`status\` numeric,
  	\`duration_ms\` numeric,
  	\`error\` text,
  	\`search_box\` integer,
  	\`error_report_entry\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`probe_samples_site_idx\` ON \`probe_samples\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`probe_samples_at_idx\` ON \`probe_samples\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`probe_samples_updated_at_idx\` ON \`probe_samples\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`probe_samples_created_at_idx\` ON \`probe_samples\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`search_queries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`query\` text NOT NULL,
  	\`site_name\` text,
  	\`site_code\` text,
  	\`site_id\` integer,
  	\`organization_id\` integer,
  	\`day\` text NOT NULL,
  	\`searches\` numeric DEFAULT 0 NOT NULL,
  	\`zero_result_searches\` numeric DEFAULT 0 NOT NULL,
  	\`last_hits\` numeric DEFAULT 0 NOT NULL,
  	\`last_at\` text,
  	\`key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`search_queries_query_idx\` ON \`search_queries\` (\`query\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_site_code_idx\` ON \`search_queries\` (\`site_code\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_site_idx\` ON \`search_queries\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_organization_idx\` ON \`search_queries\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_day_idx\` ON \`search_queries\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_searches_idx\` ON \`search_queries\` (\`searches\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_last_hits_idx\` ON \`search_queries\` (\`last_hits\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`search_queries_key_idx\` ON \`search_queries\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_updated_at_idx\` ON \`search_queries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_created_at_idx\` ON \`search_queries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`mode_switches\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`organization_id\` integer NOT NULL,
  	\`from\` text,
  	\`to\` text,
  	\`state\` text DEFAULT 'planned',
  	\`progress\` numeric DEFAULT 0,
  	\`summary\` text,
  	\`error\` text,
  	\`plan\` text,
  	\`counts\` text,
  	\`requested_by_id\` integer,
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`mode_switches_organization_idx\` ON \`mode_switches\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`mode_switches_state_idx\` ON \`mode_switches\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`mode_switches_requested_by_idx\` ON \`mode_switches\` (\`requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`mode_switches_updated_at_idx\` ON \`mode_switches\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`mode_switches_created_at_idx\` ON \`mode_switches\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`redirects\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer NOT NULL,
  	\`from_path\` text NOT NULL,
  	\`match\` text DEFAULT 'exact' NOT NULL,
  	\`to_site_id\` integer NOT NULL,
  	\`to_path\` text NOT NULL,
  	\`to_url\` text,
  	\`status_code\` numeric DEFAULT 301,
  	\`reason\` text,
  	\`mode_switch_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`to_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`mode_switch_id\`) REFERENCES \`mode_switches\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`redirects_site_idx\` ON \`redirects\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_from_path_idx\` ON \`redirects\` (\`from_path\`);`)
  await db.run(sql`CREATE INDEX \`redirects_to_site_idx\` ON \`redirects\` (\`to_site_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_mode_switch_idx\` ON \`redirects\` (\`mode_switch_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_updated_at_idx\` ON \`redirects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`redirects_created_at_idx\` ON \`redirects\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`site_fromPath_idx\` ON \`redirects\` (\`site_id\`,\`from_path\`);`)
  await db.run(sql`CREATE TABLE \`placements\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'submission',
  	\`state\` text DEFAULT 'pending',
  	\`article_id\` integer NOT NULL,
  	\`target_column_id\` integer NOT NULL,
  	\`note\` text,
  	\`rejection_reason\` text,
  	\`source_organization_id\` integer,
  	\`source_site_id\` integer,
  	\`target_site_id\` integer,
  	\`target_organization_id\` integer,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`decided_by_id\` integer,
  	\`decided_at\` text,
  	\`batch\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`target_column_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`source_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`source_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`target_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`target_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`placements_kind_idx\` ON \`placements\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`placements_state_idx\` ON \`placements\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`placements_article_idx\` ON \`placements\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`placements_target_column_idx\` ON \`placements\` (\`target_column_id\`);`)
  await db.run(sql`CREATE INDEX \`placements_source_organization_idx\` ON \`placements\` (\`source_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`placements_source_site_idx\` ON \`placements\` (\`source_site_id\`);`)
  await db.run(sql`CREATE INDEX \`placements_target_site_idx\` ON \`placements\` (\`target_site_id\`);`)
  await db.run(sql`CREATE INDEX \`placements_target_organization_idx\` ON \`placements\` (\`target_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`placements_submitted_by_idx\` ON \`placements\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`placements_submitted_at_idx\` ON \`placements\` (\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`placements_decided_by_idx\` ON \`placements\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`placements_batch_idx\` ON \`placements\` (\`batch\`);`)
  await db.run(sql`CREATE INDEX \`placements_updated_at_idx\` ON \`placements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`placements_created_at_idx\` ON \`placements\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`targetColumn_state_idx\` ON \`placements\` (\`target_column_id\`,\`state\`);`)
  await db.run(sql`CREATE INDEX \`article_targetColumn_idx\` ON \`placements\` (\`article_id\`,\`target_column_id\`);`)
  await db.run(sql`CREATE INDEX \`kind_submittedAt_idx\` ON \`placements\` (\`kind\`,\`submitted_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`group_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text DEFAULT '政府网站群' NOT NULL,
  	\`preset\` text,
  	\`default_hosting_mode\` text DEFAULT 'own-site',
  	\`portal_site_id\` integer,
  	\`base_domain\` text,
  	\`accounts_password_min_length\` numeric,
  	\`accounts_password_expiry_days\` numeric,
  	\`accounts_idle_timeout_minutes\` numeric,
  	\`accounts_require_totp_for_central_admins\` integer,
  	\`updated_at\` text,
  	\`created_at\` text,
  	FOREIGN KEY (\`portal_site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`group_settings_portal_site_idx\` ON \`group_settings\` (\`portal_site_id\`);`)
  await db.run(sql`CREATE TABLE \`search_settings_synonyms\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`terms\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`search_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`search_settings_synonyms_order_idx\` ON \`search_settings_synonyms\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`search_settings_synonyms_parent_id_idx\` ON \`search_settings_synonyms\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`search_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`organizations\`;`)
  await db.run(sql`DROP TABLE \`sites_domains\`;`)
  await db.run(sql`DROP TABLE \`sites\`;`)
  await db.run(sql`DROP TABLE \`sites_rels\`;`)
  await db.run(sql`DROP TABLE \`columns\`;`)
  await db.run(sql`DROP TABLE \`articles_workflow\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles_rels\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_workflow\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_rels\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`login_attempts\`;`)
  await db.run(sql`DROP TABLE \`service_guides_topics\`;`)
  await db.run(sql`DROP TABLE \`service_guides\`;`)
  await db.run(sql`DROP TABLE \`_service_guides_v_version_topics\`;`)
  await db.run(sql`DROP TABLE \`_service_guides_v\`;`)
  await db.run(sql`DROP TABLE \`page_views\`;`)
  await db.run(sql`DROP TABLE \`letters_history\`;`)
  await db.run(sql`DROP TABLE \`letters\`;`)
  await db.run(sql`DROP TABLE \`letter_inbox\`;`)
  await db.run(sql`DROP TABLE \`holidays\`;`)
  await db.run(sql`DROP TABLE \`ratings\`;`)
  await db.run(sql`DROP TABLE \`error_reports_history\`;`)
  await db.run(sql`DROP TABLE \`error_reports\`;`)
  await db.run(sql`DROP TABLE \`indicator_sets\`;`)
  await db.run(sql`DROP TABLE \`evaluation_runs\`;`)
  await db.run(sql`DROP TABLE \`evaluation_results\`;`)
  await db.run(sql`DROP TABLE \`rectification_items\`;`)
  await db.run(sql`DROP TABLE \`manual_scores\`;`)
  await db.run(sql`DROP TABLE \`probe_samples\`;`)
  await db.run(sql`DROP TABLE \`search_queries\`;`)
  await db.run(sql`DROP TABLE \`mode_switches\`;`)
  await db.run(sql`DROP TABLE \`redirects\`;`)
  await db.run(sql`DROP TABLE \`placements\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`group_settings\`;`)
  await db.run(sql`DROP TABLE \`search_settings_synonyms\`;`)
  await db.run(sql`DROP TABLE \`search_settings\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
