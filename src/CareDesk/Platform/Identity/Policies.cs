using Microsoft.AspNetCore.Authorization;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Named authorization policies. Every endpoint and page names one of these; the fallback policy makes
/// anything unnamed require a signed-in, enabled user, so a forgotten attribute never opens a door.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in staff member with at least one role.</summary>
    public const string Staff = "staff";

    /// <summary>User administration, audit log, system settings.</summary>
    public const string Admin = "admin";

    /// <summary>Supervisors and admins: rosters, reports, reassignments.</summary>
    public const string Supervision = "supervision";

    /// <summary>Quality and admins: regulatory profiles, reportability decisions (F17).</summary>
    public const string Quality = "quality";

    /// <summary>Quality alone: clears complaint flags and corrects awareness (F15: "only quality may clear").</summary>
    public const string QualityDecisions = "quality-decisions";

    /// <summary>Quality, admins and experts: the reportability what-if (F17).</summary>
    public const string RegulatoryAssessment = "regulatory-assessment";

    /// <summary>Who records a complaint's intake (device, UDI, patient, the caller's words) and links reports of one event (F16).</summary>
    public const string ComplaintIntake = "complaint-intake";

    /// <summary>Who makes outreach calls and takes the next contact (F21): agents, outsourced agents, experts, supervisors.</summary>
    public const string Outreach = "outreach";

    public static AuthorizationBuilder AddCareDeskPolicies(this AuthorizationBuilder builder)
    {
        // The one scheme that forwards to the cookie or the bearer token: naming both here made both challenge
        // and forbid, and the bearer's bare 401/403 replaced the cookie's redirect to sign-in or access denied.
        string[] schemes = [IdentitySetup.SmartScheme];
        AuthorizationPolicy Build(params string[] roles)
        {
            var policy = new AuthorizationPolicyBuilder(schemes).RequireAuthenticatedUser();
            if (roles.Length > 0)
            {
                policy.RequireRole(roles);
            }

            return policy.Build();
        }

        return builder
            .AddPolicy(Staff, Build([.. Roles.All]))
            .AddPolicy(Admin, Build(Roles.Admin))
            .AddPolicy(Supervision, Build(Roles.Admin, Roles.Supervisor))
            .AddPolicy(Quality, Build(Roles.Admin, Roles.Quality))
            .AddPolicy(QualityDecisions, Build(Roles.Quality))
            .AddPolicy(RegulatoryAssessment, Build(Roles.Admin, Roles.Quality, Roles.Expert))
            .AddPolicy(Outreach, Build(Roles.Agent, Roles.OutsourcedAgent, Roles.Expert, Roles.Supervisor))
            .AddPolicy(ComplaintIntake, Build(Roles.Agent, Roles.OutsourcedAgent, Roles.FieldRep, Roles.Quality))
            .SetDefaultPolicy(Build([.. Roles.All]))
            .SetFallbackPolicy(Build([.. Roles.All]));
    }
}
