using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareDesk.Features.Contacts;
using CareDesk.IntegrationTests.Features.Contacts;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// The operations guide's backup and restore (docs/operations.md): <c>scripts/backup.sh</c> on a running instance while
/// agents keep writing, <c>scripts/restore.sh</c> into an empty database and recordings directory, and a host started on
/// what was restored. Runs on SQLite and on PostgreSQL, as the suite's run picks.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper output)
{
    /// <summary>A host with its recordings in a directory of its own.</summary>
    public sealed class InstanceHost : CareDeskFactory
    {
        public string Recordings { get; init; } = Path.Combine(Path.GetTempPath(), $"caredesk-backup-recordings-{Guid.NewGuid():N}");

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Contacts:RecordingsDirectory"] = Recordings,
        };
    }

    private sealed record Counts(int People, int Cases, int Contacts, long AuditEntries);

    [Fact]
    public async Task A_backup_taken_while_agents_write_restores_into_an_empty_instance_with_its_rows_recordings_and_an_intact_audit_chain()
    {
        var backup = Path.Combine(Path.GetTempPath(), $"caredesk-backup-{Guid.NewGuid():N}");
        var source = new InstanceHost();
        var target = await TestDatabase.CreateEmptyAsync();
        var restored = new InstanceHost { ExistingDatabase = target };
        try
        {
            await source.InitializeAsync();
            var agent = await source.CreateClientForRoleAsync(Roles.Agent);
            var caller = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("备份 测试", PeopleTestKit.NewMobile()));
            var contact = await (await agent.PostAsJsonAsync("/api/contacts", new { personId = caller.Id, channel = "phone", direction = "inbound" }))
                .ReadAsync<ContactView>(HttpStatusCode.Created);
            var wav = Wav.Tone(seconds: 1);
            var upload = new ByteArrayContent(wav);
            upload.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            (await agent.PostAsync($"/api/contacts/{contact.Id}/recording", new MultipartFormDataContent { { upload, "file", "call.wav" } })).EnsureSuccessStatusCode();

            // Agents keep opening people and cases during the whole backup.
            using var stop = new CancellationTokenSource();
            var created = new System.Collections.Concurrent.ConcurrentQueue<Guid>();
            var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Backup Writer", PeopleTestKit.NewMobile()));
                    (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "During the backup" })).EnsureSuccessStatusCode();
                    created.Enqueue(person.Id);
                }
            })).ToList();
            await Eventually.HoldsAsync(() => Task.FromResult(created.Count >= 2), TimeSpan.FromSeconds(30), "agents write people and cases");
            var before = await CountAsync(source);
            var createdBefore = created.ToList();

            var backedUp = await HostProcess.RunScriptAsync("backup.sh", [backup], HostProcess.SettingsFor(source.Database, source.Recordings));
            output.WriteLine(backedUp.Output);
            Assert.True(backedUp.ExitCode == 0, backedUp.Output);
            var writtenDuringBackup = created.Count - createdBefore.Count;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            var after = await CountAsync(source);
            Assert.True(writtenDuringBackup > 0, "no write went on during the backup");

            var restoredRun = await HostProcess.RunScriptAsync("restore.sh", [backup], HostProcess.SettingsFor(target, restored.Recordings));
            output.WriteLine(restoredRun.Output);
            Assert.True(restoredRun.ExitCode == 0, restoredRun.Output);
            await restored.InitializeAsync();

            // Every row that had committed before the backup began is there, nothing that came after it ended.
            var counts = await CountAsync(restored);
            Assert.InRange(counts.People, before.People, after.People);
            Assert.InRange(counts.Cases, before.Cases, after.Cases);
            Assert.InRange(counts.Contacts, before.Contacts, after.Contacts);
            Assert.True(counts.AuditEntries >= before.AuditEntries, $"{counts.AuditEntries} audit entries restored, {before.AuditEntries} before the backup");
            var restoredPeople = await restored.WithDbAsync(db => db.People.Where(p => createdBefore.Contains(p.Id)).CountAsync());
            Assert.Equal(createdBefore.Count, restoredPeople);

            var admin = await restored.CreateClientForRoleAsync(Roles.Admin);
            var chain = await admin.VerifyChainAsync();
            Assert.True(chain.Intact, $"audit chain broken at {chain.BrokenAtSequence}: {chain.Problem}");
            Assert.True(chain.EntriesChecked >= before.AuditEntries, $"{chain.EntriesChecked} entries verified, {before.AuditEntries} before the backup");

            var restoredAgent = await restored.CreateClientForRoleAsync(Roles.Agent);
            Assert.Equal(wav, await restoredAgent.GetByteArrayAsync($"/api/contacts/{contact.Id}/recording"));

            // A database that has tables is never restored over.
            var again = await HostProcess.RunScriptAsync("restore.sh", [backup], HostProcess.SettingsFor(target, restored.Recordings));
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("not empty", again.Output, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)restored).DisposeAsync();
            await target.DisposeAsync();
            await ((IAsyncLifetime)source).DisposeAsync();
            foreach (var directory in new[] { backup, source.Recordings, restored.Recordings }.Where(Directory.Exists))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static Task<Counts> CountAsync(CareDeskFactory host) => host.WithDbAsync(async db => new Counts(
        await db.People.CountAsync(),
        await db.Cases.CountAsync(),
        await db.Contacts.CountAsync(),
        await db.AuditEntries.LongCountAsync()));
}
