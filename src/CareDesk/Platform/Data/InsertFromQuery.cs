using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareDesk.Platform.Data;

/// <summary>
/// <c>INSERT INTO table (columns) SELECT …</c> with the SELECT written as a LINQ query: set-based writes of many rows
/// (a million rows) in one statement, on both databases, with EF's own parameters and value
/// conversions. The query's projection must list the columns' values in the same order.
/// </summary>
public static class InsertFromQuery
{
    public static async Task<int> InsertAsync<T>(
        this CareDeskDbContext db,
        string table,
        IReadOnlyList<string> columns,
        IQueryable<T> rows,
        bool skipConflicts,
        CancellationToken cancellationToken)
    {
        await using DbCommand command = rows.CreateDbCommand();
        var select = command.CommandText.TrimEnd().TrimEnd(';');
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})\n{select}"
            + (skipConflicts ? "\nON CONFLICT DO NOTHING" : "");
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 300;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
