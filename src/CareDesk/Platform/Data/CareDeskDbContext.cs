using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Outbox;
using CareDesk.Platform.Scheduling;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareDesk.Platform.Data;

/// <summary>
/// The one database context. Every save goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>,
/// which writes the audit trail for all changes in the same transaction, so no use case can forget it.
/// Each feature declares the sets of its own tables in a part of this class in its folder
/// (<c>Features/Cases/CareDeskDbContext.Cases.cs</c>) and configures them with its <c>IEntityTypeConfiguration</c>s.
/// </summary>
public sealed partial class CareDeskDbContext(DbContextOptions<CareDeskDbContext> options, AuditTrail? auditTrail = null)
    : IdentityDbContext<User, IdentityRole, string>(options), IDataProtectionKeyContext
{
    // The features' interceptors that complete a save's changes before the audit collects them (e.g. a case's last activity).
    private readonly IPendingChangesInterceptor[] pendingChangesInterceptors =
        [.. options.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<IPendingChangesInterceptor>() ?? []];

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditSubject> AuditSubjects => Set<AuditSubject>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<TimerRequest> TimerRequests => Set<TimerRequest>();

    public DbSet<MaintenanceMarker> MaintenanceMarkers => Set<MaintenanceMarker>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<IssuedRefreshToken> IssuedRefreshTokens => Set<IssuedRefreshToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CareDeskDbContext).Assembly);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        if (Database.IsNpgsql())
        {
            foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
            {
                if (property.PropertyInfo?.GetCustomAttributes(typeof(BytewiseOrderAttribute), false).Length > 0)
                {
                    property.SetCollation("C");
                }
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type; stored as sortable integers, times compare and order in SQL as on PostgreSQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <summary>
    /// Synchronous saves exist only for framework plumbing that calls them (data-protection keys). Anything the
    /// audit trail must see is refused here: use <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        if (AuditTrail.HasAuditedChanges(ChangeTracker))
        {
            throw new InvalidOperationException("CareDesk saves asynchronously only; call SaveChangesAsync so the audit trail is written.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var trail = auditTrail ?? throw new InvalidOperationException(
            "This context was created without an audit trail and cannot save. Create it through dependency injection.");
        foreach (var interceptor in pendingChangesInterceptors)
        {
            interceptor.SavingChanges(ChangeTracker);
        }

        return await trail.SaveWithAuditAsync(this, acceptAllChangesOnSuccess, base.SaveChangesAsync, cancellationToken);
    }

    /// <summary>
    /// A bulk write (a batch of an import) audited as <b>one</b> entry naming every person it touched, instead of one
    /// entry per row: the pending-changes interceptors run as for any save; the entry is written in the same
    /// transaction as the rows. For writes of thousands of rows whose detail another record keeps (an import's report
    /// rows); any other save goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public async Task<int> SaveAsOneActionAsync(string action, string entityType, string entityId, IReadOnlyCollection<string> subjects, string reason, CancellationToken cancellationToken)
    {
        var trail = auditTrail ?? throw new InvalidOperationException(
            "This context was created without an audit trail and cannot save. Create it through dependency injection.");
        foreach (var interceptor in pendingChangesInterceptors)
        {
            interceptor.SavingChanges(ChangeTracker);
        }

        return await trail.SaveAsOneActionAsync(this, action, entityType, entityId, subjects, reason, base.SaveChangesAsync, cancellationToken);
    }

    /// <summary>Saves the audit rows the trail just added, without auditing them again.</summary>
    internal Task<int> SaveAuditRowsAsync(CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
}
