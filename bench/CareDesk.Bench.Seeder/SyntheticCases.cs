using System.Globalization;
using NpgsqlTypes;

namespace CareDesk.Bench.Seeder;

/// <summary>
/// Cases, their timelines and contacts on top of a seeded <see cref="SyntheticPopulation"/>, deterministic like it.
/// Owners are spread evenly over every user (the demo users the host seeded plus <c>staff</c> bench agents, who
/// cannot sign in) and every team queue: case i is owned by a team when i % 4 == 0, else by user i % users. Eight in
/// ten cases of either kind are closed, one resolved, one open (new, in progress or waiting on the customer). Contact i (i below the
/// case count) is the call that opened case i and is linked to it; the other contacts belong to people at random.
/// One more case, owned by the demo agent and open, has <see cref="LongTimeline"/> timeline entries: the case page
/// benchmark reads it.
/// </summary>
/// <remarks>
/// Each table's columns are listed once, next to the rows that fill them: a column added by a migration (service
/// level due times on cases, hold time on contacts) is one more entry there and one more value in the row.
/// </remarks>
internal sealed class SyntheticCases(int people, int cases, int contacts, int staff, IReadOnlyList<string> existingUsers, IReadOnlyList<string> teams, string demoAgentId)
{
    public const int LongTimeline = 200;
    public const string StaffPrefix = "bench-staff-";
    public const string DemoAgent = "AGENT@DEMO.CAREDESK";
    public const string NotReady = "Needs a seeded population whose host has started once in demo mode (demo users and teams exist) and no cases yet.";

    private static readonly DateTimeOffset Start = new(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Types = ["Question", "TechnicalSupport", "Repair", "Complaint", "OrderHelp", "Feedback"];
    private static readonly string[] Priorities = ["Low", "Normal", "Normal", "High", "Urgent"];
    private static readonly string[] OpenStatuses = ["New", "InProgress", "WaitingOnCustomer"];
    private static readonly string[] Subjects = ["Meter shows E-3", "Pump occlusion alarm", "Sensor lost signal", "Order not delivered", "Strips out of stock", "How to calibrate"];
    private static readonly string[] Channels = ["Phone", "Phone", "Phone", "Email", "WeChat", "Video"];

    private readonly string[] users = [.. existingUsers, .. Enumerable.Range(0, staff).Select(StaffId)];

    /// <summary>The case with the long timeline.</summary>
    public static Guid LongCaseId(int cases) => SyntheticPopulation.Id(11, cases);

    public static string StaffId(int i) => string.Create(CultureInfo.InvariantCulture, $"{StaffPrefix}{i:D5}");

    // A bijection of i below 30^8 (the multiplier is coprime with 30): distinct readable numbers without a lookup.
    public static string Number(long i)
    {
        var n = ((i * 104_729L) + 12_345L) % 656_100_000_000L;
        Span<char> number = stackalloc char[8];
        for (var c = 7; c >= 0; c--)
        {
            number[c] = "23456789ABCDEFGHJKMNPQRSTVWXYZ"[(int)(n % 30)];
            n /= 30;
        }

        return new string(number);
    }

    public IEnumerable<TableLoad> Tables()
    {
        yield return new TableLoad("AspNetUsers", StaffColumns, staff, StaffRows);
        yield return new TableLoad("contacts", ContactColumns, contacts, ContactRows);
        yield return new TableLoad("cases", CaseColumns, cases + 1L, CaseRows);
        yield return new TableLoad("case_entries", EntryColumns, EntryCount(), EntryRows);
    }

    private long EntryCount()
    {
        long count = 0;
        for (var i = 0; i < cases; i++)
        {
            count += Entries(i);
        }

        return count + LongTimeline;
    }

    private static readonly Column[] StaffColumns =
    [
        new("Id", NpgsqlDbType.Text), new("UserName", NpgsqlDbType.Varchar), new("NormalizedUserName", NpgsqlDbType.Varchar),
        new("Email", NpgsqlDbType.Varchar), new("NormalizedEmail", NpgsqlDbType.Varchar), new("EmailConfirmed", NpgsqlDbType.Boolean),
        new("SecurityStamp", NpgsqlDbType.Text), new("ConcurrencyStamp", NpgsqlDbType.Text), new("PhoneNumberConfirmed", NpgsqlDbType.Boolean),
        new("TwoFactorEnabled", NpgsqlDbType.Boolean), new("LockoutEnabled", NpgsqlDbType.Boolean), new("AccessFailedCount", NpgsqlDbType.Integer),
        new("DisplayName", NpgsqlDbType.Varchar), new("Language", NpgsqlDbType.Varchar), new("TimeZone", NpgsqlDbType.Varchar),
        new("IsDisabled", NpgsqlDbType.Boolean), new("CreatedAt", NpgsqlDbType.TimestampTz),
    ];

    private IEnumerable<object?[]> StaffRows()
    {
        for (var i = 0; i < staff; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"{StaffId(i)}@bench.caredesk");
            // No password hash: bench agents own cases but never sign in.
            yield return
            [
                StaffId(i), email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true,
                SyntheticPopulation.Id(14, i).ToString("N"), SyntheticPopulation.Id(15, i).ToString(), false,
                false, true, 0, string.Create(CultureInfo.InvariantCulture, $"Bench agent {i}"), "zh-CN", "Asia/Shanghai",
                false, Start,
            ];
        }
    }

    private int PersonOf(long caseIndex) => (int)((caseIndex * 7_919L) % people);

    private string UserOf(long i) => users[(int)(i % users.Length)];

    private static DateTimeOffset OpenedAt(long i) => Start.AddMinutes(i % 1_000_000 + (i / 1_000_000 * 7));

    // A digit that takes every value within team-owned (i % 4 == 0) and user-owned cases alike.
    private static string StatusOf(long i) => (((i * 3) + (i / 4)) % 10) switch
    {
        < 8 => "Closed",
        8 => "Resolved",
        _ => OpenStatuses[(int)(i / 10 % OpenStatuses.Length)],
    };

    private static readonly Column[] ContactColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("PersonId", NpgsqlDbType.Uuid), new("Channel", NpgsqlDbType.Varchar),
        new("Direction", NpgsqlDbType.Varchar), new("Source", NpgsqlDbType.Varchar), new("ExternalId", NpgsqlDbType.Varchar),
        new("AgentUserId", NpgsqlDbType.Varchar), new("StartedAt", NpgsqlDbType.TimestampTz), new("AnsweredAt", NpgsqlDbType.TimestampTz),
        new("EndedAt", NpgsqlDbType.TimestampTz), new("Missed", NpgsqlDbType.Boolean),
    ];

    private IEnumerable<object?[]> ContactRows()
    {
        for (long k = 0; k < contacts; k++)
        {
            var person = k < cases ? PersonOf(k) : (int)((k * 104_729L) % people);
            var started = k < cases ? OpenedAt(k).AddMinutes(-5) : Start.AddSeconds(k * 13 % 63_000_000);
            yield return
            [
                SyntheticPopulation.Id(13, k), SyntheticPopulation.Id(1, person), Channels[(int)(k % Channels.Length)],
                k % 5 == 4 ? "Outbound" : "Inbound", "bench", string.Create(CultureInfo.InvariantCulture, $"bench-{k}"),
                UserOf(k), started, started.AddSeconds(20), started.AddSeconds(20 + (k % 600)), false,
            ];
        }
    }

    private static readonly Column[] CaseColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("Number", NpgsqlDbType.Varchar), new("PersonId", NpgsqlDbType.Uuid),
        new("Type", NpgsqlDbType.Varchar), new("Priority", NpgsqlDbType.Varchar), new("Status", NpgsqlDbType.Varchar),
        new("Subject", NpgsqlDbType.Varchar), new("OwnerUserId", NpgsqlDbType.Varchar), new("OwnerTeamId", NpgsqlDbType.Varchar),
        new("Resolution", NpgsqlDbType.Varchar), new("ReopenCount", NpgsqlDbType.Integer), new("OpenedBy", NpgsqlDbType.Varchar),
        new("OpenedAt", NpgsqlDbType.TimestampTz), new("UpdatedAt", NpgsqlDbType.TimestampTz), new("ResolvedAt", NpgsqlDbType.TimestampTz),
        new("ClosedAt", NpgsqlDbType.TimestampTz), new("Version", NpgsqlDbType.Uuid), new("LastActivityAt", NpgsqlDbType.TimestampTz),

        // Service levels as OpenCase stores them (policy "any", 24/7: first response 4 h, resolution 3 days, warn at 80 %).
        new("ServicePolicyId", NpgsqlDbType.Uuid), new("ServiceCalendarId", NpgsqlDbType.Varchar), new("ServiceWarnShare", NpgsqlDbType.Double),
        new("FirstResponseTarget", NpgsqlDbType.Interval), new("FirstResponseDueAt", NpgsqlDbType.TimestampTz),
        new("FirstResponseWarnAt", NpgsqlDbType.TimestampTz), new("FirstRespondedAt", NpgsqlDbType.TimestampTz),
        new("ResolutionTarget", NpgsqlDbType.Interval), new("ResolutionDueAt", NpgsqlDbType.TimestampTz),
        new("ResolutionWarnAt", NpgsqlDbType.TimestampTz), new("ClockPausedSince", NpgsqlDbType.TimestampTz), new("NextDueAt", NpgsqlDbType.TimestampTz),
    ];

    private static readonly Guid BenchPolicyId = new("0b0b0b0b-0000-4000-8000-00000000000f");
    private static readonly TimeSpan FirstResponseTarget = TimeSpan.FromHours(4);
    private static readonly TimeSpan ResolutionTarget = TimeSpan.FromDays(3);

    private static object?[] ServiceLevels(DateTimeOffset opened, string status)
    {
        var open = status is not ("Closed" or "Resolved");
        var responded = status == "New" ? (DateTimeOffset?)null : opened.AddMinutes(30);
        var firstDue = opened + FirstResponseTarget;
        var resolutionDue = opened + ResolutionTarget;
        var paused = status == "WaitingOnCustomer" ? opened.AddMinutes(30) : (DateTimeOffset?)null;
        var nextDue = !open || paused is not null ? (DateTimeOffset?)null : responded is null ? firstDue : resolutionDue;
        return
        [
            BenchPolicyId, "24x7", 0.8, FirstResponseTarget, firstDue, opened + (FirstResponseTarget * 0.8), responded,
            ResolutionTarget, resolutionDue, opened + (ResolutionTarget * 0.8), paused, nextDue,
        ];
    }

    private IEnumerable<object?[]> CaseRows()
    {
        for (long i = 0; i < cases; i++)
        {
            var status = StatusOf(i);
            var opened = OpenedAt(i);
            var done = status is "Closed" or "Resolved";
            var (ownerUser, ownerTeam) = i % 4 == 0 ? (null, teams[(int)(i / 4 % teams.Count)]) : (UserOf(i), (string?)null);
            yield return
            [
                SyntheticPopulation.Id(11, i), Number(i), SyntheticPopulation.Id(1, PersonOf(i)),
                Types[(int)(i % Types.Length)], Priorities[(int)(i % Priorities.Length)], status,
                Subjects[(int)(i % Subjects.Length)], ownerUser, ownerTeam,
                done ? "Explained the reading; customer confirmed." : null, 0, UserOf(i + 1),
                opened, opened.AddHours(3), done ? opened.AddHours(2) : null, status == "Closed" ? opened.AddHours(3) : null,
                SyntheticPopulation.Id(16, i), opened.AddHours(3), .. ServiceLevels(opened, status),
            ];
        }

        var at = Start.AddDays(600);
        yield return
        [
            LongCaseId(cases), Number(cases), SyntheticPopulation.Id(1, 0), "TechnicalSupport", "High", "InProgress",
            "Recurring pump alarms (long history)", demoAgentId, null, null, 0, demoAgentId,
            at, at.AddMinutes(LongTimeline), null, null, SyntheticPopulation.Id(16, cases), at.AddMinutes(LongTimeline),
            .. ServiceLevels(at, "InProgress"),
        ];
    }

    private static int Entries(long i) => StatusOf(i) switch
    {
        "Closed" => 5,
        "Resolved" => 4,
        "New" => 2,
        _ => 3,
    };

    private static readonly Column[] EntryColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("CaseId", NpgsqlDbType.Uuid), new("Kind", NpgsqlDbType.Varchar),
        new("At", NpgsqlDbType.TimestampTz), new("ActorUserId", NpgsqlDbType.Varchar), new("Text", NpgsqlDbType.Varchar),
        new("Status", NpgsqlDbType.Varchar), new("ContactId", NpgsqlDbType.Uuid),
    ];

    private IEnumerable<object?[]> EntryRows()
    {
        long n = 0;
        for (long i = 0; i < cases; i++)
        {
            var id = SyntheticPopulation.Id(11, i);
            var opened = OpenedAt(i);
            var actor = UserOf(i + 1);
            var status = StatusOf(i);
            yield return [SyntheticPopulation.Id(12, n++), id, "Opened", opened, actor, null, null, null];
            yield return [SyntheticPopulation.Id(12, n++), id, "ContactLinked", opened, actor, null, null, i < contacts ? SyntheticPopulation.Id(13, i) : null];
            if (status == "New")
            {
                continue;
            }

            yield return [SyntheticPopulation.Id(12, n++), id, "StatusChanged", opened.AddMinutes(30), actor, null, status is "WaitingOnCustomer" ? status : "InProgress", null];
            if (status is "Resolved" or "Closed")
            {
                yield return [SyntheticPopulation.Id(12, n++), id, "StatusChanged", opened.AddHours(2), actor, "Explained the reading; customer confirmed.", "Resolved", null];
            }

            if (status == "Closed")
            {
                yield return [SyntheticPopulation.Id(12, n++), id, "StatusChanged", opened.AddHours(3), actor, null, "Closed", null];
            }
        }

        var longCase = LongCaseId(cases);
        var at = Start.AddDays(600);
        yield return [SyntheticPopulation.Id(12, n++), longCase, "Opened", at, demoAgentId, null, null, null];
        for (var e = 1; e < LongTimeline; e++)
        {
            yield return
            [
                SyntheticPopulation.Id(12, n++), longCase, "Note", at.AddMinutes(e), demoAgentId,
                string.Create(CultureInfo.InvariantCulture, $"Call {e}: alarm again, walked through the occlusion checklist."), null, null,
            ];
        }
    }
}
