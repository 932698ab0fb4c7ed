using System.Collections.Frozen;

namespace CareDesk.Features.Complaints.Reportability;

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
