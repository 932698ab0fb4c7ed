namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// A file that passed the checks up front but breaks while its rows stream (a sheet's XML cut short): the import
/// stops the file with <see cref="Reason"/>, a <see cref="FileRejectionReason"/> code.
/// </summary>
public sealed class DistributorFileException : Exception
{
    public DistributorFileException()
        : this(FileRejectionReason.CorruptXlsx, "The file could not be read.", null)
    {
    }

    public DistributorFileException(string message)
        : this(FileRejectionReason.CorruptXlsx, message, null)
    {
    }

    public DistributorFileException(string message, Exception? innerException)
        : this(FileRejectionReason.CorruptXlsx, message, innerException)
    {
    }

    public DistributorFileException(string reason, string message, Exception? innerException)
        : base(message, innerException) => Reason = reason;

    public string Reason { get; }
}
