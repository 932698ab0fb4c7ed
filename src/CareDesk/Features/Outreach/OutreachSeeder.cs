using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// The first consent wordings (one per purpose; PIPL art. 14, 29: specific, informed, withdrawable, a separate consent
/// for sensitive health data) and the standard follow-up script, whose last question asks for consent (story 6).
/// Adds only what is missing, at every start.
/// </summary>
internal sealed class OutreachSeeder(CareDeskDbContext db, TimeProvider clock) : IDataSeeder
{
    public const string System = "system";
    public const string FollowUpScript = "service-follow-up";

    public int Order => 40;

    internal static readonly (OutreachPurpose Purpose, string Zh, string En)[] Wordings =
    [
        (OutreachPurpose.ServiceFollowUp,
            "为了解您使用产品的情况并提供后续服务，我们可能会在服务结束后与您联系回访。您是否同意？您可以随时撤回同意，撤回不影响您获得服务。",
            "To check how your device is working and to follow up on our service, we may contact you after this service. Do you agree? You can withdraw this consent at any time without affecting the service you receive."),
        (OutreachPurpose.Survey,
            "我们希望邀请您参加服务满意度调查，以改进我们的服务。您是否同意我们就此与您联系？您可以随时撤回同意。",
            "We would like to invite you to a short satisfaction survey to improve our service. Do you agree that we contact you for this? You can withdraw this consent at any time."),
        (OutreachPurpose.Marketing,
            "您是否同意我们向您介绍新产品、优惠和活动信息？您可以随时撤回同意，撤回不影响您获得售后服务和安全通知。",
            "Do you agree to receive information about new products, offers and events? You can withdraw this consent at any time; it does not affect after-sales service or safety notices."),
        (OutreachPurpose.Research,
            "您是否同意我们邀请您参加用于改进产品的研究或访谈？参加与否不影响您获得服务，您可以随时撤回同意。",
            "Do you agree that we invite you to research or interviews that help improve our products? Taking part or not does not affect your service, and you can withdraw at any time."),
        (OutreachPurpose.HealthData,
            "为处理您的咨询，我们需要记录与您健康相关的信息（如血糖读数、用药和治疗情况）。根据《个人信息保护法》，这属于敏感个人信息，需要您的单独同意。您是否同意？您可以随时撤回同意。",
            "To handle your request we need to record information about your health (such as glucose readings, medication and treatment). Under China's Personal Information Protection Law this is sensitive personal information and needs your separate consent. Do you agree? You can withdraw this consent at any time."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var present = await db.ConsentTexts.Select(t => t.Purpose).Distinct().ToListAsync(cancellationToken);
        foreach (var (purpose, zh, en) in Wordings.Where(w => !present.Contains(w.Purpose)))
        {
            db.ConsentTexts.Add(new ConsentText { Purpose = purpose, Version = 1, TextZh = zh, TextEn = en, CreatedBy = System, CreatedAt = now });
        }

        if (!await db.Questionnaires.AnyAsync(q => q.Key == FollowUpScript, cancellationToken))
        {
            db.Questionnaires.Add(new Questionnaire
            {
                Key = FollowUpScript,
                Version = 1,
                Title = "Service follow-up / 服务回访",
                ScriptZh = "您好，我是客服中心的回访专员。您之前联系过我们，想了解一下您的产品现在使用得怎么样，大约需要两分钟，现在方便吗？",
                ScriptEn = "Hello, this is the care centre following up on your recent contact with us. May I take two minutes to ask how your device is working now?",
                Questions =
                [
                    new Question("solved", "您上次反映的问题解决了吗？", "Was the problem you reported solved?", AnswerType.YesNo, Required: true),
                    new Question("satisfaction", "您对这次服务的满意度是多少（1 到 5 分）？", "How satisfied are you with the service (1 to 5)?", AnswerType.Number, Required: true),
                    new Question("comment", "还有什么想告诉我们的吗？", "Is there anything else you would like to tell us?", AnswerType.Text),
                    new Question("consent-follow-up", "以后我们还可以就您的产品与您电话联系吗？", "May we call you again about your device in future?", AnswerType.Consent, ConsentPurpose: OutreachPurpose.ServiceFollowUp, ConsentChannel: OutreachChannel.Phone),
                ],
                CreatedBy = System,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
