using CareDesk.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CareDesk.Tests.Platform;

public sealed class DatabaseSetupTests
{
    [Fact]
    public void PostgreSQL_connections_prepare_hot_statements_unless_told_otherwise()
    {
        var prepared = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolTuning("Host=db;Database=caredesk"));

        Assert.Equal(50, prepared.MaxAutoPrepare);
        Assert.True(prepared.NoResetOnClose);
        Assert.Equal("caredesk", prepared.Database);
    }

    [Fact]
    public void Explicit_auto_prepare_and_reset_settings_win()
    {
        var explicitSettings = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolTuning("Host=db;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(0, explicitSettings.MaxAutoPrepare);
        Assert.False(explicitSettings.NoResetOnClose);
    }

    [Fact]
    public async Task SQLite_connections_of_the_timer_store_wait_for_the_write_lock_like_the_app_s_own()
    {
        var file = Path.Combine(Path.GetTempPath(), $"caredesk-busy-{Guid.NewGuid():N}.db");
        try
        {
            await using var connection = SqliteBusyTimeout.ProviderFactory.CreateConnection()!;
            connection.ConnectionString = $"Data Source={file};Pooling=False";
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";

            Assert.IsType<SqliteConnection>(connection);
            Assert.Equal(30000L, await command.ExecuteScalarAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
