using CareDesk.Features.Outreach;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Data;

// The context's sets of this feature's tables, declared here so that Platform names no feature (docs/adr/0005).
public sealed partial class CareDeskDbContext
{
    public DbSet<ConsentText> ConsentTexts => Set<ConsentText>();

    public DbSet<ConsentEntry> ConsentEntries => Set<ConsentEntry>();

    public DbSet<DoNotContactEntry> DoNotContactEntries => Set<DoNotContactEntry>();

    public DbSet<Disclosure> Disclosures => Set<Disclosure>();

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignMember> CampaignMembers => Set<CampaignMember>();

    public DbSet<OutreachClaim> OutreachClaims => Set<OutreachClaim>();

    public DbSet<OutreachAttempt> OutreachAttempts => Set<OutreachAttempt>();

    public DbSet<OutreachAnswer> OutreachAnswers => Set<OutreachAnswer>();

    public DbSet<FollowUpEvent> FollowUpEvents => Set<FollowUpEvent>();
}
