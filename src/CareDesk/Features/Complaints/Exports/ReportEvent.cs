using CareDesk.Features.Complaints.Reportability;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>What happened, where and when, and how the engine classed it per market.</summary>
/// <param name="Narrative">The caller's words from the complaint file, else the case's subject and description.</param>
/// <param name="PatientInvolvement">The file's code: involved, not-involved; null when unknown.</param>
/// <param name="PatientOutcome">The file's code (ICH E2B outcomes): no-health-effect, recovered, recovering, not-recovered,
/// recovered-with-sequelae, fatal; null when unknown. Each form writes it in its own language.</param>
/// <param name="Facts">The guided facts (F17) by wire name: the file's answers, then later information's over them.</param>
/// <param name="EventClasses">Market (US, EU, CN) → the reportability engine's event class code.</param>
public sealed record ReportEvent(
    DateOnly? EventDate,
    DateTimeOffset AwarenessAt,
    string ReceivingTimeZone,
    string? EventCountry,
    string? EuMemberState,
    string? Narrative,
    string? PatientInvolvement,
    string? PatientOutcome,
    IReadOnlyDictionary<string, FactValue> Facts,
    IReadOnlyDictionary<string, string> EventClasses)
{
    public FactValue Fact(string name) => Facts.TryGetValue(name, out var value) ? value : FactValue.Unknown;

    public string? EventClass(Market market) => EventClasses.GetValueOrDefault(market.ToString());
}
