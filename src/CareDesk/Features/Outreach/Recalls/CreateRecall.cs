using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Complaints;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Creates a recall as a draft (F21a), with the safety-notice campaign that will carry its calls and the standard
/// recall questionnaire (the notice as the script, then "did the person confirm they understood") in the same save.
/// Models must exist; a serial range needs one prefix and a start not after its end; linked complaints and cases must
/// exist. Each refusal names its field (<c>serialRanges[1].end</c>).
/// </summary>
public sealed class CreateRecall(CareDeskDbContext db, TimeProvider clock)
{
    public const string ConfirmedQuestion = "confirmed-understanding";

    public sealed record Range([property: MaxLength(64)] string? Start, [property: MaxLength(64)] string? End);

    public sealed record Request(
        [property: MaxLength(200), SingleLineText] string? Name,
        [property: MaxLength(4000)] string? SummaryZh,
        [property: MaxLength(4000)] string? SummaryEn,
        [property: MaxLength(1)] string? Depth,
        IReadOnlyList<string>? ModelIds,
        IReadOnlyList<Range>? SerialRanges = null,
        IReadOnlyList<string>? Lots = null,
        int? CheckPercent = null,
        IReadOnlyList<Guid>? ComplaintIds = null,
        IReadOnlyList<Guid>? CaseIds = null,
        int? MaxAttempts = null,
        int? RetryMinutes = null);

    public async Task<Result<RecallView>> RunAsync(Request request, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Failure.Invalid("name", "Recall.NameRequired");
        }

        if (string.IsNullOrWhiteSpace(request.SummaryZh))
        {
            return Failure.Invalid("summaryZh", "Recall.SummaryRequired");
        }

        if (string.IsNullOrWhiteSpace(request.SummaryEn))
        {
            return Failure.Invalid("summaryEn", "Recall.SummaryRequired");
        }

        if (!Enum.TryParse<RecallDepth>(request.Depth?.Trim(), ignoreCase: true, out var depth) || !Enum.IsDefined(depth))
        {
            return Failure.Invalid("depth", "Recall.DepthInvalid");
        }

        // 21 CFR 7.42(b)(3)(ii): level B is "greater than 10 percent and less than 100 percent", set case by case.
        if (depth == RecallDepth.B ? request.CheckPercent is not (> 10 and < 100) : request.CheckPercent is not null)
        {
            return Failure.Invalid("checkPercent", "Recall.CheckPercentInvalid");
        }

        var models = (request.ModelIds ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (models.Count == 0)
        {
            return Failure.Invalid("modelIds", "Recall.ModelsRequired");
        }

        var known = await db.ProductModels.Where(m => models.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        if (models.Except(known, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
        {
            return Failure.Invalid("modelIds", "Recall.ModelUnknown", unknown);
        }

        var ranges = new List<SerialRange>();
        foreach (var (range, i) in (request.SerialRanges ?? []).Select((r, i) => (r, i)))
        {
            if (CheckRange(range, $"serialRanges[{i}]") is { } bad)
            {
                return bad;
            }

            ranges.Add(new SerialRange(range.Start!.Trim(), range.End!.Trim()));
        }

        var lots = (request.Lots ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (lots.FirstOrDefault(l => l.Length > 64) is not null)
        {
            return Failure.Invalid("lots", "Recall.LotTooLong");
        }

        var complaints = (request.ComplaintIds ?? []).Distinct().ToList();
        var foundComplaints = await db.Set<Complaint>().Where(c => complaints.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (complaints.Except(foundComplaints).Any())
        {
            return Failure.Invalid("complaintIds", "Recall.ComplaintUnknown", complaints.Except(foundComplaints).First());
        }

        var cases = (request.CaseIds ?? []).Distinct().ToList();
        var foundCases = await db.Cases.Where(c => cases.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (cases.Except(foundCases).Any())
        {
            return Failure.Invalid("caseIds", "Recall.CaseUnknown", cases.Except(foundCases).First());
        }

        if (request.MaxAttempts is < 1 or > 20)
        {
            return Failure.Invalid("maxAttempts", "Recall.MaxAttemptsRange");
        }

        if (request.RetryMinutes is < 5 or > 43_200)
        {
            return Failure.Invalid("retryMinutes", "Recall.RetryRange");
        }

        var now = clock.GetUtcNow();
        var name = request.Name.Trim();
        var recallId = Guid.CreateVersion7();
        var questionnaire = new Questionnaire
        {
            Key = $"recall-{recallId:N}",
            Version = 1,
            Title = name,
            ScriptZh = request.SummaryZh.Trim(),
            ScriptEn = request.SummaryEn.Trim(),
            // A yes/no question, not a consent: understanding a safety notice gives no permission to anything.
            Questions = [new Question(ConfirmedQuestion, "您是否已理解本安全通知及需要采取的措施？", "Did the person confirm they understood this safety notice and what to do?", AnswerType.YesNo, Required: true)],
            CreatedBy = userId,
            CreatedAt = now,
        };
        var campaign = new Campaign
        {
            Name = name,
            Purpose = OutreachPurpose.SafetyNotice,
            Channel = OutreachChannel.Phone,
            Target = new TargetRule(ProductIds: models),
            QuestionnaireId = questionnaire.Id,
            MaxAttempts = request.MaxAttempts ?? 3,
            RetryMinutes = request.RetryMinutes ?? 240,
            Status = CampaignStatus.Draft,
            CreatedBy = userId,
            CreatedAt = now,
        };
        var recall = new Recall
        {
            Id = recallId,
            Name = name,
            SummaryZh = request.SummaryZh.Trim(),
            SummaryEn = request.SummaryEn.Trim(),
            Depth = depth,
            CheckPercent = request.CheckPercent,
            ModelIds = models,
            SerialRanges = ranges,
            Lots = lots,
            ComplaintIds = complaints,
            CaseIds = cases,
            CampaignId = campaign.Id,
            Status = RecallStatus.Draft,
            CreatedBy = userId,
            CreatedAt = now,
        };
        db.Questionnaires.Add(questionnaire);
        db.Campaigns.Add(campaign);
        db.Recalls.Add(recall);
        await db.SaveChangesAsync(cancellationToken);
        return RecallView.Of(recall);
    }

    private static Failure? CheckRange(Range range, string field)
    {
        if (string.IsNullOrWhiteSpace(range.Start) || SerialRange.Parse(range.Start.Trim()) is not { } start)
        {
            return Failure.Invalid($"{field}.start", "Recall.SerialInvalid");
        }

        if (string.IsNullOrWhiteSpace(range.End) || SerialRange.Parse(range.End.Trim()) is not { } end)
        {
            return Failure.Invalid($"{field}.end", "Recall.SerialInvalid");
        }

        if (!string.Equals(start.Prefix, end.Prefix, StringComparison.Ordinal))
        {
            return Failure.Invalid($"{field}.end", "Recall.SerialPrefixDiffers", start.Prefix, end.Prefix);
        }

        return SerialRange.CompareNumbers(start.Number, end.Number) > 0
            ? Failure.Invalid($"{field}.end", "Recall.SerialStartAfterEnd", range.Start.Trim(), range.End.Trim())
            : null;
    }
}
