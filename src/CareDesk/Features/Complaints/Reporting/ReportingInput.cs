using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reportability.Calendars;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>The checks and the save that recording facts and recording later information share.</summary>
internal static class ReportingInput
{
    /// <summary>Answers in the engine's vocabulary, or a 400 naming <c>{field}.{fact}</c>.</summary>
    public static Result<FactSet> Facts(IReadOnlyDictionary<string, string?>? answers, string field)
    {
        var parsed = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        foreach (var (name, value) in answers ?? new Dictionary<string, string?>())
        {
            if (GuidedFacts.Parse(name, value) is not { } fact)
            {
                return GuidedFacts.All.Contains(name)
                    ? Failure.Invalid($"{field}.{name}", "Reporting.FactValueInvalid", name)
                    : Failure.Invalid($"{field}.{name}", "Reporting.FactUnknown", name);
            }

            parsed[name] = fact;
        }

        return new FactSet(parsed);
    }

    public static Failure? CheckPlace(string? eventCountry, string? euMemberState)
    {
        if (eventCountry is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            return Failure.Invalid("eventCountry", "Reporting.CountryInvalid");
        }

        return euMemberState is { } state && !EuropeanUnion.IsInEea(state) ? Failure.Invalid("euMemberState", "Reporting.MemberStateInvalid") : null;
    }

    /// <summary>
    /// Saves the recorded change under the complaint's version, decides again on what is now stored and saves the
    /// decision and the obligations' changes in the same transaction, then hands the obligations' timers over.
    /// </summary>
    public static async Task<Result<Guid>> SaveDecidedAsync(
        CareDeskDbContext db, DecideReportability decide, DurableTimers timers, Complaint complaint, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        complaint.Version = Guid.NewGuid();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone else recorded on this complaint at the same moment: theirs stands; read it and try again.
                return Failure.Conflict("Complaint.Conflict");
            }

            await decide.ApplyAsync(complaint, actor, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await timers.HandOverAsync(db, cancellationToken);
        return complaint.Id;
    }
}
