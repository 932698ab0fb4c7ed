using CareDesk.Features.Complaints.Reportability;
using static CareDesk.Features.Complaints.Exports.Forms.FormValues;
using F = CareDesk.Features.Complaints.Reportability.GuidedFacts;

namespace CareDesk.Features.Complaints.Exports.Forms;

/// <summary>
/// NMPA's report form for a registrant (注册人／上市许可持有人医疗器械不良事件报告表): 医疗器械不良事件监测和再评价管理办法
/// (2018, Order No. 1) Art. 25–26 and the registrants' monitoring guideline (NMPA 2020 No. 25). Sections as the
/// national monitoring system lays them out: basic information, device, event, use, investigation, evaluation, control
/// measures. In Chinese, the regulator's language; the caller's words are kept as spoken.
/// </summary>
internal static class NmpaAdverseEventForm
{
    public const string Source = "注册人医疗器械不良事件报告表——《医疗器械不良事件监测和再评价管理办法》（2018年第1号令）第二十五条、第二十六条；《医疗器械注册人开展不良事件监测工作指南》（2020年第25号）";

    public static ReportSheet Fill(ComplaintReport r)
    {
        var e = r.Event;
        return new ReportSheet(ReportForms.CnNmpa, "注册人医疗器械不良事件报告表", "zh-CN", Source,
        [
            new("一", "一、报告基本信息",
            [
                new("报告编码", "报告编码（注册人内部编号）", r.ManufacturerReference),
                new("报告日期", "报告日期", Chinese(r.ReportDate)),
                new("单位名称", "单位名称（注册人）", r.Manufacturer.NameZh ?? r.Manufacturer.NameEn),
                new("发生地点", "发生地点", e.EventCountry switch { null => null, "CN" => "境内", _ => "境外" }),
                new("发生地", "发生地（国家或地区）", e.EventCountry),
            ]),
            new("二", "二、医疗器械情况",
            [
                new("产品名称", "产品名称", r.Device.CommonNameZh ?? r.Device.CommonNameEn),
                new("注册证编号", "注册证编号", r.Device.CnRegistrationNumber),
                new("型号", "型号", r.Device.ModelNumber),
                new("管理类别", "管理类别", r.Device.CnClass is { } c ? $"{c}类" : null),
                new("产品类别", "产品类别", r.Device.Kind == "ivd" ? "体外诊断试剂" : null),
                new("产品批号", "产品批号", r.Device.LotNumber),
                new("产品编号", "产品编号（序列号）", r.Device.SerialNumber),
                new("UDI", "UDI", r.Device.UdiText ?? r.Device.UdiDeviceIdentifier),
                new("生产日期", "生产日期", Chinese(r.Device.Manufactured)),
                new("有效期至", "有效期至", Chinese(r.Device.Expiry)),
            ]),
            new("三", "三、不良事件情况",
            [
                new("事件发生日期", "事件发生日期", Chinese(e.EventDate)),
                new("发现或获知日期", "发现或获知日期", Chinese(LocalDate(e.AwarenessAt, e.ReceivingTimeZone))),
                new("伤害", "伤害", Harm(e)),
                new("伤害表现", "伤害表现", Join("；", FormTerms.OutcomeZh(e.PatientOutcome), Codes(r.HealthEffectCodes))),
                new("器械故障表现", "器械故障表现", Codes(r.DeviceProblemCodes)),
                new("事件陈述", "事件陈述", e.Narrative),
                new("姓名", "姓名（患者）", r.Patient?.Name),
                new("年龄", "年龄", Age(r.Patient?.AgeAtEventYears, "岁")),
                new("性别", "性别", r.Patient?.Sex switch { "female" => "女", "male" => "男", _ => null }),
                new("病历号", "病历号", null),
                new("既往病史", "既往病史", null),
            ]),
            new("四", "四、使用情况",
            [
                new("预期治疗疾病或作用", "预期治疗疾病或作用", null),
                new("使用场所", "使用场所", r.Reporter.Kind switch
                {
                    "patient" or "caregiver" => "家庭",
                    "healthcare-professional" => "医疗机构",
                    _ => null,
                }),
                new("报告人", "报告人（首次报告人）", Join("，", r.Reporter.Name, r.Reporter.Phone)),
            ]),
            new("五", "五、事件调查",
            [
                new("是否开展调查", "是否开展调查", r.Investigation.Findings is null ? null : "是"),
                new("调查情况", "调查情况", Join("；", r.Investigation.Findings, r.Investigation.ReturnAnalysisResult)),
                new("产品退回", "产品退回情况", Join("，",
                    r.Investigation.RmaNumber is { } rma ? $"退货编号{rma}" : null,
                    Chinese(r.Investigation.ReturnSentAt) is { } sent ? $"{sent}寄出" : null,
                    Chinese(r.Investigation.ReturnReceivedAt) is { } received ? $"{received}收到" : null)),
            ]),
            new("六", "六、评价结果",
            [
                new("事件原因分析", "事件原因分析", r.Investigation.RootCause),
                new("原因分析代码", "原因分析代码（IMDRF附件B、C、D、G）", Codes(r.InvestigationCodes)),
                new("评价结论", "评价结论", Join("；", FormTerms.ClosureZh(r.Investigation.ClosureReason), r.Investigation.ClosureNote)),
            ]),
            new("七", "七、控制措施",
            [
                new("控制措施", "控制措施", null),
            ]),
        ]);
    }

    private static string? Harm(ReportEvent e) => e.EventClass(Market.CN) switch
    {
        "death" or "overseas-death" => "死亡",
        "serious-injury" or "overseas-serious-injury" or "possibly-serious-injury" or "overseas-possibly-serious-injury" => "严重伤害",
        "other" or "group" or "recall" => "其他",
        _ => e.Fact(F.Death) is FactValue.Yes ? "死亡" : null,
    };
}
