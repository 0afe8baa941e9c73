-- The trace the listener ran in, for the tracing tests.
ALTER TABLE applied ADD COLUMN trace_id TEXT;
