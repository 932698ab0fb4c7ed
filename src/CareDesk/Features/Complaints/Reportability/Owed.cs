using static CareDesk.Features.Complaints.Reportability.ReportabilityCodes;

namespace CareDesk.Features.Complaints.Reportability;

/// <summary>A report kind with its clock: period, unit, and whether a last day on a day off rolls forward.</summary>
internal sealed record Owed(string Kind, string Form, int Period, string Unit, bool RollForward)
{
    // US: 803.50 "30 calendar days after the day"; no roll-forward (eMDR is received every day).
    public static readonly Owed UsThirtyDay = new("us-mdr-30-day", "FDA 3500A (eMDR)", 30, CalendarDays, false);

    // 803.53: "5 work days"; 803.3 work day = Monday to Friday except Federal holidays.
    public static readonly Owed UsFiveDay = new("us-mdr-5-day", "FDA 3500A (eMDR), 5-day report", 5, WorkingDays, false);

    public static readonly Owed UsSupplemental = new("us-mdr-supplemental", "FDA 3500A (eMDR), supplemental", 30, CalendarDays, false);

    // 806.10(b): "within 10-working days of initiating such correction or removal".
    public static readonly Owed UsCorrection = new("us-806-correction", "21 CFR 806 report of correction or removal", 10, WorkingDays, false);

    // Art. 87(8): before the FSCA is undertaken, except in urgency: due the day the need is known, no roll-forward.
    public static readonly Owed EuFsca = new("eu-fsca", "Manufacturer's FSCA report form (EUDAMED)", 0, CalendarDays, false);

    // 群体: 12 hours by phone/fax plus basic information; each case as individual report in 24 hours; investigation 7 days.
    public static readonly Owed CnGroupInitial = new("cn-group-initial", "电话或者传真报告 + 群体医疗器械不良事件基本信息（国家医疗器械不良事件监测信息系统）", 12, Hours, false);

    public static readonly Owed CnGroupIndividual = new("cn-group-individual", "注册人医疗器械不良事件报告表（按个例事件）", 24, Hours, false);

    public static readonly Owed CnGroupInvestigation = new("cn-group-investigation", "群体医疗器械不良事件调查和自查报告", 7, CalendarDays, true);

    public static readonly Owed CnOverseasControlMeasure = new("cn-overseas-control-measure", "境外控制措施书面报告", 24, Hours, false);

    // 召回管理办法: investigation and evaluation report with the recall plan within 5 working days of the decision.
    public static readonly Owed CnRecallReport = new("cn-recall-report", "医疗器械召回事件报告表 + 调查评估报告和召回计划", 5, WorkingDays, false);

    // MDR Art. 87(3)-(5): 15, 2 or 10 days; Regulation 1182/71 Art. 3(4) moves a last day on a holiday or weekend.
    public static Owed EuSeriousIncident(int days) => new("eu-serious-incident", "Manufacturer Incident Report (MIR 7.3.1)", days, CalendarDays, true);

    public static Owed CnIndividual(int days) => new("cn-individual", "注册人医疗器械不良事件报告表", days, CalendarDays, true);

    public static Owed CnSupplementary(int days) => new("cn-supplementary", "注册人医疗器械不良事件报告表（补充报告）", days, CalendarDays, true);

    public static Owed CnRecallNotice(int days) => new("cn-recall-notice", "召回通知（经营企业、使用单位、使用者）", days, CalendarDays, true);
}
