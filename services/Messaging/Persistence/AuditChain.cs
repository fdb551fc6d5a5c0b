using System.Text.RegularExpressions;

namespace CityEServices.Messaging.Persistence;

/// <summary>
/// The SQL that makes an audit table append-only and hash-chained inside PostgreSQL, so no code path
/// (EF, raw SQL, a psql session as the service's role) can add an entry outside the chain or change one
/// without it showing. A migration calls <see cref="Install"/> once per table; the columns are not mapped
/// in EF (the triggers fill them: on insert, or at commit after <see cref="ChainAtCommit"/>), so inserts through EF stay as they were.
/// <para>
/// Entry n: <c>entry_hash = sha256(prev_hash || utf8(canonical(row)))</c>, <c>prev_hash</c> = entry n-1's
/// hash (32 zero bytes for the first). The canonical form is the row as jsonb without the chain columns
/// and without null members: jsonb text is key-ordered and deterministic, and dropping nulls keeps old
/// entries verifiable after a later migration adds a nullable column. Both functions pin the settings
/// jsonb text depends on (time zone, interval style, float digits), so every session hashes alike.
/// </para>
/// </summary>
public static partial class AuditChain
{
    /// <summary>The first key of the two-key advisory lock every chained table's inserts take ("AUDT").</summary>
    public const int LockClass = 0x4155_4454;

    public const string VerifyFunction = "audit_chain_verify";

    private const string Settings = "SET timezone = 'UTC' SET intervalstyle = 'postgres' SET extra_float_digits = 1";

    /// <summary>The previous hash of a trail's first entry: 32 zero bytes.</summary>
    private const string Genesis = @"'\x0000000000000000000000000000000000000000000000000000000000000000'::bytea";

    /// <summary>The text an entry's hash covers: <paramref name="row"/> as jsonb without the chain columns and nulls.</summary>
    private static string CanonicalOf(string row) =>
        $"jsonb_strip_nulls(to_jsonb({row}) - 'chain_seq' - 'prev_hash' - 'entry_hash')::text";

    /// <summary>
    /// Adds the chain columns, chains the rows already there (in id order), then installs the triggers
    /// (insert: chain; update, delete, truncate: refuse) and revokes UPDATE, DELETE and TRUNCATE.
    /// <paramref name="lockKey"/> must be unique per table within the database; <paramref name="orderExistingBy"/>
    /// is the column list (e.g. <c>"at, id"</c>) that puts the rows already there in the order they were written.
    /// </summary>
    public static string Install(string table, int lockKey, string orderExistingBy = "id")
    {
        RequireIdentifier(table);
        foreach (var column in orderExistingBy.Split(", "))
        {
            RequireIdentifier(column);
        }

        return $"""
            ALTER TABLE {table} ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN entry_hash bytea;

            CREATE FUNCTION {table}_chain_backfill() RETURNS void LANGUAGE plpgsql {Settings} AS $fn$
            DECLARE
                r record;
                seq bigint := 0;
                prev bytea := {Genesis};
                hash bytea;
            BEGIN
                FOR r IN SELECT ctid AS row_id, t.* FROM {table} t ORDER BY {orderExistingBy} LOOP
                    seq := seq + 1;
                    SELECT sha256(prev || convert_to({CanonicalOf("t")}, 'UTF8')) INTO hash FROM {table} t WHERE t.ctid = r.row_id;
                    UPDATE {table} SET chain_seq = seq, prev_hash = prev, entry_hash = hash WHERE ctid = r.row_id;
                    prev := hash;
                END LOOP;
            END
            $fn$;
            SELECT {table}_chain_backfill();
            DROP FUNCTION {table}_chain_backfill();

            ALTER TABLE {table} ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN entry_hash SET NOT NULL;
            CREATE UNIQUE INDEX ux_{table}_chain_seq ON {table} (chain_seq);

            {ChainOnInsertFunction(table, lockKey)}
            -- "zz": BEFORE triggers fire in name order, so the hash covers what any other trigger set.
            CREATE TRIGGER zz_audit_chain BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_chain();

            {RefuseChangesFunction(table)}
            CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_append_only();
            CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only();

            REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM PUBLIC;
            REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM CURRENT_USER;

            {VerifyFunctionSql}
            """;
    }

    /// <summary>
    /// Moves the chaining of <paramref name="table"/> from the insert to the commit. Chained on insert, a writer
    /// held the trail's lock from its insert to its commit, so every writer of a trail waited for the round trips
    /// the one before it still had to make (the rest of its batch, its COMMIT), and on a busy machine for its
    /// process to be scheduled between them. Now the insert leaves the chain columns empty (whatever the writer
    /// sent), and a deferred constraint trigger chains each new row inside the COMMIT: it takes the lock there,
    /// so the lock is held only while the commit itself runs. The append-only trigger lets exactly that update
    /// through (the chain columns of a row not yet chained, its content unchanged); a row committed unchained
    /// cannot happen short of dropping the trigger, and <c>audit_chain_verify</c> reports one as a broken link.
    /// </summary>
    public static string ChainAtCommit(string table, int lockKey)
    {
        RequireIdentifier(table);
        return $"""
            ALTER TABLE {table} ALTER COLUMN chain_seq DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN entry_hash DROP NOT NULL;

            CREATE OR REPLACE FUNCTION {table}_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                -- Chained at commit ({table}_chain_at_commit): a writer cannot claim a place in the chain.
                NEW.chain_seq := NULL;
                NEW.prev_hash := NULL;
                NEW.entry_hash := NULL;
                RETURN NEW;
            END
            $fn$;

            CREATE FUNCTION {table}_chain_at_commit() RETURNS trigger LANGUAGE plpgsql {Settings} AS $fn$
            DECLARE
                last_seq bigint;
                last_hash bytea;
            BEGIN
                -- One committer at a time per table until its commit ends: the next must see this one as the last.
                PERFORM pg_advisory_xact_lock({LockClass}, {lockKey});
                SELECT chain_seq, entry_hash INTO last_seq, last_hash FROM {table} WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
                last_seq := coalesce(last_seq, 0) + 1;
                last_hash := coalesce(last_hash, {Genesis});
                UPDATE {table} SET chain_seq = last_seq, prev_hash = last_hash, entry_hash = sha256(last_hash || convert_to({CanonicalOf("NEW")}, 'UTF8'))
                WHERE id = NEW.id AND chain_seq IS NULL;
                IF NOT FOUND THEN
                    RAISE EXCEPTION '{table}: entry % could not be chained', NEW.id USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN NULL;
            END
            $fn$;
            CREATE CONSTRAINT TRIGGER zz_audit_chain_at_commit AFTER INSERT ON {table} DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW EXECUTE FUNCTION {table}_chain_at_commit();

            CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
                   AND (to_jsonb(OLD) - 'chain_seq' - 'prev_hash' - 'entry_hash') = (to_jsonb(NEW) - 'chain_seq' - 'prev_hash' - 'entry_hash') THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION '{table} is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $fn$;
            GRANT UPDATE (chain_seq, prev_hash, entry_hash) ON {table} TO CURRENT_USER;
            """;
    }

    /// <summary>The reverse of <see cref="ChainAtCommit"/>: each insert chains itself again, holding the lock until commit.</summary>
    public static string ChainOnInsert(string table, int lockKey)
    {
        RequireIdentifier(table);
        return $"""
            DROP TRIGGER zz_audit_chain_at_commit ON {table};
            DROP FUNCTION {table}_chain_at_commit();
            REVOKE UPDATE (chain_seq, prev_hash, entry_hash) ON {table} FROM CURRENT_USER;
            {RefuseChangesFunction(table)}
            {ChainOnInsertFunction(table, lockKey)}
            ALTER TABLE {table} ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN entry_hash SET NOT NULL;
            """;
    }

    /// <summary>The insert trigger's function of <see cref="Install"/>: each insert chains itself, holding the table's lock until commit.</summary>
    private static string ChainOnInsertFunction(string table, int lockKey) => $"""
        CREATE OR REPLACE FUNCTION {table}_chain() RETURNS trigger LANGUAGE plpgsql {Settings} AS $fn$
        DECLARE
            last_seq bigint;
            last_hash bytea;
        BEGIN
            -- One writer at a time per table until commit: the next insert must see this one as the last.
            PERFORM pg_advisory_xact_lock({LockClass}, {lockKey});
            SELECT chain_seq, entry_hash INTO last_seq, last_hash FROM {table} ORDER BY chain_seq DESC LIMIT 1;
            NEW.chain_seq := coalesce(last_seq, 0) + 1;
            NEW.prev_hash := coalesce(last_hash, {Genesis});
            NEW.entry_hash := sha256(NEW.prev_hash || convert_to({CanonicalOf("NEW")}, 'UTF8'));
            RETURN NEW;
        END
        $fn$;
        """;

    /// <summary>The function of the update, delete and truncate triggers: every change is refused, for every role.</summary>
    private static string RefuseChangesFunction(string table) => $"""
        CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            RAISE EXCEPTION '{table} is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $fn$;
        """;

    /// <summary>The reverse of <see cref="Install"/> (the chain columns go; the verify function stays for other tables).</summary>
    public static string Uninstall(string table)
    {
        RequireIdentifier(table);
        return $"""
            GRANT UPDATE, DELETE, TRUNCATE ON {table} TO CURRENT_USER;
            DROP TRIGGER audit_append_only_truncate ON {table};
            DROP TRIGGER audit_append_only ON {table};
            DROP TRIGGER zz_audit_chain ON {table};
            DROP FUNCTION {table}_append_only();
            DROP FUNCTION {table}_chain();
            DROP INDEX ux_{table}_chain_seq;
            ALTER TABLE {table} DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN entry_hash;
            """;
    }

    /// <summary>
    /// <c>audit_chain_verify(table)</c>: one row with the entry count, the head (last sequence and hash)
    /// and the first broken entry, if any: its sequence, its id, and why (<see cref="AuditChainBreaks"/>).
    /// A missing entry in the middle is reported at the missing sequence number (id null).
    /// </summary>
    private static string VerifyFunctionSql => $"""
        CREATE OR REPLACE FUNCTION {VerifyFunction}(tbl regclass)
        RETURNS TABLE (entry_count bigint, head_seq bigint, head_hash bytea, broken_seq bigint, broken_id text, broken_reason text)
        LANGUAGE plpgsql STABLE {Settings} AS $fn$
        BEGIN
            RETURN QUERY EXECUTE format($q$
                WITH entries AS (
                    SELECT t.chain_seq, t.prev_hash, t.entry_hash, to_jsonb(t) ->> 'id' AS id,
                           sha256(t.prev_hash || convert_to({CanonicalOf("t")}, 'UTF8')) AS computed,
                           lag(t.chain_seq) OVER w AS before_seq,
                           lag(t.entry_hash) OVER w AS before_hash
                    FROM %s t
                    WINDOW w AS (ORDER BY t.chain_seq)
                ),
                broken AS (
                    SELECT CASE WHEN e.chain_seq <> coalesce(e.before_seq, 0) + 1 THEN coalesce(e.before_seq, 0) + 1 ELSE e.chain_seq END AS seq,
                           CASE WHEN e.chain_seq <> coalesce(e.before_seq, 0) + 1 THEN NULL ELSE e.id END AS id,
                           CASE
                               WHEN e.chain_seq <> coalesce(e.before_seq, 0) + 1 THEN '{AuditChainBreaks.Missing}'
                               WHEN e.prev_hash IS DISTINCT FROM coalesce(e.before_hash, {Genesis}) THEN '{AuditChainBreaks.LinkBroken}'
                               WHEN e.entry_hash IS DISTINCT FROM e.computed THEN '{AuditChainBreaks.HashMismatch}'
                           END AS reason
                    FROM entries e
                )
                SELECT (SELECT count(*) FROM %s),
                       (SELECT max(chain_seq) FROM %s),
                       (SELECT entry_hash FROM %s ORDER BY chain_seq DESC LIMIT 1),
                       b.seq, b.id, b.reason
                FROM (SELECT 1) one
                LEFT JOIN LATERAL (SELECT * FROM broken WHERE reason IS NOT NULL ORDER BY seq LIMIT 1) b ON true
            $q$, tbl, tbl, tbl, tbl);
        END
        $fn$;
        """;

    /// <summary>Throws unless <paramref name="table"/> is a plain identifier, safe to put into SQL text.</summary>
    public static void RequireTable(string table) => RequireIdentifier(table);

    private static void RequireIdentifier(string name)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain lower-case SQL identifier.", nameof(name));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,40}$")]
    private static partial Regex Identifier();
}

/// <summary>Why <c>audit_chain_verify</c> says an entry is broken.</summary>
public static class AuditChainBreaks
{
    /// <summary>A sequence number is absent: an entry was deleted (or the chain was renumbered).</summary>
    public const string Missing = "missing";

    /// <summary>The entry's prev_hash is not the hash of the entry before it: an entry was replaced or re-hashed.</summary>
    public const string LinkBroken = "link_broken";

    /// <summary>The entry's content no longer hashes to its entry_hash: it was edited.</summary>
    public const string HashMismatch = "hash_mismatch";
}
