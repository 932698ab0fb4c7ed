using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CareDesk.Features.Outreach;

/// <summary>
/// A campaign's list with its outcomes and answers as CSV or XLSX (F21). Supervisors only. Handing the file to someone
/// outside (a call-centre vendor, a distributor) names the recipient: each person in it is then recorded in the
/// disclosure ledger (F19) with what was shared and why; any export is audited as a read of everyone in it.
/// </summary>
public sealed class ExportCallList(CareDeskDbContext db, Disclosures disclosures, PersonReads reads, AuditTrail audit)
{
    public sealed record File(byte[] Content, string ContentType, string Name);

    public async Task<Result<File>> RunAsync(Guid campaignId, string? format, string? recipient, string? recipientKind, string userId, CancellationToken cancellationToken)
    {
        var csv = format is null or "csv";
        if (!csv && format != "xlsx")
        {
            return Failure.Invalid("format", "Export.FormatInvalid");
        }

        var kind = RecipientKind.Other;
        if (recipient is not null && (string.IsNullOrWhiteSpace(recipient) || !KebabCase.TryParse(recipientKind ?? "other", out kind)))
        {
            return Failure.Invalid(string.IsNullOrWhiteSpace(recipient) ? "recipient" : "recipientKind", "Export.RecipientInvalid", string.Join(", ", Enum.GetValues<RecipientKind>().Select(KebabCase.Of)));
        }

        if (await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken) is not { } campaign)
        {
            return Failure.NotFound("Campaign.NotFound");
        }

        var members = await (from m in db.CampaignMembers.AsNoTracking()
                             join p in db.People on m.PersonId equals p.Id
                             where m.CampaignId == campaignId
                             orderby p.DisplayName, m.PersonId
                             select new
                             {
                                 m,
                                 p.DisplayName,
                                 Phone = db.ContactPoints.Where(c => c.PersonId == p.Id && c.Kind == ContactPointKind.Phone).OrderByDescending(c => c.IsPrimary).Select(c => c.Value).FirstOrDefault(),
                             }).ToListAsync(cancellationToken);
        var answers = (await db.OutreachAnswers.AsNoTracking().Where(a => a.CampaignId == campaignId).OrderBy(a => a.AnsweredAt).ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.GroupBy(a => a.QuestionKey).ToDictionary(q => q.Key, q => q.Last().Value));
        var keys = campaign.QuestionnaireId is { } qid
            ? (await db.Questionnaires.AsNoTracking().SingleAsync(q => q.Id == qid, cancellationToken)).Questions.Select(q => q.Key).ToList()
            : [];

        var rows = members.Select(r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["person_id"] = r.m.PersonId.ToString(),
                ["name"] = r.DisplayName,
                ["phone"] = r.Phone,
                ["status"] = KebabCase.Of(r.m.Status),
                ["exclusion"] = r.m.Exclusion,
                ["attempts"] = r.m.Attempts,
                ["last_outcome"] = r.m.LastOutcome is { } o ? KebabCase.Of(o) : null,
                ["reached_at"] = r.m.ReachedAt?.ToString("O"),
            };
            foreach (var key in keys)
            {
                row[$"answer_{key}"] = answers.TryGetValue(r.m.PersonId, out var mine) && mine.TryGetValue(key, out var value) ? value : null;
            }

            return row;
        }).ToList();

        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "call-list", excelType: csv ? ExcelType.CSV : ExcelType.XLSX);
        var people = members.Select(r => r.m.PersonId).ToList();
        if (recipient is not null)
        {
            disclosures.Stage(people, kind, recipient.Trim(), ["name", "phone", "outreach-answers"], campaign.Name, "campaign-export", campaign.Id, userId);
            await db.SaveChangesAsync(cancellationToken);
        }

        await reads.RecordAsync(people, "campaign-export", cancellationToken);
        await audit.RecordActionAsync("campaign-exported", nameof(Campaign), campaign.Id.ToString(), cancellationToken, recipient);
        return new File(stream.ToArray(), csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"campaign-{campaign.Id:N}.{(csv ? "csv" : "xlsx")}");
    }
}
