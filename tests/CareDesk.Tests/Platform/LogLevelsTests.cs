using CareDesk.Platform.Operations;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace CareDesk.Tests.Platform;

public sealed class LogLevelsTests
{
    [Fact]
    public void The_standard_default_level_raises_the_minimum_over_the_serilog_section()
    {
        var sink = new CollectingSink();
        using var logger = Build(sink, new()
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Logging:LogLevel:Default"] = "Warning",
        });

        logger.ForContext(Constants.SourceContextPropertyName, "Serilog.AspNetCore.RequestLoggingMiddleware").Information("request");
        logger.Warning("kept");

        Assert.Equal(["kept"], sink.Messages);
    }

    [Fact]
    public void A_category_level_overrides_the_default_for_that_category_only()
    {
        var sink = new CollectingSink();
        using var logger = Build(sink, new()
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CareDesk.Features"] = "Debug",
        });

        logger.ForContext(Constants.SourceContextPropertyName, "CareDesk.Features.Cases.EscalateCase").Debug("feature");
        logger.ForContext(Constants.SourceContextPropertyName, "Microsoft.AspNetCore.Hosting").Information("host");

        Assert.Equal(["feature"], sink.Messages);
    }

    [Fact]
    public void None_silences_a_category()
    {
        var sink = new CollectingSink();
        using var logger = Build(sink, new() { ["Logging:LogLevel:Quartz"] = "None" });

        logger.ForContext(Constants.SourceContextPropertyName, "Quartz.Core.QuartzScheduler").Fatal("quiet");

        Assert.Empty(sink.Messages);
    }

    [Fact]
    public void A_misspelt_level_stops_the_host_with_its_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warn" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new LoggerConfiguration().ApplyStandardLevels(configuration));

        Assert.Contains("Logging:LogLevel:Default", error.Message, StringComparison.Ordinal);
    }

    private static Logger Build(CollectingSink sink, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new LoggerConfiguration().MinimumLevel.Verbose()
            .ReadFrom.Configuration(configuration)
            .ApplyStandardLevels(configuration)
            .WriteTo.Sink(sink)
            .CreateLogger();
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<string> Messages { get; } = [];

        public void Emit(LogEvent logEvent) => Messages.Add(logEvent.MessageTemplate.Text);
    }
}
