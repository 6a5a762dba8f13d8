-- Full-text search. unaccent and pg_trgm ship with PostgreSQL's contrib and with PGlite (loaded in
-- db/embedded.mjs). Each broadsheet_<language> configuration strips accents before stemming, so
-- "cafe" finds "café"; lib/search/language.ts picks one from the site's language.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_simple (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_danish (COPY = danish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_danish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, danish_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_dutch (COPY = dutch);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_dutch ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_english (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_finnish (COPY = finnish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_finnish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, finnish_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_french (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_german (COPY = german);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_german ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_hungarian (COPY = hungarian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_hungarian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, hungarian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_italian (COPY = italian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_italian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_norwegian (COPY = norwegian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_norwegian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, norwegian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_portuguese (COPY = portuguese);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_portuguese ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_romanian (COPY = romanian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_romanian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, romanian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_russian (COPY = russian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_russian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, russian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_spanish (COPY = spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_spanish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_swedish (COPY = swedish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_swedish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, swedish_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION broadsheet_turkish (COPY = turkish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION broadsheet_turkish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, turkish_stem;--> statement-breakpoint
CREATE TABLE "search_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"standfirst" text NOT NULL,
	"body" text NOT NULL,
	"keywords" text NOT NULL,
	"section" text NOT NULL,
	"author_slug" text NOT NULL,
	"author_name" text NOT NULL,
	"published" timestamp with time zone NOT NULL,
	"hash" text NOT NULL,
	"config" "regconfig" NOT NULL,
	"vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, standfirst), 'B') || setweight(to_tsvector(config, keywords), 'C') || setweight(to_tsvector(config, body), 'D')) STORED NOT NULL,
	"head_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, standfirst), 'B') || setweight(to_tsvector(config, keywords), 'C')) STORED NOT NULL,
	CONSTRAINT "search_documents_source" CHECK ("search_documents"."source" in ('content', 'newsroom'))
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_vector_idx" ON "search_documents" USING gin ("vector");--> statement-breakpoint
CREATE INDEX "search_documents_title_trgm_idx" ON "search_documents" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_published_idx" ON "search_documents" USING btree ("published");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);