using BenchmarkDotNet.Attributes;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reportability.Calendars;
using static CareDesk.Features.Complaints.Reportability.FactValue;
using static CareDesk.Features.Complaints.Reportability.GuidedFacts;

namespace CareDesk.Bench.Micro;

/// <summary>
/// The reportability engine's share of <c>POST /api/regulatory/assess</c> (budget p95 ≤ 20 ms for the whole request):
/// three markets, calendars loaded once, for a simple event, a group event over a holiday, and a follow-up chain.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ReportabilityBenchmarks
{
    private static readonly ReportabilityEngine Engine = new(new RegulatoryCalendars(new EmbeddedChinaCalendarSource()));
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly MarketProfile[] Profiles =
    [
        new(Market.US, true, false, null, "II", "QBJ"),
        new(Market.EU, true, false, "MDR", "IIb"),
        new(Market.CN, true, false, null, "III"),
    ];

    private AssessmentInput input = null!;

    [Params("death-in-china", "group-over-national-day", "malfunction-then-three-follow-ups")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var at = new DateTimeOffset(2026, 9, 28, 10, 0, 0, TimeSpan.FromHours(8));
        input = Case switch
        {
            "death-in-china" => Input(at, FactSet.Of((DeviceInvolved, Yes), (Death, Yes)), []),
            "group-over-national-day" => Input(at, FactSet.Of((DeviceInvolved, Yes), (GroupEvent, Yes), (Injury, Yes), (RemedialActionNeeded, Yes)), []),
            _ => Input(at, FactSet.Of((DeviceInvolved, Yes), (Malfunction, Yes)),
            [
                new(at.AddDays(2), FactSet.Of((RecurrenceLikelyToCauseDeathOrSeriousInjury, Yes))),
                new(at.AddDays(5), FactSet.Of((Injury, Yes), (Hospitalization, Yes))),
                new(at.AddDays(9), FactSet.Of((Death, Yes))),
            ]),
        };
    }

    [Benchmark]
    public Assessment Assess() => Engine.Assess(input);

    private static AssessmentInput Input(DateTimeOffset at, FactSet facts, LaterInformation[] information) =>
        new(Profiles, "CN", null, new Awareness(at, Shanghai), facts, information, at.AddDays(10));
}
