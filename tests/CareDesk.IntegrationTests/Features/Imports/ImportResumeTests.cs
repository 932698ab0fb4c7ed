using System.Text;
using CareDesk.Features.Imports;
using CareDesk.Features.Imports.Running;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CareDesk.IntegrationTests.Features.Imports.ImportTestKit;

namespace CareDesk.IntegrationTests.Features.Imports;

/// <summary>A host whose scheduler does not run, so the test runs (and stops) the import itself, two rows a batch.</summary>
public sealed class ManualImportHost : CareDeskFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Scheduling:Enabled"] = "false",
        ["Imports:BatchSize"] = "2",
    };
}

/// <summary>An import stopped mid-run (its node gone between two batches) resumes with nobody lost or created twice.</summary>
public sealed class ImportResumeTests : HostPerTest<ManualImportHost>
{
    [Fact]
    public async Task A_run_stopped_mid_import_resumes_after_its_last_batch_with_every_row_once_and_nobody_twice()
    {
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);
        var people = Enumerable.Range(0, 60).Select(i => (Name: $"Lin {Letters(i)}", Mobile: TestValues.Mobile())).ToList();
        // Every third person comes again later in the file: those rows are duplicates of the first.
        var lines = people.Select(p => $"{p.Name},{p.Mobile}").Concat(people.Where((_, i) => i % 3 == 0).Select(p => $"{p.Name},{p.Mobile}")).ToList();
        var id = await supervisor.StartAsync(Form([(Csv(new UTF8Encoding(false), ["Name,Mobile", .. lines]), "long.csv")], $"Resume {Guid.NewGuid():N}"));

        // The first run is stopped once a few batches are saved, wherever it then is.
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (await App.WithDbAsync(db => db.Imports.Where(i => i.Id == id).Select(i => i.RecordsDone).SingleAsync()) < 10)
            {
                await Task.Delay(5);
            }

            await stop.CancelAsync();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(id, stop.Token));
        await watcher;
        var stopped = await App.WithDbAsync(db => db.Imports.SingleAsync(i => i.Id == id));
        Assert.Equal(ImportStatus.Running, stopped.Status);
        Assert.InRange(stopped.RecordsDone, 10, lines.Count - 1);
        Assert.Equal(stopped.RecordsDone, await App.WithDbAsync(db => db.ImportRows.CountAsync(r => r.ImportId == id)));

        Assert.True(await RunAsync(id, CancellationToken.None));

        var view = await supervisor.CompletedAsync(id);
        Assert.Equal((lines.Count, 60, 20), (view.Counts.Done, view.Counts.Created, view.Counts.Duplicates));
        var rows = await supervisor.RowsAsync(id);
        Assert.Equal(Enumerable.Range(1, lines.Count), rows.Select(r => r.Record));
        foreach (var (name, mobile) in people)
        {
            var holders = await App.WithDbAsync(db => db.ContactPoints.Where(c => c.Value == "+86" + mobile).Select(c => c.PersonId).ToListAsync());
            Assert.Single(holders);
        }

        Assert.All(rows.Where(r => r.Status == "duplicate"), r => Assert.Equal(rows[r.DuplicateOf!.Record - 1].PersonId, r.PersonId));
    }

    private async Task<bool> RunAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        return await scope.ServiceProvider.GetRequiredService<RunImport>().RunAsync(id, cancellationToken);
    }

    private static string Letters(int i) => $"{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}x";
}
