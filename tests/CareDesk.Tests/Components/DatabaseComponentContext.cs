using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CareDesk.Features.Cases;
using CareDesk.Features.Catalog;
using CareDesk.Features.Contacts;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Features.Staff;
using CareDesk.Features.Telephony;
using CareDesk.Platform;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Quartz;

namespace CareDesk.Tests.Components;

/// <summary>
/// A localized bUnit context whose pages run the real use cases on a real SQLite database (a temporary file, created
/// from the model and seeded with the shipped catalog), signed in as a staff member of the roles a test chooses.
/// Only what the people, devices and telephony pages need is registered, the way the host registers it.
/// </summary>
public abstract class DatabaseComponentContext : LocalizedComponentContext, IAsyncLifetime
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"caredesk-bunit-{Guid.NewGuid():N}.db");
    private readonly BunitAuthorizationContext authorization;

    protected DatabaseComponentContext()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={file};Pooling=False",
            })
            .Build();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddCareDeskDatabase(configuration);
        Services.AddCareDeskAudit();
        Services.AddScoped<OperationScope>();
        Services.AddPeople();
        CareDesk.Features.People.Merging.MergingEndpoints.AddPersonMerging(Services);
        Services.AddCatalog();
        Services.AddDevices();
        Services.AddTelephony();
        Services.AddStaff();
        Services.AddCases();
        CareDesk.Features.ServiceLevels.ServiceLevelsEndpoints.AddServiceLevels(Services);
        // Timers are rows in Quartz's store in the host; here an in-memory Quartz scheduler, never started, takes them.
        Services.AddQuartz();
        Services.AddSingleton<CareDesk.Platform.Scheduling.DurableTimers>();
        Services.AddContacts();
        // Logging a contact about a case screens it (Features/Complaints/ScreenContact), which may flag the case's
        // complaint: so every contact form needs the case's timers, scoped here as the test database's factory is.
        CareDesk.Features.Complaints.ComplaintsEndpoints.AddComplaints(Services);
        Services.AddScoped<CareDesk.Platform.Scheduling.DurableTimers>();
        // The person page shows the consent ledger (Features/Outreach).
        CareDesk.Features.Outreach.OutreachEndpoints.AddOutreach(Services);
        authorization = AddAuthorization();
        SignInAs("agent");
    }

    /// <summary>The clock every use case reads; facts recorded before <c>now − 365 days</c> are stale.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    protected string UserId { get; } = $"user-{Guid.NewGuid():N}";

    protected void SignInAs(params string[] roles)
    {
        authorization.SetAuthorized("Test Agent");
        authorization.SetRoles(roles);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
    }

    /// <summary>The named policies the signed-in user passes (a page's <c>AuthorizeView Policy</c>), on top of the roles.</summary>
    protected void AllowPolicies(params string[] policies) => authorization.SetPolicies(policies);

    public async Task InitializeAsync()
    {
        await WithDbAsync(async db =>
        {
            await db.Database.EnsureCreatedAsync();
            return true;
        });
        await RunAsync<CatalogSeeder, bool>(async seeder =>
        {
            await seeder.SeedAsync(CancellationToken.None);
            return true;
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // MudBlazor's services dispose asynchronously only; xunit would otherwise dispose them synchronously.
        await base.DisposeAsync();
        SqliteCleanup();
    }

    /// <summary>Runs a use case in its own scope, as a page does, acting as a test system actor.</summary>
    protected async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> operation)
        where THandler : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("bunit");
        return await operation(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>A short-lived context on the test database, to arrange or check stored data.</summary>
    protected Task<T> WithDbAsync<T>(Func<CareDeskDbContext, Task<T>> action) =>
        RunAsync<IDbContextFactory<CareDeskDbContext>, T>(async factory =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await action(db);
        });

    protected static PersonViewer Unrestricted => new("bunit", OnlyAssigned: false, Masked: false);

    /// <summary>Creates a person through the real use case; phones in any format.</summary>
    protected async Task<Guid> CreatePersonAsync(string name, string kind = "patient", string[]? phones = null, bool hardOfHearing = false, string? source = null)
    {
        var created = await RunAsync<CreatePerson, CareDesk.Platform.Api.Result<Guid>>(create => create.RunAsync(
            new CreatePerson.Request(
                name, null, null, kind, null, null, ["zh-CN"], "Asia/Shanghai",
                new CreatePerson.AccessibilityInput(hardOfHearing, false, false, false, null),
                null, null, null, null,
                [.. (phones ?? []).Select(p => new CreatePerson.PhoneInput(p, "mobile"))],
                null, null, null, source),
            CancellationToken.None));
        Assert.True(created.Succeeded, created.Failure?.MessageKey);
        return created.Value;
    }

    protected async Task<Guid> RegisterDeviceAsync(Guid personId, string modelId, string serial, DateOnly purchased)
    {
        var registered = await RunAsync<RegisterDevice, CareDesk.Platform.Api.Result<DeviceView>>(register => register.RunAsync(
            personId, new RegisterDevice.Request(modelId, serial, PurchaseDate: purchased), new StaffActor("bunit", false), CancellationToken.None));
        Assert.True(registered.Succeeded, registered.Failure?.MessageKey);
        return registered.Value!.Id;
    }

    /// <summary>Renders a component with MudBlazor's popover provider beside it, as the layout has (selects, menus).</summary>
    protected IRenderedComponent<TComponent> RenderInLayout<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Render<MudPopoverProvider>();
        return Render(parameters);
    }

    /// <summary>Chooses an option of the select with this id, as a click on the option does.</summary>
    protected static void Choose(IRenderedComponent<IComponent> cut, string id, string value)
    {
        var select = cut.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("id"), id));
        cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value)).GetAwaiter().GetResult();
    }

    private void SqliteCleanup()
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
