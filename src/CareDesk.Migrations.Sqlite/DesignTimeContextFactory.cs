using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CareDesk.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider; never used at run time.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<CareDeskDbContext>
{
    public CareDeskDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CareDeskDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" });
        return new CareDeskDbContext(options.Options);
    }
}
