using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Features.Complaints;
using CareDesk.Features.Outreach;
using CareDesk.Features.People;
using CareDesk.Features.People.Merging;
using CareDesk.Features.People.Search;
using CareDesk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.People.Merging;

/// <summary>Merges through the API, and a snapshot of every row of two people in every table that names a person.</summary>
internal static class MergingTestKit
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public sealed record Created(Guid Id);

    public static Task<HttpResponseMessage> MergeAsync(this HttpClient client, GetPersonProfile.Profile survivor, GetPersonProfile.Profile merged, string note = "Same person: one import from a dealer, one from the hotline.") =>
        client.PostAsJsonAsync($"/api/people/{survivor.Id}/merge", new { mergedId = merged.Id, note, survivorVersion = survivor.Version, mergedVersion = merged.Version });

    public static async Task<ListPersonMerges.MergeView> MergedAsync(this HttpClient client, Guid survivorId, Guid mergedId)
    {
        var survivor = await client.GetPersonAsync(survivorId);
        var merged = await client.GetPersonAsync(mergedId);
        return await (await client.MergeAsync(survivor, merged)).ReadAsync<ListPersonMerges.MergeView>(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> UnmergeAsync(this HttpClient client, Guid mergeId, object? move = null, string note = "Not the same person: father and son share the name.") =>
        client.PostAsJsonAsync($"/api/people/merges/{mergeId}/unmerge", new { note, move });

    public static async Task<Guid> OpenCaseAsync(this HttpClient client, Guid personId, string subject = "Meter drains batteries") =>
        (await (await client.PostAsJsonAsync("/api/cases", new { personId, type = "question", subject })).ReadAsync<Created>(HttpStatusCode.Created)).Id;

    public static async Task<Guid> LogCallAsync(this HttpClient client, Guid personId, DateTimeOffset at) =>
        (await (await client.PostAsJsonAsync("/api/contacts", new { channel = "phone", direction = "inbound", personId, startedAt = at, endedAt = at.AddMinutes(4) }))
            .ReadAsync<Created>(HttpStatusCode.Created)).Id;

    /// <summary>
    /// Every row of <paramref name="people"/> in every table that names a person, as JSON text keyed by table and key:
    /// the people themselves without their concurrency token (a change of it is the point of one).
    /// </summary>
    public static Task<SortedDictionary<string, string>> SnapshotAsync(this CareDeskFactory app, params Guid[] people) =>
        app.WithDbAsync(async db =>
        {
            var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
            void Add<T>(string table, IEnumerable<T> items, Func<T, object> key)
            {
                foreach (var item in items)
                {
                    rows[$"{table}/{key(item)}"] = JsonSerializer.Serialize(item, Json);
                }
            }

            var persons = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToListAsync();
            persons.ForEach(p => p.Version = Guid.Empty);
            Add("people", persons, p => p.Id);
            Add("contact_points", await db.ContactPoints.AsNoTracking().Where(c => people.Contains(c.PersonId)).ToListAsync(), c => c.Id);
            Add("addresses", await db.Addresses.AsNoTracking().Where(a => people.Contains(a.PersonId)).ToListAsync(), a => a.Id);
            Add("relationships", await db.Relationships.AsNoTracking().Where(r => people.Contains(r.FromPersonId) || people.Contains(r.ToPersonId)).ToListAsync(), r => r.Id);
            Add("devices", await db.Devices.AsNoTracking().Where(d => people.Contains(d.PersonId)).ToListAsync(), d => d.Id);
            Add("cases", await db.Cases.AsNoTracking().Where(c => people.Contains(c.PersonId) || (c.CallerPersonId != null && people.Contains(c.CallerPersonId.Value))).Select(c => new { c.Id, c.PersonId, c.CallerPersonId, c.Version }).ToListAsync(), c => c.Id);
            Add("contacts", await db.Contacts.AsNoTracking().Where(c => c.PersonId != null && people.Contains(c.PersonId.Value)).Select(c => new { c.Id, c.PersonId, c.Version }).ToListAsync(), c => c.Id);
            Add("complaints", await db.Set<Complaint>().AsNoTracking().Where(c => people.Contains(c.PersonId)).Select(c => new { c.Id, c.PersonId, c.CaseId, c.Version }).ToListAsync(), c => c.Id);
            Add("consent_entries", await db.ConsentEntries.AsNoTracking().Where(e => people.Contains(e.PersonId)).ToListAsync(), e => e.Id);
            Add("do_not_contact_entries", await db.DoNotContactEntries.AsNoTracking().Where(e => people.Contains(e.PersonId)).ToListAsync(), e => e.Id);
            Add("disclosures", await db.Disclosures.AsNoTracking().Where(d => people.Contains(d.PersonId)).ToListAsync(), d => d.Id);
            Add("follow_up_events", await db.FollowUpEvents.AsNoTracking().Where(e => e.PersonId != null && people.Contains(e.PersonId.Value)).ToListAsync(), e => e.Id);
            Add("outreach_attempts", await db.OutreachAttempts.AsNoTracking().Where(a => people.Contains(a.PersonId)).ToListAsync(), a => a.Id);
            Add("outreach_answers", await db.OutreachAnswers.AsNoTracking().Where(a => people.Contains(a.PersonId)).ToListAsync(), a => a.Id);
            Add("outreach_claims", await db.OutreachClaims.AsNoTracking().Where(c => people.Contains(c.PersonId)).ToListAsync(), c => c.PersonId);
            Add("campaign_members", await db.CampaignMembers.AsNoTracking().Where(m => people.Contains(m.PersonId)).ToListAsync(), m => $"{m.CampaignId}/{m.PersonId}");
            Add("recall_devices", await db.RecallDevices.AsNoTracking().Where(d => people.Contains(d.PersonId)).ToListAsync(), d => $"{d.RecallId}/{d.DeviceId}");
            Add("person_search_terms", await db.Set<PersonSearchTerm>().AsNoTracking().Where(t => people.Contains(t.PersonId)).ToListAsync(), t => $"{t.PersonId}/{t.SourceId}/{t.Term}");
            return rows;
        });

    /// <summary>How many rows of every person-naming table (but people and the outreach lock) still name <paramref name="personId"/>.</summary>
    public static async Task<IReadOnlyList<string>> TablesNamingAsync(this CareDeskFactory app, Guid personId)
    {
        var snapshot = await app.SnapshotAsync(personId);
        return [.. snapshot.Keys.Select(k => k.Split('/')[0]).Where(t => t is not "people" and not "outreach_claims" and not "person_search_terms").Distinct()];
    }

    /// <summary>The outreach and complaint rows no API call makes in a line: a complaint on the case, a disclosure, a follow-up, two campaigns (one the survivor is on too), an attempt with an answer, a recall of the device.</summary>
    public static Task SeedOutreachAsync(this CareDeskFactory app, Guid personId, Guid survivorId, Guid caseId, Guid deviceId, string userId) =>
        app.WithDbAsync(async db =>
        {
            var now = new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
            db.Set<Complaint>().Add(new Complaint { CaseId = caseId, PersonId = personId, ReceivingTimeZone = "Asia/Shanghai", FlaggedBy = userId });
            db.Disclosures.Add(new Disclosure { PersonId = personId, Recipient = "Service partner Beijing", Reason = "repair", SharedBy = "manual", RecordedBy = userId, Data = ["phone"] });
            db.FollowUpEvents.Add(new FollowUpEvent { Kind = FollowUpTrigger.Registration, PersonId = personId, DeviceId = deviceId, At = now, RecordedAt = now, ProcessedAt = now, Result = FollowUpEvent.NoRule });
            var alone = new Campaign { Name = "Merge test alone", CreatedBy = userId, Status = CampaignStatus.Ended };
            var both = new Campaign { Name = "Merge test both", CreatedBy = userId, Status = CampaignStatus.Ended };
            var recallCampaign = new Campaign { Name = "Merge test recall", CreatedBy = userId, Purpose = OutreachPurpose.SafetyNotice, Status = CampaignStatus.Ended };
            db.Campaigns.AddRange(alone, both, recallCampaign);
            db.CampaignMembers.Add(new CampaignMember { CampaignId = alone.Id, PersonId = personId, Attempts = 1, NextAttemptAt = now });
            db.CampaignMembers.Add(new CampaignMember { CampaignId = both.Id, PersonId = personId, Attempts = 2, NextAttemptAt = now });
            db.CampaignMembers.Add(new CampaignMember { CampaignId = both.Id, PersonId = survivorId, Attempts = 0, NextAttemptAt = now });
            var attempt = new OutreachAttempt { CampaignId = alone.Id, PersonId = personId, AgentUserId = userId, ClaimedAt = now, ClosedAt = now, Outcome = OutreachOutcome.Reached };
            db.OutreachAttempts.Add(attempt);
            db.OutreachAnswers.Add(new OutreachAnswer { AttemptId = attempt.Id, CampaignId = alone.Id, PersonId = personId, QuestionKey = "uses-daily", Value = "yes", AnsweredAt = now });
            db.OutreachClaims.Add(new OutreachClaim { PersonId = personId });
            var recall = new Recall { Name = "Merge test recall", SummaryZh = "召回", SummaryEn = "Recall", CampaignId = recallCampaign.Id, CreatedBy = userId };
            db.Recalls.Add(recall);
            db.RecallDevices.Add(new RecallDevice { RecallId = recall.Id, DeviceId = deviceId, PersonId = personId, MatchedBy = RecallDevice.ByModel });
            await db.SaveChangesAsync();
            return true;
        });
}
