CREATE TABLE "breaking_news" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"text" text NOT NULL,
	"href" text,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breaking_news_text_length" CHECK (char_length("breaking_news"."text") between 5 and 200),
	CONSTRAINT "breaking_news_expires_after_start" CHECK ("breaking_news"."expires_at" > "breaking_news"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"position" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"moved_to" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "sections_name_length" CHECK (char_length("sections"."name") between 2 and 60),
	CONSTRAINT "sections_description_length" CHECK (char_length("sections"."description") between 10 and 300),
	CONSTRAINT "sections_moved_only_when_retired" CHECK ("sections"."moved_to" is null or "sections"."retired_at" is not null),
	CONSTRAINT "sections_not_moved_to_itself" CHECK ("sections"."moved_to" is distinct from "sections"."slug")
);
--> statement-breakpoint
CREATE TABLE "site_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "site_settings_one_row" CHECK ("site_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "breaking_news" ADD CONSTRAINT "breaking_news_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breaking_news_live_idx" ON "breaking_news" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sections_position_idx" ON "sections" USING btree ("position");