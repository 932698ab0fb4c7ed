using CareDesk;
using CareDesk.Platform.Data;
using CareDesk.Platform.Operations;

var builder = WebApplication.CreateBuilder(args);
builder.AddCareDesk();
builder.AddCareDeskCommand(args);

var app = builder.Build();
app.UseCareDesk();

// `migrate`, `backup <directory>`, `restore <directory>` run and exit (docs/operations.md).
if (await app.Services.RunCommandAsync(args) is { } exitCode)
{
    return exitCode;
}

await app.Services.InitializeDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
