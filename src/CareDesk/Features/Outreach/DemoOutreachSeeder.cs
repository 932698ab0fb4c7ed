using CareDesk.Features.People;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Demo mode only: the demo people with a phone consented on paper to service follow-up calls, and a running
/// three-month follow-up campaign for the Accu-Chek Guide, so an agent can take a contact at once. Once only.
/// </summary>
internal sealed class DemoOutreachSeeder(CareDeskDbContext db, CallList callList, IOptions<DemoOptions> demo, TimeProvider clock) : IDataSeeder
{
    public const string CampaignName = "Accu-Chek Guide 三个月回访";

    public int Order => 70;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // A benchmark's million people in demo mode are not the demo's handful: they get no consents from here.
        if (!demo.Value.Enabled || await db.Campaigns.AnyAsync(cancellationToken) || await db.People.CountAsync(cancellationToken) > 1_000)
        {
            return;
        }

        var supervisor = await db.Users.Where(u => u.Email == UserSeeder.DemoEmail(Roles.Supervisor)).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var script = await db.Questionnaires.Where(q => q.Key == OutreachSeeder.FollowUpScript).Select(q => (Guid?)q.Id).FirstOrDefaultAsync(cancellationToken);
        if (supervisor is null || script is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var text = await db.ConsentTexts.Where(t => t.Purpose == OutreachPurpose.ServiceFollowUp).OrderByDescending(t => t.Version).FirstAsync(cancellationToken);
        var reachable = await db.ContactPoints.Where(c => c.Kind == ContactPointKind.Phone).Select(c => c.PersonId).Distinct().ToListAsync(cancellationToken);
        foreach (var person in reachable)
        {
            db.ConsentEntries.Add(new ConsentEntry
            {
                PersonId = person,
                Purpose = OutreachPurpose.ServiceFollowUp,
                Channel = OutreachChannel.Phone,
                Granted = true,
                Wording = text.TextZh,
                ConsentTextId = text.Id,
                Language = "zh-CN",
                Method = ConsentMethod.Paper,
                Source = "回访同意书 2026-001",
                RecordedBy = supervisor,
                RecordedAt = now,
            });
        }

        var campaign = new Campaign
        {
            Name = CampaignName,
            Purpose = OutreachPurpose.ServiceFollowUp,
            Channel = OutreachChannel.Phone,
            Target = new TargetRule(ProductIds: ["accu-chek-guide-meter"]),
            QuestionnaireId = script,
            Status = CampaignStatus.Running,
            BuiltAt = now,
            CreatedBy = supervisor,
            CreatedAt = now,
        };
        db.Campaigns.Add(campaign);
        // Follow-up rules (F20) running from the start: the demo's new registrations, repairs and resolved complaints
        // are followed up, each by the script with its consent question.
        foreach (var (name, trigger, days, byDevice) in new[]
                 {
                     ("设备登记后第 7 天回访", FollowUpTrigger.Registration, 7, false),
                     ("维修后第 3 天回访", FollowUpTrigger.Repair, 3, true),
                     ("投诉解决后三个月回访", FollowUpTrigger.ComplaintResolved, 90, false),
                 })
        {
            db.Campaigns.Add(new Campaign
            {
                Name = name,
                Trigger = trigger,
                OffsetDays = days,
                SkillFromDevice = byDevice,
                Purpose = OutreachPurpose.ServiceFollowUp,
                Channel = OutreachChannel.Phone,
                QuestionnaireId = script,
                Status = CampaignStatus.Running,
                CreatedBy = supervisor,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await callList.WriteAsync(campaign, cancellationToken);
    }
}
