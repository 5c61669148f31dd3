-- An opportunity's document (its full contract record, about 3 KB) is kept out of line but no
-- longer compressed: on PGlite, compressing it cost more than the rest of the write (a first run
-- writes every opportunity), and the documents are read far more often than disk is short.
-- Rows already written stay as they are until they are next rewritten.
ALTER TABLE opportunities ALTER COLUMN data SET STORAGE EXTERNAL;
