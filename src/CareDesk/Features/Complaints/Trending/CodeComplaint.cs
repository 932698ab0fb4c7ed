using CareDesk.Features.Cases;
using CareDesk.Features.Complaints.Imdrf;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// Quality codes a complaint's investigation with IMDRF terms (F16): device problems from annex A, health effects from
/// annexes E and F, each checked against the shipped code list. The list replaces the complaint's codes; a code kept
/// keeps who coded it first. Then the trend of each problem code for the complaint's model is checked (<see cref="TrendWatch"/>).
/// </summary>
public sealed class CodeComplaint(CareDeskDbContext db, CaseAccess access, TrendWatch watch)
{
    /// <param name="Problem">Annex A codes (A0601…).</param>
    /// <param name="HealthEffect">Annex E or F codes (E0101, F08…).</param>
    /// <param name="Version">The IMDRF release the codes come from; only the shipped one (<see cref="ImdrfTerms.Release"/>) is accepted.</param>
    /// <param name="ModelId">The catalog model, when the case names no device (or quality knows better).</param>
    public sealed record Request(IReadOnlyList<string>? Problem = null, IReadOnlyList<string>? HealthEffect = null, string? Version = null, string? ModelId = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (request.Version is { } version && version.Trim() != ImdrfTerms.Release)
        {
            return Failure.Invalid("version", "Codes.ReleaseUnknown", version, ImdrfTerms.Release);
        }

        var wanted = new List<(char Annex, string Code)>();
        if (Check("problem", request.Problem, ['A'], wanted) is { } badProblem)
        {
            return badProblem;
        }

        if (Check("healthEffect", request.HealthEffect, ['E', 'F'], wanted) is { } badEffect)
        {
            return badEffect;
        }

        if (await db.Set<Complaint>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken) is not { } complaint)
        {
            return Failure.NotFound("Complaint.NotFound");
        }

        var loaded = await access.LoadAsync(complaint.CaseId, actor, cancellationToken);
        if (loaded.Failure is { } denied)
        {
            return denied;
        }

        var modelId = request.ModelId?.Trim();
        if (modelId is { Length: > 0 })
        {
            if (!await db.ProductModels.AnyAsync(m => m.Id == modelId, cancellationToken))
            {
                return Failure.NotFound("modelId", "Trend.ModelUnknown", modelId);
            }
        }
        else
        {
            modelId = await ModelOfAsync(complaint, loaded.Value!, cancellationToken);
        }

        var month = TrendMonth.Of(complaint.AwarenessAt, TimeZoneInfo.TryFindSystemTimeZoneById(complaint.ReceivingTimeZone, out var zone) ? zone : TimeZoneInfo.Utc);
        var now = access.Now();
        var existing = await db.Set<ComplaintCode>().Where(c => c.ComplaintId == complaintId).ToListAsync(cancellationToken);
        db.Set<ComplaintCode>().RemoveRange(existing.Where(e => !wanted.Contains((e.Annex, e.Code))));
        foreach (var kept in existing.Where(e => wanted.Contains((e.Annex, e.Code))))
        {
            kept.ModelId = modelId;
            kept.Month = month;
        }

        foreach (var (annex, code) in wanted.Where(w => !existing.Any(e => (e.Annex, e.Code) == w)))
        {
            db.Set<ComplaintCode>().Add(new ComplaintCode
            {
                ComplaintId = complaintId,
                Annex = annex,
                Code = code,
                Release = ImdrfTerms.Release,
                ModelId = modelId,
                Month = month,
                CodedBy = actor.UserId,
                CodedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (modelId is not null)
        {
            // A parent's trend counts its children: a coded A0701 may make A07's month signal too.
            var trends = wanted.Where(w => w.Annex == 'A').SelectMany(w => ImdrfTerms.Shipped.Ancestors(w.Code).Prepend(w.Code)).Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var code in trends)
            {
                await watch.CheckAsync(modelId, code, month, cancellationToken);
            }
        }

        return complaintId;
    }

    /// <summary>
    /// The model a complaint concerns, as far as main knows it today: the case's device's model. (When the complaint file
    /// carries its own product model, read that first.)
    /// </summary>
    // The product the complaint file names first (its reportability facts), else the case's device's model.
    private Task<string?> ModelOfAsync(Complaint complaint, Case found, CancellationToken cancellationToken) =>
        complaint.ProductModelId is { } named ? Task.FromResult<string?>(named)
        : found.DeviceId is { } deviceId
            ? db.Devices.AsNoTracking().Where(d => d.Id == deviceId).Select(d => d.ModelId).SingleOrDefaultAsync(cancellationToken)
            : Task.FromResult<string?>(null);

    private static Failure? Check(string field, IReadOnlyList<string>? codes, char[] annexes, List<(char, string)> wanted)
    {
        for (var i = 0; i < (codes?.Count ?? 0); i++)
        {
            var text = codes![i]?.Trim() ?? "";
            var term = ImdrfTerms.Shipped.Find(text);
            if (term is null)
            {
                return Failure.Invalid($"{field}[{i}]", "Codes.Unknown", text, ImdrfTerms.Release);
            }

            if (!annexes.Contains(term.Annex))
            {
                return Failure.Invalid($"{field}[{i}]", "Codes.WrongAnnex", term.Code, string.Join("/", annexes));
            }

            if (!term.Selectable)
            {
                return Failure.Invalid($"{field}[{i}]", "Codes.NotSelectable", term.Code);
            }

            if (!wanted.Contains((term.Annex, term.Code)))
            {
                wanted.Add((term.Annex, term.Code));
            }
        }

        return null;
    }
}
