CREATE TYPE "public"."author_kind" AS ENUM('staff', 'contributor', 'partner', 'agency');--> statement-breakpoint
CREATE TABLE "author_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text,
	"name" text NOT NULL,
	"kind" "author_kind" DEFAULT 'staff' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"picture_image_id" uuid,
	"picture_alt" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "author_profiles_slug_unique" UNIQUE("slug"),
	CONSTRAINT "author_profiles_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "author_profiles_slug_format" CHECK ("author_profiles"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "author_profiles_name_length" CHECK (char_length("author_profiles"."name") between 2 and 80)
);
--> statement-breakpoint
CREATE TABLE "front_page_slots" (
	"position" integer PRIMARY KEY NOT NULL,
	"article_slug" text NOT NULL,
	"pinned_until" timestamp with time zone,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "front_page_slots_position" CHECK ("front_page_slots"."position" between 0 and 3)
);
--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "author_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "credit" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "author_profiles" ADD CONSTRAINT "author_profiles_picture_image_id_images_id_fk" FOREIGN KEY ("picture_image_id") REFERENCES "public"."images"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "author_profiles" ADD CONSTRAINT "author_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "author_profiles" ADD CONSTRAINT "author_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_page_slots" ADD CONSTRAINT "front_page_slots_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "author_profiles_picture_idx" ON "author_profiles" USING btree ("picture_image_id");--> statement-breakpoint
CREATE INDEX "drafts_author_ids_idx" ON "drafts" USING gin ("author_ids");--> statement-breakpoint
--> statement-breakpoint
-- Bylines move from accounts to profiles: every account with a public profile, or named as the
-- author of a draft or a revision, gets a profile linked to it, with what the account held.
INSERT INTO "author_profiles" ("slug", "name", "kind", "bio", "picture_image_id", "picture_alt", "user_id", "created_at", "updated_at")
SELECT u."profile_slug", left(u."name", 80),
       CASE WHEN u."role" = 'contributor' THEN 'contributor'::"author_kind" ELSE 'staff'::"author_kind" END,
       coalesce(u."bio", ''), u."picture_image_id", u."picture_alt", u."id", u."created_at", u."updated_at"
FROM "users" u
WHERE u."profile_slug" IS NOT NULL
   OR EXISTS (SELECT 1 FROM "drafts" d WHERE d."author_id" = u."id")
   OR EXISTS (SELECT 1 FROM "draft_revisions" r WHERE r."content"->>'authorId' = u."id"::text);--> statement-breakpoint
UPDATE "drafts" d SET "author_ids" = ARRAY(SELECT p."id" FROM "author_profiles" p WHERE p."user_id" = d."author_id");--> statement-breakpoint
UPDATE "draft_revisions" r
SET "content" = (r."content" - 'authorId') || jsonb_build_object(
      'authorIds', coalesce((SELECT jsonb_agg(p."id") FROM "author_profiles" p WHERE p."user_id"::text = r."content"->>'authorId'), '[]'::jsonb),
      'credit', '')
WHERE r."content" ? 'authorId';--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_profile_slug_unique";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_picture_image_id_images_id_fk";
--> statement-breakpoint
DROP INDEX "users_picture_idx";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "profile_slug";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "bio";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "picture_image_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "picture_alt";--> statement-breakpoint
ALTER TABLE "drafts" DROP CONSTRAINT "drafts_author_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "drafts" DROP COLUMN "author_id";--> statement-breakpoint
DROP INDEX "search_documents_author_idx";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "author_slugs" text[];--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "byline" text;--> statement-breakpoint
UPDATE "search_documents" SET "author_slugs" = ARRAY["author_slug"], "byline" = "author_name";--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "author_slugs" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "byline" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" DROP COLUMN "author_slug";--> statement-breakpoint
ALTER TABLE "search_documents" DROP COLUMN "author_name";--> statement-breakpoint
CREATE INDEX "search_documents_authors_idx" ON "search_documents" USING gin ("author_slugs");
