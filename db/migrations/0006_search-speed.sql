DROP INDEX "search_terms_trgm_idx";--> statement-breakpoint
CREATE INDEX "search_documents_head_vector_idx" ON "search_documents" USING gin ("head_vector");--> statement-breakpoint
CREATE INDEX "search_documents_section_idx" ON "search_documents" USING btree ("section","published");--> statement-breakpoint
CREATE INDEX "search_documents_author_idx" ON "search_documents" USING btree ("author_slug","published");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gist ("term" gist_trgm_ops);