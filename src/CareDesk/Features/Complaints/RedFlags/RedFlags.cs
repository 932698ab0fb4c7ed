using System.Collections.Frozen;

namespace CareDesk.Features.Complaints.RedFlags;

/// <summary>
/// The clinical red flags asked at intake (F15), by their wire names: any "yes" is an urgent medical escalation. The
/// questions, names and default scripts are in <c>Resources/Features/Complaints/RedFlags/RedFlagsText*.resx</c>.
/// </summary>
public static class RedFlags
{
    public const string Hypoglycemia = "hypoglycemia";
    public const string Hyperglycemia = "hyperglycemia";
    public const string LossOfConsciousness = "lossOfConsciousness";
    public const string Injury = "injury";
    public const string EmergencyVisitOrHospitalStay = "emergencyVisitOrHospitalStay";
    public const string Death = "death";

    /// <summary>In the order they are asked.</summary>
    public static readonly IReadOnlyList<string> All =
        [Hypoglycemia, Hyperglycemia, LossOfConsciousness, Injury, EmergencyVisitOrHospitalStay, Death];

    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Where <paramref name="flag"/> comes in the questions (0 first).</summary>
    public static int Order(string flag) => All.Select((f, i) => (f, i)).First(x => x.f == flag).i;

    public static bool IsKnown(string? flag) => flag is not null && Known.Contains(flag);

    /// <summary>Null when <paramref name="value"/> is outside <c>yes</c>, <c>no</c>, <c>unknown</c>.</summary>
    public static RedFlagAnswerValue? ParseAnswer(string? value) => value switch
    {
        "yes" => RedFlagAnswerValue.Yes,
        "no" => RedFlagAnswerValue.No,
        "unknown" => RedFlagAnswerValue.Unknown,
        _ => null,
    };

    public static string WireName(RedFlagAnswerValue value) => value switch
    {
        RedFlagAnswerValue.Yes => "yes",
        RedFlagAnswerValue.No => "no",
        _ => "unknown",
    };
}
