using System.Globalization;
using CareDesk.Features.Complaints.Reportability.Calendars;
using static CareDesk.Features.Complaints.Reportability.GuidedFacts;
using static CareDesk.Features.Complaints.Reportability.ReportabilityCodes;

namespace CareDesk.Features.Complaints.Reportability;

/// <summary>
/// Decides, per market, whether a complaint must be reported, as what, and by when (F17). Pure: no database, no
/// clock, no I/O; the calendars are loaded once and shared. Each rule carries its citation; docs/regulatory.md is the
/// table of the rules and of every reading chosen where a text leaves room.
/// </summary>
public sealed class ReportabilityEngine(RegulatoryCalendars calendars)
{
    private static readonly Market[] AllMarkets = [Market.US, Market.EU, Market.CN];

    public Assessment Assess(AssessmentInput input)
    {
        // Each stage is what was known from one moment on: the first awareness, then each later information in order.
        var stages = new List<(DateTimeOffset At, FactSet Facts)> { (input.Awareness.At, input.Facts) };
        foreach (var information in input.Information.OrderBy(i => i.ReceivedAt))
        {
            stages.Add((information.ReceivedAt, stages[^1].Facts.Then(information.Facts)));
        }

        var markets = AllMarkets
            .Select(market => AssessMarket(input.Profiles.FirstOrDefault(p => p.Market == market) ?? new MarketProfile(market, null), input, stages))
            .ToList();
        return new Assessment(IsComplaint(stages[^1].Facts), markets);
    }

    /// <summary>
    /// ISO 13485:2016 3.4 (QMSR 820.3): a communication alleging a deficiency of the device. Read from the facts as: the
    /// device is not ruled out and a malfunction (or suspicion of one), an ergonomic use error or the device's
    /// involvement in harm is alleged.
    /// </summary>
    internal static bool IsComplaint(FactSet facts) =>
        !facts.No(DeviceInvolved) && (facts.Yes(Malfunction) || facts.Yes(DeviceInvolved) || facts.Yes(UseErrorDueToErgonomics));

    private MarketAssessment AssessMarket(MarketProfile profile, AssessmentInput input, List<(DateTimeOffset At, FactSet Facts)> stages)
    {
        var code = profile.Market.ToString();
        if (profile.Sold == false)
        {
            return new MarketAssessment(code, false, NotApplicable, "none", "", [], [], [$"{Prefix(profile.Market)}.not-sold"]);
        }

        var obligations = new List<(Owed Owed, DateTimeOffset Start, string Status)>();
        var reasons = new List<string>();
        var citations = new List<string>();
        Decision? previous = null;
        for (var i = 0; i < stages.Count; i++)
        {
            var (at, facts) = stages[i];
            var decision = Decide(profile, input, facts);
            var firm = decision.Reportable == Yes && profile.Sold == true;
            var status = firm ? Open : Provisional;

            var supplemented = previous is not null
                && FollowUp(profile.Market, previous, decision, stages[i - 1].Facts, facts, at, obligations, reasons);

            // China: a changed class after the first report is the supplementary report, not a second individual one.
            foreach (var owed in decision.Owed.Where(o => !(supplemented && o.Kind == "cn-individual")))
            {
                var existing = obligations.FindIndex(o => o.Owed.Kind == owed.Kind && o.Owed.Period == owed.Period);
                if (existing < 0)
                {
                    obligations.Add((owed, at, status));
                }
                else if (obligations[existing].Status == Provisional && firm)
                {
                    // Confirmed: the clock ran from the first awareness of the information that suggested it.
                    obligations[existing] = obligations[existing] with { Status = Open };
                    reasons.Add($"{Prefix(profile.Market)}.confirmed-clock-from-first-awareness");
                }
            }

            if (decision.Reportable == No)
            {
                for (var o = 0; o < obligations.Count; o++)
                {
                    if (obligations[o].Status == Provisional)
                    {
                        obligations[o] = obligations[o] with { Status = NotRequired };
                    }
                }
            }

            citations.AddRange(decision.Citations);
            if (i == stages.Count - 1)
            {
                reasons.InsertRange(0, decision.Reasons);
            }

            previous = decision;
        }

        if (profile.Sold is null)
        {
            reasons.Add($"{Prefix(profile.Market)}.profile-unknown");
        }

        var calendar = CalendarFor(profile.Market, input.EuMemberState);
        var views = obligations.Select(o => View(o.Owed, o.Start, o.Status, calendar, input)).ToList();
        return new MarketAssessment(
            code, true, previous!.Reportable, previous.EventClass, "", [.. citations.Distinct()], views, [.. reasons.Distinct()]);
    }

    private static bool FollowUp(
        Market market, Decision previous, Decision current, FactSet before, FactSet after, DateTimeOffset at,
        List<(Owed Owed, DateTimeOffset Start, string Status)> obligations, List<string> reasons)
    {
        var changed = after.Values.Any(f => before[f.Key] != f.Value);
        if (previous.Reportable != Yes || !changed)
        {
            return false;
        }

        switch (market)
        {
            case Market.US:
                // 803.56: information not known at the initial report goes in a supplemental report within 30 days of receipt.
                obligations.Add((Owed.UsSupplemental, at, Open));
                reasons.Add("us.supplemental");
                return false;
            case Market.CN when current.EventClass != previous.EventClass && current.Reportable != No && current.Owed.Count > 0:
                // A changed class (e.g. 可能导致严重伤害 → 死亡) is reported as 补充报告 on the clock of the new class,
                // counted from the receipt of the information that changed it.
                var period = current.Owed.Where(o => o.Kind is "cn-individual" or "cn-group-individual").Select(o => o.Period).DefaultIfEmpty(20).Min();
                obligations.Add((Owed.CnSupplementary(period), at, Open));
                reasons.Add("cn.supplementary");
                return true;
            default:
                return false;
        }
    }

    private Decision Decide(MarketProfile profile, AssessmentInput input, FactSet facts) => profile.Market switch
    {
        Market.US => DecideUs(facts),
        Market.EU => DecideEu(profile, input, facts),
        _ => DecideCn(profile, input, facts),
    };

    // 21 CFR 803.3: serious injury = life-threatening, permanent impairment or damage, or intervention to preclude it.
    private static bool SeriousInjury(FactSet f) => f.Yes(LifeThreatening) || f.Yes(PermanentImpairment) || f.Yes(InterventionToPrecludePermanentHarm);

    private static bool SeriousnessOpen(FactSet f) =>
        f.Yes(Injury) && !SeriousInjury(f) &&
        (f.Unknown(LifeThreatening) || f.Unknown(PermanentImpairment) || f.Unknown(InterventionToPrecludePermanentHarm));

    private static Decision DecideUs(FactSet f)
    {
        const string c803_50 = "21 CFR 803.50(a)";
        const string c803_3 = "21 CFR 803.3 (serious injury; caused or contributed; become aware)";
        var d = new Decision();
        if (f.No(DeviceInvolved))
        {
            return d.Set(No, "none", "us.device-not-involved", c803_50);
        }

        if (f.Yes(Death))
        {
            d.Set(Yes, "death", "us.death", c803_50, c803_3);
        }
        else if (SeriousInjury(f))
        {
            d.Set(Yes, "serious-injury", "us.serious-injury", c803_50, c803_3);
        }
        else if (SeriousnessOpen(f) || (f.Yes(Injury) && (f.Yes(Hospitalization) || f.Yes(MedicalIntervention))))
        {
            d.Set(NeedsInvestigation, "serious-injury", "us.seriousness-open", c803_50, c803_3);
        }
        else if (f.Yes(Malfunction) && f.Yes(RecurrenceLikelyToCauseDeathOrSeriousInjury))
        {
            d.Set(Yes, "malfunction", "us.malfunction-would-likely-cause", c803_50);
        }
        else if (f.Yes(Malfunction) && f.Unknown(RecurrenceLikelyToCauseDeathOrSeriousInjury))
        {
            d.Set(NeedsInvestigation, "malfunction", "us.malfunction-recurrence-open", c803_50);
        }
        else
        {
            d.Set(No, f.Yes(Malfunction) ? "malfunction" : "none", f.Yes(Malfunction) ? "us.malfunction-not-likely" : "us.no-reportable-event", c803_50);
        }

        if (d.Reportable != No)
        {
            if (f.Unknown(DeviceInvolved))
            {
                d.Reasons.Add("us.device-may-have-contributed");
            }

            if (f.Yes(UseError))
            {
                d.Reasons.Add("us.use-error-still-reportable");
            }

            if (f.Yes(FdaFiveDayRequestInForce) || f.Yes(RemedialActionNeeded))
            {
                // 803.53: a 5-day report in place of the 30-day report.
                d.Owed.Add(Owed.UsFiveDay);
                d.Citations.Add("21 CFR 803.53");
                d.Reasons.Add(f.Yes(FdaFiveDayRequestInForce) ? "us.five-day-fda-request" : "us.five-day-remedial-action");
            }
            else
            {
                d.Owed.Add(Owed.UsThirtyDay);
            }
        }

        if (f.Yes(RemedialActionNeeded))
        {
            d.Owed.Add(Owed.UsCorrection);
            d.Citations.Add("21 CFR 806.10");
            d.Reasons.Add("us.correction-or-removal");
        }

        return d;
    }

    private static Decision DecideEu(MarketProfile profile, AssessmentInput input, FactSet f)
    {
        var ivdr = profile.Regulation == "IVDR" || (profile.Regulation is null && profile.Ivd == true);
        var report = ivdr ? "IVDR Art. 82" : "MDR Art. 87";
        var trend = ivdr ? "IVDR Art. 83" : "MDR Art. 88";
        const string mdcg = "MDCG 2023-3 Rev.2";
        var d = new Decision();
        if (f.No(DeviceInvolved))
        {
            return d.Set(No, "none", "eu.device-not-involved", $"{report}(1)");
        }

        var seriousDeterioration = SeriousInjury(f) || f.Yes(Hospitalization);
        var outside = input.EventCountry is not null && !EuropeanUnion.IsInEea(input.EventCountry);

        if (f.Yes(UseError) && !f.Yes(UseErrorDueToErgonomics))
        {
            // MDR Art. 2(64) / IVDR Art. 2(67): a use error is an incident only when due to the device's ergonomic features.
            d.Set(No, "none", "eu.use-error-not-incident", ivdr ? "IVDR Art. 2(67)" : "MDR Art. 2(64)", mdcg);
        }
        else if (f.Yes(SeriousPublicHealthThreat))
        {
            d.Set(Yes, "serious-public-health-threat", "eu.serious-public-health-threat", $"{report}(4)", mdcg);
        }
        else if (ivdr && f.Yes(WithinLabelledPerformance) && !f.Yes(Death))
        {
            // IVDR Art. 82(1)(a): expected erroneous results, documented and quantified, go to trend reporting.
            d.Set(No, "trend-only", "eu.ivd-within-performance", $"{report}(1)(a)", trend);
        }
        else if (f.Yes(DeteriorationAnticipatedInRiskAnalysis) && !f.Yes(Death) && (seriousDeterioration || f.Yes(Injury)))
        {
            // MDR Art. 87(1)(a): expected side-effects, documented and quantified, are subject to trend reporting only.
            d.Set(No, "trend-only", "eu.expected-side-effect", $"{report}(1)(a)", trend);
        }
        else if (f.Yes(Death) || seriousDeterioration)
        {
            d.Set(Yes, "death-or-unanticipated-serious-deterioration", f.Yes(Death) ? "eu.death" : "eu.unanticipated-serious-deterioration", $"{report}(5)", mdcg);
        }
        else if (SeriousnessOpen(f) || (f.Yes(Injury) && f.Yes(MedicalIntervention)))
        {
            d.Set(NeedsInvestigation, "death-or-unanticipated-serious-deterioration", "eu.seriousness-open", $"{report}(5)", mdcg);
        }
        else if (f.Yes(Malfunction) && f.Yes(RecurrenceLikelyToCauseDeathOrSeriousInjury))
        {
            d.Set(Yes, "other-serious-incident", "eu.might-have-led", $"{report}(3)", mdcg);
        }
        else if (f.Yes(Malfunction) && f.Unknown(RecurrenceLikelyToCauseDeathOrSeriousInjury))
        {
            d.Set(NeedsInvestigation, "other-serious-incident", "eu.might-have-led-open", $"{report}(3)", mdcg);
        }
        else
        {
            d.Set(No, f.Yes(Malfunction) || f.Yes(Injury) ? "trend-only" : "none", f.Yes(Malfunction) || f.Yes(Injury) ? "eu.non-serious-incident" : "eu.no-incident", trend);
        }

        if (outside && d.Reportable != No)
        {
            // MDCG 2023-3: serious incidents outside the EEA are not reported unless they lead to an FSCA that concerns
            // devices on the Union market (Art. 87(1)(b)).
            d.Set(No, "none", "eu.outside-eea", $"{report}(1)", mdcg);
        }

        if (d.Reportable != No)
        {
            var period = d.EventClass switch
            {
                "serious-public-health-threat" => 2,
                "death-or-unanticipated-serious-deterioration" => 10,
                _ => 15,
            };
            d.Owed.Add(Owed.EuSeriousIncident(period));
            d.Citations.Add("Regulation (EEC, Euratom) No 1182/71 Art. 3(4)");
        }

        if (f.Yes(RemedialActionNeeded))
        {
            d.Owed.Add(Owed.EuFsca);
            d.Citations.Add($"{report}(1)(b)");
            d.Citations.Add($"{report}(8)");
            d.Reasons.Add("eu.fsca");
            if (d.Reportable == No)
            {
                d.Reportable = Yes;
                d.EventClass = "fsca";
            }
        }

        return d;
    }

    private static Decision DecideCn(MarketProfile profile, AssessmentInput input, FactSet f)
    {
        const string measures = "医疗器械不良事件监测和再评价管理办法（国家市场监督管理总局 国家卫生健康委员会令第1号）";
        const string guideline = "国家药监局 注册人开展不良事件监测工作指南（2020年第25号）";
        const string recall = "医疗器械召回管理办法（原国家食品药品监督管理总局令第29号）";
        var d = new Decision();
        var overseas = input.EventCountry is not null && !string.Equals(input.EventCountry, "CN", StringComparison.OrdinalIgnoreCase);
        if (f.No(DeviceInvolved))
        {
            return d.Set(No, "none", "cn.device-not-involved", measures);
        }

        var serious = SeriousInjury(f);
        var possibly = !serious && (
            (f.Yes(Malfunction) && f.Yes(RecurrenceLikelyToCauseDeathOrSeriousInjury)) ||
            SeriousnessOpen(f) ||
            (f.Yes(Injury) && (f.Yes(Hospitalization) || f.Yes(MedicalIntervention))));

        if (f.Yes(UseError) && !f.Yes(UseErrorDueToErgonomics))
        {
            // 不良事件 = harm under 正常使用 (normal use); a use error not owed to the design is outside it.
            d.Set(No, "none", "cn.use-error-not-normal-use", measures);
        }
        else if (profile.Ivd == true && f.Yes(WithinLabelledPerformance) && !f.Yes(Death) && !serious)
        {
            d.Set(No, "none", "cn.ivd-within-performance", measures);
        }
        else if (f.Yes(GroupEvent) && !overseas)
        {
            d.Set(Yes, "group", "cn.group", measures, guideline);
            d.Owed.Add(Owed.CnGroupInitial);
            d.Owed.Add(Owed.CnGroupIndividual);
            d.Owed.Add(Owed.CnGroupInvestigation);
        }
        else if (f.Yes(Death) || serious || possibly)
        {
            var cls = f.Yes(Death) ? "death" : serious ? "serious-injury" : "possibly-serious-injury";
            d.Set(Yes, overseas ? $"overseas-{cls}" : cls, overseas ? "cn.overseas" : $"cn.{cls}", measures, guideline);
            d.Owed.Add(Owed.CnIndividual(overseas ? 30 : f.Yes(Death) ? 7 : 20));
        }
        else if (f.Yes(Malfunction) && f.Unknown(RecurrenceLikelyToCauseDeathOrSeriousInjury))
        {
            d.Set(NeedsInvestigation, overseas ? "overseas-possibly-serious-injury" : "possibly-serious-injury", "cn.possibly-open", measures, guideline);
            d.Owed.Add(Owed.CnIndividual(overseas ? 30 : 20));
        }
        else if (profile.InnovativeFirstCycle == true && !overseas && (f.Yes(Injury) || f.Yes(Malfunction)))
        {
            d.Set(NeedsInvestigation, "other", "cn.innovative-first-cycle", measures);
            d.Owed.Add(Owed.CnIndividual(20));
        }
        else
        {
            d.Set(No, "none", "cn.no-reportable-event", measures);
        }

        if (f.Yes(RemedialActionNeeded))
        {
            if (overseas)
            {
                // Control measures taken abroad for a product also registered in China: 24 hours from awareness.
                d.Owed.Add(Owed.CnOverseasControlMeasure);
                d.Reasons.Add("cn.overseas-control-measure");
                d.Citations.Add(measures);
            }
            else
            {
                // 召回管理办法: 一级 (serious harm possible or caused) 1 day, 二级 (temporary, reversible harm) 3 days,
                // 三级 (harm unlikely) 7 days to notify; the investigation report and recall plan in 5 working days.
                var level = f.Yes(Death) || serious || possibly ? 1 : f.Yes(Injury) ? 2 : 3;
                d.Owed.Add(Owed.CnRecallNotice(level switch { 1 => 1, 2 => 3, _ => 7 }));
                d.Owed.Add(Owed.CnRecallReport);
                d.Reasons.Add($"cn.recall-level-{level}");
                d.Citations.Add(recall);
                if (d.Reportable == No)
                {
                    d.Reportable = Yes;
                    d.EventClass = "recall";
                }
            }
        }

        return d;
    }

    private WorkingCalendar CalendarFor(Market market, string? memberState) => market switch
    {
        Market.US => calendars.UnitedStates,
        Market.EU => calendars.MemberState(memberState),
        _ => calendars.China,
    };

    private static Obligation View(Owed owed, DateTimeOffset start, string status, WorkingCalendar calendar, AssessmentInput input)
    {
        var zone = input.Awareness.TimeZone;
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var day0 = DateOnly.FromDateTime(localStart.DateTime);
        string due;
        string? nominal = null;
        bool overdue;
        switch (owed.Unit)
        {
            case Hours:
                var dueAt = localStart.AddHours(owed.Period);
                dueAt = TimeZoneInfo.ConvertTime(dueAt, zone);
                due = dueAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                overdue = input.Now > dueAt;
                break;
            case WorkingDays:
                var last = calendar.AddWorkingDays(day0, owed.Period);
                due = Date(last);
                overdue = Today(input) > last;
                break;
            default:
                var nominalDay = day0.AddDays(owed.Period);
                var legal = owed.RollForward ? calendar.NextWorkingDayFrom(nominalDay) : nominalDay;
                due = Date(legal);
                nominal = owed.RollForward ? Date(nominalDay) : null;
                overdue = Today(input) > legal;
                break;
        }

        var shown = status == Open && overdue ? Overdue : status;
        return new Obligation(owed.Kind, owed.Form, localStart, owed.Period, owed.Unit, due, nominal, shown);
    }

    private static DateOnly Today(AssessmentInput input) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(input.Now, input.Awareness.TimeZone).DateTime);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Prefix(Market market) => market.ToString().ToLowerInvariant();

    /// <summary>One market's reading of one set of facts.</summary>
    private sealed class Decision
    {
        public string Reportable { get; set; } = No;

        public string EventClass { get; set; } = "none";

        public List<string> Reasons { get; } = [];

        public List<string> Citations { get; } = [];

        public List<Owed> Owed { get; } = [];

        public Decision Set(string reportable, string eventClass, string reason, params string[] citations)
        {
            Reportable = reportable;
            EventClass = eventClass;
            Reasons.Add(reason);
            Citations.AddRange(citations);
            return this;
        }
    }
}
