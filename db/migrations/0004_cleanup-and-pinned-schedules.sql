ALTER TABLE "publish_jobs" ADD COLUMN "revision_id" uuid;--> statement-breakpoint
ALTER TABLE "publish_jobs" ADD CONSTRAINT "publish_jobs_revision_id_draft_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."draft_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drafts_hero_idx" ON "drafts" USING btree ("hero_image_id");--> statement-breakpoint
CREATE INDEX "images_uploader_idx" ON "images" USING btree ("uploaded_by","created_at");--> statement-breakpoint
CREATE INDEX "images_created_idx" ON "images" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "subscribers_unconfirmed_idx" ON "subscribers" USING btree ("created_at") WHERE "subscribers"."status" = 'pending' and "subscribers"."confirmed_at" is null;--> statement-breakpoint
CREATE INDEX "users_picture_idx" ON "users" USING btree ("picture_image_id");--> statement-breakpoint
-- Written by hand. Live schedules made before versions were pinned get the version that was current
-- when they were made (the most an editor can have seen); they would otherwise fail when they run.
UPDATE "publish_jobs" j SET "revision_id" = (
  SELECT r."id" FROM "draft_revisions" r
   WHERE r."draft_id" = j."draft_id" AND r."created_at" <= j."created_at"
   ORDER BY r."version" DESC LIMIT 1)
 WHERE j."status" IN ('pending', 'running');--> statement-breakpoint
-- The pictures a revision uses (hero and /media/<id> in the body), so the clean-up can ask "does any
-- revision use this upload?" through an index instead of reading every revision.
CREATE FUNCTION "draft_image_ids"(content jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array(
    SELECT content->>'heroImageId' WHERE content->>'heroImageId' IS NOT NULL
    UNION
    SELECT m[1] FROM regexp_matches(coalesce(content->>'body', ''), '/media/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})', 'g') AS m)
$$;--> statement-breakpoint
CREATE INDEX "draft_revisions_images_idx" ON "draft_revisions" USING gin ("draft_image_ids"("content"));
