using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// An attacker with write access to the database edits the sealed log in SQL; the verification says where and how.
/// Each case breaks the chain for good, so each runs on a database of its own.
/// </summary>
public sealed class AuditTamperingTests(ITestOutputHelper output)
{
    // The target is the entry sealed twelfth; where the break shows is said relative to it (by seal order), and
    // reported by the entry's number, which on PostgreSQL need not equal its place in the chain.
    private const long Target = 12;

    public enum Tamper
    {
        ChangeAField,
        DeleteTheEntry,
        ChangeAFieldAndRehashTheEntry,
    }

    [Theory]
    [InlineData(Tamper.ChangeAField, Target, "content-altered")]
    [InlineData(Tamper.DeleteTheEntry, Target + 1, "missing")]
    [InlineData(Tamper.ChangeAFieldAndRehashTheEntry, Target + 1, "previous-hash-mismatch")]
    public async Task Verification_reports_the_first_broken_sealed_entry_and_the_problem(Tamper tamper, long brokenAtSealOrder, string problem)
    {
        var app = new CareDeskFactory();
        await app.InitializeAsync();
        try
        {
            var admin = await app.CreateClientForRoleAsync(Roles.Admin);
            for (var i = 0; i < 10; i++)
            {
                await app.RecordReadAsAsync("user-victim", "victim@demo.caredesk", "Person", $"tamper-{i}");
            }

            await app.SealAsync();
            var before = await admin.VerifyChainAsync();
            Assert.True(before.Intact, $"broken before tampering at {before.BrokenAtSequence}: {before.Problem}");
            Assert.True(before.EntriesChecked > Target + 1);
            var sequenceAt = await app.WithDbAsync(db => db.AuditEntries
                .Where(e => e.SealOrder == Target || e.SealOrder == Target + 1)
                .ToDictionaryAsync(e => e.SealOrder!.Value, e => e.Sequence));

            var rows = await app.WithDbAsync(db => TamperAsync(db, tamper, sequenceAt[Target]));
            Assert.Equal(1, rows);

            var report = await admin.VerifyChainAsync();
            output.WriteLine($"{tamper}: {report}");
            Assert.False(report.Intact);
            Assert.Equal(sequenceAt[brokenAtSealOrder], report.BrokenAtSequence);
            Assert.Equal(problem, report.Problem);
            Assert.Equal(Target - 1 + (tamper == Tamper.ChangeAFieldAndRehashTheEntry ? 1 : 0), report.EntriesChecked);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static async Task<int> TamperAsync(CareDesk.Platform.Data.CareDeskDbContext db, Tamper tamper, long target)
    {
        switch (tamper)
        {
            case Tamper.ChangeAField:
                return await db.Database.ExecuteSqlRawAsync(
                    "UPDATE audit_entries SET \"ActorId\" = {0} WHERE \"Sequence\" = {1}", "attacker", target);
            case Tamper.DeleteTheEntry:
                return await db.Database.ExecuteSqlRawAsync(
                    "DELETE FROM audit_entries WHERE \"Sequence\" = {0}", target);
            default:
                // A smarter attacker recomputes the entry's own hash; the next entry still points at the old one.
                var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == target);
                entry.ActorId = "attacker";
                entry.Hash = AuditChain.ComputeHash(entry);
                return await db.Database.ExecuteSqlRawAsync(
                    "UPDATE audit_entries SET \"ActorId\" = {0}, \"Hash\" = {1} WHERE \"Sequence\" = {2}", entry.ActorId, entry.Hash, target);
        }
    }
}
