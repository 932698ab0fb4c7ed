namespace CareDesk.Features.Outreach;

/// <summary>How a consent was given or withdrawn: on a call (with its contact), a web form, on paper, or by an import (with its source).</summary>
public enum ConsentMethod
{
    Call,
    WebForm,
    Paper,
    Import,
}
