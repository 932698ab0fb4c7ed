using System.Collections.Frozen;

namespace CareDesk.Features.Complaints.Reportability;

/// <summary>An answer to a guided fact. <c>Suspected</c> is allowed for <c>malfunction</c> only.</summary>
public enum FactValue
{
    Unknown,
    Yes,
    No,
    Suspected,
}

/// <summary>The guided facts of F17, by their wire names, and their parsing.</summary>
public static class GuidedFacts
{
    public const string Death = "death";
    public const string Injury = "injury";
    public const string LifeThreatening = "lifeThreatening";
    public const string PermanentImpairment = "permanentImpairment";
    public const string InterventionToPrecludePermanentHarm = "interventionToPrecludePermanentHarm";
    public const string Hospitalization = "hospitalization";
    public const string MedicalIntervention = "medicalIntervention";
    public const string Malfunction = "malfunction";
    public const string RecurrenceLikelyToCauseDeathOrSeriousInjury = "recurrenceLikelyToCauseDeathOrSeriousInjury";
    public const string UseError = "useError";
    public const string UseErrorDueToErgonomics = "useErrorDueToErgonomics";
    public const string IvdResultLedToTreatmentDecision = "ivdResultLedToTreatmentDecision";
    public const string WithinLabelledPerformance = "withinLabelledPerformance";
    public const string DeteriorationAnticipatedInRiskAnalysis = "deteriorationAnticipatedInRiskAnalysis";
    public const string RemedialActionNeeded = "remedialActionNeeded";
    public const string FdaFiveDayRequestInForce = "fdaFiveDayRequestInForce";
    public const string GroupEvent = "groupEvent";
    public const string SeriousPublicHealthThreat = "seriousPublicHealthThreat";
    public const string DeviceInvolved = "deviceInvolved";

    public static readonly FrozenSet<string> All = new[]
    {
        Death, Injury, LifeThreatening, PermanentImpairment, InterventionToPrecludePermanentHarm, Hospitalization,
        MedicalIntervention, Malfunction, RecurrenceLikelyToCauseDeathOrSeriousInjury, UseError, UseErrorDueToErgonomics,
        IvdResultLedToTreatmentDecision, WithinLabelledPerformance, DeteriorationAnticipatedInRiskAnalysis,
        RemedialActionNeeded, FdaFiveDayRequestInForce, GroupEvent, SeriousPublicHealthThreat, DeviceInvolved,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Parses one answer; null when the name is unknown or the value is outside its vocabulary.</summary>
    public static FactValue? Parse(string name, string? value) =>
        !All.Contains(name) ? null : value switch
        {
            "yes" => FactValue.Yes,
            "no" => FactValue.No,
            "unknown" or null => FactValue.Unknown,
            "suspected" when name == Malfunction => FactValue.Suspected,
            _ => null,
        };

    public static string Wire(FactValue value) => value switch
    {
        FactValue.Yes => "yes",
        FactValue.No => "no",
        FactValue.Suspected => "suspected",
        _ => "unknown",
    };
}

/// <summary>
/// The answers known at one moment: a fact not answered is unknown. A later set laid over an earlier one replaces
/// only the facts it answers (yes/no/suspected); "unknown" never erases what was known.
/// </summary>
public sealed class FactSet
{
    public static readonly FactSet Empty = new(new Dictionary<string, FactValue>());

    private readonly IReadOnlyDictionary<string, FactValue> values;

    public FactSet(IReadOnlyDictionary<string, FactValue> values) => this.values = values;

    public FactValue this[string name] => values.TryGetValue(name, out var value) ? value : FactValue.Unknown;

    public IReadOnlyDictionary<string, FactValue> Values => values;

    public bool Yes(string name) => this[name] is FactValue.Yes or FactValue.Suspected;

    public bool No(string name) => this[name] == FactValue.No;

    public bool Unknown(string name) => this[name] == FactValue.Unknown;

    public FactSet Then(FactSet later)
    {
        var merged = new Dictionary<string, FactValue>(values, StringComparer.Ordinal);
        foreach (var (name, value) in later.values)
        {
            if (value != FactValue.Unknown)
            {
                merged[name] = value;
            }
        }

        return new FactSet(merged);
    }

    public static FactSet Of(params (string Name, FactValue Value)[] facts) =>
        new(facts.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal));
}
