using System.Text.Json;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Tests.Components;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Tests.Platform;

/// <summary>
/// The audit log on a real SQLite database (F32): entries written by reads and by saves, what they record, their
/// sealing into the hash chain, and the verifier finding the first place where the chain was tampered with.
/// No background sealer runs here: a test seals when it means to.
/// </summary>
public sealed class AuditTrailTests : DatabaseComponentContext
{
    private Task<long> SealAsync() => RunAsync<AuditSealer, long>(sealer => sealer.SealAllAsync(CancellationToken.None));

    private Task<AuditChainReport> VerifyUnsealedAsync() =>
        RunAsync<AuditChainVerifier, AuditChainReport>(verifier => verifier.VerifyAsync(CancellationToken.None));

    // What an admin sees a moment after the writes: the sealer has run.
    private async Task<AuditChainReport> VerifyAsync()
    {
        await SealAsync();
        return await VerifyUnsealedAsync();
    }

    // The shipped catalog seeded at start-up already wrote entries: a test reads those after them.
    private async Task<long> LastSequenceAsync() =>
        await WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Sequence)) ?? 0;

    private Task<List<AuditEntry>> EntriesAsync(long after) =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).ToListAsync());

    private async Task RecordActionsAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await RunAsync<AuditTrail, bool>(async audit =>
            {
                await audit.RecordActionAsync("exported", "Report", $"report-{i}", CancellationToken.None, reason: $"monthly {i}");
                return true;
            });
        }
    }

    private Task<int> TamperAsync(string sql) => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    [Fact]
    public async Task An_empty_log_is_intact()
    {
        await TamperAsync("DELETE FROM audit_subjects; DELETE FROM audit_entries");

        Assert.Equal(new AuditChainReport(true, 0, null, null, 0), await VerifyAsync());
    }

    [Fact]
    public async Task The_first_entry_links_to_the_genesis_hash()
    {
        await TamperAsync("DELETE FROM audit_subjects; DELETE FROM audit_entries");

        await RecordActionsAsync(1);
        await SealAsync();

        var first = Assert.Single(await EntriesAsync(0));
        Assert.Equal((1L, AuditChain.GenesisHash), (first.SealOrder, first.PreviousHash));
        Assert.Equal(new AuditChainReport(true, 1, null, null, 0), await VerifyAsync());
    }

    [Fact]
    public async Task Entries_form_a_chain_in_sequence_and_verify()
    {
        await SealAsync();
        var start = await LastSequenceAsync();
        var last = (await EntriesAsync(start - 1)).Single();

        await RecordActionsAsync(3);
        Assert.All(await EntriesAsync(start), e => Assert.Equal((null, null, null), (e.SealOrder, e.PreviousHash, e.Hash)));
        Assert.Equal(3, await SealAsync());

        var entries = await EntriesAsync(start);
        Assert.Equal([start + 1, start + 2, start + 3], entries.Select(e => e.Sequence));
        Assert.Equal([last.SealOrder + 1, last.SealOrder + 2, last.SealOrder + 3], entries.Select(e => e.SealOrder));
        Assert.Equal(last.Hash, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.All(entries, e => Assert.Equal(AuditChain.ComputeHash(e), e.Hash));
        Assert.Equal(
            ("exported", "Report", "report-2", "monthly 2", "system:bunit", AuditChain.Truncate(Clock.GetUtcNow())),
            (entries[1].Action, entries[1].EntityType, entries[1].EntityId, entries[1].Reason, entries[1].ActorId, entries[1].At));
        Assert.Equal(new AuditChainReport(true, start + 3, null, null, 0), await VerifyAsync());
    }

    [Fact]
    public async Task An_altered_entry_is_found_with_the_number_of_entries_checked_before_it()
    {
        var start = await LastSequenceAsync();
        await RecordActionsAsync(3);

        await SealAsync();

        await TamperAsync($"UPDATE audit_entries SET \"Reason\" = 'nothing to see' WHERE \"Sequence\" = {start + 2}");

        Assert.Equal(new AuditChainReport(false, start + 1, start + 2, "content-altered", 0), await VerifyAsync());
    }

    [Fact]
    public async Task An_entry_altered_with_a_recomputed_hash_breaks_the_link_to_the_next()
    {
        var start = await LastSequenceAsync();
        await RecordActionsAsync(3);
        await SealAsync();
        await WithDbAsync(async db =>
        {
            var second = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == start + 2);
            second.Reason = "nothing to see";
            var forged = AuditChain.ComputeHash(second);
            return await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE audit_entries SET \"Reason\" = 'nothing to see', \"Hash\" = {forged} WHERE \"Sequence\" = {second.Sequence}");
        });

        Assert.Equal(new AuditChainReport(false, start + 2, start + 3, "previous-hash-mismatch", 0), await VerifyAsync());
    }

    [Fact]
    public async Task A_deleted_entry_is_found_as_missing()
    {
        var start = await LastSequenceAsync();
        await RecordActionsAsync(3);

        await SealAsync();

        await TamperAsync($"DELETE FROM audit_entries WHERE \"Sequence\" = {start + 2}");

        // Found at the entry that was sealed after it.
        Assert.Equal(new AuditChainReport(false, start + 1, start + 3, "missing", 0), await VerifyAsync());
    }

    [Fact]
    public async Task A_deleted_first_entry_is_found_as_missing()
    {
        await SealAsync();

        await TamperAsync("DELETE FROM audit_entries WHERE \"Sequence\" = 1");

        Assert.Equal(new AuditChainReport(false, 0, 2, "missing", 0), await VerifyAsync());
    }

    [Fact]
    public async Task An_entry_is_written_unsealed_and_the_verifier_counts_it_until_the_sealer_chains_it()
    {
        await SealAsync();
        var sealedBefore = (await VerifyUnsealedAsync()).EntriesChecked;

        await RecordActionsAsync(2);

        Assert.Equal(new AuditChainReport(true, sealedBefore, null, null, 2), await VerifyUnsealedAsync());
        Assert.Equal(2, await SealAsync());
        Assert.Equal(new AuditChainReport(true, sealedBefore + 2, null, null, 0), await VerifyUnsealedAsync());
        Assert.Equal(0, await SealAsync());
    }

    [Fact]
    public async Task A_read_of_several_people_is_one_entry_naming_each_of_them_once()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var start = await LastSequenceAsync();

        await RunAsync<PersonReads, bool>(async reads =>
        {
            await reads.RecordAsync([first, second, first], "search", CancellationToken.None);
            return true;
        });

        var entry = Assert.Single(await EntriesAsync(start));
        Assert.Equal((AuditTrail.Read, AuditSubject.EntityType, PersonReads.Several, "search"), (entry.Action, entry.EntityType, entry.EntityId, entry.Reason));
        Assert.Equal($"{first},{second}", entry.Subjects);
        var subjects = await WithDbAsync(db => db.AuditSubjects.AsNoTracking().Where(s => s.Sequence == entry.Sequence).Select(s => s.SubjectId).ToListAsync());
        Assert.Equal(new[] { first.ToString(), second.ToString() }.Order(StringComparer.Ordinal), subjects.Order(StringComparer.Ordinal));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_read_of_one_person_names_them_as_the_entity_and_a_read_of_nobody_is_not_recorded()
    {
        var person = Guid.NewGuid();
        var start = await LastSequenceAsync();

        await RunAsync<PersonReads, bool>(async reads =>
        {
            await reads.RecordAsync([], "search", CancellationToken.None);
            await reads.RecordAsync([person], "profile", CancellationToken.None);
            return true;
        });

        var entry = Assert.Single(await EntriesAsync(start));
        Assert.Equal((AuditSubject.EntityType, person.ToString(), person.ToString()), (entry.EntityType, entry.EntityId, entry.Subjects));
    }

    [Fact]
    public async Task A_read_of_another_record_names_the_person_it_shows_and_a_refused_one_is_recorded_as_denied()
    {
        var person = Guid.NewGuid();
        var contact = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        var start = await LastSequenceAsync();

        await RunAsync<PersonReads, bool>(async reads =>
        {
            await reads.RecordAsync("Contact", contact, person, "contact", CancellationToken.None);
            await reads.RecordAsync("Contact", contact, null, "contact", CancellationToken.None);
            await reads.RecordDeniedAsync("Case", caseId.ToString(), person, "case", CancellationToken.None);
            return true;
        });

        var entries = await EntriesAsync(start);
        Assert.Equal(
            [
                (AuditTrail.Read, "Contact", contact.ToString(), person.ToString()),
                (AuditTrail.Read, "Contact", contact.ToString(), null),
                (AuditTrail.ReadDenied, "Case", caseId.ToString(), person.ToString()),
            ],
            entries.Select(e => (e.Action, e.EntityType, e.EntityId, e.Subjects)));
    }

    [Fact]
    public async Task A_created_person_is_recorded_with_personal_data_masked_and_other_fields_as_written()
    {
        var start = await LastSequenceAsync();
        var id = await CreatePersonAsync("王建国", phones: ["139 1234 5678"]);

        var created = (await EntriesAsync(start)).Single(e => e.Action == AuditTrail.Created && e.EntityType == nameof(Person));
        Assert.Equal(id.ToString(), created.EntityId);
        var changes = JsonDocument.Parse(created.Changes!).RootElement;
        Assert.Equal("***", changes.GetProperty(nameof(Person.DisplayName)).GetProperty("new").GetString());
        Assert.Equal(JsonValueKind.Null, changes.GetProperty(nameof(Person.DisplayName)).GetProperty("old").ValueKind);
        Assert.Equal("Asia/Shanghai", changes.GetProperty(nameof(Person.TimeZone)).GetProperty("new").GetString());
        Assert.False(changes.TryGetProperty(nameof(Person.Notes), out _), "A field left empty is not listed as created.");
        Assert.Contains(await EntriesAsync(start), e => e.Action == AuditTrail.Created && e.EntityType == nameof(ContactPoint));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task An_update_records_only_the_changed_fields_with_old_and_new_values_and_a_save_that_changes_nothing_records_nothing()
    {
        var id = await CreatePersonAsync("Mary Smith");
        var before = await LastSequenceAsync();

        await WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == id);
            person.PreferredHours = "weekdays 9-11";
            person.TimeZone = "Asia/Shanghai";
            return await db.SaveChangesAsync();
        });

        var updated = Assert.Single(await EntriesAsync(before));
        Assert.Equal((AuditTrail.Updated, nameof(Person), id.ToString()), (updated.Action, updated.EntityType, updated.EntityId));
        var changes = JsonDocument.Parse(updated.Changes!).RootElement;
        Assert.Equal([nameof(Person.PreferredHours)], changes.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, changes.GetProperty(nameof(Person.PreferredHours)).GetProperty("old").ValueKind);
        Assert.Equal("weekdays 9-11", changes.GetProperty(nameof(Person.PreferredHours)).GetProperty("new").GetString());
        Assert.Equal(new AuditChainReport(true, before + 1, null, null, 0), await VerifyAsync());
    }

    [Fact]
    public async Task The_audit_log_cannot_be_written_through_an_ordinary_save()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => WithDbAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry
            {
                Sequence = 99,
                At = Clock.GetUtcNow(),
                ActorId = "x",
                Action = "created",
                EntityType = "X",
                EntityId = "1",
                PreviousHash = AuditChain.GenesisHash,
                Hash = "",
            });
            return db.SaveChangesAsync();
        }));

        Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
    }
}
