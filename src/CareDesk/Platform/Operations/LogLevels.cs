using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace CareDesk.Platform.Operations;

/// <summary>
/// Honours the standard .NET <c>Logging:LogLevel</c> settings (<c>Logging__LogLevel__Default=Warning</c>,
/// <c>Logging__LogLevel__Microsoft.AspNetCore=Information</c>) on top of the <c>Serilog</c> section, so an operator who
/// sets the level the way every .NET host documents it gets that level. They win over the Serilog section because
/// an environment variable is how production sets them.
/// </summary>
public static class LogLevels
{
    public static LoggerConfiguration ApplyStandardLevels(this LoggerConfiguration logger, IConfiguration configuration)
    {
        foreach (var setting in configuration.GetSection("Logging:LogLevel").GetChildren())
        {
            if (Parse(setting.Value) is not { } level)
            {
                throw new InvalidOperationException(
                    $"Logging:LogLevel:{setting.Key} = '{setting.Value}' is not a log level (Trace, Debug, Information, Warning, Error, Critical, None).");
            }

            if (string.Equals(setting.Key, "Default", StringComparison.OrdinalIgnoreCase))
            {
                logger.MinimumLevel.Is(level);
            }
            else
            {
                logger.MinimumLevel.Override(setting.Key, level);
            }
        }

        return logger;
    }

    // Microsoft's level names; None turns a category off (above Fatal).
    internal static LogEventLevel? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "trace" or "verbose" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "information" => LogEventLevel.Information,
        "warning" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "critical" or "fatal" => LogEventLevel.Fatal,
        "none" => (LogEventLevel)((int)LogEventLevel.Fatal + 1),
        _ => null,
    };
}
