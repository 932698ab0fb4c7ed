using CareDesk.Features.Complaints.Reportability;
using static CareDesk.Features.Complaints.Reportability.FactValue;
using static CareDesk.Features.Complaints.Reportability.GuidedFacts;

namespace CareDesk.Tests.Features.Complaints;

/// <summary>One test per rule, named after its citation (docs/regulatory.md has the table).</summary>
public sealed class ReportabilityRuleTests
{
    private static readonly MarketProfile Us = new(Market.US, true, false, null, "II", "QFG");
    private static readonly MarketProfile Eu = new(Market.EU, true, false, "MDR", "IIb");
    private static readonly MarketProfile EuIvd = new(Market.EU, true, true, "IVDR", "C");
    private static readonly MarketProfile Cn = new(Market.CN, true, false, null, "III");

    private static MarketAssessment Assess(
        MarketProfile profile, string at, string zone, string? country, string? state, FactSet facts, params LaterInformation[] information)
    {
        var awareness = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var now = information.Select(i => i.ReceivedAt).DefaultIfEmpty(awareness).Max().AddHours(1);
        var input = new AssessmentInput(
            [profile], country, state, new Awareness(awareness, TimeZoneInfo.FindSystemTimeZoneById(zone)), facts, information, now);
        return Assert.Single(ReportabilityScenarios.Engine.Assess(input).Markets, m => m.Market == profile.Market.ToString());
    }

    private static FactSet F(params (string, FactValue)[] facts) => FactSet.Of([(DeviceInvolved, Yes), .. facts]);

    private static LaterInformation Later(string at, params (string, FactValue)[] facts) =>
        new(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), FactSet.Of(facts));

    [Fact]
    public void Cfr803_50_a1_death_thirty_calendar_days_after_the_day_of_awareness_without_roll_forward()
    {
        // 2026-11-20 + 30 = Sunday 20 December: FDA takes eMDR every day, nothing moves it.
        var us = Assess(Us, "2026-11-20T10:00:00-05:00", "America/New_York", "US", null, F((Death, Yes)));

        Assert.Equal(("yes", "death"), (us.Reportable, us.EventClass));
        var report = Assert.Single(us.Obligations);
        Assert.Equal(("us-mdr-30-day", "2026-12-20", "calendar-days", 30), (report.Kind, report.Due, report.Unit, report.Period));
    }

    [Fact]
    public void Cfr803_3_serious_injury_is_life_threat_permanent_impairment_or_intervention_not_hospital_stay_alone()
    {
        var confirmed = Assess(Us, "2026-03-02T10:00:00-05:00", "America/New_York", "US", null, F((Injury, Yes), (PermanentImpairment, Yes)));
        var open = Assess(Us, "2026-03-02T10:00:00-05:00", "America/New_York", "US", null,
            F((Injury, Yes), (Hospitalization, Yes), (LifeThreatening, No), (PermanentImpairment, No), (InterventionToPrecludePermanentHarm, No)));

        Assert.Equal(("yes", "serious-injury"), (confirmed.Reportable, confirmed.EventClass));
        Assert.Equal("needs-investigation", open.Reportable);
        Assert.Equal("provisional", Assert.Single(open.Obligations).Status);
    }

    [Theory]
    [InlineData(Yes, "yes")]
    [InlineData(Unknown, "needs-investigation")]
    [InlineData(No, "no")]
    public void Cfr803_50_a2_malfunction_is_reportable_when_its_recurrence_would_likely_cause_death_or_serious_injury(FactValue recurrence, string reportable)
    {
        var us = Assess(Us, "2026-03-02T10:00:00-05:00", "America/New_York", "US", null,
            F((Malfunction, Yes), (RecurrenceLikelyToCauseDeathOrSeriousInjury, recurrence)));

        Assert.Equal((reportable, "malfunction"), (us.Reportable, us.EventClass));
    }

    [Fact]
    public void Cfr803_53_five_day_report_when_fda_requested()
    {
        // Wednesday before Thanksgiving 2026: 27 Nov, 30 Nov, 1, 2, 3 Dec are the five work days.
        var us = Assess(Us, "2026-11-25T11:00:00-05:00", "America/New_York", "US", null, F((Death, Yes), (FdaFiveDayRequestInForce, Yes)));

        var report = Assert.Single(us.Obligations);
        Assert.Equal(("us-mdr-5-day", "2026-12-03", "working-days"), (report.Kind, report.Due, report.Unit));
        Assert.Contains("21 CFR 803.53", us.Citations);
    }

    [Fact]
    public void Cfr803_53_a_five_day_report_when_remedial_action_is_needed_and_Cfr806_10_correction_in_10_working_days()
    {
        // Juneteenth (Friday 19 June 2026) is not a work day.
        var us = Assess(Us, "2026-06-15T08:30:00-04:00", "America/New_York", "US", null,
            F((Injury, Yes), (InterventionToPrecludePermanentHarm, Yes), (RemedialActionNeeded, Yes)));

        Assert.Equal("2026-06-23", Assert.Single(us.Obligations, o => o.Kind == "us-mdr-5-day").Due);
        Assert.Equal("2026-06-30", Assert.Single(us.Obligations, o => o.Kind == "us-806-correction").Due);
        Assert.DoesNotContain(us.Obligations, o => o.Kind == "us-mdr-30-day");
    }

    [Fact]
    public void Cfr803_56_supplemental_report_within_30_days_of_receiving_the_new_information()
    {
        var us = Assess(Us, "2026-05-04T10:00:00-04:00", "America/New_York", "US", null, F((Injury, Yes), (LifeThreatening, Yes)),
            Later("2026-05-20T10:00:00-04:00", (Death, Yes)));

        Assert.Equal("death", us.EventClass);
        Assert.Equal("2026-06-03", Assert.Single(us.Obligations, o => o.Kind == "us-mdr-30-day").Due);
        Assert.Equal("2026-06-19", Assert.Single(us.Obligations, o => o.Kind == "us-mdr-supplemental").Due);
    }

    [Fact]
    public void Cfr803_3_caused_or_contributed_includes_user_error()
    {
        var us = Assess(Us, "2026-04-10T16:00:00-04:00", "America/New_York", "US", null, F((UseError, Yes), (Injury, Yes), (LifeThreatening, Yes)));

        Assert.Equal("yes", us.Reportable);
        Assert.Contains("us.use-error-still-reportable", us.Reasons);
    }

    [Fact]
    public void Mdr87_3_other_serious_incident_not_later_than_15_days()
    {
        var eu = Assess(Eu, "2026-07-01T10:00:00+02:00", "Europe/Berlin", "DE", "DE", F((Malfunction, Yes), (RecurrenceLikelyToCauseDeathOrSeriousInjury, Yes)));

        Assert.Equal(("yes", "other-serious-incident"), (eu.Reportable, eu.EventClass));
        Assert.Equal(("eu-serious-incident", 15, "2026-07-16"), (eu.Obligations[0].Kind, eu.Obligations[0].Period, eu.Obligations[0].Due));
    }

    [Fact]
    public void Mdr87_4_serious_public_health_threat_not_later_than_2_days()
    {
        var eu = Assess(Eu, "2026-07-01T10:00:00+02:00", "Europe/Berlin", "DE", "DE", F((SeriousPublicHealthThreat, Yes)));

        Assert.Equal(("serious-public-health-threat", 2, "2026-07-03"), (eu.EventClass, eu.Obligations[0].Period, eu.Obligations[0].Due));
    }

    [Fact]
    public void Mdr87_5_death_or_unanticipated_serious_deterioration_not_later_than_10_days()
    {
        var eu = Assess(Eu, "2026-07-01T10:00:00+02:00", "Europe/Berlin", "DE", "DE", F((Injury, Yes), (Hospitalization, Yes)));

        Assert.Equal(("death-or-unanticipated-serious-deterioration", 10, "2026-07-13"), (eu.EventClass, eu.Obligations[0].Period, eu.Obligations[0].Due));
        Assert.Equal("2026-07-11", eu.Obligations[0].NominalDue);
    }

    [Fact]
    public void Reg1182_71_Art3_4_a_last_day_on_a_member_state_public_holiday_moves_to_the_next_working_day()
    {
        // Day 0 = Friday 27 March 2026; day 10 = Easter Monday 6 April, a German public holiday.
        var eu = Assess(Eu, "2026-03-27T10:00:00+01:00", "Europe/Berlin", "DE", "DE", F((Death, Yes)));

        Assert.Equal(("2026-04-07", "2026-04-06"), (eu.Obligations[0].Due, eu.Obligations[0].NominalDue));
    }

    [Fact]
    public void Mdcg2023_3_day_0_is_the_date_of_awareness_at_the_receiving_site()
    {
        // 23:50 in Berlin is 21:50 UTC the same day; day 0 is 30 June, not 1 July.
        var eu = Assess(Eu, "2026-06-30T23:50:00+02:00", "Europe/Berlin", "DE", "DE", F((Malfunction, Yes), (RecurrenceLikelyToCauseDeathOrSeriousInjury, Yes)));

        Assert.Equal("2026-07-15", eu.Obligations[0].NominalDue);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 50, 0, TimeSpan.FromHours(2)), eu.Obligations[0].ClockStart);
    }

    [Fact]
    public void Mdcg2023_3_serious_incidents_outside_the_eea_are_not_reported_unless_an_fsca_concerns_the_union_market()
    {
        var outside = Assess(Eu, "2026-06-01T10:00:00-05:00", "America/Chicago", "US", null, F((Death, Yes)));
        var withFsca = Assess(Eu, "2026-06-01T10:00:00+02:00", "Europe/Berlin", "CA", null, F((Death, Yes), (RemedialActionNeeded, Yes)));

        Assert.Equal(("no", "none"), (outside.Reportable, outside.EventClass));
        Assert.Contains("eu.outside-eea", outside.Reasons);
        Assert.Equal(("yes", "fsca", "eu-fsca"), (withFsca.Reportable, withFsca.EventClass, Assert.Single(withFsca.Obligations).Kind));
    }

    [Fact]
    public void Mdr87_1a_expected_side_effects_documented_and_quantified_go_to_trend_reporting()
    {
        var eu = Assess(Eu, "2026-03-02T10:00:00+01:00", "Europe/Madrid", "ES", "ES",
            F((Injury, Yes), (Hospitalization, Yes), (DeteriorationAnticipatedInRiskAnalysis, Yes)));

        Assert.Equal(("no", "trend-only"), (eu.Reportable, eu.EventClass));
        Assert.Contains("MDR Art. 88", eu.Citations);
    }

    [Theory]
    [InlineData(No, "no")]
    [InlineData(Yes, "yes")]
    public void Mdr2_64_a_use_error_is_an_incident_only_when_due_to_ergonomic_features(FactValue ergonomic, string reportable)
    {
        var eu = Assess(Eu, "2026-10-05T10:00:00+02:00", "Europe/Berlin", "DE", "DE",
            F((UseError, Yes), (UseErrorDueToErgonomics, ergonomic), (Injury, Yes), (Hospitalization, Yes)));

        Assert.Equal(reportable, eu.Reportable);
    }

    [Fact]
    public void Ivdr82_1a_expected_erroneous_results_within_the_labelled_performance_are_trend_only()
    {
        var eu = Assess(EuIvd, "2026-03-02T10:00:00+01:00", "Europe/Paris", "FR", "FR", F((Malfunction, Suspected), (WithinLabelledPerformance, Yes)));

        Assert.Equal(("no", "trend-only"), (eu.Reportable, eu.EventClass));
        Assert.Contains("IVDR Art. 83", eu.Citations);
    }

    [Fact]
    public void Ivdr82_serious_incidents_of_an_ivd_cite_the_ivdr()
    {
        var eu = Assess(EuIvd, "2026-03-02T10:00:00+01:00", "Europe/Paris", "FR", "FR", F((Death, Yes), (IvdResultLedToTreatmentDecision, Yes)));

        Assert.Contains("IVDR Art. 82(5)", eu.Citations);
        Assert.DoesNotContain(eu.Citations, c => c.StartsWith("MDR", StringComparison.Ordinal));
    }

    [Fact]
    public void CnAdverseEventMeasures_death_within_7_days_rolled_past_the_spring_festival()
    {
        // Day 7 = 17 Feb 2026, inside 春节 (15–23 Feb): the last day becomes Tuesday 24 Feb.
        var cn = Assess(Cn, "2026-02-10T21:00:00+08:00", "Asia/Shanghai", "CN", null, F((Death, Yes)));

        Assert.Equal(("cn-individual", 7, "2026-02-24", "2026-02-17"), (cn.Obligations[0].Kind, cn.Obligations[0].Period, cn.Obligations[0].Due, cn.Obligations[0].NominalDue));
    }

    [Fact]
    public void CnAdverseEventMeasures_serious_or_possibly_serious_injury_within_20_days()
    {
        var serious = Assess(Cn, "2026-03-02T10:00:00+08:00", "Asia/Shanghai", "CN", null, F((Injury, Yes), (LifeThreatening, Yes)));
        var possibly = Assess(Cn, "2026-03-02T10:00:00+08:00", "Asia/Shanghai", "CN", null, F((Malfunction, Yes), (RecurrenceLikelyToCauseDeathOrSeriousInjury, Yes)));

        Assert.Equal(("serious-injury", 20), (serious.EventClass, serious.Obligations[0].Period));
        Assert.Equal(("possibly-serious-injury", 20), (possibly.EventClass, possibly.Obligations[0].Period));
    }

    [Fact]
    public void CnAdverseEventMeasures_group_event_12_hours_then_each_case_in_24_hours_and_the_investigation_in_7_days()
    {
        var cn = Assess(Cn, "2026-10-01T09:00:00+08:00", "Asia/Shanghai", "CN", null, F((GroupEvent, Yes), (Injury, Yes)));

        Assert.Equal("group", cn.EventClass);
        Assert.Equal("2026-10-01T21:00:00+08:00", Assert.Single(cn.Obligations, o => o.Kind == "cn-group-initial").Due);
        Assert.Equal("2026-10-02T09:00:00+08:00", Assert.Single(cn.Obligations, o => o.Kind == "cn-group-individual").Due);
        Assert.Equal("2026-10-08", Assert.Single(cn.Obligations, o => o.Kind == "cn-group-investigation").Due);
    }

    [Fact]
    public void CnAdverseEventMeasures_events_outside_china_within_30_days_and_control_measures_abroad_within_24_hours()
    {
        var cn = Assess(Cn, "2026-07-01T15:00:00+08:00", "Asia/Shanghai", "US", null, F((Death, Yes), (RemedialActionNeeded, Yes)));

        Assert.Equal("overseas-death", cn.EventClass);
        Assert.Equal(30, Assert.Single(cn.Obligations, o => o.Kind == "cn-individual").Period);
        Assert.Equal("2026-07-02T15:00:00+08:00", Assert.Single(cn.Obligations, o => o.Kind == "cn-overseas-control-measure").Due);
        Assert.DoesNotContain(cn.Obligations, o => o.Kind == "cn-recall-notice");
    }

    [Theory]
    [InlineData(true, false, 1)]
    [InlineData(false, true, 3)]
    [InlineData(false, false, 7)]
    public void CnRecallMeasures_notice_within_1_3_or_7_days_by_recall_level(bool death, bool injury, int days)
    {
        var cn = Assess(Cn, "2026-03-03T10:00:00+08:00", "Asia/Shanghai", "CN", null,
            F((Death, death ? Yes : No), (Injury, injury ? Yes : No), (LifeThreatening, No), (PermanentImpairment, No), (InterventionToPrecludePermanentHarm, No), (RemedialActionNeeded, Yes)));

        Assert.Equal(days, Assert.Single(cn.Obligations, o => o.Kind == "cn-recall-notice").Period);
    }

    [Fact]
    public void CnRecallMeasures_report_in_5_working_days_counting_a_make_up_saturday()
    {
        // Monday 28 Sep 2026: 29, 30 Sep, then 国庆 1–7 Oct off, then 8, 9 Oct and Saturday 10 Oct (调休上班).
        var cn = Assess(Cn, "2026-09-28T10:00:00+08:00", "Asia/Shanghai", "CN", null, F((Malfunction, Yes), (RecurrenceLikelyToCauseDeathOrSeriousInjury, No), (RemedialActionNeeded, Yes)));

        Assert.Equal("recall", cn.EventClass);
        Assert.Equal("2026-10-10", Assert.Single(cn.Obligations, o => o.Kind == "cn-recall-report").Due);
    }

    [Fact]
    public void CnCivilCode203_a_last_day_on_a_make_up_working_day_is_not_moved()
    {
        // Day 20 = Saturday 14 Feb 2026, worked in exchange for the Spring Festival.
        var cn = Assess(Cn, "2026-01-25T10:00:00+08:00", "Asia/Shanghai", "CN", null, F((Malfunction, Yes), (RecurrenceLikelyToCauseDeathOrSeriousInjury, Yes)));

        Assert.Equal("2026-02-14", cn.Obligations[0].Due);
    }

    [Fact]
    public void CnAdverseEventMeasures_supplementary_report_when_later_information_changes_the_class()
    {
        var cn = Assess(Cn, "2026-03-02T10:00:00+08:00", "Asia/Shanghai", "CN", null, F((Malfunction, Yes), (RecurrenceLikelyToCauseDeathOrSeriousInjury, Yes)),
            Later("2026-03-10T10:00:00+08:00", (Death, Yes)));

        Assert.Equal("death", cn.EventClass);
        Assert.Equal("2026-03-23", Assert.Single(cn.Obligations, o => o.Kind == "cn-individual").Due);
        Assert.Equal("2026-03-17", Assert.Single(cn.Obligations, o => o.Kind == "cn-supplementary").Due);
    }

    [Fact]
    public void Mdcg2023_3_a_provisional_clock_that_later_information_rules_out_stays_in_the_history_as_not_required()
    {
        var eu = Assess(Eu, "2026-03-02T10:00:00+01:00", "Europe/Berlin", "DE", "DE", F((Malfunction, Yes)),
            Later("2026-03-05T10:00:00+01:00", (RecurrenceLikelyToCauseDeathOrSeriousInjury, No)));

        Assert.Equal("no", eu.Reportable);
        Assert.Equal("not-required", Assert.Single(eu.Obligations).Status);
    }

    [Fact]
    public void Iso13485_3_4_a_complaint_alleges_a_deficiency_of_the_device()
    {
        Assert.True(ReportabilityEngine.IsComplaint(FactSet.Of((Malfunction, Suspected))));
        Assert.False(ReportabilityEngine.IsComplaint(FactSet.Of((DeviceInvolved, No), (Malfunction, Yes))));
        Assert.False(ReportabilityEngine.IsComplaint(FactSet.Empty));
    }

    [Fact]
    public void Later_information_answering_unknown_never_erases_a_known_fact()
    {
        var merged = FactSet.Of((Death, Yes)).Then(FactSet.Of((Death, Unknown), (Injury, Yes)));

        Assert.Equal((Yes, Yes), (merged[Death], merged[Injury]));
    }

    [Fact]
    public void Guided_facts_accept_suspected_only_for_malfunction_and_refuse_unknown_names()
    {
        Assert.Equal(Suspected, GuidedFacts.Parse(Malfunction, "suspected"));
        Assert.Null(GuidedFacts.Parse(Death, "suspected"));
        Assert.Null(GuidedFacts.Parse("deathh", "yes"));
        Assert.Equal(19, GuidedFacts.All.Count);
    }
}
