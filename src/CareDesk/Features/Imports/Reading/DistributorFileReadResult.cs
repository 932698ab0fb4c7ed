using System.Diagnostics.CodeAnalysis;

namespace CareDesk.Features.Imports.Reading;

/// <summary>Either the opened file or why it cannot be read.</summary>
public sealed record DistributorFileReadResult(DistributorFile? File, FileRejection? Rejection)
{
    [MemberNotNullWhen(true, nameof(Rejection))]
    [MemberNotNullWhen(false, nameof(File))]
    public bool IsRejected
    {
        get
        {
            if (Rejection is not null)
            {
                return true;
            }

            return File is null ? throw new InvalidOperationException("A read result holds a file or a rejection.") : false;
        }
    }
}
