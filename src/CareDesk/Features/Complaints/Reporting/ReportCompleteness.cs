using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reportability.Calendars;
using static CareDesk.Features.Complaints.Reportability.GuidedFacts;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// What one market's report still misses (F17 "completeness during the call"): the event fields every report form
/// asks for, and each unknown guided fact whose answer would change that market's decision — found by asking the
/// engine both ways (yes and no) and comparing with the decision now. Facts the caller can answer are asked now;
/// the others are quality's assessment.
/// </summary>
public static class ReportCompleteness
{
    /// <summary>Facts a caller can answer on the line; the rest (recurrence, risk analysis, FSCA...) are quality's.</summary>
    public static readonly IReadOnlyList<string> CallerFacts =
    [
        DeviceInvolved, Malfunction, Injury, Death, LifeThreatening, Hospitalization, MedicalIntervention,
        PermanentImpairment, InterventionToPrecludePermanentHarm, UseError, IvdResultLedToTreatmentDecision, GroupEvent,
    ];

    /// <summary>The facts quality assesses, in the order the panel shows them.</summary>
    public static readonly IReadOnlyList<string> QualityFacts =
    [
        RecurrenceLikelyToCauseDeathOrSeriousInjury, UseErrorDueToErgonomics, WithinLabelledPerformance,
        DeteriorationAnticipatedInRiskAnalysis, RemedialActionNeeded, FdaFiveDayRequestInForce, SeriousPublicHealthThreat,
    ];

    /// <param name="Market"><c>US</c>, <c>EU</c> or <c>CN</c>.</param>
    /// <param name="Fields">Event fields the report needs and the file lacks: <c>productId</c>, <c>eventDate</c>, <c>eventCountry</c>, <c>euMemberState</c>.</param>
    /// <param name="Ask">Unknown facts the caller can answer that would change this market's decision.</param>
    /// <param name="Assess">Unknown facts for quality's assessment that would change it.</param>
    public sealed record MarketGaps(string Market, IReadOnlyList<string> Fields, IReadOnlyList<string> Ask, IReadOnlyList<string> Assess);

    public static IReadOnlyList<MarketGaps> Of(ReportabilityEngine engine, AssessmentInput input, Assessment now, string? productId, DateOnly? eventDate)
    {
        var known = input.Information.OrderBy(i => i.ReceivedAt).Aggregate(input.Facts, (facts, later) => facts.Then(later.Facts));
        var deciding = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var fact in All.Where(known.Unknown))
        {
            foreach (var answer in (FactValue[])[FactValue.Yes, FactValue.No])
            {
                var asked = engine.Assess(input with { Facts = input.Facts.Then(FactSet.Of((fact, answer))) });
                foreach (var market in asked.Markets.Where(m => Signature(m) != Signature(now.Markets.First(n => n.Market == m.Market))))
                {
                    if (!deciding.TryGetValue(market.Market, out var facts))
                    {
                        deciding[market.Market] = facts = new HashSet<string>(StringComparer.Ordinal);
                    }

                    facts.Add(fact);
                }
            }
        }

        return [.. now.Markets.Where(m => m.Applicable).Select(m =>
        {
            var fields = new List<string>();
            if (productId is null)
            {
                fields.Add("productId");
            }

            if (eventDate is null)
            {
                fields.Add("eventDate");
            }

            if (input.EventCountry is null)
            {
                fields.Add("eventCountry");
            }

            if (m.Market == nameof(Market.EU) && input.EuMemberState is null && (input.EventCountry is null || EuropeanUnion.IsInEea(input.EventCountry)))
            {
                fields.Add("euMemberState");
            }

            var facts = deciding.GetValueOrDefault(m.Market) ?? [];
            return new MarketGaps(m.Market, fields, [.. CallerFacts.Where(facts.Contains)], [.. QualityFacts.Where(facts.Contains)]);
        })];
    }

    private static string Signature(MarketAssessment market) =>
        $"{market.Reportable}|{market.EventClass}|{string.Join(",", market.Obligations.Where(o => o.Status != ReportabilityCodes.NotRequired).Select(o => $"{o.Kind}/{o.Period}").Order(StringComparer.Ordinal))}";
}
