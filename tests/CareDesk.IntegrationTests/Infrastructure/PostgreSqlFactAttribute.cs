using CareDesk.Platform.Data;

namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs PostgreSQL: several app nodes on one database need Quartz's clustered store, which CareDesk uses
/// on PostgreSQL only (SQLite is one node by design, docs/adr/0002). Skipped, with this reason, on a SQLite run.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestDatabase.ConfiguredProvider != DatabaseProvider.PostgreSql)
        {
            Skip = "Two app nodes on one database need the clustered timer store, which runs on PostgreSQL only (CAREDESK_TEST_DB=postgres).";
        }
    }

    /// <summary>Another reason the test needs PostgreSQL, said instead when it is skipped.</summary>
    public string? Because
    {
        get => Skip;
        set
        {
            if (Skip is not null)
            {
                Skip = $"{value} (CAREDESK_TEST_DB=postgres)";
            }
        }
    }
}
