namespace CareDesk.Features.Complaints.Exports.Forms;

/// <summary>
/// The complaint file's codes as each form writes them: English for FDA's and the Commission's forms (the outcome
/// terms of ICH E2B(R3), which MIR 7.3.1 and 3500A use), Chinese for NMPA's (国家医疗器械不良事件监测信息系统's wording
/// where the stored copies showed it, else the nearest faithful rendering).
/// </summary>
internal static class FormTerms
{
    public static string? OutcomeEn(string? outcome) => outcome switch
    {
        "no-health-effect" => "No health consequences",
        "recovered" => "Recovered/resolved",
        "recovering" => "Recovering/resolving",
        "not-recovered" => "Not recovered/not resolved",
        "recovered-with-sequelae" => "Recovered/resolved with sequelae",
        "fatal" => "Fatal",
        _ => null,
    };

    public static string? OutcomeZh(string? outcome) => outcome switch
    {
        "no-health-effect" => "无健康影响",
        "recovered" => "痊愈",
        "recovering" => "好转",
        "not-recovered" => "未好转",
        "recovered-with-sequelae" => "有后遗症",
        "fatal" => "死亡",
        _ => null,
    };

    public static string? ClosureEn(string? reason) => reason switch
    {
        "no-fault-found" => "No fault found",
        "fault-confirmed-corrected" => "Fault confirmed and corrected",
        "use-error" => "Use error",
        "duplicate-of-linked-event" => "Duplicate of a linked event (reported once)",
        "insufficient-information" => "Insufficient information",
        "other" => "Other",
        _ => null,
    };

    public static string? ClosureZh(string? reason) => reason switch
    {
        "no-fault-found" => "未发现产品故障",
        "fault-confirmed-corrected" => "确认产品故障，已纠正",
        "use-error" => "使用错误",
        "duplicate-of-linked-event" => "与已关联事件为同一事件（合并报告）",
        "insufficient-information" => "信息不足",
        "other" => "其他",
        _ => null,
    };

    public static string? InvolvementEn(string? involvement) => involvement switch
    {
        "involved" => "Yes",
        "not-involved" => "No",
        _ => null,
    };
}
