using CareDesk.Platform.Audit;

namespace CareDesk.Tests.Platform;

public sealed class AuditChainTests
{
    private static AuditEntry Entry(Action<AuditEntry>? change = null)
    {
        var entry = new AuditEntry
        {
            Sequence = 7,
            At = new DateTimeOffset(2026, 11, 24, 9, 30, 15, 123, TimeSpan.FromHours(8)),
            ActorId = "user-1",
            ActorName = "admin@demo.caredesk",
            Action = AuditTrail.Updated,
            EntityType = "User",
            EntityId = "user-2",
            Changes = """{"DisplayName":{"old":"A","new":"B"}}""",
            Reason = "renamed on request",
            RequestId = "trace-1",
            PreviousHash = new string('a', 64),
            Hash = "",
        };
        change?.Invoke(entry);
        return entry;
    }

    [Fact]
    public void The_hash_is_deterministic_lowercase_sha256_hex()
    {
        var hash = AuditChain.ComputeHash(Entry());

        Assert.Equal(hash, AuditChain.ComputeHash(Entry()));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void The_stored_hash_itself_is_not_hashed()
    {
        Assert.Equal(AuditChain.ComputeHash(Entry()), AuditChain.ComputeHash(Entry(e => e.Hash = "anything")));
    }

    [Fact]
    public void The_same_instant_in_another_offset_hashes_the_same()
    {
        var utc = Entry(e => e.At = e.At.ToUniversalTime());

        Assert.Equal(AuditChain.ComputeHash(Entry()), AuditChain.ComputeHash(utc));
    }

    public static TheoryData<string, Action<AuditEntry>> FieldChanges => new()
    {
        { "Sequence", e => e.Sequence++ },
        { "At", e => e.At = e.At.AddTicks(10) },
        { "ActorId", e => e.ActorId = "user-9" },
        { "ActorName", e => e.ActorName = "someone@else" },
        { "ActorName null", e => e.ActorName = null },
        { "Action", e => e.Action = AuditTrail.Deleted },
        { "EntityType", e => e.EntityType = "Case" },
        { "EntityId", e => e.EntityId = "user-3" },
        { "Changes", e => e.Changes = """{"DisplayName":{"old":"A","new":"C"}}""" },
        { "Reason", e => e.Reason = "renamed on request." },
        { "Reason null", e => e.Reason = null },
        { "RequestId", e => e.RequestId = "trace-2" },
        { "PreviousHash", e => e.PreviousHash = new string('b', 64) },
        { "Subjects", e => e.Subjects = "person-1,person-2" },
    };

    [Theory]
    [MemberData(nameof(FieldChanges))]
    public void Changing_any_field_changes_the_hash(string field, Action<AuditEntry> change)
    {
        Assert.True(AuditChain.ComputeHash(Entry()) != AuditChain.ComputeHash(Entry(change)), $"{field} is not covered by the hash.");
    }

    [Fact]
    public void Moving_text_across_a_field_boundary_changes_the_hash()
    {
        var original = Entry(e => (e.EntityType, e.EntityId) = ("User", "42"));
        var shifted = Entry(e => (e.EntityType, e.EntityId) = ("User4", "2"));
        var separatorForged = Entry(e => (e.EntityType, e.EntityId) = ("User", "2:42"));

        Assert.NotEqual(AuditChain.ComputeHash(original), AuditChain.ComputeHash(shifted));
        Assert.NotEqual(AuditChain.ComputeHash(original), AuditChain.ComputeHash(separatorForged));
    }

    [Fact]
    public void A_field_holding_the_encoding_of_the_next_one_cannot_stand_in_for_it()
    {
        // Without the length prefix "1:x" + "" and "" + "1:x" would read alike.
        var inReason = Entry(e => (e.Changes, e.Reason) = ("", "1:x"));
        var inChanges = Entry(e => (e.Changes, e.Reason) = ("1:x", ""));

        Assert.NotEqual(AuditChain.ComputeHash(inReason), AuditChain.ComputeHash(inChanges));
    }

    [Fact]
    public void Naming_other_data_subjects_changes_the_hash()
    {
        Assert.NotEqual(
            AuditChain.ComputeHash(Entry(e => e.Subjects = "person-1")),
            AuditChain.ComputeHash(Entry(e => e.Subjects = "person-2")));
    }

    [Fact]
    public void An_entry_naming_no_subjects_hashes_as_entries_did_before_subjects_existed()
    {
        // Entries written before subjects were recorded must keep verifying: no subjects adds nothing to the hashed text.
        // The expected value was computed outside .NET (Python) from the encoding AuditChain states: SHA-256 over "<length>:<value>" per
        // field ("-1:" for none) in the order sequence, UTC ticks, actor id and name, action, entity type and id,
        // changes, reason, request id, previous hash.
        Assert.Equal("d15a76a65dbfce1e204b54b9265f4e52af19ba58c4b9c20e0ee4c7a0cb1359ba", AuditChain.ComputeHash(Entry()));
    }

    [Fact]
    public void The_chain_starts_from_a_hash_of_64_zeros()
    {
        Assert.Equal(new string('0', 64), AuditChain.GenesisHash);
    }

    [Fact]
    public void A_missing_value_differs_from_an_empty_one()
    {
        Assert.NotEqual(AuditChain.ComputeHash(Entry(e => e.Reason = null)), AuditChain.ComputeHash(Entry(e => e.Reason = "")));
    }

    [Fact]
    public void Truncation_keeps_tenths_of_a_millisecond_the_precision_both_databases_store()
    {
        var at = new DateTimeOffset(2026, 11, 24, 1, 2, 3, TimeSpan.Zero).AddTicks(1_234_567);

        var truncated = AuditChain.Truncate(at);

        Assert.Equal(at.UtcTicks - 567, truncated.UtcTicks);
        Assert.Equal(TimeSpan.Zero, truncated.Offset);
    }
}
