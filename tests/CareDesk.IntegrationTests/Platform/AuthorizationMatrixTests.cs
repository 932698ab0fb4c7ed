using System.Net;
using System.Text;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// Who may call every API operation, in one place: each operation is called as every role and anonymously, and the
/// answer must be the table's — 401 for anonymous, 403 for a role the table leaves out, and anything but 401/403
/// for a role it names. A changed policy, or an operation added without a row here, fails this test.
/// </summary>
/// <remarks>
/// The calls carry random ids and an empty body: they reach the policy, and a permitted caller gets a 400 or 404.
/// Rules a use case checks itself (a field rep's own customers, masked viewers) are tested with real data elsewhere.
/// </remarks>
public sealed class AuthorizationMatrixTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    private const string Anyone = "anyone";
    private const string Signature = "signature";

    private static readonly string[] Staff = [.. Roles.All];
    private static readonly string[] Admin = [Roles.Admin];
    private static readonly string[] Supervision = [Roles.Admin, Roles.Supervisor];
    private static readonly string[] Quality = [Roles.Admin, Roles.Quality];
    private static readonly string[] RegulatoryAssessment = [Roles.Admin, Roles.Quality, Roles.Expert];
    private static readonly string[] QualityDecisions = [Roles.Quality];
    private static readonly string[] Outreach = [Roles.Agent, Roles.OutsourcedAgent, Roles.Expert, Roles.Supervisor];
    private static readonly string[] ComplaintIntake = [Roles.Agent, Roles.OutsourcedAgent, Roles.FieldRep, Roles.Quality];

    /// <summary>Operation → roles that pass its policy (<see cref="Anyone"/>: no sign-in; <see cref="Signature"/>: a signed webhook).</summary>
    private static readonly Dictionary<string, string[]> Table = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/login"] = [Anyone],
        ["POST /api/auth/refresh"] = [Anyone],
        ["POST /api/telephony/events"] = [Signature],
        ["GET /api/audit/"] = Admin,
        ["GET /api/audit/verify"] = Admin,
        ["GET /api/users/"] = Admin,
        ["POST /api/users/"] = Admin,
        ["PUT /api/users/{id}"] = Admin,
        ["POST /api/users/{id}/disable"] = Admin,
        ["POST /api/users/{id}/enable"] = Admin,
        ["GET /api/me/"] = Staff,
        ["PUT /api/me/preferences"] = Staff,
        ["GET /api/people/lookup"] = Staff,
        ["GET /api/people/"] = Staff,
        ["GET /api/people/field-reps"] = Staff,
        ["GET /api/search"] = Staff,
        ["POST /api/people/"] = Staff,
        ["GET /api/people/{id:guid}"] = Staff,
        ["PUT /api/people/{id:guid}"] = Staff,
        ["POST /api/people/{id:guid}/relationships"] = Staff,
        ["POST /api/people/{id:guid}/contact-points"] = Staff,
        ["DELETE /api/people/{id:guid}/facts/{factId:guid}"] = Staff,
        ["POST /api/people/{id:guid}/facts/{factId:guid}/confirm"] = Staff,
        ["POST /api/people/{survivorId:guid}/merge"] = Supervision,
        ["POST /api/people/merges/{mergeId:guid}/unmerge"] = Supervision,
        ["GET /api/people/{id:guid}/merges"] = Staff,
        ["GET /api/catalog/manufacturers"] = Staff,
        ["GET /api/catalog/models"] = Staff,
        ["GET /api/catalog/models/{id}"] = Staff,
        ["POST /api/catalog/models"] = Admin,
        ["PUT /api/catalog/models/{id}"] = Admin,
        ["PUT /api/catalog/models/{id}/links"] = Admin,
        ["GET /api/catalog/models/{id}/regulatory"] = Staff,
        ["PUT /api/catalog/models/{id}/regulatory"] = Quality,
        ["POST /api/regulatory/assess"] = RegulatoryAssessment,
        ["GET /api/regulatory/calendars/cn/"] = Quality,
        ["PUT /api/regulatory/calendars/cn/{year:int}"] = Admin,
        ["POST /api/cases/{id:guid}/complaint"] = Staff,
        ["GET /api/cases/{id:guid}/complaint"] = Staff,
        ["GET /api/complaints/{id:guid}"] = Staff,
        ["POST /api/complaints/{id:guid}/clear"] = QualityDecisions,
        ["PUT /api/complaints/{id:guid}/awareness"] = QualityDecisions,
        ["PUT /api/complaints/{id:guid}/file"] = ComplaintIntake,
        ["PUT /api/complaints/{id:guid}/investigation"] = QualityDecisions,
        ["PUT /api/complaints/{id:guid}/return"] = QualityDecisions,
        ["POST /api/complaints/{id:guid}/reply"] = QualityDecisions,
        ["POST /api/complaints/{id:guid}/close"] = QualityDecisions,
        ["GET /api/complaints/{id:guid}/matches"] = Staff,
        ["POST /api/complaints/{id:guid}/links"] = ComplaintIntake,
        ["PUT /api/complaints/{id:guid}/codes"] = QualityDecisions,
        ["GET /api/complaints/{id:guid}/codes"] = Staff,
        ["GET /api/trending/"] = Quality,
        ["PUT /api/trending/denominators"] = QualityDecisions,
        ["GET /api/trending/signals"] = Quality,
        ["GET /api/complaints/{id:guid}/reports/{form}"] = QualityDecisions,
        ["GET /api/people/{personId:guid}/devices/"] = Staff,
        ["POST /api/people/{personId:guid}/devices/"] = Staff,
        ["GET /api/devices/{id:guid}"] = Staff,
        ["PUT /api/devices/{id:guid}"] = Staff,
        ["POST /api/devices/{id:guid}/status"] = Staff,
        ["POST /api/devices/{id:guid}/events"] = Staff,
        ["GET /api/work"] = Staff,
        ["GET /api/work/views"] = Staff,
        ["POST /api/work/views"] = Staff,
        ["DELETE /api/work/views/{id:guid}"] = Staff,
        ["POST /api/work/reassign"] = Supervision,
        ["GET /api/desk"] = Staff,
        ["GET /api/findings"] = Supervision,
        ["GET /api/teams/"] = Staff,
        ["GET /api/roster/"] = Staff,
        ["POST /api/roster/"] = Supervision,
        ["PUT /api/roster/{id:guid}"] = Supervision,
        ["DELETE /api/roster/{id:guid}"] = Supervision,
        ["GET /api/staff/"] = Staff,
        ["PUT /api/staff/{userId}/skills"] = Supervision,
        ["GET /api/staff/me/presence"] = Staff,
        ["PUT /api/staff/me/presence"] = Staff,
        ["GET /api/shifts/"] = Staff,
        ["GET /api/shifts/on-shift"] = Staff,
        ["POST /api/shifts/"] = Supervision,
        ["POST /api/shifts/template"] = Supervision,
        ["PUT /api/shifts/{id:guid}"] = Supervision,
        ["DELETE /api/shifts/{id:guid}"] = Supervision,
        ["POST /api/cases/"] = Staff,
        ["GET /api/cases/"] = Staff,
        ["GET /api/cases/{id:guid}"] = Staff,
        ["POST /api/cases/{id:guid}/handoffs"] = Staff,
        ["POST /api/cases/{id:guid}/take"] = Staff,
        ["POST /api/cases/{id:guid}/notes"] = Staff,
        ["POST /api/cases/{id:guid}/status"] = Staff,
        ["POST /api/cases/{id:guid}/contacts"] = Staff,
        ["POST /api/cases/{id:guid}/escalations"] = Staff,
        ["POST /api/cases/{id:guid}/callbacks"] = Staff,
        ["GET /api/callbacks/"] = Staff,
        ["POST /api/callbacks/{id:guid}/done"] = Staff,
        ["POST /api/escalations/{id:guid}/acknowledge"] = Staff,
        ["POST /api/escalations/{id:guid}/contacted"] = Staff,
        ["GET /api/service-levels/"] = Staff,
        ["POST /api/service-levels/calendars"] = Supervision,
        ["PUT /api/service-levels/calendars/{id}"] = Supervision,
        ["POST /api/service-levels/policies"] = Supervision,
        ["PUT /api/service-levels/policies/{id:guid}"] = Supervision,
        ["POST /api/contacts/"] = Staff,
        ["GET /api/contacts/"] = Staff,
        ["GET /api/contacts/{id:guid}"] = Staff,
        ["PUT /api/contacts/{id:guid}"] = Staff,
        ["POST /api/contacts/{id:guid}/recording"] = Staff,
        ["GET /api/contacts/{id:guid}/recording"] = Staff,
        ["GET /api/cases/{id:guid}/links"] = Staff,
        ["POST /api/cases/{id:guid}/links"] = Staff,
        ["DELETE /api/cases/{id:guid}/links/{otherCaseId:guid}"] = Staff,
        ["POST /api/cases/{id:guid}/merge"] = Staff,
        ["GET /api/handovers/"] = Supervision,
        ["GET /api/handovers/{id:guid}"] = Supervision,
        ["PUT /api/handovers/{id:guid}/questions"] = Supervision,
        ["POST /api/handovers/{id:guid}/acknowledge"] = Supervision,
        ["PUT /api/cases/{id:guid}/details"] = Staff,
        ["GET /api/cases/{id:guid}/devices"] = Staff,
        ["GET /api/cases/{id:guid}/attachments"] = Staff,
        ["POST /api/cases/{id:guid}/attachments"] = Staff,
        ["GET /api/cases/{id:guid}/attachments/{attachmentId:guid}"] = Staff,
        ["DELETE /api/cases/{id:guid}/attachments/{attachmentId:guid}"] = Staff,
        ["GET /api/macros/"] = Staff,
        ["GET /api/macros/placeholders"] = Staff,
        ["POST /api/macros/"] = Supervision,
        ["PUT /api/macros/{id:guid}"] = Supervision,
        ["DELETE /api/macros/{id:guid}"] = Supervision,
        ["PUT /api/complaints/{id:guid}/facts"] = Staff,
        ["POST /api/complaints/{id:guid}/information"] = Staff,
        ["GET /api/complaints/{id:guid}/reportability"] = Staff,
        ["GET /api/obligations/"] = Quality,
        ["POST /api/obligations/{id:guid}/submit"] = QualityDecisions,
        ["POST /api/cases/{id:guid}/red-flags"] = Staff,
        ["GET /api/cases/{id:guid}/red-flags"] = Staff,
        ["GET /api/red-flags/scripts/"] = Staff,
        ["PUT /api/red-flags/scripts/"] = Admin,
        ["POST /api/contacts/{id:guid}/screening"] = Staff,
        ["POST /api/complaints/{id:guid}/unlink"] = QualityDecisions,
        ["GET /api/people/{id:guid}/consents"] = Staff,
        ["POST /api/people/{id:guid}/consents"] = Staff,
        ["POST /api/people/{id:guid}/do-not-contact"] = Staff,
        ["GET /api/consent-texts/"] = Staff,
        ["POST /api/consent-texts/"] = Quality,
        ["GET /api/questionnaires/"] = Staff,
        ["GET /api/questionnaires/{id:guid}"] = Staff,
        ["POST /api/questionnaires/"] = Supervision,
        ["GET /api/campaigns/"] = Supervision,
        ["POST /api/follow-up-rules"] = Supervision,
        ["GET /api/cases/{id:guid}/follow-ups/"] = Staff,
        ["POST /api/cases/{id:guid}/follow-ups/"] = Staff,
        ["POST /api/campaigns/"] = Supervision,
        ["POST /api/campaigns/{id:guid}/build"] = Supervision,
        ["GET /api/campaigns/{id:guid}/progress"] = Supervision,
        ["GET /api/campaigns/{id:guid}/members"] = Supervision,
        ["GET /api/campaigns/{id:guid}/export"] = Supervision,
        ["POST /api/campaigns/{id:guid}/members/{personId:guid}/override"] = Supervision,
        ["POST /api/campaigns/{id:guid}/start"] = Supervision,
        ["POST /api/campaigns/{id:guid}/pause"] = Supervision,
        ["POST /api/campaigns/{id:guid}/end"] = Supervision,
        ["POST /api/outreach/next"] = Outreach,
        ["GET /api/outreach/attempts/{attemptId:guid}"] = Outreach,
        ["POST /api/outreach/attempts/{attemptId:guid}/dial"] = Outreach,
        ["POST /api/outreach/attempts/{attemptId:guid}/outcome"] = Outreach,
        ["GET /api/outreach/guard"] = Staff,
        ["GET /api/recalls/"] = Quality,
        ["POST /api/recalls/"] = Quality,
        ["GET /api/recalls/{id:guid}"] = Quality,
        ["POST /api/recalls/{id:guid}/shipment-list"] = Quality,
        ["POST /api/recalls/{id:guid}/start"] = Quality,
        ["POST /api/recalls/{id:guid}/close"] = Quality,
        ["GET /api/recalls/{id:guid}/effectiveness"] = Quality,
        ["GET /api/recalls/{id:guid}/devices"] = Quality,
        ["POST /api/recalls/{id:guid}/devices/{deviceId:guid}/confirm"] = Quality,
        ["POST /api/recalls/{id:guid}/devices/{deviceId:guid}/returned"] = Quality,
        ["POST /api/recalls/{id:guid}/devices/{deviceId:guid}/corrected"] = Quality,
        ["POST /api/imports/preview"] = Supervision,
        ["POST /api/imports/"] = Supervision,
        ["GET /api/imports/"] = Supervision,
        ["GET /api/imports/{id:guid}"] = Supervision,
        ["GET /api/imports/{id:guid}/rows"] = Supervision,
        ["GET /api/imports/{id:guid}/rejected.xlsx"] = Supervision,
        ["GET /api/imports/duplicate-candidates"] = Supervision,
        ["POST /api/imports/duplicate-candidates/{id:guid}/confirm"] = Supervision,
        ["POST /api/imports/duplicate-candidates/{id:guid}/reject"] = Supervision,
    };

    private IReadOnlyList<RouteEndpoint> ApiEndpoints =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").StartsWith("/api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/api/reference", StringComparison.Ordinal))];

    [Fact]
    public async Task Every_api_operation_answers_every_role_and_anonymous_as_the_table_says()
    {
        var callers = new Dictionary<string, HttpClient> { [Anyone] = app.CreateClient() };
        foreach (var role in Roles.All)
        {
            callers[role] = await app.CreateClientForRoleAsync(role);
        }

        var wrong = new StringBuilder();
        var missing = new List<string>();
        foreach (var endpoint in ApiEndpoints)
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                var operation = $"{method} {endpoint.RoutePattern.RawText}";
                if (!Table.TryGetValue(operation, out var allowed))
                {
                    missing.Add($"[\"{operation}\"] = {Suggest(endpoint)},");
                    continue;
                }

                foreach (var (caller, client) in callers)
                {
                    var status = await CallAsync(client, method, endpoint);
                    var expected = Expect(allowed, caller);
                    if (!expected(status))
                    {
                        wrong.AppendLine($"{operation} as {caller}: {(int)status}");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "Operations with no row in the table (add one):\n" + string.Join("\n", missing));
        Assert.True(wrong.Length == 0, "Answers that break the table:\n" + wrong);
    }

    [Fact]
    public void Every_table_row_is_a_real_operation()
    {
        var operations = ApiEndpoints
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);

        var stale = Table.Keys.Where(k => !operations.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Rows with no operation: " + string.Join(", ", stale));
    }

    // What the endpoint declares today, as a row to review before adding it: the table is the expectation, not a copy.
    private static string Suggest(RouteEndpoint endpoint)
    {
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "[Anyone]";
        }

        return policies.Count == 1
            ? policies[0] switch
            {
                Policies.Staff => "Staff",
                Policies.Admin => "Admin",
                Policies.Supervision => "Supervision",
                Policies.Quality => "Quality",
                Policies.RegulatoryAssessment => "RegulatoryAssessment",
                Policies.QualityDecisions => "QualityDecisions",
                var other => $"/* policy {other} */",
            }
            : "/* several policies */";
    }

    private static Func<HttpStatusCode, bool> Expect(string[] allowed, string caller)
    {
        if (allowed.Contains(Signature))
        {
            return status => status == HttpStatusCode.Unauthorized;
        }

        if (allowed.Contains(Anyone))
        {
            return status => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) || caller != Anyone;
        }

        if (caller == Anyone)
        {
            return status => status == HttpStatusCode.Unauthorized;
        }

        return allowed.Contains(caller)
            ? status => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            : status => status == HttpStatusCode.Forbidden;
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string method, RouteEndpoint endpoint)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Address(endpoint));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = ApiJson.Raw("{}");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    // Route values that satisfy the parameter's constraint, so the call reaches the endpoint and its policy.
    private static string Address(RouteEndpoint endpoint) =>
        "/" + string.Join("/", endpoint.RoutePattern.PathSegments
            .Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart { IsOptional: true } => "",
                RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
                RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "1",
                _ => "x",
            })))
            .Where(segment => segment.Length > 0));
}
