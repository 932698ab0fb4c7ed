using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Catalog;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.Reportability;

/// <summary>
/// Quality's what-if (<c>POST /api/regulatory/assess</c>): the reportability engine on a product's stored profile and
/// the facts sent, nothing stored but the audit entry. The complaint file will build the same
/// <see cref="AssessmentInput"/> from what it stores.
/// </summary>
public sealed class AssessReportability(
    CareDeskDbContext db,
    ReportabilityEngine engine,
    AuditTrail audit,
    TimeProvider time,
    IStringLocalizer<ReportabilityText> text)
{
    public sealed record Request(
        [property: Required, MaxLength(64)] string ProductId,
        [property: MaxLength(2)] string? EventCountry,
        [property: MaxLength(2)] string? EuMemberState,
        [property: Required] AwarenessInput Awareness,
        IReadOnlyDictionary<string, string?>? Facts = null,
        [property: MaxLength(50)] IReadOnlyList<InformationInput>? Information = null);

    public sealed record AwarenessInput(
        [property: Required] DateTimeOffset At,
        [property: Required, MaxLength(64)] string TimeZone);

    public sealed record InformationInput(
        [property: Required] DateTimeOffset ReceivedAt,
        IReadOnlyDictionary<string, string?>? Facts = null);

    public async Task<Result<Assessment>> RunAsync(Request request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.Awareness.TimeZone, out var zone))
        {
            return Failure.Invalid("awareness.timeZone", "Assess.TimeZoneInvalid");
        }

        if (request.Awareness.At > now)
        {
            return Failure.Invalid("awareness.at", "Assess.AwarenessInFuture");
        }

        if (request.EventCountry is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            return Failure.Invalid("eventCountry", "Assess.CountryInvalid");
        }

        if (request.EuMemberState is { } state && !Calendars.EuropeanUnion.IsInEea(state))
        {
            return Failure.Invalid("euMemberState", "Assess.MemberStateInvalid");
        }

        if (ParseFacts(request.Facts, "facts") is not { } facts)
        {
            return FactFailure(request.Facts, "facts");
        }

        var information = new List<LaterInformation>();
        for (var i = 0; i < (request.Information?.Count ?? 0); i++)
        {
            var item = request.Information![i];
            var field = $"information[{i}]";
            if (item.ReceivedAt > now)
            {
                return Failure.Invalid($"{field}.receivedAt", "Assess.InformationInFuture");
            }

            if (item.ReceivedAt < request.Awareness.At)
            {
                return Failure.Invalid($"{field}.receivedAt", "Assess.InformationBeforeAwareness");
            }

            if (ParseFacts(item.Facts, $"{field}.facts") is not { } later)
            {
                return FactFailure(item.Facts, $"{field}.facts");
            }

            information.Add(new LaterInformation(item.ReceivedAt, later));
        }

        if (!await db.ProductModels.AnyAsync(m => m.Id == request.ProductId, cancellationToken))
        {
            return Failure.NotFound("productId", "Assess.ProductUnknown", request.ProductId);
        }

        var profile = await GetRegulatoryProfile.CurrentAsync(db, request.ProductId, cancellationToken);
        var input = new AssessmentInput(
            profile.ForEngine(), request.EventCountry, request.EuMemberState,
            new Awareness(request.Awareness.At, zone), facts, information, now);
        var assessment = engine.Assess(input);
        var shown = assessment with
        {
            Markets = [.. assessment.Markets.Select(m => m with { Rationale = string.Join(" ", m.Reasons.Select(r => text[r].Value)) })],
        };

        await audit.RecordActionAsync(
            "assessed", "ProductModel", request.ProductId, cancellationToken,
            string.Join("; ", shown.Markets.Select(m => $"{m.Market}: {m.Reportable} {m.EventClass}")));
        return shown;
    }

    private static FactSet? ParseFacts(IReadOnlyDictionary<string, string?>? answers, string field)
    {
        var parsed = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        foreach (var (name, value) in answers ?? new Dictionary<string, string?>())
        {
            if (GuidedFacts.Parse(name, value) is not { } fact)
            {
                return null;
            }

            parsed[name] = fact;
        }

        return new FactSet(parsed);
    }

    private static Failure FactFailure(IReadOnlyDictionary<string, string?>? answers, string field)
    {
        var (name, _) = answers!.First(a => GuidedFacts.Parse(a.Key, a.Value) is null);
        return GuidedFacts.All.Contains(name)
            ? Failure.Invalid($"{field}.{name}", "Assess.FactValueInvalid", name)
            : Failure.Invalid($"{field}.{name}", "Assess.FactUnknown", name);
    }
}
