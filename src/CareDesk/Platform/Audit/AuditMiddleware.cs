using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Platform.Audit;

internal static class AuditMiddleware
{
    /// <summary>After authentication: every request scope knows its actor and request id.</summary>
    public static IApplicationBuilder UseAuditContext(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var audit = context.RequestServices.GetRequiredService<AuditContext>();
            audit.SetUser(context.User);
            audit.RequestId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            await next(context);
        });
}
