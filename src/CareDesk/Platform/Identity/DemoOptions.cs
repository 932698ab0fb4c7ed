namespace CareDesk.Platform.Identity;

/// <summary>Section <c>Demo</c>: demo mode seeds one user per role and sample data. Never on in production.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public const string Password = "CareDesk-demo-1";
    public const string EmailDomain = "demo.caredesk";

    public bool Enabled { get; set; }

    /// <summary>Also a few sample cases for the demo people (run.sh turns it on; the test hosts leave it off).</summary>
    public bool SampleCases { get; set; }
}
