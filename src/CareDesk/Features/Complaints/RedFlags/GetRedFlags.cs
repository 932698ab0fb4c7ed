using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.RedFlags;

/// <summary>A case's red-flag questions in the agent's language and every answer recorded so far, newest first.</summary>
public sealed class GetRedFlags(CareDeskDbContext db, CaseAccess access, OwnerNames owners, IStringLocalizer<RedFlagsText> text)
{
    /// <param name="Name">The red flag's short name; <paramref name="Text"/> what the agent asks, both in the agent's language.</param>
    public sealed record Question(string Flag, string Name, string Text);

    public sealed record Answer(
        Guid Id, string Flag, string Question, string Language, string Value, OwnerView AnsweredBy, DateTimeOffset AnsweredAt, Guid? ContactId, Guid? EscalationId);

    public sealed record View(Guid CaseId, IReadOnlyList<Question> Questions, IReadOnlyList<Answer> Answers);

    public IReadOnlyList<Question> Questions() =>
        [.. RedFlags.All.Select(flag => new Question(flag, text[$"Name.{flag}"], text[$"Question.{flag}"]))];

    public async Task<Result<View>> RunAsync(Guid caseId, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(caseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var answers = await db.Set<RedFlagAnswer>().AsNoTracking().Where(a => a.CaseId == caseId)
            .OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        return new View(caseId, Questions(), await ViewsAsync(answers, cancellationToken));
    }

    internal async Task<OwnerView> OwnerAsync(string userId, CancellationToken cancellationToken) =>
        (await owners.LoadAsync([(userId, null)], cancellationToken))(userId, null);

    internal async Task<IReadOnlyList<Answer>> ViewsAsync(IReadOnlyList<RedFlagAnswer> answers, CancellationToken cancellationToken)
    {
        var names = await owners.LoadAsync(answers.Select(a => ((string?)a.AnsweredBy, (string?)null)), cancellationToken);
        return [.. answers.Select(a => new Answer(
            a.Id, a.Flag, a.Question, a.Language, RedFlags.WireName(a.Answer), names(a.AnsweredBy, null), a.AnsweredAt, a.ContactId, a.EscalationId))];
    }
}
