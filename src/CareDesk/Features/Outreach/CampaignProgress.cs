using System.Globalization;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Where a campaign stands (F21): reach rate (reached of those on the list), success rate (reached and the script
/// completed), attempts per reached person, outcomes, who was left out and why, who is held back by which fatigue rule,
/// and the answers summarised per question (counts per option, or count, mean, low and high of numbers).
/// </summary>
public sealed class CampaignProgress(CareDeskDbContext db)
{
    public sealed record AnswerSummary(string Key, string TextZh, string TextEn, string Type, IReadOnlyDictionary<string, int> Counts, int Answered, decimal? Mean, decimal? Min, decimal? Max);

    public sealed record View(
        CampaignView Campaign,
        int Listed,
        int OnList,
        int Reached,
        int Succeeded,
        int Pending,
        int Attempts,
        double ReachRate,
        double SuccessRate,
        double AttemptsPerReached,
        IReadOnlyDictionary<string, int> Outcomes,
        IReadOnlyDictionary<string, int> Excluded,
        IReadOnlyDictionary<string, int> HeldBy,
        IReadOnlyList<AnswerSummary> Answers);

    public async Task<Result<View>> RunAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken) is not { } campaign)
        {
            return Failure.NotFound("Campaign.NotFound");
        }

        var groups = await db.CampaignMembers.Where(m => m.CampaignId == campaignId)
            .GroupBy(m => new { m.Status, m.Exclusion, m.LastOutcome, m.HeldBy, Reached = m.ReachedAt != null })
            .Select(g => new { g.Key.Status, g.Key.Exclusion, g.Key.LastOutcome, g.Key.HeldBy, g.Key.Reached, Count = g.Count(), Attempts = g.Sum(m => m.Attempts) })
            .ToListAsync(cancellationToken);
        var listed = groups.Sum(g => g.Count);
        var onList = groups.Where(g => g.Exclusion is null).Sum(g => g.Count);
        var reached = groups.Where(g => g.Reached).Sum(g => g.Count);
        var succeeded = groups.Where(g => g.LastOutcome == OutreachOutcome.Reached).Sum(g => g.Count);
        var reachedAttempts = groups.Where(g => g.Reached).Sum(g => g.Attempts);

        var answers = await db.OutreachAnswers.Where(a => a.CampaignId == campaignId)
            .GroupBy(a => new { a.QuestionKey, a.Value })
            .Select(g => new { g.Key.QuestionKey, g.Key.Value, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var questionnaire = campaign.QuestionnaireId is { } qid ? await db.Questionnaires.AsNoTracking().SingleAsync(q => q.Id == qid, cancellationToken) : null;
        var summaries = (questionnaire?.Questions ?? []).Select(q =>
        {
            var mine = answers.Where(a => a.QuestionKey == q.Key).ToList();
            var answered = mine.Sum(a => a.Count);
            if (q.Type == AnswerType.Number)
            {
                var numbers = mine.Select(a => (Value: decimal.Parse(a.Value, CultureInfo.InvariantCulture), a.Count)).ToList();
                return new AnswerSummary(q.Key, q.TextZh, q.TextEn, OutreachTerms.Of(q.Type), new Dictionary<string, int>(), answered,
                    answered == 0 ? null : Math.Round(numbers.Sum(n => n.Value * n.Count) / answered, 2),
                    answered == 0 ? null : numbers.Min(n => n.Value),
                    answered == 0 ? null : numbers.Max(n => n.Value));
            }

            // Free text is counted, not listed: the answers are on each person's page.
            var counts = q.Type == AnswerType.Text ? new Dictionary<string, int>() : mine.ToDictionary(a => a.Value, a => a.Count, StringComparer.Ordinal);
            return new AnswerSummary(q.Key, q.TextZh, q.TextEn, OutreachTerms.Of(q.Type), counts, answered, null, null, null);
        }).ToList();

        return new View(
            CampaignView.Of(campaign),
            listed,
            onList,
            reached,
            succeeded,
            groups.Where(g => g.Status == MemberStatus.Pending).Sum(g => g.Count),
            groups.Sum(g => g.Attempts),
            onList == 0 ? 0 : Math.Round((double)reached / onList, 4),
            onList == 0 ? 0 : Math.Round((double)succeeded / onList, 4),
            reached == 0 ? 0 : Math.Round((double)reachedAttempts / reached, 2),
            Tally(groups.Where(g => g.LastOutcome is not null), g => OutreachTerms.Of(g.LastOutcome!.Value), g => g.Count),
            Tally(groups.Where(g => g.Exclusion is not null), g => g.Exclusion!, g => g.Count),
            Tally(groups.Where(g => g.HeldBy is not null && g.Status == MemberStatus.Pending), g => g.HeldBy!, g => g.Count),
            summaries);
    }

    private static Dictionary<string, int> Tally<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, int> count) =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(count), StringComparer.Ordinal);
}
