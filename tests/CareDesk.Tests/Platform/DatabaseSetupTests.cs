using CareDesk.Platform.Data;
using Npgsql;

namespace CareDesk.Tests.Platform;

public sealed class DatabaseSetupTests
{
    [Fact]
    public void PostgreSQL_connections_prepare_hot_statements_unless_told_otherwise()
    {
        var prepared = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=caredesk"));

        Assert.Equal(50, prepared.MaxAutoPrepare);
        Assert.Equal("caredesk", prepared.Database);
    }

    [Fact]
    public void An_explicit_auto_prepare_setting_wins()
    {
        var explicitZero = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Max Auto Prepare=0"));

        Assert.Equal(0, explicitZero.MaxAutoPrepare);
    }
}
