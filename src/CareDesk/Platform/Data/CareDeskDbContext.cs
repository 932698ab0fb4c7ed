using CareDesk.Features.Cases;
using CareDesk.Features.Catalog;
using CareDesk.Features.Contacts;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Features.Staff;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Outbox;
using CareDesk.Platform.Scheduling;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareDesk.Platform.Data;

/// <summary>
/// The one database context. Every save goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>,
/// which writes the audit trail for all changes in the same transaction, so no use case can forget it.
/// </summary>
public sealed class CareDeskDbContext(DbContextOptions<CareDeskDbContext> options, AuditTrail? auditTrail = null)
    : IdentityDbContext<User, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditSubject> AuditSubjects => Set<AuditSubject>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<TimerRequest> TimerRequests => Set<TimerRequest>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<IssuedRefreshToken> IssuedRefreshTokens => Set<IssuedRefreshToken>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<ContactPoint> ContactPoints => Set<ContactPoint>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<Relationship> Relationships => Set<Relationship>();

    public DbSet<Manufacturer> Manufacturers => Set<Manufacturer>();

    public DbSet<ProductModel> ProductModels => Set<ProductModel>();

    public DbSet<ModelLink> ModelLinks => Set<ModelLink>();

    public DbSet<RegulatoryProfileEntry> RegulatoryProfiles => Set<RegulatoryProfileEntry>();

    public DbSet<ModelLinkTombstone> ModelLinkTombstones => Set<ModelLinkTombstone>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<DeviceEvent> DeviceEvents => Set<DeviceEvent>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<ContactTransfer> ContactTransfers => Set<ContactTransfer>();

    public DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents => Set<ProcessedWebhookEvent>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEntry> CaseEntries => Set<CaseEntry>();

    public DbSet<OnCallShift> OnCallShifts => Set<OnCallShift>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<Callback> Callbacks => Set<Callback>();

    public DbSet<Features.ServiceLevels.ServiceCalendar> ServiceCalendars => Set<Features.ServiceLevels.ServiceCalendar>();

    public DbSet<Features.ServiceLevels.ServicePolicy> ServicePolicies => Set<Features.ServiceLevels.ServicePolicy>();

    public DbSet<WorkShift> WorkShifts => Set<WorkShift>();

    public DbSet<StaffSkills> StaffSkills => Set<StaffSkills>();

    public DbSet<StaffPresence> StaffPresence => Set<StaffPresence>();

    public DbSet<CaseLink> CaseLinks => Set<CaseLink>();

    public DbSet<Features.NothingLost.Finding> Findings => Set<Features.NothingLost.Finding>();

    public DbSet<Features.NothingLost.HandoverReport> HandoverReports => Set<Features.NothingLost.HandoverReport>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();

    public DbSet<Features.Macros.Macro> Macros => Set<Features.Macros.Macro>();

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
        CaseActivity.Touch(ChangeTracker);
        return await trail.SaveWithAuditAsync(this, acceptAllChangesOnSuccess, base.SaveChangesAsync, cancellationToken);
    }

    /// <summary>Saves the audit rows the trail just added, without auditing them again.</summary>
    internal Task<int> SaveAuditRowsAsync(CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
}
