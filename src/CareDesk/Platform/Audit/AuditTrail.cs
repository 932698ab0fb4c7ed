using System.Reflection;
using System.Text.Json;
using CareDesk.Platform.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Audit;

/// <summary>
/// Writes the tamper-evident audit log. Changes are collected from the change tracker of every save and written in
/// the same transaction, and reads are recorded through <c>RecordReadAsync</c>; <see cref="AuditSealer"/> chains the
/// entries right after the commit.
/// </summary>
public sealed class AuditTrail(
    AuditContext context,
    TimeProvider time,
    IOptions<AuditOptions> options,
    AuditSealer sealer,
    IServiceProvider services)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Read = "read";
    public const string ReadDenied = "read-denied";

    internal const string Masked = "***";

    // Credentials and concurrency tokens never enter the log, not even masked values.
    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash),
        nameof(IdentityUser.SecurityStamp),
        nameof(IdentityUser.ConcurrencyStamp),
    };

    // Identity's upper-cased copies of the e-mail and user name carry no [PersonalData] mark but hold the same values.
    private static readonly HashSet<string> DerivedPersonalProperties = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.NormalizedEmail),
        nameof(IdentityUser.NormalizedUserName),
    };

    // field → { "old": …, "new": … }, as documented on AuditEntry.Changes.
    private static readonly JsonSerializerOptions ChangesJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// The one-line hook for reads of a person's record: <c>await audit.RecordReadAsync("Person", id, ct)</c>.
    /// Written at once in its own transaction, so a read is logged even when nothing is saved afterwards.
    /// </summary>
    public Task RecordReadAsync(string entityType, string entityId, CancellationToken cancellationToken, string? reason = null) =>
        RecordReadAsync(entityType, entityId, [], cancellationToken, reason);

    /// <summary>
    /// One entry for one request's read, naming every person (data subject) whose data it showed: a search with 25
    /// hits is one entry listing 25 people, found again by any of them. <paramref name="denied"/> records a refused
    /// attempt (a field rep asking for another rep's customer). One insert and no lock: a read waits for no writer.
    /// </summary>
    public async Task RecordReadAsync(
        string entityType,
        string entityId,
        IReadOnlyCollection<string> subjects,
        CancellationToken cancellationToken,
        string? reason = null,
        bool denied = false)
    {
        var named = subjects.Count == 0 ? null : string.Join(",", subjects.Distinct(StringComparer.Ordinal));
        await AppendAloneAsync(new PendingAudit(denied ? ReadDenied : Read, entityType, entityId, null, reason, named), cancellationToken);
    }

    /// <summary>Records a business action that changes no row itself (an export, a chain verification...).</summary>
    public Task RecordActionAsync(string action, string entityType, string entityId, CancellationToken cancellationToken, string? reason = null) =>
        AppendAloneAsync(new PendingAudit(action, entityType, entityId, null, reason, null), cancellationToken);

    /// <summary>See <see cref="CareDeskDbContext.SaveAsOneActionAsync"/>: the rows, then one entry naming <paramref name="subjects"/>.</summary>
    internal async Task<int> SaveAsOneActionAsync(
        CareDeskDbContext db,
        string action,
        string entityType,
        string entityId,
        IReadOnlyCollection<string> subjects,
        string reason,
        Func<bool, CancellationToken, Task<int>> save,
        CancellationToken cancellationToken)
    {
        var named = subjects.Count == 0 ? null : string.Join(",", subjects.Distinct(StringComparer.Ordinal));
        var entry = new PendingAudit(action, entityType, entityId, null, reason, named);
        if (db.Database.CurrentTransaction is not null)
        {
            var written = await save(true, cancellationToken);
            await AppendAsync(db, [entry], cancellationToken);
            return written;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await save(true, cancellationToken);
        await AppendAsync(db, [entry], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    internal async Task<int> SaveWithAuditAsync(
        CareDeskDbContext db,
        bool acceptAllChangesOnSuccess,
        Func<bool, CancellationToken, Task<int>> save,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var changes = CollectChanges(db.ChangeTracker);
        if (changes.Count == 0)
        {
            return await save(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Either transaction's commit wakes the sealer (AuditSealSignal).
        if (db.Database.CurrentTransaction is not null)
        {
            return await SaveAndAppendAsync(db, changes, save, cancellationToken);
        }

        // Our own transaction: a failed save rolls all of it back, so EF's savepoint around each of the two saves (two
        // more round trips each on PostgreSQL) would guard nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var written = await SaveAndAppendAsync(db, changes, save, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    private async Task AppendAloneAsync(PendingAudit entry, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CareDeskDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // The entry and its subjects in one save, which is one transaction (EF may run it without an explicit one).
            await AppendAsync(db, [entry], cancellationToken);
        }

        sealer.Wake();
    }

    private async Task<int> SaveAndAppendAsync(
        CareDeskDbContext db,
        List<TrackedChange> changes,
        Func<bool, CancellationToken, Task<int>> save,
        CancellationToken cancellationToken)
    {
        var written = await save(true, cancellationToken);

        // Keys generated by the database are known only now.
        var pending = changes.ConvertAll(c => new PendingAudit(c.Action, c.EntityType, c.EntityId ?? KeyOf(c.Entry), c.Changes, null, SubjectsOf(c)));
        await AppendAsync(db, pending, cancellationToken);
        return written;
    }

    // Entries are written unsealed: no read of the chain's end, so no lock and no wait for other writers. The
    // database numbers them; AuditSealer chains them in the order their commits become visible.
    private async Task AppendAsync(CareDeskDbContext db, IReadOnlyList<PendingAudit> entries, CancellationToken cancellationToken)
    {
        var at = AuditChain.Truncate(time.GetUtcNow());
        foreach (var pending in entries)
        {
            var entry = new AuditEntry
            {
                At = at,
                ActorId = context.ActorId,
                ActorName = context.ActorName,
                Action = pending.Action,
                EntityType = pending.EntityType,
                EntityId = pending.EntityId,
                Changes = pending.Changes,
                Reason = pending.Reason ?? context.Reason,
                RequestId = context.RequestId,
                Subjects = pending.Subjects,
            };
            db.AuditEntries.Add(entry);
            foreach (var subject in pending.Subjects?.Split(',') ?? [])
            {
                db.AuditSubjects.Add(new AuditSubject { Entry = entry, SubjectId = subject });
            }
        }

        // The base save: audit rows themselves are not audited again.
        await db.SaveAuditRowsAsync(cancellationToken);
    }

    /// <summary>Whether any pending change is one the audit log must record.</summary>
    internal static bool HasAuditedChanges(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is not (EntityState.Detached or EntityState.Unchanged) && IsAudited(e));

    // Data-protection keys are secret key material written by the framework, not business facts.
    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is not DataProtectionKey
        && entry.Metadata.ClrType.GetCustomAttribute<NotAuditedAttribute>() is null;

    private List<TrackedChange> CollectChanges(ChangeTracker tracker)
    {
        var result = new List<TrackedChange>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Detached or EntityState.Unchanged)
            {
                continue;
            }

            if (entry.Entity is AuditEntry)
            {
                throw new InvalidOperationException("The audit log is append-only; entries are written by the audit trail alone.");
            }

            if (!IsAudited(entry))
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => Created,
                EntityState.Deleted => Deleted,
                _ => Updated,
            };
            var fields = DescribeFields(entry);
            if (action == Updated && fields.Count == 0)
            {
                continue;
            }

            var hasTemporaryKey = entry.Properties.Any(p => p.Metadata.IsPrimaryKey() && p.IsTemporary);
            result.Add(new TrackedChange(
                entry,
                action,
                EntityTypeName(entry),
                hasTemporaryKey ? null : KeyOf(entry),
                fields.Count == 0 ? null : JsonSerializer.Serialize(fields, ChangesJson)));
        }

        return result;
    }

    private Dictionary<string, FieldChange> DescribeFields(EntityEntry entry)
    {
        var fields = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        // Complex properties (a fact's provenance, a person's accessibility needs) are not in entry.Properties;
        // without them confirming a fact would change a row and leave no trace in the log.
        var properties = entry.Properties.Select(p => (Name: p.Metadata.Name, Property: p))
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Select(p => (Name: $"{c.Metadata.Name}.{p.Metadata.Name}", Property: p))));
        foreach (var (name, property) in properties)
        {
            if (property.IsTemporary)
            {
                continue; // a database-generated key; the entry's EntityId carries the real one
            }

            var changed = entry.State switch
            {
                EntityState.Added => property.CurrentValue is not null,
                EntityState.Deleted => property.OriginalValue is not null,
                _ => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
            };
            if (!changed)
            {
                continue;
            }

            if (SecretProperties.Contains(name))
            {
                if (entry.State == EntityState.Modified && name == nameof(IdentityUser.PasswordHash))
                {
                    fields[name] = new FieldChange(Masked, Masked);
                }

                continue;
            }

            var mask = options.Value.MaskPersonalData
                && (property.Metadata.PropertyInfo?.GetCustomAttribute<PersonalDataAttribute>(inherit: true) is not null
                    || (entry.Entity is IdentityUser && DerivedPersonalProperties.Contains(name)));
            var old = entry.State == EntityState.Added ? null : Render(property.OriginalValue, mask);
            var @new = entry.State == EntityState.Deleted ? null : Render(property.CurrentValue, mask);
            fields[name] = new FieldChange(old, @new);
        }

        return fields;
    }

    private static string? Render(object? value, bool mask) => value switch
    {
        null => null,
        _ when mask => Masked,
        DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    // IdentityUserRole`1 reads as IdentityUserRole.
    private static string EntityTypeName(EntityEntry entry) =>
        entry.Metadata.HasSharedClrType ? entry.Metadata.Name : entry.Metadata.ClrType.Name.Split('`')[0];

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        return string.Join(",", key.Properties.Select(p => Render(entry.Property(p.Name).CurrentValue, mask: false)));
    }

    // The people a change is about: the person changed, or the ones a record names by its person keys (a phone's
    // PersonId, a relationship's two people). "Who touched this person's data" then finds changes to their phone too,
    // and the log can say whose phone it was although an update records only the fields that changed.
    private static readonly string[] PersonKeys = ["PersonId", "FromPersonId", "ToPersonId"];

    private static string? SubjectsOf(TrackedChange change)
    {
        if (change.EntityType == AuditSubject.EntityType)
        {
            return change.EntityId ?? KeyOf(change.Entry);
        }

        var people = change.Entry.Properties
            .Where(p => PersonKeys.Contains(p.Metadata.Name) && p.CurrentValue is Guid)
            .Select(p => ((Guid)p.CurrentValue!).ToString())
            .Distinct()
            .ToList();
        return people.Count == 0 ? null : string.Join(',', people);
    }

    private sealed record TrackedChange(EntityEntry Entry, string Action, string EntityType, string? EntityId, string? Changes);

    private sealed record PendingAudit(string Action, string EntityType, string EntityId, string? Changes, string? Reason, string? Subjects);

    private sealed record FieldChange(string? Old, string? New);
}
