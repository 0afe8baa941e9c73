-- Finding tickets by title: every word of the search must appear in the title, whatever its case
-- and accents ("opera" finds "Opéra"). A trigram index over the title, unaccented and lower-cased,
-- answers such "contains" questions fast over millions of tickets. Both extensions are trusted
-- (PostgreSQL 13+): the owner of the database may create them without being a superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary that could change), so neither a generated column
-- nor an index can use it. Naming the dictionary makes the result depend on the text alone; the
-- SQL-standard body binds unaccent and its dictionary now, whatever search_path a session has later.
CREATE FUNCTION searchable(title TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lower(unaccent('unaccent'::regdictionary, title));

ALTER TABLE tickets ADD COLUMN search_title TEXT GENERATED ALWAYS AS (searchable(title)) STORED;

-- Only tickets for sale are searched, as only they are listed.
CREATE INDEX tickets_for_sale_by_title ON tickets USING gin (search_title gin_trgm_ops) WHERE order_id IS NULL;
