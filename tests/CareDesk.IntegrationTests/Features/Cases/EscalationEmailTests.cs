using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Staff;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>The real host sending its e-mails to a real SMTP server in this process; an expert who misses the deadline in 2 s.</summary>
public sealed class EmailHost : CareDeskFactory
{
    public SmtpTestServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "caredesk@care.test",
        ["Mail:AppBaseUrl"] = "https://caredesk.care.test/",
        ["Escalation:AcknowledgeWithin"] = "00:00:02",
        ["Scheduling:IdleWaitTime"] = "00:00:01",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Made by the host's container, so the container stops it when the host is disposed.
        builder.ConfigureServices(services => services.AddSingleton(_ => Smtp));
    }
}

/// <summary>Escalation alerts and notices also go out as e-mail, in the recipient's language, through the outbox.</summary>
public sealed class EscalationEmailTests(EmailHost app) : IClassFixture<EmailHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_expert_is_alerted_by_email_in_Chinese_and_the_supervisor_told_in_English_when_the_expert_does_not_answer()
    {
        var expert = await SetLanguageAsync(Roles.Expert, "zh-CN", "Asia/Shanghai");
        var supervisor = await SetLanguageAsync(Roles.Supervisor, "en", "Europe/Berlin");
        await app.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            db.OnCallShifts.Add(new OnCallShift { TeamId = TeamSeeder.Experts, StartsAt = now.AddHours(-1), EndsAt = now.AddHours(1), PrimaryUserId = expert.Id });
            return await db.SaveChangesAsync();
        });
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("陈静"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "technical-support", priority = "urgent", subject = "CGM sensor error E-2" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);

        await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "Sensor fails after 1 hour." })).ReadAsync<GetCase.View>(HttpStatusCode.Created);

        var alert = await MailToAsync(expert.Email, opened.Number);
        Assert.Equal($"升级：工单 {opened.Number}", alert.Subject);
        var alertBody = alert.TextBody;
        Assert.Contains("CGM sensor error E-2", alertBody, StringComparison.Ordinal);
        Assert.Contains("请在", alertBody, StringComparison.Ordinal);
        Assert.Contains("(UTC+08:00)", alertBody, StringComparison.Ordinal);
        Assert.Contains($"打开工单：https://caredesk.care.test/cases/{opened.Id}", alertBody, StringComparison.Ordinal);
        Assert.Equal("caredesk@care.test", Assert.Single(alert.From.Mailboxes).Address);

        // The 2-second acknowledge deadline passes (the real durable timer): the supervisor is told, in English.
        // The supervisor may also be paged as the next level's expert; the notice is the mail with its own subject.
        var notice = await MailToAsync(supervisor.Email, opened.Number, $"Escalation not answered: case {opened.Number}");
        Assert.Contains($"Escalation of case {opened.Number}: {expert.Name} did not answer.", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Open the case: https://caredesk.care.test/cases/{opened.Id}", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_server_saying_try_later_gets_the_email_again_and_one_refusing_the_address_is_not_asked_twice()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var later = $"later-{run}@care.test";
        var unknown = $"unknown-{run}@care.test";
        app.Smtp.Answer(later, 451, times: 2);
        app.Smtp.Answer(unknown, 550, times: 5);
        var alert = new EscalationAlert("supervisor", Guid.NewGuid(), Guid.NewGuid(), $"T{run[..3]}-{run[3..7]}".ToUpperInvariant(), "Meter E-3", null, 0, null);
        var ids = await app.WithDbAsync(async db =>
        {
            var messages = new[] { later, unknown }.Select(to => OutboxMessage.Create(EscalationEmail.MessageType, EscalationEmail.Payload(alert, to, null, "en", "UTC"), TimeProvider.System.GetUtcNow())).ToList();
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => m.Id).ToList();
        });

        var delivered = await MailToAsync(later, alert.CaseNumber);
        Assert.Equal($"Escalation of case {alert.CaseNumber}: nobody on call answered.", (delivered.TextBody ?? "").Split('\n')[3].Trim());
        await Eventually.HoldsAsync(() => app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == ids[1] && m.FailedAt != null)), Patience, "the refused e-mail is given up");
        var (retried, refused) = await app.WithDbAsync(async db =>
            (await db.OutboxMessages.SingleAsync(m => m.Id == ids[0]), await db.OutboxMessages.SingleAsync(m => m.Id == ids[1])));
        Assert.Equal((3, true, false), (retried.Attempts, retried.DeliveredAt is not null, retried.FailedAt is not null));
        Assert.Equal((1, true), (refused.Attempts, refused.DeliveredAt is null));
        Assert.Contains("550", refused.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(unknown, refused.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((2, 1), (app.Smtp.RefusedFor(later), app.Smtp.RefusedFor(unknown)));
    }

    [Fact]
    public async Task The_owner_of_a_callback_is_warned_by_email_in_their_language_when_its_warning_instant_passes()
    {
        var owner = await SetLanguageAsync(Roles.Agent, "zh-CN", "Asia/Shanghai");
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("赵强"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "Meter pairing" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var promised = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/callbacks", new { dueAt = TimeProvider.System.GetUtcNow().AddHours(1) }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var id = promised.Callbacks[0].Id;

        // As the policy would have stored it: a warning instant before the due time; the timer fires there first.
        var warnAt = TimeProvider.System.GetUtcNow().AddSeconds(1);
        await app.WithDbAsync(async db =>
        {
            (await db.Callbacks.SingleAsync(c => c.Id == id)).WarnAt = warnAt;
            return await db.SaveChangesAsync();
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CareDesk.Platform.Scheduling.DurableTimers>()
                .ScheduleAsync<CallbackOverdueJob>(id.ToString(), warnAt, null, CancellationToken.None);
        }

        var warning = await MailToAsync(owner.Email, opened.Number);
        Assert.Equal($"回电即将到期：工单 {opened.Number}", warning.Subject);
        Assert.Contains($"工单 {opened.Number}：您承诺的回电须在", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains("(UTC+08:00)", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://caredesk.care.test/cases/{opened.Id}", warning.TextBody, StringComparison.Ordinal);
    }

    private async Task<MimeKit.MimeMessage> MailToAsync(string address, string caseNumber, string? subject = null)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(Find() is not null), Patience, $"an e-mail about {caseNumber} ({subject ?? "any subject"}) reaches its recipient");
        return Find()!;

        MimeKit.MimeMessage? Find() => app.Smtp.Received.SingleOrDefault(m =>
            m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase))
            && m.Subject?.Contains(caseNumber, StringComparison.Ordinal) == true
            && (subject is null || m.Subject == subject));
    }

    private Task<(string Id, string Email, string Name)> SetLanguageAsync(string role, string language, string timeZone)
    {
        var email = UserSeeder.DemoEmail(role).ToUpperInvariant();
        return app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email);
            user.Language = language;
            user.TimeZone = timeZone;
            await db.SaveChangesAsync();
            return (user.Id, user.Email!, user.DisplayName);
        });
    }
}
