CREATE TABLE "corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "corrections_kind" CHECK ("corrections"."kind" in ('correction', 'clarification')),
	CONSTRAINT "corrections_text_length" CHECK (char_length("corrections"."text") between 1 and 2000)
);
--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "last_published_revision_id" uuid;--> statement-breakpoint
ALTER TABLE "publish_jobs" ADD COLUMN "publication_date" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrections_draft_idx" ON "corrections" USING btree ("draft_id","created_at");--> statement-breakpoint
CREATE INDEX "corrections_created_idx" ON "corrections" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_last_published_revision_id_draft_revisions_id_fk" FOREIGN KEY ("last_published_revision_id") REFERENCES "public"."draft_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
UPDATE "drafts" SET "last_published_revision_id" = "published_revision_id" WHERE "published_revision_id" IS NOT NULL;--> statement-breakpoint
-- A correction is never edited: a later one corrects it (see db/schema.ts).
CREATE FUNCTION "corrections_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'corrections are append-only: add another correction instead';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "corrections_append_only" BEFORE UPDATE ON "corrections" FOR EACH ROW EXECUTE FUNCTION "corrections_refuse_update"();
