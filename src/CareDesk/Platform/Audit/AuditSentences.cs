using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareDesk.Platform.Audit;

/// <summary>
/// An audit entry as a sentence in the reader's language: "王芳 changed 王建国's phone number from … to …",
/// "王芳 将 王建国 的电话号码从 … 改为 …", with the people and records it names as links, and its recorded changes as
/// readable JSON (no <c>\u002B</c> escapes) for auditors who need every field. Fields and record types the resources
/// do not name are left to those details ("and 3 other fields"), so no property name reaches the sentence.
/// </summary>
public sealed partial class AuditSentences(
    CareDeskDbContext db,
    IStringLocalizer<SharedResource> text,
    IEnumerable<IAuditRecordNames> recordNames)
{
    /// <summary>The pages of people and of cases, and so the two kinds of record a sentence names (<see cref="IAuditRecordNames"/>).</summary>
    public const string PeoplePages = "people";
    public const string CasesPages = "cases";

    /// <summary>A piece of a sentence: plain text, or a link to the record it names.</summary>
    public sealed record Part(string Text, string? Href = null);

    public sealed record View(AuditEntry Entry, IReadOnlyList<Part> Sentence, string? Details)
    {
        public string SentenceText => string.Concat(Sentence.Select(p => p.Text));
    }

    // Values of these fields are what a person typed or said, worth quoting; others (codes, ids, times) are not.
    private static readonly HashSet<string> QuotedFields = ["DisplayName", "FamilyName", "GivenName", "Value", "Subject", "Line1", "City", "SerialNumber", "Name", "Email"];

    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<View>> DescribeAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var changes = entries.ToDictionary(e => e.Sequence, e => Parse(e.Changes));
        var ids = entries.SelectMany(e => new[] { e.EntityId }.Concat(PersonIds(e, changes[e.Sequence]).Concat(CaseIds(changes[e.Sequence])).Select(g => g.ToString())))
            .Select(id => Guid.TryParse(id, out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var userIds = entries.Select(e => e.ActorId).Distinct().ToList();
        var people = await NamesAsync(PeoplePages, ids, cancellationToken);
        var cases = await NamesAsync(CasesPages, ids, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        return [.. entries.Select(e => new View(e, Sentence(e, changes[e.Sequence], people, cases, users), Details(changes[e.Sequence])))];
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(string pages, List<Guid> ids, CancellationToken cancellationToken) =>
        recordNames.FirstOrDefault(n => n.Pages == pages) is { } names ? await names.NamesAsync(db, ids, cancellationToken) : [];

    private List<Part> Sentence(
        AuditEntry entry,
        Dictionary<string, (JsonElement Old, JsonElement New)> changes,
        Dictionary<Guid, string> people,
        Dictionary<Guid, string> cases,
        Dictionary<string, string> users)
    {
        IReadOnlyList<Part> actor = [new Part(users.GetValueOrDefault(entry.ActorId)
            ?? (entry.ActorId.StartsWith("system:", StringComparison.Ordinal) ? text["Audit.System"] : entry.ActorName ?? entry.ActorId))];
        var record = Record(entry, changes, people, cases, whose: false);
        switch (entry.Action)
        {
            case AuditTrail.Read:
                return Compose(text["Audit.Sentence.Read"], actor, record);
            case AuditTrail.ReadDenied:
                return Compose(text["Audit.Sentence.ReadDenied"], actor, record);
            case AuditTrail.Created:
                return Compose(text["Audit.Sentence.Created"], actor, record);
            case AuditTrail.Deleted:
                return Compose(text["Audit.Sentence.Deleted"], actor, record);
        }

        if (entry.Action != AuditTrail.Updated || changes.Count == 0)
        {
            return Compose(text["Audit.Sentence.Other"], actor, record, [new Part(Word($"Audit.Action.{entry.Action}") ?? text["Audit.Action.Other"])]);
        }

        var parts = new List<Part>();
        var named = changes.Where(c => Field(entry.EntityType, c.Key) is not null).ToList();
        foreach (var (field, (old, @new)) in named)
        {
            if (parts.Count > 0)
            {
                parts.Add(new Part(text["Audit.Sentence.Separator"]));
            }

            var what = Compose(text["Audit.Possessive"], Record(entry, changes, people, cases, whose: true), [new Part(Field(entry.EntityType, field)!)]);
            parts.AddRange(QuotedFields.Contains(field)
                ? Compose(text["Audit.Sentence.ChangedFromTo"], actor, what, [new Part(Value(old))], [new Part(Value(@new))])
                : Compose(text["Audit.Sentence.Changed"], actor, what));
        }

        if (named.Count == 0)
        {
            parts.AddRange(Compose(text["Audit.Sentence.Changed"], actor, record));
        }

        if (changes.Count > named.Count)
        {
            parts.Add(new Part(text[named.Count == 0 ? "Audit.Sentence.Fields" : "Audit.Sentence.OtherFields", changes.Count - named.Count]));
        }

        return parts;
    }

    /// <summary>
    /// The record an entry is about, as words and links: "王建国", "case V5PR-FWST", "王建国's contact detail"; or,
    /// <paramref name="whose"/>, the one its fields belong to ("王建国" for his phone's number).
    /// </summary>
    private List<Part> Record(AuditEntry entry, Dictionary<string, (JsonElement Old, JsonElement New)> changes, Dictionary<Guid, string> people, Dictionary<Guid, string> cases, bool whose)
    {
        var id = Guid.TryParse(entry.EntityId, out var parsed) ? parsed : Guid.Empty;
        var type = Word($"Audit.Entity.{entry.EntityType}") ?? text["Audit.Entity.Other"];
        if (entry.EntityType == AuditSubject.EntityType)
        {
            return entry.EntityId == "*" ? [new Part(text["Audit.People"])]
                : [new Part(people.GetValueOrDefault(id) ?? type, $"{PeoplePages}/{id}")];
        }

        if (cases.TryGetValue(id, out var number))
        {
            return [new Part(text["Audit.Named", type, number], $"{CasesPages}/{id}")];
        }

        var ofCase = CaseIds(changes).FirstOrDefault(cases.ContainsKey);
        if (ofCase != default)
        {
            List<Part> ofWhich = [new Part(text["Audit.Named", Word("Audit.Entity.Case")!, cases[ofCase]], $"{CasesPages}/{ofCase}")];
            return whose ? ofWhich : Compose(text["Audit.Possessive"], ofWhich, [new Part(type)]);
        }

        var owner = PersonIds(entry, changes).FirstOrDefault(people.ContainsKey);
        if (owner == default)
        {
            return [new Part(type)];
        }

        List<Part> person = [new Part(people[owner], $"{PeoplePages}/{owner}")];
        return whose ? person : Compose(text["Audit.Possessive"], person, [new Part(type)]);
    }

    private static IEnumerable<Guid> CaseIds(Dictionary<string, (JsonElement Old, JsonElement New)> changes) =>
        changes.TryGetValue("CaseId", out var change)
            ? new[] { change.New, change.Old }.Where(v => v.ValueKind == JsonValueKind.String).Select(v => Guid.TryParse(v.GetString(), out var id) ? id : default).Where(id => id != default)
            : [];

    // The people an entry concerns: the person it is, or the one its record belongs to (a phone's PersonId).
    private static IEnumerable<Guid> PersonIds(AuditEntry entry, Dictionary<string, (JsonElement Old, JsonElement New)> changes)
    {
        foreach (var key in new[] { "PersonId", "FromPersonId" })
        {
            if (changes.TryGetValue(key, out var change))
            {
                foreach (var value in new[] { change.New, change.Old })
                {
                    if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var person))
                    {
                        yield return person;
                    }
                }
            }
        }

        foreach (var subject in (entry.Subjects ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Guid.TryParse(subject, out var person))
            {
                yield return person;
            }
        }
    }

    private string? Field(string entityType, string field) => Word($"Audit.Field.{entityType}.{field}") ?? Word($"Audit.Field.{field}");

    private string? Word(string key) => text[key] is { ResourceNotFound: false } found ? found.Value : null;

    private string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => text["Audit.Nothing"],
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };

    private static Dictionary<string, (JsonElement Old, JsonElement New)> Parse(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes))
        {
            return [];
        }

        using var document = JsonDocument.Parse(changes);
        return document.RootElement.ValueKind != JsonValueKind.Object ? [] : document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => (p.Value.TryGetProperty("old", out var o) ? o.Clone() : default, p.Value.TryGetProperty("new", out var n) ? n.Clone() : default));
    }

    /// <summary>The recorded changes as indented JSON with every character as it is (Chinese, "+"), for auditors.</summary>
    private static string? Details(Dictionary<string, (JsonElement Old, JsonElement New)> changes)
    {
        if (changes.Count == 0)
        {
            return null;
        }

        var details = new System.Text.Json.Nodes.JsonObject();
        foreach (var (field, (old, @new)) in changes)
        {
            details[field] = new System.Text.Json.Nodes.JsonObject { ["old"] = Node(old), ["new"] = Node(@new) };
        }

        return details.ToJsonString(Readable);

        static System.Text.Json.Nodes.JsonNode? Node(JsonElement value) =>
            value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText());
    }

    // A format's {n} placeholders filled with parts (each argument may be several parts, some links).
    private static List<Part> Compose(string format, params IReadOnlyList<Part>[] arguments)
    {
        var parts = new List<Part>();
        var at = 0;
        foreach (Match m in PlaceholderPattern().Matches(format))
        {
            if (m.Index > at)
            {
                parts.Add(new Part(format[at..m.Index]));
            }

            parts.AddRange(arguments[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
            at = m.Index + m.Length;
        }

        if (at < format.Length)
        {
            parts.Add(new Part(format[at..]));
        }

        return parts;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex PlaceholderPattern();
}
