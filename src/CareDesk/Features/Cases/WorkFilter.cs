using CareDesk.Features.ServiceLevels;
using CareDesk.Platform.Api;

namespace CareDesk.Features.Cases;

/// <summary>
/// How the work page narrows and orders cases: statuses (open ones when none), a team's queue, an owner (<c>me</c> or a
/// user id), service-level states, and the order (<c>due</c>, <c>opened</c> or <c>activity</c>, <c>asc</c> or
/// <c>desc</c>). One text form (<see cref="ToQuery"/>) is the page's address and what a saved view stores.
/// </summary>
public sealed record WorkFilter(
    IReadOnlyList<string>? Status = null,
    string? Team = null,
    string? Owner = null,
    IReadOnlyList<string>? ServiceLevel = null,
    string? Sort = null,
    string? Order = null)
{
    public const string Due = "due";
    public const string Opened = "opened";
    public const string Activity = "activity";

    public static readonly IReadOnlyList<string> Sorts = [Due, Opened, Activity];

    public static readonly IReadOnlyList<string> Orders = ["asc", "desc"];

    /// <summary>No filter and no order chosen: the page shows my cases and my teams' queues.</summary>
    public bool IsEmpty => (Status is null or { Count: 0 }) && Team is null && Owner is null && (ServiceLevel is null or { Count: 0 }) && Sort is null && Order is null;

    public bool Descending => Order == "desc";

    /// <summary>The statuses asked for: the open ones when none was named.</summary>
    public IReadOnlyList<CaseStatus> Statuses() => Status is { Count: > 0 }
        ? [.. Status.Select(s => CaseTerms.Statuses[s]).Distinct()]
        : [CaseStatus.New, CaseStatus.InProgress, CaseStatus.WaitingOnCustomer];

    /// <summary>The first value the filter cannot take, as a 400 naming its field.</summary>
    public Failure? Check()
    {
        if (Status?.FirstOrDefault(s => !CaseTerms.Statuses.ContainsKey(s)) is { } status)
        {
            return Failure.Invalid("status", "Work.StatusInvalid", status, CaseTerms.List(CaseTerms.Statuses));
        }

        if (ServiceLevel?.FirstOrDefault(s => !ServiceLevelState.All.Contains(s)) is { } state)
        {
            return Failure.Invalid("serviceLevel", "Work.ServiceLevelInvalid", state, string.Join(", ", ServiceLevelState.All));
        }

        if (Sort is not null && !Sorts.Contains(Sort))
        {
            return Failure.Invalid("sort", "Work.SortInvalid", string.Join(", ", Sorts));
        }

        if (Order is not null && !Orders.Contains(Order))
        {
            return Failure.Invalid("order", "Work.OrderInvalid");
        }

        return Team is { Length: > 64 } ? Failure.Invalid("team", "Case.TeamNotFound")
            : Owner is { Length: > 450 } ? Failure.Invalid("owner", "Case.UserNotFound")
            : null;
    }

    /// <summary>The filter as an address query (<c>status=new,in-progress&amp;sort=opened</c>), empty values left out.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("status", Status is { Count: > 0 } ? string.Join(',', Status) : null);
        Add("team", Team);
        Add("owner", Owner);
        Add("serviceLevel", ServiceLevel is { Count: > 0 } ? string.Join(',', ServiceLevel) : null);
        Add("sort", Sort);
        Add("order", Order);
        return string.Join('&', parts);
    }

    /// <summary>Reads the address's values; lists may be repeated or comma-separated.</summary>
    public static WorkFilter From(IEnumerable<string?>? status, string? team, string? owner, IEnumerable<string?>? serviceLevel, string? sort, string? order) => new(
        Split(status), Blank(team), Blank(owner), Split(serviceLevel), Blank(sort), Blank(order));

    /// <summary>Reads back <see cref="ToQuery"/>.</summary>
    public static WorkFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => Uri.UnescapeDataString(p[1])).ToList(), StringComparer.Ordinal);
        string? One(string name) => values.GetValueOrDefault(name)?.FirstOrDefault();
        return From(values.GetValueOrDefault("status"), One("team"), One("owner"), values.GetValueOrDefault("serviceLevel"), One("sort"), One("order"));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string>? Split(IEnumerable<string?>? values)
    {
        List<string> split = [.. (values ?? []).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];
        return split.Count == 0 ? null : split;
    }
}
