using CareDesk;
using CareDesk.Platform.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddCareDesk();

var app = builder.Build();
app.UseCareDesk();

await app.Services.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
