using CareDesk.Platform.Data;

namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>
/// A test that runs on SQLite only for now, with the reason it does not yet hold on PostgreSQL: a known gap to close,
/// never a way to hide a failure without saying so.
/// </summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string whyNotOnPostgreSql)
    {
        if (TestDatabase.ConfiguredProvider != DatabaseProvider.Sqlite)
        {
            Skip = whyNotOnPostgreSql;
        }
    }
}
