using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suno.Infrastructure.Persistence;

namespace Suno.Infrastructure.IntegrationTests.Support;

/// <summary>
/// Reads a database's schema as sorted, comparable lines ("column tasks.status varchar(32) NOT NULL", ...):
/// tables, columns (name, type, nullability, default), indexes and constraints. EF's own bookkeeping tables are left out.
/// </summary>
public static class SchemaReader
{
    public static async Task<IReadOnlyList<string>> ReadAsync(SunoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var lines = db switch
            {
                SqliteSunoDbContext => await ReadSqliteAsync(connection, cancellationToken),
                SqlServerSunoDbContext => await ReadSqlServerAsync(connection, cancellationToken),
                _ => await ReadPostgresAsync(connection, cancellationToken),
            };
            return [.. lines.Order(StringComparer.Ordinal)];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static bool IsEfTable(string name) => name.StartsWith("__EFMigrations", StringComparison.Ordinal);

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection, CancellationToken ct)
    {
        var lines = new List<string>();
        var tables = (await QueryAsync(
                connection,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                ct))
            .Select(r => r[0])
            .Where(t => !IsEfTable(t))
            .ToList();
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            foreach (var c in await QueryAsync(
                         connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')", ct))
            {
                lines.Add($"column {table}.{c[0]} {c[1]} {(c[2] == "1" ? "NOT NULL" : "NULL")} default={c[3]} pk={c[4]}");
            }

            foreach (var i in await QueryAsync(
                         connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')", ct))
            {
                var columns = (await QueryAsync(
                        connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno", ct))
                    .Select(r => r[0]);
                lines.Add($"index {table}.{i[0]} ({string.Join(", ", columns)}) unique={i[1]} origin={i[2]} partial={i[3]}");
            }

            foreach (var f in await QueryAsync(
                         connection,
                         $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}')",
                         ct))
            {
                lines.Add($"foreign key {table}.{f[1]} -> {f[0]}.{f[2]} on update {f[3]} on delete {f[4]}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var t in await QueryAsync(
                     connection,
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
                     ct))
        {
            if (!IsEfTable(t[0]))
            {
                lines.Add($"table {t[0]}");
            }
        }

        const string columns = """
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public'
            """;
        foreach (var c in await QueryAsync(connection, columns, ct))
        {
            if (!IsEfTable(c[0]))
            {
                lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}{c[4]}) {(c[5] == "NO" ? "NOT NULL" : "NULL")} default={c[6]}");
            }
        }

        foreach (var i in await QueryAsync(
                     connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'", ct))
        {
            if (!IsEfTable(i[0]))
            {
                lines.Add($"index {i[0]}.{i[1]} {i[2]}");
            }
        }

        const string constraints = """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """;
        foreach (var k in await QueryAsync(connection, constraints, ct))
        {
            if (!IsEfTable(k[0].Trim('"')))
            {
                lines.Add($"constraint {k[0]}.{k[1]} {k[2]}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadSqlServerAsync(DbConnection connection, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var t in await QueryAsync(
                     connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'dbo' AND TABLE_TYPE = 'BASE TABLE'", ct))
        {
            if (!IsEfTable(t[0]))
            {
                lines.Add($"table {t[0]}");
            }
        }

        const string columns = """
            SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, COLLATION_NAME
            FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'dbo'
            """;
        foreach (var c in await QueryAsync(connection, columns, ct))
        {
            if (!IsEfTable(c[0]))
            {
                lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}{c[4]}) {(c[5] == "NO" ? "NOT NULL" : "NULL")} default={c[6]} collation={c[7]}");
            }
        }

        // Index and constraint names EF gives defaults (DF__...) differ per database, so defaults are read above
        // by value only; indexes and keys by name, columns, uniqueness and filter.
        const string indexes = """
            SELECT t.name, i.name, i.is_unique, i.is_primary_key, ISNULL(i.filter_definition, ''),
                   STRING_AGG(c.name, ', ') WITHIN GROUP (ORDER BY ic.key_ordinal)
            FROM sys.indexes i
            JOIN sys.tables t ON t.object_id = i.object_id
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE i.name IS NOT NULL
            GROUP BY t.name, i.name, i.is_unique, i.is_primary_key, i.filter_definition
            """;
        foreach (var i in await QueryAsync(connection, indexes, ct))
        {
            if (!IsEfTable(i[0]))
            {
                lines.Add($"index {i[0]}.{i[1]} ({i[5]}) unique={i[2]} pk={i[3]} filter={i[4]}");
            }
        }

        const string foreignKeys = """
            SELECT OBJECT_NAME(f.parent_object_id), f.name, OBJECT_NAME(f.referenced_object_id), f.delete_referential_action_desc
            FROM sys.foreign_keys f
            """;
        foreach (var f in await QueryAsync(connection, foreignKeys, ct))
        {
            if (!IsEfTable(f[0]))
            {
                lines.Add($"foreign key {f[0]}.{f[1]} -> {f[2]} on delete {f[3]}");
            }
        }

        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        var rows = new List<string[]>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i)
                    ? string.Empty
                    : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty;
            }

            rows.Add(row);
        }

        return rows;
    }
}
