import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_organizations_kind" AS ENUM('city', 'department', 'county', 'district', 'township');
  CREATE TYPE "public"."enum_organizations_hosting_mode" AS ENUM('own-site', 'portal-columns');
  CREATE TYPE "public"."enum_sites_status" AS ENUM('active', 'offline', 'archived');
  CREATE TYPE "public"."enum_columns_category" AS ENUM('news', 'notices', 'policy', 'disclosure', 'profile', 'personnel', 'plans', 'interaction', 'services', 'other');
  CREATE TYPE "public"."enum_columns_visibility" AS ENUM('public', 'hidden');
  CREATE TYPE "public"."enum_articles_state" AS ENUM('draft', 'in-review', 'published', 'withdrawn');
  CREATE TYPE "public"."enum_articles_disclosure_validity" AS ENUM('valid', 'amended', 'repealed', 'expired');
  CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_state" AS ENUM('draft', 'in-review', 'published', 'withdrawn');
  CREATE TYPE "public"."enum__articles_v_version_disclosure_validity" AS ENUM('valid', 'amended', 'repealed', 'expired');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('central-admin', 'site-admin', 'editor', 'reviewer', 'letter-handler', 'evaluator');
  CREATE TYPE "public"."enum_service_guides_topics" AS ENUM('birth', 'education', 'employment', 'housing', 'marriage', 'social-security', 'medical', 'transport', 'business', 'tax', 'elderly', 'death');
  CREATE TYPE "public"."enum_service_guides_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__service_guides_v_version_topics" AS ENUM('birth', 'education', 'employment', 'housing', 'marriage', 'social-security', 'medical', 'transport', 'business', 'tax', 'elderly', 'death');
  CREATE TYPE "public"."enum__service_guides_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_page_views_level" AS ENUM('site', 'column', 'article');
  CREATE TYPE "public"."enum_letters_category" AS ENUM('consultation', 'suggestion', 'complaint', 'report', 'praise', 'other');
  CREATE TYPE "public"."enum_letters_route" AS ENUM('site', 'mailbox');
  CREATE TYPE "public"."enum_letters_status" AS ENUM('received', 'dispatched', 'in-progress', 'replied', 'closed', 'returned', 'rejected');
  CREATE TYPE "public"."enum_letters_command_action" AS ENUM('dispatch', 'accept', 'reply', 'close', 'return', 'reject', 'request-transfer', 'approve-transfer', 'deny-transfer', 'extend');
  CREATE TYPE "public"."enum_letters_satisfaction_value" AS ENUM('satisfied', 'basically-satisfied', 'unsatisfied');
  CREATE TYPE "public"."enum_letters_supervision_flag" AS ENUM('green', 'yellow', 'red');
  CREATE TYPE "public"."enum_letter_inbox_state" AS ENUM('pending', 'needs-attention');
  CREATE TYPE "public"."enum_letter_inbox_route" AS ENUM('site', 'mailbox');
  CREATE TYPE "public"."enum_holidays_kind" AS ENUM('holiday', 'workday');
  CREATE TYPE "public"."enum_error_reports_kind" AS ENUM('broken-link', 'typo', 'outdated', 'wrong-content', 'accessibility', 'other');
  CREATE TYPE "public"."enum_error_reports_status" AS ENUM('new', 'in-progress', 'resolved', 'rejected');
  CREATE TYPE "public"."enum_evaluation_runs_scope" AS ENUM('all', 'organization');
  CREATE TYPE "public"."enum_evaluation_runs_status" AS ENUM('queued', 'running', 'done', 'failed');
  CREATE TYPE "public"."enum_evaluation_runs_trigger" AS ENUM('manual', 'schedule');
  CREATE TYPE "public"."enum_evaluation_runs_text_scan_mode" AS ENUM('full', 'incremental');
  CREATE TYPE "public"."enum_evaluation_results_organization_kind" AS ENUM('city', 'department', 'county', 'district', 'township');
  CREATE TYPE "public"."enum_evaluation_results_status" AS ENUM('pass', 'fail', 'vetoed', 'not-applicable');
  CREATE TYPE "public"."enum_rectification_items_status" AS ENUM('open', 'in-progress', 'fixed-pending-recheck', 'closed');
  CREATE TYPE "public"."enum_mode_switches_state" AS ENUM('planned', 'running', 'done', 'failed');
  CREATE TYPE "public"."enum_redirects_match" AS ENUM('exact', 'prefix');
  CREATE TYPE "public"."enum_placements_kind" AS ENUM('submission', 'push');
  CREATE TYPE "public"."enum_placements_state" AS ENUM('pending', 'accepted', 'rejected');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'scorecardEvaluate', 'siteProbe', 'letterReminders', 'promoteLetterInbox', 'searchReconcile', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'scorecardEvaluate', 'siteProbe', 'letterReminders', 'promoteLetterInbox', 'searchReconcile', 'schedulePublish');
  CREATE TYPE "public"."enum_group_settings_default_hosting_mode" AS ENUM('own-site', 'portal-columns');
  CREATE TABLE "organizations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"short_name" varchar,
  	"code" varchar NOT NULL,
  	"kind" "enum_organizations_kind" NOT NULL,
  	"parent_id" integer,
  	"hosting_mode" "enum_organizations_hosting_mode" DEFAULT 'own-site',
  	"host_site_id" integer,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sites_domains" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"domain" varchar NOT NULL
  );
  
  CREATE TABLE "sites" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar NOT NULL,
  	"identification_code" varchar NOT NULL,
  	"organization_id" integer NOT NULL,
  	"theme" varchar DEFAULT 'department',
  	"status" "enum_sites_status" DEFAULT 'active',
  	"settings_logo_id" integer,
  	"settings_primary_color" varchar DEFAULT '#b3261e',
  	"settings_accent_color" varchar DEFAULT '#1f4e8c',
  	"settings_footer_sponsor" varchar,
  	"settings_footer_organizer" varchar,
  	"settings_footer_icp" varchar,
  	"settings_footer_public_security" varchar,
  	"settings_footer_address" varchar,
  	"settings_footer_phone" varchar,
  	"settings_footer_email" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sites_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"columns_id" integer
  );
  
  CREATE TABLE "columns" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"site_id" integer NOT NULL,
  	"parent_id" integer,
  	"path" varchar,
  	"category" "enum_columns_category" DEFAULT 'other' NOT NULL,
  	"owner_organization_id" integer,
  	"order" numeric DEFAULT 0,
  	"visibility" "enum_columns_visibility" DEFAULT 'public',
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "articles_workflow" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"action" varchar,
  	"from" varchar,
  	"to" varchar,
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "articles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"subtitle" varchar,
  	"column_id" integer,
  	"site_id" integer,
  	"organization_id" integer,
  	"state" "enum_articles_state" DEFAULT 'draft',
  	"published_at" timestamp(3) with time zone,
  	"source" varchar,
  	"author" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"cover_id" integer,
  	"disclosure_index_number" varchar,
  	"disclosure_publisher" varchar,
  	"disclosure_document_number" varchar,
  	"disclosure_topic" varchar,
  	"disclosure_written_at" timestamp(3) with time zone,
  	"disclosure_validity" "enum_articles_disclosure_validity" DEFAULT 'valid',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "articles_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "_articles_v_version_workflow" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" varchar,
  	"from" varchar,
  	"to" varchar,
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_articles_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_subtitle" varchar,
  	"version_column_id" integer,
  	"version_site_id" integer,
  	"version_organization_id" integer,
  	"version_state" "enum__articles_v_version_state" DEFAULT 'draft',
  	"version_published_at" timestamp(3) with time zone,
  	"version_source" varchar,
  	"version_author" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_cover_id" integer,
  	"version_disclosure_index_number" varchar,
  	"version_disclosure_publisher" varchar,
  	"version_disclosure_document_number" varchar,
  	"version_disclosure_topic" varchar,
  	"version_disclosure_written_at" timestamp(3) with time zone,
  	"version_disclosure_validity" "enum__articles_v_version_disclosure_validity" DEFAULT 'valid',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_articles_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar,
  	"caption" varchar,
  	"site_id" integer,
  	"organization_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_feature_url" varchar,
  	"sizes_feature_width" numeric,
  	"sizes_feature_height" numeric,
  	"sizes_feature_mime_type" varchar,
  	"sizes_feature_filesize" numeric,
  	"sizes_feature_filename" varchar
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"organization_id" integer,
  	"must_change_password" boolean DEFAULT false,
  	"password_changed_at" timestamp(3) with time zone,
  	"totp_enabled" boolean DEFAULT false,
  	"password_history" jsonb,
  	"session_activity" jsonb,
  	"totp_secret" varchar,
  	"totp_pending_secret" varchar,
  	"totp_recovery_codes" jsonb,
  	"totp_last_step" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"user_id" integer,
  	"ip" varchar,
  	"user_agent" varchar,
  	"action" varchar NOT NULL,
  	"target_collection" varchar,
  	"target_id" varchar,
  	"summary" varchar,
  	"changes" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "login_attempts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "service_guides_topics" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_service_guides_topics",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "service_guides" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"organization_id" integer,
  	"legal_basis" varchar,
  	"conditions" varchar,
  	"materials" varchar,
  	"process" varchar,
  	"place" varchar,
  	"hours" varchar,
  	"phone" varchar,
  	"fees" varchar,
  	"time_limit" varchar,
  	"online_url" varchar,
  	"order" numeric DEFAULT 0,
  	"elements_complete" boolean DEFAULT false,
  	"missing_elements" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_service_guides_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_service_guides_v_version_topics" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__service_guides_v_version_topics",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_service_guides_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_organization_id" integer,
  	"version_legal_basis" varchar,
  	"version_conditions" varchar,
  	"version_materials" varchar,
  	"version_process" varchar,
  	"version_place" varchar,
  	"version_hours" varchar,
  	"version_phone" varchar,
  	"version_fees" varchar,
  	"version_time_limit" varchar,
  	"version_online_url" varchar,
  	"version_order" numeric DEFAULT 0,
  	"version_elements_complete" boolean DEFAULT false,
  	"version_missing_elements" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__service_guides_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "page_views" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"day" varchar NOT NULL,
  	"level" "enum_page_views_level" NOT NULL,
  	"site_id" integer NOT NULL,
  	"column_id" integer,
  	"article_id" integer,
  	"instance" varchar NOT NULL,
  	"count" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "letters_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"action" varchar,
  	"from" varchar,
  	"to" varchar,
  	"by_id" integer,
  	"by_name" varchar,
  	"at" timestamp(3) with time zone,
  	"note" varchar,
  	"organization_id" integer
  );
  
  CREATE TABLE "letters" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"subject" varchar NOT NULL,
  	"category" "enum_letters_category" NOT NULL,
  	"content" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"phone" varchar NOT NULL,
  	"email" varchar,
  	"publishable" boolean DEFAULT false,
  	"route" "enum_letters_route" DEFAULT 'site' NOT NULL,
  	"site_id" integer NOT NULL,
  	"status" "enum_letters_status" DEFAULT 'received' NOT NULL,
  	"assigned_organization_id" integer,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"deadline" timestamp(3) with time zone NOT NULL,
  	"extended" boolean DEFAULT false,
  	"extension_reason" varchar,
  	"pending_transfer_to_organization_id" integer,
  	"pending_transfer_reason" varchar,
  	"pending_transfer_requested_by_id" integer,
  	"pending_transfer_requested_at" timestamp(3) with time zone,
  	"command_action" "enum_letters_command_action",
  	"command_to_organization_id" integer,
  	"command_text" varchar,
  	"reply" varchar,
  	"replied_at" timestamp(3) with time zone,
  	"replied_by_id" integer,
  	"closed_at" timestamp(3) with time zone,
  	"rejection_reason" varchar,
  	"publication_approved" boolean DEFAULT false,
  	"publication_approved_by_id" integer,
  	"publication_approved_at" timestamp(3) with time zone,
  	"satisfaction_value" "enum_letters_satisfaction_value",
  	"satisfaction_at" timestamp(3) with time zone,
  	"supervision_flag" "enum_letters_supervision_flag" DEFAULT 'green',
  	"supervision_reminded_flag" varchar,
  	"supervision_reminded_at" timestamp(3) with time zone,
  	"public_subject" varchar,
  	"public_content" varchar,
  	"public_reply" varchar,
  	"query_code_hash" varchar NOT NULL,
  	"pow_nonce" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "letter_inbox" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"state" "enum_letter_inbox_state" DEFAULT 'pending' NOT NULL,
  	"problem" varchar,
  	"attempts" numeric DEFAULT 0,
  	"route" "enum_letter_inbox_route" NOT NULL,
  	"target_site" varchar NOT NULL,
  	"target_organization" varchar,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"deadline" timestamp(3) with time zone NOT NULL,
  	"submission" jsonb NOT NULL,
  	"query_code_hash" varchar NOT NULL,
  	"pow_nonce" varchar,
  	"address_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "holidays" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"kind" "enum_holidays_kind" DEFAULT 'holiday' NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ratings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"organization_id" integer NOT NULL,
  	"period" varchar NOT NULL,
  	"scores_attitude" numeric NOT NULL,
  	"scores_efficiency" numeric NOT NULL,
  	"scores_lawfulness" numeric NOT NULL,
  	"scores_openness" numeric NOT NULL,
  	"scores_integrity" numeric NOT NULL,
  	"scores_conduct" numeric NOT NULL,
  	"scores_quality" numeric NOT NULL,
  	"scores_responsiveness" numeric NOT NULL,
  	"scores_convenience" numeric NOT NULL,
  	"scores_overall" numeric NOT NULL,
  	"comment" varchar,
  	"site_id" integer,
  	"visitor_key" varchar NOT NULL,
  	"pow_nonce" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "error_reports_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" varchar,
  	"to" varchar,
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "error_reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"page_url" varchar NOT NULL,
  	"kind" "enum_error_reports_kind" NOT NULL,
  	"description" varchar NOT NULL,
  	"name" varchar,
  	"phone" varchar,
  	"email" varchar,
  	"site_id" integer,
  	"organization_id" integer,
  	"status" "enum_error_reports_status" DEFAULT 'new' NOT NULL,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"deadline" timestamp(3) with time zone NOT NULL,
  	"resolved_at" timestamp(3) with time zone,
  	"resolution" varchar,
  	"pow_nonce" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "indicator_sets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"code" varchar,
  	"version" varchar,
  	"active" boolean DEFAULT true,
  	"built_in" boolean DEFAULT false,
  	"data" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "evaluation_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"scope" "enum_evaluation_runs_scope" DEFAULT 'all' NOT NULL,
  	"organization_id" integer,
  	"indicator_set_id" integer,
  	"as_of" timestamp(3) with time zone,
  	"status" "enum_evaluation_runs_status" DEFAULT 'queued',
  	"progress" numeric DEFAULT 0,
  	"stage" varchar,
  	"set_code" varchar,
  	"set_version" varchar,
  	"trigger" "enum_evaluation_runs_trigger" DEFAULT 'manual',
  	"requested_by_id" integer,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"organization_count" numeric,
  	"passed_count" numeric,
  	"vetoed_count" numeric,
  	"failed_count" numeric,
  	"rectification_opened" numeric,
  	"rectification_closed" numeric,
  	"text_scan_at" timestamp(3) with time zone,
  	"text_scan_mode" "enum_evaluation_runs_text_scan_mode",
  	"text_scan_articles" numeric,
  	"duration_ms" numeric,
  	"error" varchar,
  	"scan_state" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "evaluation_results" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"run_id" integer NOT NULL,
  	"organization_id" integer NOT NULL,
  	"organization_name" varchar,
  	"organization_kind" "enum_evaluation_results_organization_kind",
  	"as_of" timestamp(3) with time zone,
  	"rank" numeric,
  	"status" "enum_evaluation_results_status",
  	"total" numeric,
  	"base_score" numeric,
  	"bonus" numeric,
  	"veto_codes" varchar,
  	"area_deductions_publishing" numeric,
  	"area_deductions_services" numeric,
  	"area_deductions_interaction" numeric,
  	"area_deductions_functional" numeric,
  	"indicators" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rectification_items" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"message" varchar NOT NULL,
  	"status" "enum_rectification_items_status" DEFAULT 'open' NOT NULL,
  	"note" varchar,
  	"deadline" timestamp(3) with time zone,
  	"organization_id" integer NOT NULL,
  	"target_url" varchar,
  	"target_collection" varchar,
  	"target_id" varchar,
  	"indicator_code" varchar,
  	"indicator_name" varchar,
  	"set_code" varchar,
  	"key" varchar,
  	"evidence_key" varchar,
  	"detail" jsonb,
  	"opened_at" timestamp(3) with time zone,
  	"opened_in_run_id" integer,
  	"last_seen_in_run_id" integer,
  	"closed_at" timestamp(3) with time zone,
  	"closed_in_run_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "manual_scores" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"organization_id" integer NOT NULL,
  	"set_code" varchar DEFAULT 'national-2019',
  	"indicator_code" varchar NOT NULL,
  	"points" numeric NOT NULL,
  	"reason" varchar NOT NULL,
  	"evaluator_id" integer,
  	"evaluator_name" varchar,
  	"entered_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "probe_samples" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"url" varchar NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"ok" boolean,
  	"status" numeric,
  	"duration_ms" numeric,
  	"error" varchar,
  	"search_box" boolean,
  	"error_report_entry" boolean,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "search_queries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"query" varchar NOT NULL,
  	"site_name" varchar,
  	"site_code" varchar,
  	"site_id" integer,
  	"organization_id" integer,
  	"day" varchar NOT NULL,
  	"searches" numeric DEFAULT 0 NOT NULL,
  	"zero_result_searches" numeric DEFAULT 0 NOT NULL,
  	"last_hits" numeric DEFAULT 0 NOT NULL,
  	"last_at" timestamp(3) with time zone,
  	"key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "mode_switches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"organization_id" integer NOT NULL,
  	"from" varchar,
  	"to" varchar,
  	"state" "enum_mode_switches_state" DEFAULT 'planned',
  	"progress" numeric DEFAULT 0,
  	"summary" varchar,
  	"error" varchar,
  	"plan" jsonb,
  	"counts" jsonb,
  	"requested_by_id" integer,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "redirects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer NOT NULL,
  	"from_path" varchar NOT NULL,
  	"match" "enum_redirects_match" DEFAULT 'exact' NOT NULL,
  	"to_site_id" integer NOT NULL,
  	"to_path" varchar NOT NULL,
  	"to_url" varchar,
  	"status_code" numeric DEFAULT 301,
  	"reason" varchar,
  	"mode_switch_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "placements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_placements_kind" DEFAULT 'submission',
  	"state" "enum_placements_state" DEFAULT 'pending',
  	"article_id" integer NOT NULL,
  	"target_column_id" integer NOT NULL,
  	"note" varchar,
  	"rejection_reason" varchar,
  	"source_organization_id" integer,
  	"source_site_id" integer,
  	"target_site_id" integer,
  	"target_organization_id" integer,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"batch" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"meta" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"organizations_id" integer,
  	"sites_id" integer,
  	"columns_id" integer,
  	"articles_id" integer,
  	"media_id" integer,
  	"users_id" integer,
  	"audit_log_id" integer,
  	"login_attempts_id" integer,
  	"service_guides_id" integer,
  	"page_views_id" integer,
  	"letters_id" integer,
  	"letter_inbox_id" integer,
  	"holidays_id" integer,
  	"ratings_id" integer,
  	"error_reports_id" integer,
  	"indicator_sets_id" integer,
  	"evaluation_runs_id" integer,
  	"evaluation_results_id" integer,
  	"rectification_items_id" integer,
  	"manual_scores_id" integer,
  	"probe_samples_id" integer,
  	"search_queries_id" integer,
  	"mode_switches_id" integer,
  	"redirects_id" integer,
  	"placements_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "group_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar DEFAULT '政府网站群' NOT NULL,
  	"preset" varchar,
  	"default_hosting_mode" "enum_group_settings_default_hosting_mode" DEFAULT 'own-site',
  	"portal_site_id" integer,
  	"base_domain" varchar,
  	"accounts_password_min_length" numeric,
  	"accounts_password_expiry_days" numeric,
  	"accounts_idle_timeout_minutes" numeric,
  	"accounts_require_totp_for_central_admins" boolean,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "search_settings_synonyms" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"terms" varchar NOT NULL
  );
  
  CREATE TABLE "search_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "organizations" ADD CONSTRAINT "organizations_host_site_id_sites_id_fk" FOREIGN KEY ("host_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sites_domains" ADD CONSTRAINT "sites_domains_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sites" ADD CONSTRAINT "sites_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sites" ADD CONSTRAINT "sites_settings_logo_id_media_id_fk" FOREIGN KEY ("settings_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sites_rels" ADD CONSTRAINT "sites_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sites_rels" ADD CONSTRAINT "sites_rels_columns_fk" FOREIGN KEY ("columns_id") REFERENCES "public"."columns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "columns" ADD CONSTRAINT "columns_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "columns" ADD CONSTRAINT "columns_parent_id_columns_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."columns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "columns" ADD CONSTRAINT "columns_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_workflow" ADD CONSTRAINT "articles_workflow_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_workflow" ADD CONSTRAINT "articles_workflow_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_column_id_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."columns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_workflow" ADD CONSTRAINT "_articles_v_version_workflow_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_workflow" ADD CONSTRAINT "_articles_v_version_workflow_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_column_id_columns_id_fk" FOREIGN KEY ("version_column_id") REFERENCES "public"."columns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_site_id_sites_id_fk" FOREIGN KEY ("version_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_organization_id_organizations_id_fk" FOREIGN KEY ("version_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_cover_id_media_id_fk" FOREIGN KEY ("version_cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_guides_topics" ADD CONSTRAINT "service_guides_topics_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."service_guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_guides" ADD CONSTRAINT "service_guides_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_service_guides_v_version_topics" ADD CONSTRAINT "_service_guides_v_version_topics_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_service_guides_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_service_guides_v" ADD CONSTRAINT "_service_guides_v_parent_id_service_guides_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."service_guides"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_service_guides_v" ADD CONSTRAINT "_service_guides_v_version_organization_id_organizations_id_fk" FOREIGN KEY ("version_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "page_views" ADD CONSTRAINT "page_views_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "page_views" ADD CONSTRAINT "page_views_column_id_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."columns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "page_views" ADD CONSTRAINT "page_views_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters_history" ADD CONSTRAINT "letters_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters_history" ADD CONSTRAINT "letters_history_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters_history" ADD CONSTRAINT "letters_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_assigned_organization_id_organizations_id_fk" FOREIGN KEY ("assigned_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_pending_transfer_to_organization_id_organizations_id_fk" FOREIGN KEY ("pending_transfer_to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_pending_transfer_requested_by_id_users_id_fk" FOREIGN KEY ("pending_transfer_requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_command_to_organization_id_organizations_id_fk" FOREIGN KEY ("command_to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_replied_by_id_users_id_fk" FOREIGN KEY ("replied_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "letters" ADD CONSTRAINT "letters_publication_approved_by_id_users_id_fk" FOREIGN KEY ("publication_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ratings" ADD CONSTRAINT "ratings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ratings" ADD CONSTRAINT "ratings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "error_reports_history" ADD CONSTRAINT "error_reports_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "error_reports_history" ADD CONSTRAINT "error_reports_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."error_reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "error_reports" ADD CONSTRAINT "error_reports_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "error_reports" ADD CONSTRAINT "error_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_indicator_set_id_indicator_sets_id_fk" FOREIGN KEY ("indicator_set_id") REFERENCES "public"."indicator_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_run_id_evaluation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_opened_in_run_id_evaluation_runs_id_fk" FOREIGN KEY ("opened_in_run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_last_seen_in_run_id_evaluation_runs_id_fk" FOREIGN KEY ("last_seen_in_run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_closed_in_run_id_evaluation_runs_id_fk" FOREIGN KEY ("closed_in_run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "manual_scores" ADD CONSTRAINT "manual_scores_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "manual_scores" ADD CONSTRAINT "manual_scores_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "probe_samples" ADD CONSTRAINT "probe_samples_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "search_queries" ADD CONSTRAINT "search_queries_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "search_queries" ADD CONSTRAINT "search_queries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mode_switches" ADD CONSTRAINT "mode_switches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mode_switches" ADD CONSTRAINT "mode_switches_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "redirects" ADD CONSTRAINT "redirects_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "redirects" ADD CONSTRAINT "redirects_to_site_id_sites_id_fk" FOREIGN KEY ("to_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "redirects" ADD CONSTRAINT "redirects_mode_switch_id_mode_switches_id_fk" FOREIGN KEY ("mode_switch_id") REFERENCES "public"."mode_switches"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "placements" ADD CONSTRAINT "placements_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "placements" ADD CONSTRAINT "placements_target_column_id_columns_id_fk" FOREIGN KEY ("target_column_id") REFERENCES "public"."columns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "placements" ADD CONSTRAINT "placements_source_organization_id_organizations_id_fk" FOREIGN KEY ("source_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "placements" ADD CONSTRAINT "placements_source_site_id_sites_id_fk" FOREIGN KEY ("source_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "placements" ADD CONSTRAINT "placements_target_site_id_sites_id_fk" FOREIGN KEY ("target_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "placements" ADD CONSTRAINT "placements_target_organization_id_organizations_id_fk" FOREIGN KEY ("target_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "placements" ADD CONSTRAINT "placements_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "placements" ADD CONSTRAINT "placements_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_organizations_fk" FOREIGN KEY ("organizations_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sites_fk" FOREIGN KEY ("sites_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_columns_fk" FOREIGN KEY ("columns_id") REFERENCES "public"."columns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_login_attempts_fk" FOREIGN KEY ("login_attempts_id") REFERENCES "public"."login_attempts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_service_guides_fk" FOREIGN KEY ("service_guides_id") REFERENCES "public"."service_guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_page_views_fk" FOREIGN KEY ("page_views_id") REFERENCES "public"."page_views"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_letters_fk" FOREIGN KEY ("letters_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_letter_inbox_fk" FOREIGN KEY ("letter_inbox_id") REFERENCES "public"."letter_inbox"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_holidays_fk" FOREIGN KEY ("holidays_id") REFERENCES "public"."holidays"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ratings_fk" FOREIGN KEY ("ratings_id") REFERENCES "public"."ratings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_error_reports_fk" FOREIGN KEY ("error_reports_id") REFERENCES "public"."error_reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_indicator_sets_fk" FOREIGN KEY ("indicator_sets_id") REFERENCES "public"."indicator_sets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_evaluation_runs_fk" FOREIGN KEY ("evaluation_runs_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_evaluation_results_fk" FOREIGN KEY ("evaluation_results_id") REFERENCES "public"."evaluation_results"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_rectification_items_fk" FOREIGN KEY ("rectification_items_id") REFERENCES "public"."rectification_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_manual_scores_fk" FOREIGN KEY ("manual_scores_id") REFERENCES "public"."manual_scores"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_probe_samples_fk" FOREIGN KEY ("probe_samples_id") REFERENCES "public"."probe_samples"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_search_queries_fk" FOREIGN KEY ("search_queries_id") REFERENCES "public"."search_queries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_mode_switches_fk" FOREIGN KEY ("mode_switches_id") REFERENCES "public"."mode_switches"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_redirects_fk" FOREIGN KEY ("redirects_id") REFERENCES "public"."redirects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_placements_fk" FOREIGN KEY ("placements_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "group_settings" ADD CONSTRAINT "group_settings_portal_site_id_sites_id_fk" FOREIGN KEY ("portal_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "search_settings_synonyms" ADD CONSTRAINT "search_settings_synonyms_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."search_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "organizations_code_idx" ON "organizations" USING btree ("code");
  CREATE INDEX "organizations_kind_idx" ON "organizations" USING btree ("kind");
  CREATE INDEX "organizations_parent_idx" ON "organizations" USING btree ("parent_id");
  CREATE INDEX "organizations_host_site_idx" ON "organizations" USING btree ("host_site_id");
  CREATE INDEX "organizations_updated_at_idx" ON "organizations" USING btree ("updated_at");
  CREATE INDEX "organizations_created_at_idx" ON "organizations" USING btree ("created_at");
  CREATE INDEX "sites_domains_order_idx" ON "sites_domains" USING btree ("_order");
  CREATE INDEX "sites_domains_parent_id_idx" ON "sites_domains" USING btree ("_parent_id");
  CREATE INDEX "sites_domains_domain_idx" ON "sites_domains" USING btree ("domain");
  CREATE UNIQUE INDEX "sites_code_idx" ON "sites" USING btree ("code");
  CREATE UNIQUE INDEX "sites_identification_code_idx" ON "sites" USING btree ("identification_code");
  CREATE INDEX "sites_organization_idx" ON "sites" USING btree ("organization_id");
  CREATE INDEX "sites_status_idx" ON "sites" USING btree ("status");
  CREATE INDEX "sites_settings_settings_logo_idx" ON "sites" USING btree ("settings_logo_id");
  CREATE INDEX "sites_updated_at_idx" ON "sites" USING btree ("updated_at");
  CREATE INDEX "sites_created_at_idx" ON "sites" USING btree ("created_at");
  CREATE INDEX "sites_rels_order_idx" ON "sites_rels" USING btree ("order");
  CREATE INDEX "sites_rels_parent_idx" ON "sites_rels" USING btree ("parent_id");
  CREATE INDEX "sites_rels_path_idx" ON "sites_rels" USING btree ("path");
  CREATE INDEX "sites_rels_columns_id_idx" ON "sites_rels" USING btree ("columns_id");
  CREATE INDEX "columns_site_idx" ON "columns" USING btree ("site_id");
  CREATE INDEX "columns_parent_idx" ON "columns" USING btree ("parent_id");
  CREATE INDEX "columns_path_idx" ON "columns" USING btree ("path");
  CREATE INDEX "columns_category_idx" ON "columns" USING btree ("category");
  CREATE INDEX "columns_owner_organization_idx" ON "columns" USING btree ("owner_organization_id");
  CREATE INDEX "columns_updated_at_idx" ON "columns" USING btree ("updated_at");
  CREATE INDEX "columns_created_at_idx" ON "columns" USING btree ("created_at");
  CREATE INDEX "articles_workflow_order_idx" ON "articles_workflow" USING btree ("_order");
  CREATE INDEX "articles_workflow_parent_id_idx" ON "articles_workflow" USING btree ("_parent_id");
  CREATE INDEX "articles_workflow_by_idx" ON "articles_workflow" USING btree ("by_id");
  CREATE INDEX "articles_column_idx" ON "articles" USING btree ("column_id");
  CREATE INDEX "articles_site_idx" ON "articles" USING btree ("site_id");
  CREATE INDEX "articles_organization_idx" ON "articles" USING btree ("organization_id");
  CREATE INDEX "articles_state_idx" ON "articles" USING btree ("state");
  CREATE INDEX "articles_published_at_idx" ON "articles" USING btree ("published_at");
  CREATE INDEX "articles_cover_idx" ON "articles" USING btree ("cover_id");
  CREATE UNIQUE INDEX "articles_disclosure_disclosure_index_number_idx" ON "articles" USING btree ("disclosure_index_number");
  CREATE INDEX "articles_disclosure_disclosure_document_number_idx" ON "articles" USING btree ("disclosure_document_number");
  CREATE INDEX "articles_disclosure_disclosure_topic_idx" ON "articles" USING btree ("disclosure_topic");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE INDEX "column__status_state_publishedAt_createdAt_idx" ON "articles" USING btree ("column_id","_status","state","published_at","created_at");
  CREATE INDEX "site_publishedAt_idx" ON "articles" USING btree ("site_id","published_at");
  CREATE INDEX "articles_rels_order_idx" ON "articles_rels" USING btree ("order");
  CREATE INDEX "articles_rels_parent_idx" ON "articles_rels" USING btree ("parent_id");
  CREATE INDEX "articles_rels_path_idx" ON "articles_rels" USING btree ("path");
  CREATE INDEX "articles_rels_media_id_idx" ON "articles_rels" USING btree ("media_id");
  CREATE INDEX "_articles_v_version_workflow_order_idx" ON "_articles_v_version_workflow" USING btree ("_order");
  CREATE INDEX "_articles_v_version_workflow_parent_id_idx" ON "_articles_v_version_workflow" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_workflow_by_idx" ON "_articles_v_version_workflow" USING btree ("by_id");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_column_idx" ON "_articles_v" USING btree ("version_column_id");
  CREATE INDEX "_articles_v_version_version_site_idx" ON "_articles_v" USING btree ("version_site_id");
  CREATE INDEX "_articles_v_version_version_organization_idx" ON "_articles_v" USING btree ("version_organization_id");
  CREATE INDEX "_articles_v_version_version_state_idx" ON "_articles_v" USING btree ("version_state");
  CREATE INDEX "_articles_v_version_version_published_at_idx" ON "_articles_v" USING btree ("version_published_at");
  CREATE INDEX "_articles_v_version_version_cover_idx" ON "_articles_v" USING btree ("version_cover_id");
  CREATE INDEX "_articles_v_version_disclosure_version_disclosure_index__idx" ON "_articles_v" USING btree ("version_disclosure_index_number");
  CREATE INDEX "_articles_v_version_disclosure_version_disclosure_docume_idx" ON "_articles_v" USING btree ("version_disclosure_document_number");
  CREATE INDEX "_articles_v_version_disclosure_version_disclosure_topic_idx" ON "_articles_v" USING btree ("version_disclosure_topic");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE INDEX "compound_index_idx" ON "_articles_v" USING btree ("version_column_id","version__status","version_state","version_published_at","version_created_at");
  CREATE INDEX "version_site_version_publishedAt_idx" ON "_articles_v" USING btree ("version_site_id","version_published_at");
  CREATE INDEX "_articles_v_rels_order_idx" ON "_articles_v_rels" USING btree ("order");
  CREATE INDEX "_articles_v_rels_parent_idx" ON "_articles_v_rels" USING btree ("parent_id");
  CREATE INDEX "_articles_v_rels_path_idx" ON "_articles_v_rels" USING btree ("path");
  CREATE INDEX "_articles_v_rels_media_id_idx" ON "_articles_v_rels" USING btree ("media_id");
  CREATE INDEX "media_site_idx" ON "media" USING btree ("site_id");
  CREATE INDEX "media_organization_idx" ON "media" USING btree ("organization_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_feature_sizes_feature_filename_idx" ON "media" USING btree ("sizes_feature_filename");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_organization_idx" ON "users" USING btree ("organization_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");
  CREATE INDEX "audit_log_ip_idx" ON "audit_log" USING btree ("ip");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_target_collection_idx" ON "audit_log" USING btree ("target_collection");
  CREATE INDEX "audit_log_target_id_idx" ON "audit_log" USING btree ("target_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  CREATE INDEX "login_attempts_key_idx" ON "login_attempts" USING btree ("key");
  CREATE INDEX "login_attempts_at_idx" ON "login_attempts" USING btree ("at");
  CREATE INDEX "service_guides_topics_order_idx" ON "service_guides_topics" USING btree ("order");
  CREATE INDEX "service_guides_topics_parent_idx" ON "service_guides_topics" USING btree ("parent_id");
  CREATE INDEX "service_guides_topics_value_idx" ON "service_guides_topics" USING btree ("value");
  CREATE INDEX "service_guides_organization_idx" ON "service_guides" USING btree ("organization_id");
  CREATE INDEX "service_guides_elements_complete_idx" ON "service_guides" USING btree ("elements_complete");
  CREATE INDEX "service_guides_updated_at_idx" ON "service_guides" USING btree ("updated_at");
  CREATE INDEX "service_guides_created_at_idx" ON "service_guides" USING btree ("created_at");
  CREATE INDEX "service_guides__status_idx" ON "service_guides" USING btree ("_status");
  CREATE INDEX "_service_guides_v_version_topics_order_idx" ON "_service_guides_v_version_topics" USING btree ("order");
  CREATE INDEX "_service_guides_v_version_topics_parent_idx" ON "_service_guides_v_version_topics" USING btree ("parent_id");
  CREATE INDEX "_service_guides_v_version_topics_value_idx" ON "_service_guides_v_version_topics" USING btree ("value");
  CREATE INDEX "_service_guides_v_parent_idx" ON "_service_guides_v" USING btree ("parent_id");
  CREATE INDEX "_service_guides_v_version_version_organization_idx" ON "_service_guides_v" USING btree ("version_organization_id");
  CREATE INDEX "_service_guides_v_version_version_elements_complete_idx" ON "_service_guides_v" USING btree ("version_elements_complete");
  CREATE INDEX "_service_guides_v_version_version_updated_at_idx" ON "_service_guides_v" USING btree ("version_updated_at");
  CREATE INDEX "_service_guides_v_version_version_created_at_idx" ON "_service_guides_v" USING btree ("version_created_at");
  CREATE INDEX "_service_guides_v_version_version__status_idx" ON "_service_guides_v" USING btree ("version__status");
  CREATE INDEX "_service_guides_v_created_at_idx" ON "_service_guides_v" USING btree ("created_at");
  CREATE INDEX "_service_guides_v_updated_at_idx" ON "_service_guides_v" USING btree ("updated_at");
  CREATE INDEX "_service_guides_v_latest_idx" ON "_service_guides_v" USING btree ("latest");
  CREATE INDEX "page_views_day_idx" ON "page_views" USING btree ("day");
  CREATE INDEX "page_views_level_idx" ON "page_views" USING btree ("level");
  CREATE INDEX "page_views_site_idx" ON "page_views" USING btree ("site_id");
  CREATE INDEX "page_views_column_idx" ON "page_views" USING btree ("column_id");
  CREATE INDEX "page_views_article_idx" ON "page_views" USING btree ("article_id");
  CREATE INDEX "page_views_instance_idx" ON "page_views" USING btree ("instance");
  CREATE INDEX "page_views_updated_at_idx" ON "page_views" USING btree ("updated_at");
  CREATE INDEX "page_views_created_at_idx" ON "page_views" USING btree ("created_at");
  CREATE INDEX "letters_history_order_idx" ON "letters_history" USING btree ("_order");
  CREATE INDEX "letters_history_parent_id_idx" ON "letters_history" USING btree ("_parent_id");
  CREATE INDEX "letters_history_by_idx" ON "letters_history" USING btree ("by_id");
  CREATE INDEX "letters_history_organization_idx" ON "letters_history" USING btree ("organization_id");
  CREATE INDEX "letters_category_idx" ON "letters" USING btree ("category");
  CREATE INDEX "letters_site_idx" ON "letters" USING btree ("site_id");
  CREATE INDEX "letters_status_idx" ON "letters" USING btree ("status");
  CREATE INDEX "letters_assigned_organization_idx" ON "letters" USING btree ("assigned_organization_id");
  CREATE INDEX "letters_received_at_idx" ON "letters" USING btree ("received_at");
  CREATE INDEX "letters_deadline_idx" ON "letters" USING btree ("deadline");
  CREATE INDEX "letters_pending_transfer_pending_transfer_to_organizatio_idx" ON "letters" USING btree ("pending_transfer_to_organization_id");
  CREATE INDEX "letters_pending_transfer_pending_transfer_requested_by_idx" ON "letters" USING btree ("pending_transfer_requested_by_id");
  CREATE INDEX "letters_command_command_to_organization_idx" ON "letters" USING btree ("command_to_organization_id");
  CREATE INDEX "letters_replied_at_idx" ON "letters" USING btree ("replied_at");
  CREATE INDEX "letters_replied_by_idx" ON "letters" USING btree ("replied_by_id");
  CREATE INDEX "letters_publication_publication_approved_idx" ON "letters" USING btree ("publication_approved");
  CREATE INDEX "letters_publication_publication_approved_by_idx" ON "letters" USING btree ("publication_approved_by_id");
  CREATE INDEX "letters_supervision_supervision_flag_idx" ON "letters" USING btree ("supervision_flag");
  CREATE UNIQUE INDEX "letters_query_code_hash_idx" ON "letters" USING btree ("query_code_hash");
  CREATE UNIQUE INDEX "letters_pow_nonce_idx" ON "letters" USING btree ("pow_nonce");
  CREATE INDEX "letters_updated_at_idx" ON "letters" USING btree ("updated_at");
  CREATE INDEX "letters_created_at_idx" ON "letters" USING btree ("created_at");
  CREATE INDEX "letter_inbox_state_idx" ON "letter_inbox" USING btree ("state");
  CREATE INDEX "letter_inbox_received_at_idx" ON "letter_inbox" USING btree ("received_at");
  CREATE UNIQUE INDEX "letter_inbox_query_code_hash_idx" ON "letter_inbox" USING btree ("query_code_hash");
  CREATE UNIQUE INDEX "letter_inbox_pow_nonce_idx" ON "letter_inbox" USING btree ("pow_nonce");
  CREATE INDEX "letter_inbox_updated_at_idx" ON "letter_inbox" USING btree ("updated_at");
  CREATE INDEX "letter_inbox_created_at_idx" ON "letter_inbox" USING btree ("created_at");
  CREATE UNIQUE INDEX "holidays_date_idx" ON "holidays" USING btree ("date");
  CREATE INDEX "holidays_updated_at_idx" ON "holidays" USING btree ("updated_at");
  CREATE INDEX "holidays_created_at_idx" ON "holidays" USING btree ("created_at");
  CREATE INDEX "ratings_organization_idx" ON "ratings" USING btree ("organization_id");
  CREATE INDEX "ratings_period_idx" ON "ratings" USING btree ("period");
  CREATE INDEX "ratings_site_idx" ON "ratings" USING btree ("site_id");
  CREATE UNIQUE INDEX "ratings_visitor_key_idx" ON "ratings" USING btree ("visitor_key");
  CREATE UNIQUE INDEX "ratings_pow_nonce_idx" ON "ratings" USING btree ("pow_nonce");
  CREATE INDEX "ratings_updated_at_idx" ON "ratings" USING btree ("updated_at");
  CREATE INDEX "ratings_created_at_idx" ON "ratings" USING btree ("created_at");
  CREATE INDEX "error_reports_history_order_idx" ON "error_reports_history" USING btree ("_order");
  CREATE INDEX "error_reports_history_parent_id_idx" ON "error_reports_history" USING btree ("_parent_id");
  CREATE INDEX "error_reports_history_by_idx" ON "error_reports_history" USING btree ("by_id");
  CREATE INDEX "error_reports_site_idx" ON "error_reports" USING btree ("site_id");
  CREATE INDEX "error_reports_organization_idx" ON "error_reports" USING btree ("organization_id");
  CREATE INDEX "error_reports_status_idx" ON "error_reports" USING btree ("status");
  CREATE INDEX "error_reports_received_at_idx" ON "error_reports" USING btree ("received_at");
  CREATE INDEX "error_reports_deadline_idx" ON "error_reports" USING btree ("deadline");
  CREATE UNIQUE INDEX "error_reports_pow_nonce_idx" ON "error_reports" USING btree ("pow_nonce");
  CREATE INDEX "error_reports_updated_at_idx" ON "error_reports" USING btree ("updated_at");
  CREATE INDEX "error_reports_created_at_idx" ON "error_reports" USING btree ("created_at");
  CREATE INDEX "indicator_sets_code_idx" ON "indicator_sets" USING btree ("code");
  CREATE INDEX "indicator_sets_version_idx" ON "indicator_sets" USING btree ("version");
  CREATE INDEX "indicator_sets_active_idx" ON "indicator_sets" USING btree ("active");
  CREATE INDEX "indicator_sets_updated_at_idx" ON "indicator_sets" USING btree ("updated_at");
  CREATE INDEX "indicator_sets_created_at_idx" ON "indicator_sets" USING btree ("created_at");
  CREATE INDEX "evaluation_runs_organization_idx" ON "evaluation_runs" USING btree ("organization_id");
  CREATE INDEX "evaluation_runs_indicator_set_idx" ON "evaluation_runs" USING btree ("indicator_set_id");
  CREATE INDEX "evaluation_runs_status_idx" ON "evaluation_runs" USING btree ("status");
  CREATE INDEX "evaluation_runs_set_code_idx" ON "evaluation_runs" USING btree ("set_code");
  CREATE INDEX "evaluation_runs_requested_by_idx" ON "evaluation_runs" USING btree ("requested_by_id");
  CREATE INDEX "evaluation_runs_updated_at_idx" ON "evaluation_runs" USING btree ("updated_at");
  CREATE INDEX "evaluation_runs_created_at_idx" ON "evaluation_runs" USING btree ("created_at");
  CREATE INDEX "evaluation_results_run_idx" ON "evaluation_results" USING btree ("run_id");
  CREATE INDEX "evaluation_results_organization_idx" ON "evaluation_results" USING btree ("organization_id");
  CREATE INDEX "evaluation_results_organization_kind_idx" ON "evaluation_results" USING btree ("organization_kind");
  CREATE INDEX "evaluation_results_as_of_idx" ON "evaluation_results" USING btree ("as_of");
  CREATE INDEX "evaluation_results_rank_idx" ON "evaluation_results" USING btree ("rank");
  CREATE INDEX "evaluation_results_status_idx" ON "evaluation_results" USING btree ("status");
  CREATE INDEX "evaluation_results_updated_at_idx" ON "evaluation_results" USING btree ("updated_at");
  CREATE INDEX "evaluation_results_created_at_idx" ON "evaluation_results" USING btree ("created_at");
  CREATE INDEX "rectification_items_status_idx" ON "rectification_items" USING btree ("status");
  CREATE INDEX "rectification_items_deadline_idx" ON "rectification_items" USING btree ("deadline");
  CREATE INDEX "rectification_items_organization_idx" ON "rectification_items" USING btree ("organization_id");
  CREATE INDEX "rectification_items_indicator_code_idx" ON "rectification_items" USING btree ("indicator_code");
  CREATE INDEX "rectification_items_set_code_idx" ON "rectification_items" USING btree ("set_code");
  CREATE INDEX "rectification_items_key_idx" ON "rectification_items" USING btree ("key");
  CREATE INDEX "rectification_items_opened_in_run_idx" ON "rectification_items" USING btree ("opened_in_run_id");
  CREATE INDEX "rectification_items_last_seen_in_run_idx" ON "rectification_items" USING btree ("last_seen_in_run_id");
  CREATE INDEX "rectification_items_closed_in_run_idx" ON "rectification_items" USING btree ("closed_in_run_id");
  CREATE INDEX "rectification_items_updated_at_idx" ON "rectification_items" USING btree ("updated_at");
  CREATE INDEX "rectification_items_created_at_idx" ON "rectification_items" USING btree ("created_at");
  CREATE INDEX "manual_scores_organization_idx" ON "manual_scores" USING btree ("organization_id");
  CREATE INDEX "manual_scores_set_code_idx" ON "manual_scores" USING btree ("set_code");
  CREATE INDEX "manual_scores_indicator_code_idx" ON "manual_scores" USING btree ("indicator_code");
  CREATE INDEX "manual_scores_evaluator_idx" ON "manual_scores" USING btree ("evaluator_id");
  CREATE INDEX "manual_scores_entered_at_idx" ON "manual_scores" USING btree ("entered_at");
  CREATE INDEX "manual_scores_updated_at_idx" ON "manual_scores" USING btree ("updated_at");
  CREATE INDEX "manual_scores_created_at_idx" ON "manual_scores" USING btree ("created_at");
  CREATE INDEX "probe_samples_site_idx" ON "probe_samples" USING btree ("site_id");
  CREATE INDEX "probe_samples_at_idx" ON "probe_samples" USING btree ("at");
  CREATE INDEX "probe_samples_updated_at_idx" ON "probe_samples" USING btree ("updated_at");
  CREATE INDEX "probe_samples_created_at_idx" ON "probe_samples" USING btree ("created_at");
  CREATE INDEX "search_queries_query_idx" ON "search_queries" USING btree ("query");
  CREATE INDEX "search_queries_site_code_idx" ON "search_queries" USING btree ("site_code");
  CREATE INDEX "search_queries_site_idx" ON "search_queries" USING btree ("site_id");
  CREATE INDEX "search_queries_organization_idx" ON "search_queries" USING btree ("organization_id");
  CREATE INDEX "search_queries_day_idx" ON "search_queries" USING btree ("day");
  CREATE INDEX "search_queries_searches_idx" ON "search_queries" USING btree ("searches");
  CREATE INDEX "search_queries_last_hits_idx" ON "search_queries" USING btree ("last_hits");
  CREATE UNIQUE INDEX "search_queries_key_idx" ON "search_queries" USING btree ("key");
  CREATE INDEX "search_queries_updated_at_idx" ON "search_queries" USING btree ("updated_at");
  CREATE INDEX "search_queries_created_at_idx" ON "search_queries" USING btree ("created_at");
  CREATE INDEX "mode_switches_organization_idx" ON "mode_switches" USING btree ("organization_id");
  CREATE INDEX "mode_switches_state_idx" ON "mode_switches" USING btree ("state");
  CREATE INDEX "mode_switches_requested_by_idx" ON "mode_switches" USING btree ("requested_by_id");
  CREATE INDEX "mode_switches_updated_at_idx" ON "mode_switches" USING btree ("updated_at");
  CREATE INDEX "mode_switches_created_at_idx" ON "mode_switches" USING btree ("created_at");
  CREATE INDEX "redirects_site_idx" ON "redirects" USING btree ("site_id");
  CREATE INDEX "redirects_from_path_idx" ON "redirects" USING btree ("from_path");
  CREATE INDEX "redirects_to_site_idx" ON "redirects" USING btree ("to_site_id");
  CREATE INDEX "redirects_mode_switch_idx" ON "redirects" USING btree ("mode_switch_id");
  CREATE INDEX "redirects_updated_at_idx" ON "redirects" USING btree ("updated_at");
  CREATE INDEX "redirects_created_at_idx" ON "redirects" USING btree ("created_at");
  CREATE UNIQUE INDEX "site_fromPath_idx" ON "redirects" USING btree ("site_id","from_path");
  CREATE INDEX "placements_kind_idx" ON "placements" USING btree ("kind");
  CREATE INDEX "placements_state_idx" ON "placements" USING btree ("state");
  CREATE INDEX "placements_article_idx" ON "placements" USING btree ("article_id");
  CREATE INDEX "placements_target_column_idx" ON "placements" USING btree ("target_column_id");
  CREATE INDEX "placements_source_organization_idx" ON "placements" USING btree ("source_organization_id");
  CREATE INDEX "placements_source_site_idx" ON "placements" USING btree ("source_site_id");
  CREATE INDEX "placements_target_site_idx" ON "placements" USING btree ("target_site_id");
  CREATE INDEX "placements_target_organization_idx" ON "placements" USING btree ("target_organization_id");
  CREATE INDEX "placements_submitted_by_idx" ON "placements" USING btree ("submitted_by_id");
  CREATE INDEX "placements_submitted_at_idx" ON "placements" USING btree ("submitted_at");
  CREATE INDEX "placements_decided_by_idx" ON "placements" USING btree ("decided_by_id");
  CREATE INDEX "placements_batch_idx" ON "placements" USING btree ("batch");
  CREATE INDEX "placements_updated_at_idx" ON "placements" USING btree ("updated_at");
  CREATE INDEX "placements_created_at_idx" ON "placements" USING btree ("created_at");
  CREATE INDEX "targetColumn_state_idx" ON "placements" USING btree ("target_column_id","state");
  CREATE INDEX "article_targetColumn_idx" ON "placements" USING btree ("article_id","target_column_id");
  CREATE INDEX "kind_submittedAt_idx" ON "placements" USING btree ("kind","submitted_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_organizations_id_idx" ON "payload_locked_documents_rels" USING btree ("organizations_id");
  CREATE INDEX "payload_locked_documents_rels_sites_id_idx" ON "payload_locked_documents_rels" USING btree ("sites_id");
  CREATE INDEX "payload_locked_documents_rels_columns_id_idx" ON "payload_locked_documents_rels" USING btree ("columns_id");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");
  CREATE INDEX "payload_locked_documents_rels_login_attempts_id_idx" ON "payload_locked_documents_rels" USING btree ("login_attempts_id");
  CREATE INDEX "payload_locked_documents_rels_service_guides_id_idx" ON "payload_locked_documents_rels" USING btree ("service_guides_id");
  CREATE INDEX "payload_locked_documents_rels_page_views_id_idx" ON "payload_locked_documents_rels" USING btree ("page_views_id");
  CREATE INDEX "payload_locked_documents_rels_letters_id_idx" ON "payload_locked_documents_rels" USING btree ("letters_id");
  CREATE INDEX "payload_locked_documents_rels_letter_inbox_id_idx" ON "payload_locked_documents_rels" USING btree ("letter_inbox_id");
  CREATE INDEX "payload_locked_documents_rels_holidays_id_idx" ON "payload_locked_documents_rels" USING btree ("holidays_id");
  CREATE INDEX "payload_locked_documents_rels_ratings_id_idx" ON "payload_locked_documents_rels" USING btree ("ratings_id");
  CREATE INDEX "payload_locked_documents_rels_error_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("error_reports_id");
  CREATE INDEX "payload_locked_documents_rels_indicator_sets_id_idx" ON "payload_locked_documents_rels" USING btree ("indicator_sets_id");
  CREATE INDEX "payload_locked_documents_rels_evaluation_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("evaluation_runs_id");
  CREATE INDEX "payload_locked_documents_rels_evaluation_results_id_idx" ON "payload_locked_documents_rels" USING btree ("evaluation_results_id");
  CREATE INDEX "payload_locked_documents_rels_rectification_items_id_idx" ON "payload_locked_documents_rels" USING btree ("rectification_items_id");
  CREATE INDEX "payload_locked_documents_rels_manual_scores_id_idx" ON "payload_locked_documents_rels" USING btree ("manual_scores_id");
  CREATE INDEX "payload_locked_documents_rels_probe_samples_id_idx" ON "payload_locked_documents_rels" USING btree ("probe_samples_id");
  CREATE INDEX "payload_locked_documents_rels_search_queries_id_idx" ON "payload_locked_documents_rels" USING btree ("search_queries_id");
  CREATE INDEX "payload_locked_documents_rels_mode_switches_id_idx" ON "payload_locked_documents_rels" USING btree ("mode_switches_id");
  CREATE INDEX "payload_locked_documents_rels_redirects_id_idx" ON "payload_locked_documents_rels" USING btree ("redirects_id");
  CREATE INDEX "payload_locked_documents_rels_placements_id_idx" ON "payload_locked_documents_rels" USING btree ("placements_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");
  CREATE INDEX "group_settings_portal_site_idx" ON "group_settings" USING btree ("portal_site_id");
  CREATE INDEX "search_settings_synonyms_order_idx" ON "search_settings_synonyms" USING btree ("_order");
  CREATE INDEX "search_settings_synonyms_parent_id_idx" ON "search_settings_synonyms" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "organizations" CASCADE;
  DROP TABLE "sites_domains" CASCADE;
  DROP TABLE "sites" CASCADE;
  DROP TABLE "sites_rels" CASCADE;
  DROP TABLE "columns" CASCADE;
  DROP TABLE "articles_workflow" CASCADE;
  DROP TABLE "articles" CASCADE;
  DROP TABLE "articles_rels" CASCADE;
  DROP TABLE "_articles_v_version_workflow" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "_articles_v_rels" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  DROP TABLE "login_attempts" CASCADE;
  DROP TABLE "service_guides_topics" CASCADE;
  DROP TABLE "service_guides" CASCADE;
  DROP TABLE "_service_guides_v_version_topics" CASCADE;
  DROP TABLE "_service_guides_v" CASCADE;
  DROP TABLE "page_views" CASCADE;
  DROP TABLE "letters_history" CASCADE;
  DROP TABLE "letters" CASCADE;
  DROP TABLE "letter_inbox" CASCADE;
  DROP TABLE "holidays" CASCADE;
  DROP TABLE "ratings" CASCADE;
  DROP TABLE "error_reports_history" CASCADE;
  DROP TABLE "error_reports" CASCADE;
  DROP TABLE "indicator_sets" CASCADE;
  DROP TABLE "evaluation_runs" CASCADE;
  DROP TABLE "evaluation_results" CASCADE;
  DROP TABLE "rectification_items" CASCADE;
  DROP TABLE "manual_scores" CASCADE;
  DROP TABLE "probe_samples" CASCADE;
  DROP TABLE "search_queries" CASCADE;
  DROP TABLE "mode_switches" CASCADE;
  DROP TABLE "redirects" CASCADE;
  DROP TABLE "placements" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "group_settings" CASCADE;
  DROP TABLE "search_settings_synonyms" CASCADE;
  DROP TABLE "search_settings" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  DROP TYPE "public"."enum_organizations_kind";
  DROP TYPE "public"."enum_organizations_hosting_mode";
  DROP TYPE "public"."enum_sites_status";
  DROP TYPE "public"."enum_columns_category";
  DROP TYPE "public"."enum_columns_visibility";
  DROP TYPE "public"."enum_articles_state";
  DROP TYPE "public"."enum_articles_disclosure_validity";
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_state";
  DROP TYPE "public"."enum__articles_v_version_disclosure_validity";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_service_guides_topics";
  DROP TYPE "public"."enum_service_guides_status";
  DROP TYPE "public"."enum__service_guides_v_version_topics";
  DROP TYPE "public"."enum__service_guides_v_version_status";
  DROP TYPE "public"."enum_page_views_level";
  DROP TYPE "public"."enum_letters_category";
  DROP TYPE "public"."enum_letters_route";
  DROP TYPE "public"."enum_letters_status";
  DROP TYPE "public"."enum_letters_command_action";
  DROP TYPE "public"."enum_letters_satisfaction_value";
  DROP TYPE "public"."enum_letters_supervision_flag";
  DROP TYPE "public"."enum_letter_inbox_state";
  DROP TYPE "public"."enum_letter_inbox_route";
  DROP TYPE "public"."enum_holidays_kind";
  DROP TYPE "public"."enum_error_reports_kind";
  DROP TYPE "public"."enum_error_reports_status";
  DROP TYPE "public"."enum_evaluation_runs_scope";
  DROP TYPE "public"."enum_evaluation_runs_status";
  DROP TYPE "public"."enum_evaluation_runs_trigger";
  DROP TYPE "public"."enum_evaluation_runs_text_scan_mode";
  DROP TYPE "public"."enum_evaluation_results_organization_kind";
  DROP TYPE "public"."enum_evaluation_results_status";
  DROP TYPE "public"."enum_rectification_items_status";
  DROP TYPE "public"."enum_mode_switches_state";
  DROP TYPE "public"."enum_redirects_match";
  DROP TYPE "public"."enum_placements_kind";
  DROP TYPE "public"."enum_placements_state";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  DROP TYPE "public"."enum_group_settings_default_hosting_mode";`)
}
