-- Every row of the addon's tables, its chatter and its files, as (name, row count, digest).
-- scripts/test.sh stores it in pdl_upgrade_snapshot before the upgrade pass; TestAfterUpgrade
-- (tests/test_demo_data.py) compares it with pdl_snapshot() after `-u`: nothing lost or changed.
-- write_date/write_uid are left out: an upgrade may rewrite a row with the same values.
CREATE OR REPLACE FUNCTION pdl_snapshot() RETURNS TABLE (name text, row_count bigint, digest text) AS $$
DECLARE
    tbl text;
BEGIN
    FOR tbl IN
        SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name LIKE 'party\_%'
         ORDER BY table_name
    LOOP
        RETURN QUERY EXECUTE format(
            'SELECT %L::text, count(*), md5(coalesce(string_agg(r, %L ORDER BY r), %L))
               FROM (SELECT (to_jsonb(t) - %L - %L)::text AS r FROM %I t) rows',
            tbl, E'\n', '', 'write_date', 'write_uid', tbl);
    END LOOP;
    RETURN QUERY
        SELECT 'mail_message'::text, count(*), md5(coalesce(string_agg(m.id || ':' || coalesce(m.body::text, ''), E'\n' ORDER BY m.id), ''))
          FROM mail_message m WHERE m.model LIKE 'party.%';
    RETURN QUERY
        SELECT 'mail_tracking_value'::text, count(*), md5(coalesce(string_agg(v.id::text, ',' ORDER BY v.id), ''))
          FROM mail_tracking_value v JOIN mail_message m ON m.id = v.mail_message_id WHERE m.model LIKE 'party.%';
    RETURN QUERY
        SELECT 'ir_attachment'::text, count(*), md5(coalesce(string_agg(a.id || ':' || coalesce(a.checksum, ''), ',' ORDER BY a.id), ''))
          FROM ir_attachment a WHERE a.res_model LIKE 'party.%';
END
$$ LANGUAGE plpgsql;

DROP TABLE IF EXISTS pdl_upgrade_snapshot;
CREATE TABLE pdl_upgrade_snapshot AS SELECT * FROM pdl_snapshot();
